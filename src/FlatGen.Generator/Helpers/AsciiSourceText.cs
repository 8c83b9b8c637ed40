using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FlatGen.Generator.Helpers;

/// <summary>
/// A generated file that is all ASCII, kept as one byte a character: half the memory of a string, for the generator's
/// run and for as long as the compiler keeps the file. Its encoding is UTF-8, of which those bytes are the encoded form.
/// </summary>
internal sealed class AsciiSourceText : SourceText
{
    private readonly byte[] _bytes;

    /// <summary>Initializes a text over <paramref name="bytes"/>, which must all be ASCII (below 0x80).</summary>
    public AsciiSourceText(byte[] bytes) => _bytes = bytes;

    public override Encoding Encoding => Encoding.UTF8;

    public override int Length => _bytes.Length;

    public override char this[int position] => (char)_bytes[position];

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        if ((uint)sourceIndex > (uint)_bytes.Length || (uint)count > (uint)(_bytes.Length - sourceIndex))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        Encoding.ASCII.GetChars(_bytes, sourceIndex, count, destination, destinationIndex);
    }
}

using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace FlatGen.Infrastructure;

/// <summary>
/// Valid UTF-8 decoded to UTF-16 in a caller's stack buffer, or in a pooled array when it does not fit; dispose it
/// to return the array. Each UTF-8 byte decodes to at most one UTF-16 code unit, so the buffer needs no more.
/// </summary>
internal ref struct DecodedUtf8
{
    /// <summary>Text up to this many UTF-16 code units (or UTF-8 bytes) goes in a stack buffer; longer text in a pooled array.</summary>
    public const int StackLength = 256;

    private char[]? _rented;

    private DecodedUtf8(ReadOnlySpan<char> chars, char[]? rented)
    {
        Chars = chars;
        _rented = rented;
    }

    /// <summary>Gets the decoded text.</summary>
    public ReadOnlySpan<char> Chars { get; }

    /// <summary>Decodes <paramref name="utf8"/>, which must be valid UTF-8, into <paramref name="stack"/> if it fits.</summary>
    public static DecodedUtf8 Decode(ReadOnlySpan<byte> utf8, Span<char> stack)
    {
        char[]? rented = utf8.Length <= stack.Length ? null : ArrayPool<char>.Shared.Rent(utf8.Length);
        Span<char> buffer = rented ?? stack;
        return new DecodedUtf8(buffer.Slice(0, Encoding.UTF8.GetChars(utf8, buffer)), rented);
    }

    /// <summary>
    /// Decodes <paramref name="utf8"/> into a new string in one pass over a buffer as long as the bytes, so that
    /// bytes another thread changes meanwhile (a misused map) give wrong text, never an exception.
    /// </summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    public static string ToString(ReadOnlySpan<byte> utf8)
    {
        using DecodedUtf8 decoded = Decode(utf8, stackalloc char[StackLength]);
        return new string(decoded.Chars);
    }

    /// <summary>Returns the pooled array, if one was rented.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }
}

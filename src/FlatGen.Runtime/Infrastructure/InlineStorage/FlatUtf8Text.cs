using System;
using System.Text;

namespace FlatGen.Infrastructure;

/// <summary>Text to store, from UTF-16 or UTF-8, validated and measured in UTF-8 bytes before anything is written.</summary>
internal readonly ref struct FlatUtf8Text
{
    private readonly ReadOnlySpan<char> _chars;
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly bool _isUtf16;

    private FlatUtf8Text(ReadOnlySpan<char> chars, ReadOnlySpan<byte> bytes, bool isUtf16, int byteCount)
    {
        _chars = chars;
        _bytes = bytes;
        _isUtf16 = isUtf16;
        ByteCount = byteCount;
        IsValue = true;
    }

    public int ByteCount { get; }

    /// <summary>Gets whether this is text (an empty one included), not <see langword="default"/>, which stands for none.</summary>
    public bool IsValue { get; }

    /// <exception cref="ArgumentException"><paramref name="text"/> holds a lone surrogate.</exception>
    public static FlatUtf8Text FromChars(ReadOnlySpan<char> text, string parameterName)
    {
        if (!FlatUtf8.TryGetByteCount(text, out int byteCount))
        {
            throw new ArgumentException($"The text is not valid UTF-16: it holds a lone surrogate at index {byteCount}.", parameterName);
        }

        return new FlatUtf8Text(text, default, isUtf16: true, byteCount);
    }

    /// <summary>Bytes known to be valid UTF-8.</summary>
    public static FlatUtf8Text FromValidBytes(ReadOnlySpan<byte> text) => new(default, text, isUtf16: false, text.Length);

    /// <exception cref="ArgumentException"><paramref name="text"/> is not valid UTF-8.</exception>
    public static FlatUtf8Text FromBytes(ReadOnlySpan<byte> text, string parameterName)
    {
        if (!FlatUtf8.IsValid(text))
        {
            FlatThrow.InvalidUtf8(parameterName);
        }

        return new FlatUtf8Text(default, text, isUtf16: false, text.Length);
    }

    public void CopyTo(Span<byte> destination)
    {
        if (_isUtf16)
        {
            Encoding.UTF8.GetBytes(_chars, destination);
        }
        else
        {
            FlatUtf8.Copy(_bytes, destination);
        }
    }
}

using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace FlatGen.Infrastructure;

/// <summary>UTF-16 text measured as the UTF-8 it becomes, refusing what would not come back unchanged.</summary>
internal static class FlatUtf8
{
    /// <summary>Gets the UTF-8 length of <paramref name="text"/>, or the index of its first lone surrogate, which has no UTF-8 form.</summary>
    /// <returns><see langword="true"/> if the text is valid UTF-16; otherwise <see langword="false"/>, and <paramref name="byteCount"/> is the lone surrogate's index.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // The ASCII test inline, as on an inline map's add path before.
    public static bool TryGetByteCount(ReadOnlySpan<char> text, out int byteCount)
    {
        if (Ascii.IsValid(text))
        {
            byteCount = text.Length;
            return true;
        }

        return TryGetNonAsciiByteCount(text, out byteCount);
    }

    private static bool TryGetNonAsciiByteCount(ReadOnlySpan<char> text, out int byteCount)
    {
        byteCount = 0;
        for (int i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.Slice(i), out Rune rune, out int read) != OperationStatus.Done)
            {
                byteCount = i;
                return false;
            }

            byteCount += rune.Utf8SequenceLength;
            i += read;
        }

        return true;
    }
}

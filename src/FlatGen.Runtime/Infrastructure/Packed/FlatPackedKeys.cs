using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace FlatGen.Infrastructure;

/// <summary>How a packed map compares a stored UTF-8 key with a probe: its UTF-8 bytes, its narrowed words, or, ignoring case and not ASCII, its decoded text.</summary>
internal static class FlatPackedKeys
{
    /// <summary>Returns whether stored key <paramref name="stored"/> equals <paramref name="key"/>'s UTF-8 bytes, for a probe compared ordinally or that is ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> key, bool ignoreCase) =>
        ignoreCase ? Ascii.EqualsIgnoreCase(stored, key) : stored.SequenceEqual(key);

    /// <summary>
    /// Returns whether stored key <paramref name="stored"/>, as long as the probe, equals an ASCII probe of 4 to 32 bytes
    /// narrowed by <see cref="FlatUtf8.TryNarrowShortAsciiWords"/> (letters folded when ignoring case): the same words
    /// loaded from the stored bytes, folded alike. A stored byte that is not ASCII stays so when folded, and differs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualWords(ReadOnlySpan<byte> stored, Vector128<byte> head, Vector128<byte> tail, bool ignoreCase)
    {
        FlatUtf8.LoadShortAsciiWords(ref MemoryMarshal.GetReference(stored), (nuint)stored.Length, out Vector128<byte> storedHead, out Vector128<byte> storedTail);
        if (ignoreCase)
        {
            storedHead = FlatHash.FoldLetters(storedHead);
            storedTail = FlatHash.FoldLetters(storedTail);
        }

        return ((storedHead ^ head) | (storedTail ^ tail)) == Vector128<byte>.Zero;
    }

    /// <summary>
    /// Returns whether stored key <paramref name="stored"/> equals <paramref name="key"/> ignoring case, for a probe that
    /// is not ASCII: only a key that is not ASCII can, of as many code units, so of more bytes than the probe's units
    /// and at most three a unit.
    /// </summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    public static bool NonAsciiEqualIgnoreCase(ReadOnlySpan<byte> stored, ReadOnlySpan<char> key)
    {
        if (stored.Length <= key.Length || stored.Length > 3 * key.Length)
        {
            return false;
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(stored, stackalloc char[DecodedUtf8.StackLength]);
        return decoded.Chars.Equals(key, StringComparison.OrdinalIgnoreCase);
    }
}

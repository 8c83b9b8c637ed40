using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace FlatGen.Infrastructure;

/// <summary>How a packed map compares a stored UTF-8 key with a UTF-16 probe: ASCII on a vector path, anything else decoded.</summary>
internal static class FlatPackedKeys
{
    /// <summary>Returns whether stored UTF-8 key <paramref name="stored"/> equals <paramref name="key"/> under the map's comparison.</summary>
    /// <param name="stored">The stored key's UTF-8 bytes.</param>
    /// <param name="key">The probe.</param>
    /// <param name="ignoreCase">Whether the map ignores case.</param>
    /// <param name="keyComparesAsAscii">From <see cref="FlatPackedFormat.Hash"/>: <see langword="false"/> for a probe that ignores case and is not ASCII.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(ReadOnlySpan<byte> stored, ReadOnlySpan<char> key, bool ignoreCase, bool keyComparesAsAscii)
    {
        // As many bytes as code units: equal only if both are ASCII, which the ASCII comparisons check as they go.
        if (stored.Length == key.Length)
        {
            return key.Length is >= 8 and <= 16 && Vector128.IsHardwareAccelerated ? AsciiEqual8To16(stored, key, ignoreCase)
                : ignoreCase ? Ascii.EqualsIgnoreCase(stored, key) : Ascii.Equals(stored, key);
        }

        // More bytes than code units: only a key that is not ASCII, each code unit one to three bytes. Ignoring case, an
        // ASCII probe equals no such key.
        return stored.Length > key.Length && stored.Length <= 3 * key.Length && (!ignoreCase || !keyComparesAsAscii) && NonAsciiEqual(stored, key, ignoreCase);
    }

    /// <summary>
    /// The ASCII comparison of 8 to 16 units (most header names) inline, where the runtime's is a call: the first and
    /// last 8 bytes widened to code units (overlapping), letters folded as the hash folds them when ignoring case.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AsciiEqual8To16(ReadOnlySpan<byte> stored, ReadOnlySpan<char> key, bool ignoreCase)
    {
        ReadOnlySpan<ushort> units = MemoryMarshal.Cast<char, ushort>(key);
        Vector128<ushort> storedFirst = Vector128.WidenLower(Vector128.CreateScalarUnsafe(MemoryMarshal.Read<ulong>(stored)).AsByte());
        Vector128<ushort> storedLast = Vector128.WidenLower(Vector128.CreateScalarUnsafe(MemoryMarshal.Read<ulong>(stored.Slice(stored.Length - 8))).AsByte());
        Vector128<ushort> keyFirst = Vector128.Create(units);
        Vector128<ushort> keyLast = Vector128.Create(units.Slice(units.Length - 8));
        if (((storedFirst | storedLast | keyFirst | keyLast) & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero)
        {
            return false; // As many bytes as units: equal only if all are ASCII.
        }

        if (ignoreCase)
        {
            storedFirst = FlatHash.FoldLetters(storedFirst);
            storedLast = FlatHash.FoldLetters(storedLast);
            keyFirst = FlatHash.FoldLetters(keyFirst);
            keyLast = FlatHash.FoldLetters(keyLast);
        }

        return ((storedFirst ^ keyFirst) | (storedLast ^ keyLast)) == Vector128<ushort>.Zero;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private static bool NonAsciiEqual(ReadOnlySpan<byte> stored, ReadOnlySpan<char> key, bool ignoreCase)
    {
        using DecodedUtf8 decoded = DecodedUtf8.Decode(stored, stackalloc char[DecodedUtf8.StackLength]);
        return decoded.Chars.Equals(key, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}

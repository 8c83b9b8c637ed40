using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// Reads the characters of a key as packed words for the known-key matchers FlatGen generates: character
/// <c>i</c> of a read is bits <c>16 i</c> to <c>16 i + 15</c> of the word, on every platform, so a generated
/// constant compares the same on little- and big-endian machines.
/// </summary>
/// <remarks>
/// The reads are unchecked: the caller has switched on the key's length, so every read lies inside the key. Hence
/// the names.
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FlatKnownKeyMatch
{
    /// <summary>Reads the character at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort UnsafeRead16(ref char key, int index) => Unsafe.Add(ref key, index);

    /// <summary>Reads the two characters from <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint UnsafeRead32(ref char key, int index)
    {
        ref char start = ref Unsafe.Add(ref key, index);
        return BitConverter.IsLittleEndian
            ? Unsafe.ReadUnaligned<uint>(ref Unsafe.As<char, byte>(ref start))
            : start | (uint)Unsafe.Add(ref start, 1) << 16;
    }

    /// <summary>Reads the four characters from <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong UnsafeRead64(ref char key, int index)
    {
        ref char start = ref Unsafe.Add(ref key, index);
        return BitConverter.IsLittleEndian
            ? Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref start))
            : UnsafeRead32(ref start, 0) | (ulong)UnsafeRead32(ref start, 2) << 32;
    }
}

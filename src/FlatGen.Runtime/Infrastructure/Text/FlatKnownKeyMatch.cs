using System;
using System.Buffers.Binary;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>
/// Reads the UTF-8 bytes of a key as packed words for the known-key matchers FlatGen generates: byte <c>i</c> of a
/// read is bits <c>8 i</c> to <c>8 i + 7</c> of the word on every platform, so a generated constant compares the same
/// on little- and big-endian machines. (Characters are compared with <c>MemoryExtensions</c>, which the JIT unrolls.)
/// </summary>
/// <remarks>
/// The reads are unchecked: the caller has switched on the key's length, so every read lies inside the key. Hence
/// the names.
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FlatKnownKeyMatch
{
    /// <summary>Reads the byte at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte UnsafeRead8(ref byte key, int index) => Unsafe.Add(ref key, index);

    /// <summary>Reads the two bytes from <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort UnsafeRead16(ref byte key, int index)
    {
        ushort word = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref key, index));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    /// <summary>Reads the four bytes from <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint UnsafeRead32(ref byte key, int index)
    {
        uint word = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref key, index));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    /// <summary>Reads the eight bytes from <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong UnsafeRead64(ref byte key, int index)
    {
        ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref key, index));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    /// <summary>
    /// Whether UTF-8 <paramref name="key"/> equals <paramref name="knownKey"/> under <see cref="StringComparison.OrdinalIgnoreCase"/>:
    /// the matcher's test for a known key with non-ASCII characters, whose case variants differ in UTF-8 length.
    /// Invalid UTF-8 equals no key.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit] // The decode buffer is written before it is read.
    public static bool Utf8EqualsIgnoreCase(ReadOnlySpan<byte> key, string knownKey)
    {
        // A string equal to the known key ignoring case has as many UTF-16 units, each one to three UTF-8 bytes.
        if (key.Length < knownKey.Length || key.Length > 3 * knownKey.Length || !Utf8.IsValid(key))
        {
            return false;
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[128]);
        return decoded.Chars.Equals(knownKey, StringComparison.OrdinalIgnoreCase);
    }
}

using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FlatGen.Infrastructure;

/// <summary>
/// The packed map's byte format, written once for the packer and the reader (docs/packed-format.md describes it):
/// a header, a bucket table, the records' offsets in bucket order, then the records in first-insertion order. Little-endian
/// throughout; counts and lengths are unsigned LEB128 varints in their shortest form.
/// </summary>
internal static class FlatPackedFormat
{
    /// <summary>The format version, the first byte. Raise it with any change to what the bytes mean; the golden bytes in the tests fail on any change.</summary>
    public const byte Version = 2;

    /// <summary>Where the key comparison is: one byte, a <see cref="FlatKeyComparison"/>.</summary>
    public const int ComparisonOffset = 1;

    /// <summary>Where the key count's varint starts; the value count's follows it.</summary>
    public const int CountsOffset = 2;

    /// <summary>The header's length when both counts are under 128 (one byte each): where the bucket table starts.</summary>
    public const int SmallHeaderLength = CountsOffset + 2;

    /// <summary>The hash of every key that ignores case and is not ASCII: its case folding is the runtime's Unicode tables', which differ between .NET versions, so no hash of it means the same everywhere. Such keys share a bucket and are told apart by comparison.</summary>
    public const uint NonAsciiIgnoreCaseHash = 0;

    /// <summary>Gets a key's hash as the format stores it: <see cref="FlatHash.Utf8"/> of its UTF-8 bytes with the persisted seed, which means the same in every process and on every machine.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <param name="ignoreCase">Whether the map ignores case.</param>
    /// <param name="comparesAsAscii">Set to <see langword="false"/> for a key that ignores case and is not ASCII, which only compares equal to keys that are not ASCII either.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<byte> key, bool ignoreCase, out bool comparesAsAscii)
    {
        comparesAsAscii = true;
        if (!ignoreCase)
        {
            return FlatHash.Utf8(key, FlatHash.PersistedSeed);
        }

        if (FlatHash.TryUtf8IgnoreCaseAscii(key, FlatHash.PersistedSeed, out uint hash))
        {
            return hash;
        }

        comparesAsAscii = false;
        return NonAsciiIgnoreCaseHash;
    }

    /// <summary>
    /// <see cref="Hash"/> of an ASCII key of 4 to 32 bytes loaded as <see cref="FlatUtf8.TryNarrowShortAsciiWords"/> lays it
    /// out, its letters folded by <see cref="FlatHash.FoldLetters(Vector128{byte})"/> when the map ignores case.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HashWords(Vector128<byte> head, Vector128<byte> tail, int length) =>
        FlatHash.Utf8Words(head, tail, length, FlatHash.PersistedSeed);

    /// <summary>Gets the bucket of <paramref name="hash"/> among <paramref name="bucketCount"/>: the hash's high bits, scaled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BucketOf(uint hash, int bucketCount) => (int)(((ulong)hash * (uint)bucketCount) >> 32);

    /// <summary>Gets the number of buckets a map of <paramref name="keyCount"/> keys has: one a key, at least one.</summary>
    public static int BucketCount(int keyCount) => Math.Max(keyCount, 1);

    /// <summary>Gets the width of a bucket table entry (a count of keys): the narrowest that holds <paramref name="keyCount"/>.</summary>
    public static int BucketWidth(int keyCount) => keyCount <= byte.MaxValue ? 1 : keyCount <= ushort.MaxValue ? 2 : 4;

    /// <summary>Gets the width of a record offset: 2 bytes in a packed map of at most 65,535 bytes, else 4.</summary>
    public static int OffsetWidth(int byteCount) => byteCount <= ushort.MaxValue ? 2 : 4;

    /// <summary>Reads a little-endian unsigned integer of <paramref name="width"/> (1, 2 or 4) bytes at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadWidth(ReadOnlySpan<byte> bytes, int offset, int width) => width switch
    {
        1 => bytes[offset],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(offset)),
        _ => (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(offset)), int.MaxValue),
    };

    /// <summary>Writes <paramref name="value"/> as a little-endian unsigned integer of <paramref name="width"/> (1, 2 or 4) bytes at <paramref name="offset"/>.</summary>
    public static void WriteWidth(Span<byte> bytes, int offset, int width, int value)
    {
        switch (width)
        {
            case 1:
                bytes[offset] = (byte)value;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.Slice(offset), (ushort)value);
                break;
            default:
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(offset), (uint)value);
                break;
        }
    }

    /// <summary>Gets the number of bytes <paramref name="value"/> takes as a varint: 1 up to 127, 5 at most.</summary>
    public static int VarintLength(int value) => ((int)uint.Log2((uint)value | 1) / 7) + 1;

    /// <summary>Writes <paramref name="value"/> (not negative) as a varint at <paramref name="offset"/>; returns the offset after it.</summary>
    public static int WriteVarint(Span<byte> bytes, int offset, int value)
    {
        uint rest = (uint)value;
        while (rest >= 0x80)
        {
            bytes[offset++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        bytes[offset++] = (byte)rest;
        return offset;
    }

    /// <summary>Reads a varint the packer wrote (or validation accepted) at <paramref name="offset"/>, moving past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadVarint(ReadOnlySpan<byte> bytes, ref int offset)
    {
        int first = bytes[offset];
        if (first < 0x80)
        {
            offset++;
            return first;
        }

        // The value and its length in one return, not through a reference: a caller's offset whose address escapes
        // lives in memory, and every read of it in a loop waits on a store.
        ulong valueAndLength = ReadLongVarint(bytes, offset);
        offset += (int)(valueAndLength >> 32);
        return (int)valueAndLength;
    }

    /// <summary>Reads a varint of two bytes or more at <paramref name="offset"/>: its value in the low 32 bits, its length in the high.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong ReadLongVarint(ReadOnlySpan<byte> bytes, int offset)
    {
        int value = 0;
        for (int shift = 0, at = offset; ; shift += 7)
        {
            int next = bytes[at++];
            value |= (next & 0x7F) << shift;
            if (next < 0x80)
            {
                return (uint)value | ((ulong)(uint)(at - offset) << 32);
            }
        }
    }

    /// <summary>Reads a varint from untrusted bytes: in range, at most 5 bytes, in its shortest form, not above <see cref="int.MaxValue"/>.</summary>
    /// <returns><see langword="false"/> if the bytes at <paramref name="offset"/> are not such a varint.</returns>
    public static bool TryReadVarint(ReadOnlySpan<byte> bytes, ref int offset, out int value)
    {
        value = 0;
        ulong result = 0;
        for (int shift = 0, at = offset; shift < 35; shift += 7, at++)
        {
            if ((uint)at >= (uint)bytes.Length)
            {
                return false;
            }

            byte next = bytes[at];
            result |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                // The shortest form: a last byte of zero after others would have been left off.
                if ((next == 0 && shift != 0) || result > int.MaxValue)
                {
                    return false;
                }

                value = (int)result;
                offset = at + 1;
                return true;
            }
        }

        return false;
    }
}

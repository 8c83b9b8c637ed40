using System;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// Where the parts of one packed map are, from its header and its length: what the packer lays out and what every
/// read finds, computed by the one <see cref="Create"/>.
/// </summary>
internal readonly struct FlatPackedLayout
{
    private FlatPackedLayout(bool ignoreCase, int keyCount, int valueCount, int bucketsStart, int byteCount)
    {
        IgnoreCase = ignoreCase;
        KeyCount = keyCount;
        ValueCount = valueCount;
        BucketCount = FlatPackedFormat.BucketCount(keyCount);
        BucketWidth = FlatPackedFormat.BucketWidth(keyCount);
        OffsetWidth = FlatPackedFormat.OffsetWidth(byteCount);
        BucketsStart = bucketsStart;
        // In a long: counts read from damaged bytes may not fit, and then the parts end past any length.
        long offsetsStart = bucketsStart + ((long)BucketCount * BucketWidth);
        long recordsStart = offsetsStart + ((long)keyCount * OffsetWidth);
        OffsetsStart = (int)Math.Min(offsetsStart, int.MaxValue);
        RecordsStart = (int)Math.Min(recordsStart, int.MaxValue);
    }

    /// <summary>Gets whether keys compare ignoring case.</summary>
    public bool IgnoreCase { get; }

    /// <summary>Gets the number of keys (records).</summary>
    public int KeyCount { get; }

    /// <summary>Gets the number of values, over all keys.</summary>
    public int ValueCount { get; }

    /// <summary>Gets the number of buckets.</summary>
    public int BucketCount { get; }

    /// <summary>Gets the width of a bucket table entry: the number of keys in that bucket and those before it.</summary>
    public int BucketWidth { get; }

    /// <summary>Gets the width of a record offset.</summary>
    public int OffsetWidth { get; }

    /// <summary>Gets where the bucket table starts, after the header.</summary>
    public int BucketsStart { get; }

    /// <summary>Gets where the record offsets start, in bucket order.</summary>
    public int OffsetsStart { get; }

    /// <summary>Gets where the first record starts.</summary>
    public int RecordsStart { get; }

    /// <summary>Lays out a map of <paramref name="keyCount"/> keys whose header ends at <paramref name="bucketsStart"/> and whose length is <paramref name="byteCount"/>.</summary>
    public static FlatPackedLayout Create(bool ignoreCase, int keyCount, int valueCount, int bucketsStart, int byteCount) =>
        new(ignoreCase, keyCount, valueCount, bucketsStart, byteCount);

    /// <summary>
    /// Gets the length of a map with this header and <paramref name="recordBytes"/> bytes of records: laid out for 2-byte
    /// offsets, then again for the length that gives, by <see cref="FlatPackedFormat.OffsetWidth"/>'s one rule, as the
    /// writer widens its offsets.
    /// </summary>
    public static int ByteCount(int keyCount, int bucketsStart, int recordBytes)
    {
        long narrow = (long)Create(false, keyCount, 0, bucketsStart, byteCount: 0).RecordsStart + recordBytes;
        long total = narrow <= int.MaxValue ? (long)Create(false, keyCount, 0, bucketsStart, (int)narrow).RecordsStart + recordBytes : long.MaxValue;
        return total <= Array.MaxLength ? (int)total : throw new InvalidOperationException("The map is too large to pack into one array.");
    }

    /// <summary>Reads the layout of bytes validation accepted (or the packer wrote).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FlatPackedLayout Read(ReadOnlySpan<byte> bytes)
    {
        int offset = FlatPackedFormat.CountsOffset;
        int keyCount = FlatPackedFormat.ReadVarint(bytes, ref offset);
        int valueCount = FlatPackedFormat.ReadVarint(bytes, ref offset);
        return new(bytes[FlatPackedFormat.ComparisonOffset] != 0, keyCount, valueCount, offset, bytes.Length);
    }

    /// <summary>Reads what a lookup needs of bytes validation accepted: the comparison, the key count and where the bucket table starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadKeyCount(ReadOnlySpan<byte> bytes, out bool ignoreCase, out int bucketsStart)
    {
        ignoreCase = bytes[FlatPackedFormat.ComparisonOffset] != 0;
        bucketsStart = FlatPackedFormat.CountsOffset;
        int keyCount = FlatPackedFormat.ReadVarint(bytes, ref bucketsStart);
        if (bytes[bucketsStart++] >= 0x80)
        {
            FlatPackedFormat.ReadVarint(bytes, ref bucketsStart); // The rest of the value count, which a lookup does not need.
        }

        return keyCount;
    }

    /// <summary>Reads the header of untrusted bytes; <see langword="false"/> for bytes too short, of another version or comparison, or with a count that is not a varint.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> bytes, out FlatPackedLayout layout)
    {
        layout = default;
        int offset = FlatPackedFormat.CountsOffset;
        if (bytes.Length < offset
            || bytes[0] != FlatPackedFormat.Version
            || bytes[FlatPackedFormat.ComparisonOffset] > (byte)FlatKeyComparison.OrdinalIgnoreCase
            || !FlatPackedFormat.TryReadVarint(bytes, ref offset, out int keyCount)
            || !FlatPackedFormat.TryReadVarint(bytes, ref offset, out int valueCount)
            || keyCount > bytes.Length / 2 // A record is at least two bytes: a key length and a value count.
            || valueCount > bytes.Length)
        {
            return false;
        }

        layout = new(bytes[FlatPackedFormat.ComparisonOffset] != 0, keyCount, valueCount, offset, bytes.Length);
        return layout.RecordsStart <= bytes.Length;
    }
}

using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Unicode;
using FlatGen.Infrastructure;

namespace FlatGen;

public readonly partial struct FlatPackedMap
{
    /// <summary>Record starts up to this many keys are kept on the stack while validating; more in a pooled array.</summary>
    private const int StackKeys = 256;

    /// <summary>
    /// Whether <paramref name="bytes"/> are a packed map every later read can rely on: the header; bucket counts that
    /// rise to the key count; records that end exactly at the end, each a key and at least one value of valid UTF-8;
    /// the value count; an offset table that holds every record once; and every key found by a lookup, at its own record,
    /// so no two keys are equal under the comparison. Any other bytes are refused, and nothing throws.
    /// </summary>
    [SkipLocalsInit] // The record starts are written before they are read.
    private static bool IsValid(ReadOnlySpan<byte> bytes)
    {
        if (!FlatPackedLayout.TryReadHeader(bytes, out FlatPackedLayout layout) || !BucketsRise(bytes, layout))
        {
            return false;
        }

        int[]? rented = layout.KeyCount <= StackKeys ? null : ArrayPool<int>.Shared.Rent(layout.KeyCount);
        Span<int> starts = (rented is null ? stackalloc int[StackKeys] : rented.AsSpan()).Slice(0, layout.KeyCount);
        try
        {
            return RecordsAreText(bytes, layout, starts) && OffsetsAreRecords(bytes, layout, starts) && KeysAreFound(bytes, starts);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private static bool BucketsRise(ReadOnlySpan<byte> bytes, FlatPackedLayout layout)
    {
        int before = 0;
        for (int bucket = 0; bucket < layout.BucketCount; bucket++)
        {
            int end = FlatPackedFormat.ReadWidth(bytes, layout.BucketsStart + (bucket * layout.BucketWidth), layout.BucketWidth);
            if (end < before || end > layout.KeyCount)
            {
                return false;
            }

            before = end;
        }

        return before == layout.KeyCount;
    }

    /// <summary>Walks the records, noting where each starts; each key and value is in range and valid UTF-8, and the last ends the bytes.</summary>
    private static bool RecordsAreText(ReadOnlySpan<byte> bytes, FlatPackedLayout layout, Span<int> starts)
    {
        int offset = layout.RecordsStart;
        long values = 0;
        for (int key = 0; key < starts.Length; key++)
        {
            starts[key] = offset;
            if (!TryReadText(bytes, ref offset) || !FlatPackedFormat.TryReadVarint(bytes, ref offset, out int count) || count == 0)
            {
                return false;
            }

            values += count;
            for (int value = 0; value < count; value++)
            {
                if (!TryReadText(bytes, ref offset))
                {
                    return false;
                }
            }
        }

        return offset == bytes.Length && values == layout.ValueCount;
    }

    /// <summary>Reads a varint length and that many bytes of valid UTF-8.</summary>
    private static bool TryReadText(ReadOnlySpan<byte> bytes, ref int offset)
    {
        if (!FlatPackedFormat.TryReadVarint(bytes, ref offset, out int length) || length > bytes.Length - offset || !Utf8.IsValid(bytes.Slice(offset, length)))
        {
            return false;
        }

        offset += length;
        return true;
    }

    /// <summary>Every offset in the table is where a record starts (the starts rise, so a binary search finds it).</summary>
    private static bool OffsetsAreRecords(ReadOnlySpan<byte> bytes, FlatPackedLayout layout, ReadOnlySpan<int> starts)
    {
        for (int i = 0; i < layout.KeyCount; i++)
        {
            int record = FlatPackedFormat.ReadWidth(bytes, layout.OffsetsStart + (i * layout.OffsetWidth), layout.OffsetWidth);
            if (starts.BinarySearch(record) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Every key, looked up, is found at its own record: its bucket is its hash's, and no key before it in that bucket
    /// equals it. As many table entries as records, each a record and each record found: the table holds every record once.
    /// </summary>
    private static bool KeysAreFound(ReadOnlySpan<byte> bytes, ReadOnlySpan<int> starts)
    {
        foreach (int start in starts)
        {
            int at = start;
            int length = FlatPackedFormat.ReadVarint(bytes, ref at);
            if (FindUtf8(bytes, bytes.Slice(at, length)) != start)
            {
                return false;
            }
        }

        return true;
    }
}

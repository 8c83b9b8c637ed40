using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>
/// Packs a map's entries, handed over one key and its values at a time in first-insertion order, into
/// <see cref="FlatPackedMap"/> bytes. Writing is one pass over the map: the records, then the hash index over them.
/// Measuring (for <c>PackedByteCount</c>, and <c>Pack</c>'s array of exactly that length) is another, which only counts.
/// A storage hands over its text as it holds it, UTF-16 or UTF-8.
/// </summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct FlatPackWriter
{
    /// <summary>Packing up to 256 keys needs no pooled scratch: <see cref="ScratchLength"/> fits a stack buffer of this many integers.</summary>
    internal const int StackScratch = 769;

    // Text that Text writes inline takes a one-byte length: a longer FlatUtf8.ShortAsciiLength does not compile here.
    private const byte InlineTextLengthFitsOneByte = 0x7F - FlatUtf8.ShortAsciiLength;

    private readonly Span<byte> _bytes; // Empty while measuring.
    private readonly Span<int> _buckets; // Each key's bucket, in first-insertion order.
    private readonly Span<int> _records; // Each key's record offset, in first-insertion order.
    private readonly Span<int> _cursors; // One a bucket, for the counting sort into bucket order.
    private FlatPackedLayout _layout; // Writing: laid out for 2-byte offsets until the records show 4 are needed.
    private readonly bool _measuring;
    private bool _full; // Writing: the destination lacks room; the rest is counted, not written.
    private int _offset; // Measuring: record bytes so far. Writing: where the next byte goes.
    private int _keys;
    private int _values;

    private FlatPackWriter(bool measuring) => _measuring = measuring;

    private FlatPackWriter(Span<byte> bytes, FlatPackedLayout layout, Span<int> scratch)
    {
        _bytes = bytes;
        _layout = layout;
        _buckets = scratch.Slice(0, layout.KeyCount);
        _records = scratch.Slice(layout.KeyCount, layout.KeyCount);
        _cursors = scratch.Slice(2 * layout.KeyCount, layout.BucketCount);
        _offset = layout.RecordsStart;
        if (layout.RecordsStart > bytes.Length)
        {
            _full = true;
            return;
        }

        bytes[0] = FlatPackedFormat.Version;
        bytes[FlatPackedFormat.ComparisonOffset] = (byte)(layout.IgnoreCase ? FlatKeyComparison.OrdinalIgnoreCase : FlatKeyComparison.Ordinal);
        int offset = FlatPackedFormat.WriteVarint(bytes, FlatPackedFormat.CountsOffset, layout.KeyCount);
        FlatPackedFormat.WriteVarint(bytes, offset, layout.ValueCount);
    }

    /// <summary>Gets the length of the packed map measured so far (while measuring).</summary>
    internal readonly int ByteCount => FlatPackedLayout.ByteCount(_keys, HeaderLength, _offset);

    private readonly int HeaderLength => FlatPackedFormat.CountsOffset + FlatPackedFormat.VarintLength(_keys) + FlatPackedFormat.VarintLength(_values);

    /// <summary>Starts the measuring pass.</summary>
    internal static FlatPackWriter Measure() => new(measuring: true);

    /// <summary>
    /// Starts writing a map of <paramref name="keyCount"/> keys and <paramref name="valueCount"/> values into
    /// <paramref name="bytes"/>, in one pass: the records go where 2-byte offsets put them, and move along if the map
    /// turns out longer than 65,535 bytes. <paramref name="scratch"/> holds <see cref="ScratchLength(int)"/> integers.
    /// </summary>
    internal static FlatPackWriter Write(Span<byte> bytes, FlatKeyComparison comparison, int keyCount, int valueCount, Span<int> scratch)
    {
        int bucketsStart = FlatPackedFormat.CountsOffset + FlatPackedFormat.VarintLength(keyCount) + FlatPackedFormat.VarintLength(valueCount);
        var layout = FlatPackedLayout.Create(comparison == FlatKeyComparison.OrdinalIgnoreCase, keyCount, valueCount, bucketsStart, byteCount: 0);
        return new(bytes, layout, scratch);
    }

    /// <summary>Gets the number of integers writing a map of <paramref name="keyCount"/> keys needs for scratch.</summary>
    internal static int ScratchLength(int keyCount) => (2 * keyCount) + FlatPackedFormat.BucketCount(keyCount);

    /// <summary>Starts a key of <paramref name="valueCount"/> values.</summary>
    /// <typeparam name="TComparer">The map's comparison: the hash is compiled for it alone.</typeparam>
    /// <param name="key">The key; a lone surrogate, which UTF-8 cannot hold, throws <see cref="InvalidOperationException"/>.</param>
    /// <param name="valueCount">The number of values that follow, at least one.</param>
    public void Key<TComparer>(ReadOnlySpan<char> key, int valueCount)
        where TComparer : struct, IFlatKeyComparer
    {
        int record = _offset;
        Span<byte> bytes = _bytes; // Empty while measuring.
        if (!_full && key.Length < bytes.Length - record && FlatUtf8.TryNarrowShortAsciiWords(key, out Vector128<byte> head, out Vector128<byte> tail))
        {
            // The usual key, ASCII of 4 to 32 units: written and hashed from the same words, not read back.
            FlatUtf8.StoreShortAsciiWords(head, tail, ref Unsafe.Add(ref MemoryMarshal.GetReference(bytes), record + 1), (nuint)key.Length);
            bytes[record] = (byte)key.Length; // A varint of one byte (InlineTextLengthFitsOneByte).
            _offset = record + 1 + key.Length;
            if (TComparer.Comparison == FlatKeyComparison.OrdinalIgnoreCase)
            {
                head = FlatHash.FoldLetters(head);
                tail = FlatHash.FoldLetters(tail);
            }

            Note(record, FlatPackedFormat.HashWords(head, tail, key.Length));
        }
        else
        {
            Text(key);
            if (!_measuring)
            {
                // The hash of the UTF-8 just written; a writer that is full has none to hash, and packs nothing.
                uint hash = 0;
                if (!_full)
                {
                    int keyStart = record;
                    int length = FlatPackedFormat.ReadVarint(_bytes, ref keyStart);
                    hash = Hash<TComparer>(_bytes.Slice(keyStart, length));
                }

                Note(record, hash);
            }
        }

        Count(valueCount);
    }

    /// <summary>Starts a key of <paramref name="valueCount"/> values, from its UTF-8 bytes, which are valid.</summary>
    /// <typeparam name="TComparer">The map's comparison: the hash is compiled for it alone.</typeparam>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <param name="valueCount">The number of values that follow, at least one.</param>
    public void Key<TComparer>(ReadOnlySpan<byte> key, int valueCount)
        where TComparer : struct, IFlatKeyComparer
    {
        if (!_measuring)
        {
            Note(_offset, Hash<TComparer>(key));
        }

        Text(key);
        Count(valueCount);
    }

    /// <summary>Adds a value of the current key.</summary>
    /// <param name="value">The value; a lone surrogate, which UTF-8 cannot hold, throws <see cref="InvalidOperationException"/>.</param>
    public void Value(ReadOnlySpan<char> value)
    {
        _values++;
        Text(value);
    }

    /// <summary>Adds a value of the current key, from its UTF-8 bytes, which are valid.</summary>
    /// <param name="value">The value's UTF-8 bytes.</param>
    public void Value(ReadOnlySpan<byte> value)
    {
        _values++;
        Text(value);
    }

    /// <summary>
    /// Ends the writing pass: checks that the map handed over as many keys and values as it said, widens the offsets
    /// if the map is longer than 65,535 bytes, then writes the bucket table and the record offsets in bucket order.
    /// </summary>
    /// <returns><see langword="true"/> and the length written; <see langword="false"/> and 0 if the destination lacked room.</returns>
    /// <exception cref="InvalidOperationException">The map changed while it was packed (another thread used it).</exception>
    internal bool TryFinish(string? mapName, out int bytesWritten)
    {
        bytesWritten = 0;
        if (_keys != _layout.KeyCount || _values != _layout.ValueCount)
        {
            FlatThrow.ConcurrentUse(mapName);
        }

        if (_full || !TryWidenOffsets())
        {
            return false;
        }

        // A counting sort, stable: each bucket's keys keep their first-insertion order. The writer is passed by
        // reference, so what the loops read is taken into locals: its fields would be read from memory at every step.
        Span<byte> bytes = _bytes;
        Span<int> cursors = _cursors;
        ReadOnlySpan<int> buckets = _buckets;
        ReadOnlySpan<int> records = _records;
        int bucketsStart = _layout.BucketsStart, bucketWidth = _layout.BucketWidth;
        int offsetsStart = _layout.OffsetsStart, offsetWidth = _layout.OffsetWidth;
        cursors.Clear();
        foreach (int bucket in buckets)
        {
            cursors[bucket]++;
        }

        int keys = 0;
        for (int bucket = 0; bucket < cursors.Length; bucket++)
        {
            int first = keys;
            keys += cursors[bucket];
            FlatPackedFormat.WriteWidth(bytes, bucketsStart + (bucket * bucketWidth), bucketWidth, keys);
            cursors[bucket] = first;
        }

        for (int key = 0; key < buckets.Length && key < records.Length; key++)
        {
            int position = cursors[buckets[key]]++;
            FlatPackedFormat.WriteWidth(bytes, offsetsStart + (position * offsetWidth), offsetWidth, records[key]);
        }

        bytesWritten = _offset;
        return true;
    }

    /// <summary>A map longer than 65,535 bytes takes 4-byte offsets: its records move along by 2 bytes a key.</summary>
    private bool TryWidenOffsets()
    {
        var final = FlatPackedLayout.Create(_layout.IgnoreCase, _layout.KeyCount, _layout.ValueCount, _layout.BucketsStart, _offset);
        int shift = final.RecordsStart - _layout.RecordsStart;
        if (shift == 0)
        {
            return true;
        }

        if (shift > _bytes.Length - _offset)
        {
            return false;
        }

        _bytes[_layout.RecordsStart.._offset].CopyTo(_bytes.Slice(final.RecordsStart));
        foreach (ref int record in _records)
        {
            record += shift;
        }

        _offset += shift;
        _layout = final;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly uint Hash<TComparer>(ReadOnlySpan<byte> key)
        where TComparer : struct, IFlatKeyComparer
    {
        Debug.Assert(_layout.IgnoreCase == (TComparer.Comparison == FlatKeyComparison.OrdinalIgnoreCase));
        return FlatPackedFormat.Hash(key, TComparer.Comparison == FlatKeyComparison.OrdinalIgnoreCase, out _);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Once a key, on the path of every short ASCII key: a call there cost more than its body.
    private void Note(int record, uint hash)
    {
        if (_keys >= _buckets.Length)
        {
            FlatThrow.ConcurrentUse(mapName: null); // More keys than measured: another thread added one.
        }

        _buckets[_keys] = FlatPackedFormat.BucketOf(hash, _layout.BucketCount);
        _records[_keys] = record;
    }

    private void Count(int valueCount)
    {
        _keys++;
        int offset = _offset;
        Span<byte> bytes = _bytes;
        if (!_full && (uint)valueCount < 0x80 && (uint)offset < (uint)bytes.Length)
        {
            bytes[offset] = (byte)valueCount; // A varint of one byte, as most counts are.
            _offset = offset + 1;
            return;
        }

        if (_measuring)
        {
            _offset += FlatPackedFormat.VarintLength(valueCount);
        }
        else if (Reserve(FlatPackedFormat.VarintLength(valueCount)))
        {
            _offset = FlatPackedFormat.WriteVarint(_bytes, _offset, valueCount);
        }
    }

    private void Text(ReadOnlySpan<byte> text)
    {
        int prefix = FlatPackedFormat.VarintLength(text.Length);
        if (_measuring)
        {
            _offset += prefix + text.Length;
            return;
        }

        if (Reserve(prefix + text.Length))
        {
            _offset = FlatPackedFormat.WriteVarint(_bytes, _offset, text.Length);
            text.CopyTo(_bytes.Slice(_offset));
            _offset += text.Length;
        }
    }

    /// <summary>
    /// Writes text after its length's varint. Short ASCII text, most header names and values, is written inline here:
    /// one length byte, then its units narrowed; the rest goes out of line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Text(ReadOnlySpan<char> text)
    {
        int offset = _offset;
        Span<byte> bytes = _bytes;
        if (!_full && text.Length <= FlatUtf8.ShortAsciiLength && text.Length < bytes.Length - offset
            && FlatUtf8.TryNarrowShortAscii(text, ref Unsafe.Add(ref MemoryMarshal.GetReference(bytes), offset + 1)))
        {
            bytes[offset] = (byte)text.Length; // A varint of one byte (InlineTextLengthFitsOneByte).
            _offset = offset + 1 + text.Length;
            return;
        }

        TextOutOfLine(text);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void TextOutOfLine(ReadOnlySpan<char> text)
    {
        if (_measuring)
        {
            int byteCount = Utf8Length(text);
            _offset += FlatPackedFormat.VarintLength(byteCount) + byteCount;
            return;
        }

        // ASCII, the usual header text, is as many bytes as units: narrowed after its length's varint in one pass.
        // Text of any kind is at least as many bytes as units, so without room for that many the writer is full.
        int prefix = FlatPackedFormat.VarintLength(text.Length);
        if (!Reserve(prefix + text.Length))
        {
            return;
        }

        OperationStatus status = Ascii.FromUtf16(text, _bytes.Slice(_offset + prefix), out int written);
        if (status == OperationStatus.InvalidData)
        {
            // Not ASCII: measured (a lone surrogate throws), then transcoded after its own length's varint.
            int length = Utf8Length(text);
            prefix = FlatPackedFormat.VarintLength(length);
            if (!Reserve(prefix + length))
            {
                return;
            }

            Utf8.FromUtf16(text, _bytes.Slice(_offset + prefix, length), out _, out written, replaceInvalidSequences: false);
        }
        else if (status == OperationStatus.DestinationTooSmall)
        {
            _full = true;
            return;
        }

        FlatPackedFormat.WriteVarint(_bytes, _offset, written);
        _offset += prefix + written;
    }

    /// <summary>Whether <paramref name="length"/> more bytes fit the destination; once one does not, the writer is full and writes nothing more.</summary>
    private bool Reserve(int length)
    {
        _full |= length > _bytes.Length - _offset;
        return !_full;
    }

    private static int Utf8Length(ReadOnlySpan<char> text) =>
        FlatUtf8.TryGetByteCount(text, out int byteCount)
            ? byteCount
            : throw new InvalidOperationException($"The map holds text with a lone surrogate at index {byteCount}, which UTF-8 cannot hold: it cannot be packed.");
}

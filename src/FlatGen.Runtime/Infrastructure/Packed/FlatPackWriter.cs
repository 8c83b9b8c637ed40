using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>
/// Packs a map's entries, handed over one key and its values at a time in first-insertion order, into
/// <see cref="FlatPackedMap"/> bytes: a first pass measures, a second writes the records and then the hash index over
/// them. A storage hands over its text as it holds it, UTF-16 or UTF-8.
/// </summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct FlatPackWriter
{
    /// <summary>Packing up to this many keys needs no pooled scratch: <see cref="ScratchLength"/> fits a stack buffer of this many integers.</summary>
    internal const int StackScratch = 769;

    private readonly Span<byte> _bytes; // Empty while measuring.
    private readonly Span<int> _buckets; // Each key's bucket, in first-insertion order.
    private readonly Span<int> _records; // Each key's record offset, in first-insertion order.
    private readonly Span<int> _cursors; // One a bucket, for the counting sort into bucket order.
    private readonly FlatPackedLayout _layout;
    private readonly bool _measuring;
    private readonly bool _ignoreCase;
    private int _offset; // Measuring: record bytes so far. Writing: where the next byte goes.
    private int _keys;
    private int _values;

    private FlatPackWriter(bool ignoreCase)
    {
        _measuring = true;
        _ignoreCase = ignoreCase;
    }

    private FlatPackWriter(Span<byte> bytes, FlatPackedLayout layout, Span<int> scratch)
    {
        _bytes = bytes;
        _layout = layout;
        _ignoreCase = layout.IgnoreCase;
        _buckets = scratch.Slice(0, layout.KeyCount);
        _records = scratch.Slice(layout.KeyCount, layout.KeyCount);
        _cursors = scratch.Slice(2 * layout.KeyCount, layout.BucketCount);
        bytes[0] = FlatPackedFormat.Version;
        bytes[FlatPackedFormat.ComparisonOffset] = (byte)(layout.IgnoreCase ? FlatKeyComparison.OrdinalIgnoreCase : FlatKeyComparison.Ordinal);
        int offset = FlatPackedFormat.WriteVarint(bytes, FlatPackedFormat.CountsOffset, layout.KeyCount);
        FlatPackedFormat.WriteVarint(bytes, offset, layout.ValueCount);
        _offset = layout.RecordsStart;
    }

    /// <summary>Gets the length of the packed map measured so far (while measuring).</summary>
    internal readonly int ByteCount => FlatPackedLayout.ByteCount(_keys, HeaderLength, _offset);

    /// <summary>Gets the number of integers the writing pass needs for scratch.</summary>
    internal readonly int ScratchLength => (2 * _keys) + FlatPackedFormat.BucketCount(_keys);

    private readonly int HeaderLength => FlatPackedFormat.CountsOffset + FlatPackedFormat.VarintLength(_keys) + FlatPackedFormat.VarintLength(_values);

    /// <summary>Starts the measuring pass.</summary>
    internal static FlatPackWriter Measure(FlatKeyComparison comparison) => new(comparison == FlatKeyComparison.OrdinalIgnoreCase);

    /// <summary>Starts the writing pass into <paramref name="bytes"/>, exactly <paramref name="measured"/>'s <see cref="ByteCount"/> long, with <see cref="ScratchLength"/> integers of <paramref name="scratch"/>.</summary>
    internal static FlatPackWriter Write(Span<byte> bytes, in FlatPackWriter measured, Span<int> scratch)
    {
        int headerLength = measured.HeaderLength;
        return new(bytes, FlatPackedLayout.Create(measured._ignoreCase, measured._keys, measured._values, headerLength, bytes.Length), scratch);
    }

    /// <summary>Starts a key of <paramref name="valueCount"/> values.</summary>
    /// <param name="key">The key; a lone surrogate, which UTF-8 cannot hold, throws <see cref="InvalidOperationException"/>.</param>
    /// <param name="valueCount">The number of values that follow, at least one.</param>
    [SkipLocalsInit] // The decode buffer is unused for UTF-16.
    public void Key(ReadOnlySpan<char> key, int valueCount)
    {
        int byteCount = Utf8Length(key);
        if (!_measuring)
        {
            Note(FlatPackedFormat.Hash(key, _ignoreCase, out _));
        }

        Text(key, byteCount);
        Count(valueCount);
    }

    /// <summary>Starts a key of <paramref name="valueCount"/> values, from its UTF-8 bytes, which are valid.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <param name="valueCount">The number of values that follow, at least one.</param>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    public void Key(ReadOnlySpan<byte> key, int valueCount)
    {
        if (!_measuring)
        {
            using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[DecodedUtf8.StackLength]);
            Note(FlatPackedFormat.Hash(decoded.Chars, _ignoreCase, out _));
        }

        Text(key);
        Count(valueCount);
    }

    /// <summary>Adds a value of the current key.</summary>
    /// <param name="value">The value; a lone surrogate, which UTF-8 cannot hold, throws <see cref="InvalidOperationException"/>.</param>
    public void Value(ReadOnlySpan<char> value)
    {
        _values++;
        Text(value, Utf8Length(value));
    }

    /// <summary>Adds a value of the current key, from its UTF-8 bytes, which are valid.</summary>
    /// <param name="value">The value's UTF-8 bytes.</param>
    public void Value(ReadOnlySpan<byte> value)
    {
        _values++;
        Text(value);
    }

    /// <summary>Ends the writing pass: checks that the map handed over what it measured, then writes the bucket table and the record offsets in bucket order.</summary>
    /// <exception cref="InvalidOperationException">The map changed between the passes (another thread used it).</exception>
    internal readonly void Finish(string? mapName)
    {
        if (_keys != _layout.KeyCount || _values != _layout.ValueCount || _offset != _bytes.Length)
        {
            FlatThrow.ConcurrentUse(mapName);
        }

        // A counting sort, stable: each bucket's keys keep their first-insertion order.
        _cursors.Clear();
        foreach (int bucket in _buckets)
        {
            _cursors[bucket]++;
        }

        int keys = 0;
        for (int bucket = 0; bucket < _cursors.Length; bucket++)
        {
            int first = keys;
            keys += _cursors[bucket];
            FlatPackedFormat.WriteWidth(_bytes, _layout.BucketsStart + (bucket * _layout.BucketWidth), _layout.BucketWidth, keys);
            _cursors[bucket] = first;
        }

        for (int key = 0; key < _buckets.Length; key++)
        {
            int position = _cursors[_buckets[key]]++;
            FlatPackedFormat.WriteWidth(_bytes, _layout.OffsetsStart + (position * _layout.OffsetWidth), _layout.OffsetWidth, _records[key]);
        }
    }

    private void Note(uint hash)
    {
        if (_keys >= _buckets.Length)
        {
            FlatThrow.ConcurrentUse(mapName: null); // More keys than measured: another thread added one.
        }

        _buckets[_keys] = FlatPackedFormat.BucketOf(hash, _layout.BucketCount);
        _records[_keys] = _offset;
    }

    private void Count(int valueCount)
    {
        _keys++;
        if (_measuring)
        {
            _offset += FlatPackedFormat.VarintLength(valueCount);
        }
        else
        {
            Reserve(FlatPackedFormat.VarintLength(valueCount));
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

        Reserve(prefix + text.Length);
        _offset = FlatPackedFormat.WriteVarint(_bytes, _offset, text.Length);
        text.CopyTo(_bytes.Slice(_offset));
        _offset += text.Length;
    }

    private void Text(ReadOnlySpan<char> text, int byteCount)
    {
        int prefix = FlatPackedFormat.VarintLength(byteCount);
        if (_measuring)
        {
            _offset += prefix + byteCount;
            return;
        }

        Reserve(prefix + byteCount);
        _offset = FlatPackedFormat.WriteVarint(_bytes, _offset, byteCount);
        Utf8.FromUtf16(text, _bytes.Slice(_offset, byteCount), out _, out int written, replaceInvalidSequences: false);
        _offset += written;
    }

    /// <summary>Checks that <paramref name="length"/> more bytes fit what was measured; more means another thread changed the map.</summary>
    private readonly void Reserve(int length)
    {
        if (length > _bytes.Length - _offset)
        {
            FlatThrow.ConcurrentUse(mapName: null);
        }
    }

    private static int Utf8Length(ReadOnlySpan<char> text) =>
        FlatUtf8.TryGetByteCount(text, out int byteCount)
            ? byteCount
            : throw new InvalidOperationException($"The map holds text with a lone surrogate at index {byteCount}, which UTF-8 cannot hold: it cannot be packed.");
}

using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using FlatGen.Infrastructure;

namespace FlatGen;

/// <summary>
/// A read-only flat multi-map packed at the size of its content: one run of bytes holding its keys and values as
/// UTF-8, in first-insertion order, with a hash index, and no reference anywhere. Made by a map's <c>Pack</c> or
/// <c>TryPack</c>, or read from bytes that one wrote (a file, a cache's byte store, a memory-mapped region); for maps
/// kept for long, where a fixed-capacity map would keep its whole capacity.
/// </summary>
/// <remarks>
/// <para>
/// Keys keep the packed map's comparison; each key's values keep their order. A lookup is one hash and about one
/// comparison; reading allocates nothing. The format is documented in the repository's <c>docs/packed-format.md</c>
/// and is the same on every machine and in every process.
/// </para>
/// <para>
/// Over a <see cref="T:byte[]"/> the map shares the array: it must not change while the map is read. A change
/// cannot make a read go outside the bytes, but it can make a read throw or return other text.
/// The <see langword="default"/> value is an empty map that compares ordinally.
/// </para>
/// <para>
/// Nothing a packed map does changes it: any number of threads can read it at once, and a copy of the struct shares the bytes.
/// </para>
/// </remarks>
[DebuggerDisplay("Count = {Count}, ByteCount = {ByteCount}")]
public readonly partial struct FlatPackedMap : IEquatable<FlatPackedMap>
{
    // A whole array, as packing makes and a cache keeps, or a MemoryHolder over any other memory: one reference, so a
    // cache's slot for a packed map is no wider than for an object.
    private readonly object? _storage;

    private FlatPackedMap(ReadOnlyMemory<byte> bytes) =>
        _storage = MemoryMarshal.TryGetArray(bytes, out ArraySegment<byte> segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : new MemoryHolder(bytes);

    /// <summary>Gets the number of distinct keys.</summary>
    public int Count => IsDefault ? 0 : FlatPackedLayout.Read(Bytes).KeyCount;

    /// <summary>Gets the number of values, summed over all keys.</summary>
    public int ValueCount => IsDefault ? 0 : FlatPackedLayout.Read(Bytes).ValueCount;

    /// <summary>Gets how keys are compared: as in the map that was packed.</summary>
    public FlatKeyComparison KeyComparison =>
        !IsDefault && FlatPackedLayout.Read(Bytes).IgnoreCase ? FlatKeyComparison.OrdinalIgnoreCase : FlatKeyComparison.Ordinal;

    /// <summary>Gets the number of bytes the packed map takes.</summary>
    public int ByteCount => Bytes.Length;

    private bool IsDefault => _storage is null;

    private ReadOnlySpan<byte> Bytes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _storage is not null && _storage.GetType() == typeof(byte[]) ? Unsafe.As<byte[]>(_storage) : SpanOf(_storage);
    }

    /// <summary>Gets the packed bytes, to write anywhere and read back with <see cref="Read(ReadOnlyMemory{byte})"/>.</summary>
    /// <returns>The bytes; empty for the <see langword="default"/> map.</returns>
    public ReadOnlySpan<byte> AsBytes() => Bytes;

    /// <summary>Gets the packed bytes as memory, as <see cref="AsBytes"/> does.</summary>
    /// <returns>The bytes; empty for the <see langword="default"/> map.</returns>
    public ReadOnlyMemory<byte> AsMemory() => _storage is byte[] array ? array : _storage is MemoryHolder holder ? holder.Memory : default;

    /// <summary>Reads a packed map from <paramref name="bytes"/>, which it keeps and does not copy.</summary>
    /// <param name="bytes">Bytes a map's <c>Pack</c> or <c>TryPack</c> wrote.</param>
    /// <returns>The packed map over <paramref name="bytes"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatFormatException"><paramref name="bytes"/> are not a valid packed map: another format version, or any count, length, offset, text or index entry that packing could not have written.</exception>
    public static FlatPackedMap Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Read(new ReadOnlyMemory<byte>(bytes));
    }

    /// <summary>Reads a packed map from <paramref name="bytes"/>, which it keeps and does not copy: an array's, or a memory-mapped region's through a <see cref="System.Buffers.MemoryManager{T}"/>.</summary>
    /// <param name="bytes">Bytes a map's <c>Pack</c> or <c>TryPack</c> wrote.</param>
    /// <returns>The packed map over <paramref name="bytes"/>.</returns>
    /// <exception cref="FlatFormatException"><paramref name="bytes"/> are not a valid packed map: another format version, or any count, length, offset, text or index entry that packing could not have written.</exception>
    public static FlatPackedMap Read(ReadOnlyMemory<byte> bytes) =>
        TryRead(bytes, out FlatPackedMap map) ? map : throw new FlatFormatException("The bytes are not a valid packed flat multi-map.");

    /// <summary>Reads a packed map from <paramref name="bytes"/>, which it keeps and does not copy, if they are a valid one.</summary>
    /// <param name="bytes">Bytes to read.</param>
    /// <param name="map">The packed map over <paramref name="bytes"/>; the <see langword="default"/> map when they are not valid.</param>
    /// <returns><see langword="true"/> if the bytes are a valid packed map; otherwise <see langword="false"/>. Never throws for any bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is <see langword="null"/>.</exception>
    public static bool TryRead(byte[] bytes, out FlatPackedMap map)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return TryRead(new ReadOnlyMemory<byte>(bytes), out map);
    }

    /// <summary>Reads a packed map from <paramref name="bytes"/>, which it keeps and does not copy, if they are a valid one.</summary>
    /// <param name="bytes">Bytes to read.</param>
    /// <param name="map">The packed map over <paramref name="bytes"/>; the <see langword="default"/> map when they are not valid.</param>
    /// <returns><see langword="true"/> if the bytes are a valid packed map; otherwise <see langword="false"/>. Never throws for any bytes.</returns>
    public static bool TryRead(ReadOnlyMemory<byte> bytes, out FlatPackedMap map)
    {
        map = IsValid(bytes.Span) ? new FlatPackedMap(bytes) : default;
        return !map.IsDefault;
    }

    /// <summary>Wraps bytes the packer has just written, which need no validation.</summary>
    internal static FlatPackedMap Packed(byte[] bytes) => new(bytes);

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added.</summary>
    /// <param name="key">The key to look up.</param>
    /// <returns>The values; empty when the key is absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public FlatPackedValues GetValues(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ReadOnlySpan<byte> bytes = Bytes;
        return ValuesAt(bytes, Find(bytes, key));
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added.</summary>
    /// <param name="key">The key to look up, such as a slice of a parse buffer.</param>
    /// <returns>The values; empty when the key is absent.</returns>
    public FlatPackedValues GetValues(ReadOnlySpan<char> key)
    {
        ReadOnlySpan<byte> bytes = Bytes;
        return ValuesAt(bytes, Find(bytes, key));
    }

    /// <summary>Gets the UTF-8 <paramref name="key"/>'s values, in the order they were added.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <returns>The values; empty when the key is absent or not valid UTF-8.</returns>
    public FlatPackedValues GetValues(ReadOnlySpan<byte> key) => ValuesAt(Bytes, FindUtf8(Bytes, key));

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added.</summary>
    /// <param name="key">The key to look up.</param>
    /// <param name="values">The values; empty when the key is absent.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetValues(string key, out FlatPackedValues values)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryGetValues(key.AsSpan(), out values);
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added.</summary>
    /// <param name="key">The key to look up, such as a slice of a parse buffer.</param>
    /// <param name="values">The values; empty when the key is absent.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    public bool TryGetValues(ReadOnlySpan<char> key, out FlatPackedValues values)
    {
        ReadOnlySpan<byte> bytes = Bytes;
        int record = Find(bytes, key);
        values = ValuesAt(bytes, record);
        return record >= 0;
    }

    /// <summary>Gets the UTF-8 <paramref name="key"/>'s values, in the order they were added.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <param name="values">The values; empty when the key is absent or not valid UTF-8.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    public bool TryGetValues(ReadOnlySpan<byte> key, out FlatPackedValues values)
    {
        int record = FindUtf8(Bytes, key);
        values = ValuesAt(Bytes, record);
        return record >= 0;
    }

    /// <summary>Determines whether the map contains <paramref name="key"/>.</summary>
    /// <param name="key">The key to look for.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool ContainsKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Find(Bytes, key) >= 0;
    }

    /// <summary>Determines whether the map contains <paramref name="key"/>.</summary>
    /// <param name="key">The key to look for, such as a slice of a parse buffer.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    public bool ContainsKey(ReadOnlySpan<char> key) => Find(Bytes, key) >= 0;

    /// <summary>Determines whether the map contains the UTF-8 <paramref name="key"/>; invalid UTF-8 is a key that is absent.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    public bool ContainsKey(ReadOnlySpan<byte> key) => FindUtf8(Bytes, key) >= 0;

    /// <summary>Returns an enumerator over the keys, in first-insertion order, each with its values; it allocates nothing.</summary>
    /// <returns>An enumerator over the entries.</returns>
    public Enumerator GetEnumerator() => new(Bytes);

    /// <summary>Copies the map's keys, in first-insertion order, each with its values, as strings.</summary>
    /// <returns>A new array of the keys and their values.</returns>
    public KeyValuePair<string, string[]>[] ToArray()
    {
        var pairs = new KeyValuePair<string, string[]>[Count];
        int i = 0;
        foreach (FlatPackedEntry entry in this)
        {
            pairs[i++] = new KeyValuePair<string, string[]>(entry.GetKeyString(), entry.Values.ToArray());
        }

        return pairs;
    }

    /// <summary>Renders the map's keys and values, such as <c>{ Host: [example.com], Accept: [text/html, */*] }</c>, as a map does.</summary>
    /// <returns>The map as text.</returns>
    public override string ToString() => FlatMapText.Render(ToArray());

    /// <summary>
    /// Determines whether this map and <paramref name="other"/> compare keys alike and hold the same keys (under that
    /// comparison) with the same values in the same order; the order of the keys does not matter, as for maps.
    /// </summary>
    /// <param name="other">The packed map to compare with.</param>
    /// <returns><see langword="true"/> if the maps have the same content; otherwise, <see langword="false"/>.</returns>
    public bool Equals(FlatPackedMap other)
    {
        ReadOnlySpan<byte> mine = Bytes, theirs = other.Bytes;
        if (mine.SequenceEqual(theirs))
        {
            return true;
        }

        if (KeyComparison != other.KeyComparison || Count != other.Count || ValueCount != other.ValueCount)
        {
            return false;
        }

        // Equal key counts, and every key of this map found in the other with the same values: the same keys.
        foreach (FlatPackedEntry entry in this)
        {
            int record = FindUtf8(theirs, entry.Key);
            if (record < 0 || !entry.Values.SequenceEqual(ValuesAt(theirs, record)))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FlatPackedMap other && Equals(other);

    /// <summary>Returns a hash of the map's content that equal maps (see <see cref="Equals(FlatPackedMap)"/>) share, whatever their key order.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        bool ignoreCase = KeyComparison == FlatKeyComparison.OrdinalIgnoreCase;
        int hash = Count;
        foreach (FlatPackedEntry entry in this)
        {
            var combined = default(HashCode);
            combined.Add(FlatPackedFormat.Hash(entry.Key, ignoreCase, out _)); // The same for keys equal under the comparison.
            foreach (ReadOnlySpan<byte> value in entry.Values)
            {
                combined.AddBytes(value);
                combined.Add(value.Length);
            }

            hash += combined.ToHashCode(); // A sum, which ignores key order.
        }

        return hash;
    }

    /// <summary>Determines whether two packed maps have the same content.</summary>
    /// <param name="left">The first map.</param>
    /// <param name="right">The second map.</param>
    /// <returns><see langword="true"/> if the maps have the same content; otherwise, <see langword="false"/>.</returns>
    public static bool operator ==(FlatPackedMap left, FlatPackedMap right) => left.Equals(right);

    /// <summary>Determines whether two packed maps differ in content.</summary>
    /// <param name="left">The first map.</param>
    /// <param name="right">The second map.</param>
    /// <returns><see langword="true"/> if the maps differ; otherwise, <see langword="false"/>.</returns>
    public static bool operator !=(FlatPackedMap left, FlatPackedMap right) => !left.Equals(right);

    /// <summary>The bytes of memory that is not a whole array; none for the <see langword="default"/> map.</summary>
    private static ReadOnlySpan<byte> SpanOf(object? storage) => storage is MemoryHolder holder ? holder.Memory.Span : default;

    /// <summary>Finds <paramref name="key"/> in packed <paramref name="bytes"/>: one hash, then the keys of its bucket; returns its record's offset or -1.</summary>
    /// <remarks>Not inlined: a caller's loop would spend its inlining budget on the hash and leave the compare a call.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Find(ReadOnlySpan<byte> bytes, ReadOnlySpan<char> key)
    {
        // The usual map, under 128 keys and values in 64 KiB (a header of 4 bytes, one-byte bucket ends, two-byte
        // offsets, read as constants), and the usual probe, ASCII of 4 to 32 units: narrowed once into the words that
        // both the hash and each comparison use, never written out.
        if (bytes.Length > FlatPackedFormat.SmallHeaderLength && bytes.Length <= ushort.MaxValue && (bytes[2] | bytes[3]) < 0x80
            && FlatUtf8.TryNarrowShortAsciiWords(key, out Vector128<byte> head, out Vector128<byte> tail))
        {
            bool ignoreCase = bytes[FlatPackedFormat.ComparisonOffset] != 0;
            if (ignoreCase)
            {
                head = FlatHash.FoldLetters(head);
                tail = FlatHash.FoldLetters(tail);
            }

            int keyCount = bytes[2];
            int buckets = FlatPackedFormat.BucketCount(keyCount);
            int bucket = FlatPackedFormat.BucketOf(FlatPackedFormat.HashWords(head, tail, key.Length), buckets);
            int at = FlatPackedFormat.SmallHeaderLength + bucket;
            int end = bytes[at];
            int offsets = FlatPackedFormat.SmallHeaderLength + buckets;
            for (int i = bucket == 0 ? 0 : bytes[at - 1]; i < end; i++)
            {
                int record = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(offsets + (2 * i)));

                // A first length byte equal to the probe's length, under 128, is the whole varint.
                if (bytes[record] == key.Length && FlatPackedKeys.EqualWords(bytes.Slice(record + 1, key.Length), head, tail, ignoreCase))
                {
                    return record;
                }
            }

            return -1;
        }

        return bytes.IsEmpty ? -1 : FindAny(bytes, key);
    }

    /// <summary><see cref="Find"/> for any probe in a map of any size: the probe's UTF-8 bytes hashed and compared.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit] // The encode buffer is written before it is read.
    private static int FindAny(ReadOnlySpan<byte> bytes, ReadOnlySpan<char> key)
    {
        bool ignoreCase = bytes[FlatPackedFormat.ComparisonOffset] != 0;
        if (ignoreCase && !Ascii.IsValid(key))
        {
            return Search(bytes, FlatPackedFormat.NonAsciiIgnoreCaseHash, default, key, ignoreCase, comparesAsAscii: false);
        }

        if (!FlatUtf8.TryGetByteCount(key, out int byteCount))
        {
            return -1; // A lone surrogate, which no packed key holds.
        }

        byte[]? rented = byteCount <= DecodedUtf8.StackLength ? null : ArrayPool<byte>.Shared.Rent(byteCount);
        Span<byte> utf8 = (rented ?? stackalloc byte[DecodedUtf8.StackLength]).Slice(0, byteCount);
        Utf8.FromUtf16(key, utf8, out _, out _, replaceInvalidSequences: false);
        int record = Search(bytes, FlatPackedFormat.Hash(utf8, ignoreCase, out _), utf8, key, ignoreCase, comparesAsAscii: true);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return record;
    }

    /// <summary>Finds UTF-8 <paramref name="key"/> as <see cref="Find"/> does; invalid UTF-8 is absent.</summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private static int FindUtf8(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> key)
    {
        if (bytes.IsEmpty || !Utf8.IsValid(key))
        {
            return -1;
        }

        bool ignoreCase = bytes[FlatPackedFormat.ComparisonOffset] != 0;
        uint hash = FlatPackedFormat.Hash(key, ignoreCase, out bool comparesAsAscii);
        if (comparesAsAscii)
        {
            return Search(bytes, hash, key, default, ignoreCase, comparesAsAscii);
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[DecodedUtf8.StackLength]);
        return Search(bytes, hash, key, decoded.Chars, ignoreCase, comparesAsAscii);
    }

    /// <summary>
    /// The keys of <paramref name="hash"/>'s bucket, in a map of any size, compared with the probe: its UTF-8 bytes, or
    /// its text when it ignores case and is not ASCII (<paramref name="comparesAsAscii"/> false); returns the record's offset or -1.
    /// </summary>
    private static int Search(ReadOnlySpan<byte> bytes, uint hash, ReadOnlySpan<byte> utf8, ReadOnlySpan<char> text, bool ignoreCase, bool comparesAsAscii)
    {
        int keyCount = FlatPackedLayout.ReadKeyCount(bytes, out _, out int bucketsStart);
        int bucket = FlatPackedFormat.BucketOf(hash, FlatPackedFormat.BucketCount(keyCount));
        int width = FlatPackedFormat.BucketWidth(keyCount);
        int at = bucketsStart + (bucket * width);
        int first = bucket == 0 ? 0 : FlatPackedFormat.ReadWidth(bytes, at - width, width);
        int end = FlatPackedFormat.ReadWidth(bytes, at, width);
        int offsetWidth = FlatPackedFormat.OffsetWidth(bytes.Length);
        int offsets = bucketsStart + (FlatPackedFormat.BucketCount(keyCount) * width);
        for (int i = first; i < end; i++)
        {
            int record = FlatPackedFormat.ReadWidth(bytes, offsets + (i * offsetWidth), offsetWidth);
            int keyStart = record;
            int length = FlatPackedFormat.ReadVarint(bytes, ref keyStart);
            ReadOnlySpan<byte> stored = bytes.Slice(keyStart, length);
            if (comparesAsAscii ? FlatPackedKeys.Equal(stored, utf8, ignoreCase) : FlatPackedKeys.NonAsciiEqualIgnoreCase(stored, text))
            {
                return record;
            }
        }

        return -1;
    }

    /// <summary>Gets the values of the record at <paramref name="record"/>; none for -1.</summary>
    private static FlatPackedValues ValuesAt(ReadOnlySpan<byte> bytes, int record)
    {
        if (record < 0)
        {
            return default;
        }

        int keyLength = FlatPackedFormat.ReadVarint(bytes, ref record);
        record += keyLength;
        int count = FlatPackedFormat.ReadVarint(bytes, ref record);
        return new FlatPackedValues(bytes.Slice(record), count);
    }

    /// <summary>Enumerates a packed map's keys in first-insertion order, each with its values, in one pass over its records.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private int _remaining;
        private int _offset;

        internal Enumerator(ReadOnlySpan<byte> bytes)
        {
            _bytes = bytes;
            if (bytes.IsEmpty)
            {
                _remaining = 0;
                _offset = 0;
            }
            else
            {
                FlatPackedLayout layout = FlatPackedLayout.Read(bytes);
                _remaining = layout.KeyCount;
                _offset = layout.RecordsStart;
            }

            Current = default;
        }

        /// <summary>Gets the current key with its values.</summary>
        public FlatPackedEntry Current { get; private set; }

        /// <summary>Advances to the next key.</summary>
        /// <returns><see langword="true"/> if there is a next key; otherwise, <see langword="false"/>.</returns>
        public bool MoveNext()
        {
            if (_remaining == 0)
            {
                return false;
            }

            _remaining--;
            int keyLength = FlatPackedFormat.ReadVarint(_bytes, ref _offset);
            ReadOnlySpan<byte> key = _bytes.Slice(_offset, keyLength);
            _offset += keyLength;
            int count = FlatPackedFormat.ReadVarint(_bytes, ref _offset);
            var values = new FlatPackedValues(_bytes.Slice(_offset), count);
            for (int i = 0; i < count; i++)
            {
                int length = FlatPackedFormat.ReadVarint(_bytes, ref _offset);
                _offset += length;
            }

            Current = new FlatPackedEntry(key, values);
            return true;
        }
    }

    /// <summary>Memory that is not a whole array: a slice, or a memory-mapped region's manager.</summary>
    private sealed class MemoryHolder(ReadOnlyMemory<byte> memory)
    {
        public ReadOnlyMemory<byte> Memory { get; } = memory;
    }
}

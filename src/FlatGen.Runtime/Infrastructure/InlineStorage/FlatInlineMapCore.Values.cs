using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

public abstract partial class FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>
{
    /// <summary>Finds <paramref name="map"/>'s key <paramref name="keyIndex"/> in <paramref name="other"/> by its UTF-8 bytes.</summary>
    internal static int FindKeyOf(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, FlatMapFields<TKeyIndex, TValueIndex> other) =>
        Index.FindUtf8(other, StoredKey(map, keyIndex));

    /// <summary>Whether two keys' runs hold the same values' bytes in the same order.</summary>
    internal static bool ValuesEqual(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, FlatMapFields<TKeyIndex, TValueIndex> other, int otherIndex)
    {
        FlatInlineValues mine = Values(map, keyIndex);
        FlatInlineValues theirs = Values(other, otherIndex);
        if (mine.Count != theirs.Count)
        {
            return false;
        }

        for (int j = 0; j < mine.Count; j++)
        {
            if (!mine[j].SequenceEqual(theirs[j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A hash of key <paramref name="keyIndex"/> and its values' bytes. A key's stored hash under the published seed is
    /// the same in equal maps (a known key's is its index); a map that took a random seed hashes the key again under the published one.
    /// </summary>
    internal static int EntryHashCode(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        var hash = default(HashCode);
        hash.Add(map.HashSeed != 0 && !IsKnownEntry(map, keyIndex) ? PublishedHash(map, keyIndex) : map.KeyHashes[keyIndex]);
        foreach (ReadOnlySpan<byte> value in Values(map, keyIndex))
        {
            hash.AddBytes(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Stored key <paramref name="keyIndex"/>'s hash under the published seed, whatever seed the map took.</summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private static uint PublishedHash(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        using DecodedUtf8 decoded = DecodedUtf8.Decode(StoredKey(map, keyIndex), stackalloc char[DecodedUtf8.StackLength]);
        TComparer.TryHashPersisted(decoded.Chars, 0, out uint hash);
        return hash;
    }

    /// <summary>Adds a UTF-16 key's UTF-8 value (both validated first), as JSON reading gives them.</summary>
    internal static bool TryAddUtf8Value(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, ReadOnlySpan<byte> utf8Value) =>
        AddEvicting(map, key, FlatUtf8Text.FromChars(key, nameof(key)), FlatUtf8Text.FromBytes(utf8Value, "value")) == FlatAddStatus.Added;

    /// <summary>Adds as <see cref="AddCore"/> does, then, only when the map lacked room and evicts its oldest keys, evicts and tries again.</summary>
    private static FlatAddStatus AddEvicting(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, in FlatUtf8Text keyText, in FlatUtf8Text valueText)
    {
        FlatAddStatus status = AddCore(map, key, keyText, valueText);
        while (status != FlatAddStatus.Added && EvictFor(map, Index.Find(map, key), NewKeyBytes(map, key), valueText.ByteCount, added: 1, out _))
        {
            status = AddCore(map, key, keyText, valueText);
        }

        return status;
    }

    /// <summary>
    /// Replaces <paramref name="removed"/> values from <paramref name="from"/>, inside key <paramref name="keyIndex"/>'s
    /// run, by <paramref name="insert"/> (when it has bytes or is a value: see <see cref="FlatUtf8Text.IsValue"/>), leaving
    /// the run at least one value. The arena, the value tables and the later keys move to close or open the gap.
    /// </summary>
    /// <returns><see cref="FlatAddStatus.BytesFull"/>, with nothing changed, if the new value's bytes do not fit.</returns>
    internal static FlatAddStatus Splice(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, int from, int removed, in FlatUtf8Text insert)
    {
        ref TValueIndex valueCountRef = ref map.ValueCount;
        ref ushort usedRef = ref map.ArenaUsed;
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        int count = FlatInteger.ToInt32(map.Count);
        int used = usedRef;
        Span<byte> arena = map.Arena;
        Span<ushort> keyOffsets = map.KeyOffsets;
        Span<ushort> valueOffsets = map.ValueOffsets;
        Span<ushort> valueLengths = map.ValueLengths;
        Span<TValueIndex> starts = map.ValueStarts;
        Span<TValueIndex> counts = map.ValueCounts;
        int runEnd = FlatInteger.ToInt32(starts[keyIndex]) + FlatInteger.ToInt32(counts[keyIndex]);
        if (keyIndex >= count || from + removed > runEnd || runEnd > valueCount)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        // The removed values' bytes end where the next value of the run starts, or else where the key's range ends.
        int byteFrom = valueOffsets[from];
        int byteTo = from + removed < runEnd ? valueOffsets[from + removed] : keyIndex + 1 < count ? keyOffsets[keyIndex + 1] : used;
        int inserted = insert.IsValue ? 1 : 0;
        int delta = insert.ByteCount - (byteTo - byteFrom);
        if (used + delta > arena.Length)
        {
            return FlatAddStatus.BytesFull;
        }

        arena.Slice(byteTo, used - byteTo).CopyTo(arena.Slice(byteFrom + insert.ByteCount));
        insert.CopyTo(arena.Slice(byteFrom, insert.ByteCount));
        if (delta < 0)
        {
            arena.Slice(used + delta, -delta).Clear();
        }

        int shift = inserted - removed;
        valueOffsets.Slice(from + removed, valueCount - from - removed).CopyTo(valueOffsets.Slice(from + inserted));
        valueLengths.Slice(from + removed, valueCount - from - removed).CopyTo(valueLengths.Slice(from + inserted));
        if (inserted == 1)
        {
            valueOffsets[from] = (ushort)byteFrom;
            valueLengths[from] = (ushort)insert.ByteCount;
        }

        for (int j = from + inserted; j < valueCount + shift; j++)
        {
            valueOffsets[j] = (ushort)(valueOffsets[j] + delta);
        }

        valueOffsets.Slice(valueCount + shift, -shift).Clear();
        valueLengths.Slice(valueCount + shift, -shift).Clear();
        for (int k = keyIndex + 1; k < count; k++)
        {
            keyOffsets[k] = (ushort)(keyOffsets[k] + delta);
            starts[k] = FlatInteger.FromInt32<TValueIndex>(FlatInteger.ToInt32(starts[k]) + shift);
        }

        counts[keyIndex] = FlatInteger.FromInt32<TValueIndex>(FlatInteger.ToInt32(counts[keyIndex]) + shift);
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount + shift);
        usedRef = (ushort)(used + delta);
        map.LayoutId = map.Shape.LayoutId;
        map.Version++;
        return FlatAddStatus.Added;
    }

    /// <summary>Whether UTF-8 <paramref name="utf8"/> is the text <paramref name="text"/>, compared ordinally, without allocating.</summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    internal static bool Utf8Equals(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length < text.Length)
        {
            return false; // Each UTF-16 code unit takes at least one UTF-8 byte.
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(utf8, stackalloc char[DecodedUtf8.StackLength]);
        return decoded.Chars.SequenceEqual(text);
    }

    /// <summary>Moves key <paramref name="keyIndex"/> after every other key: its bytes copied out, removed, then added again.</summary>
    internal static void MoveToEnd(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        int count = FlatInteger.ToInt32(map.Count);
        if (keyIndex == count - 1)
        {
            return; // The key is the newest already.
        }

        // A key's bytes and then its values' bytes lie together in the arena, up to where the next key's start.
        int start = map.KeyOffsets[keyIndex];
        int end = map.KeyOffsets[keyIndex + 1];
        int keyLength = map.KeyLengths[keyIndex];
        FlatInlineValues values = Values(map, keyIndex);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(end - start);
        int[] lengths = ArrayPool<int>.Shared.Rent(values.Count);
        try
        {
            FlatInlineEnumerator<TKeyIndex, TValueIndex>.Range(map.Shape, map.Arena, start, end - start).CopyTo(bytes);
            int valueCount = values.Count;
            for (int i = 0; i < valueCount; i++)
            {
                lengths[i] = values[i].Length;
            }

            Index.RemoveAt(map, keyIndex);
            ReadOnlySpan<byte> key = bytes.AsSpan(0, keyLength);
            for (int i = 0, offset = keyLength; i < valueCount; offset += lengths[i], i++)
            {
                // The room the key gave up takes it back: only concurrent use can make this fail.
                if (AddUtf8(map, key, bytes.AsSpan(offset, lengths[i])) != FlatAddStatus.Added)
                {
                    FlatThrow.ConcurrentUse(map.Shape.MapName);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<int>.Shared.Return(lengths);
        }
    }
}

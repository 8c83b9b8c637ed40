using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

public abstract partial class FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>
{
    /// <summary>Maps with up to this many hashed slots rebuild their slot table on the stack while validating.</summary>
    private const int StackSlots = 1024;

    private static bool TryRead(ReadOnlySpan<byte> bytes, FlatMapFields<TKeyIndex, TValueIndex> map, out string? problem)
    {
        problem = !BitConverter.IsLittleEndian ? "inline maps are little-endian, and this process is not"
            : bytes.Length != map.Shape.Size ? "the length is not the map's size"
            : null;
        if (problem is null)
        {
            bytes.CopyTo(map.Bytes);
            problem = Validate(map);
        }

        if (problem is not null)
        {
            map.Bytes.Clear();
            return false;
        }

        return true;
    }

    /// <summary>
    /// Returns what makes <paramref name="map"/> a state that the map's own methods could not have produced, or
    /// <see langword="null"/> if there is nothing: the layout id; every count, offset and length; the arena's
    /// order and UTF-8; the runs; the known keys' bits, slots and spellings; every unknown key's hash, its
    /// distinctness, the exact slot table and length filter; and zeros in everything unused. First the structure, so that the
    /// second pass, which decodes keys and probes, reads only ranges already checked.
    /// </summary>
    private static string? Validate(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        ulong layoutId = map.LayoutId;
        if (layoutId == 0)
        {
            return map.Bytes.ContainsAnyExcept((byte)0) ? "the layout id is missing" : null;
        }

        if (layoutId != map.Shape.LayoutId)
        {
            return "the layout id is not this map's";
        }

        Span<ulong> knownEntries = stackalloc ulong[(map.KeyOffsets.Length + 63) / 64];
        knownEntries.Clear();
        return ValidateStructure(map, knownEntries) ?? ValidateKeys(map, knownEntries);
    }

    private static string? ValidateStructure(FlatMapFields<TKeyIndex, TValueIndex> map, Span<ulong> knownEntries)
    {
        int count = FlatInteger.ToInt32(map.Count);
        int valueCount = FlatInteger.ToInt32(map.ValueCount);
        int used = map.ArenaUsed;
        ReadOnlySpan<byte> arena = map.Arena;
        ReadOnlySpan<ushort> keyOffsets = map.KeyOffsets;
        ReadOnlySpan<ushort> keyLengths = map.KeyLengths;
        ReadOnlySpan<TValueIndex> starts = map.ValueStarts;
        ReadOnlySpan<TValueIndex> counts = map.ValueCounts;
        ReadOnlySpan<ushort> valueOffsets = map.ValueOffsets;
        ReadOnlySpan<ushort> valueLengths = map.ValueLengths;
        if (count > keyOffsets.Length || valueCount > valueOffsets.Length || used > arena.Length)
        {
            return "a count is out of range";
        }

        // Known keys: a present one points at a key, no two at the same; an absent one's slot is zero.
        ReadOnlySpan<ulong> presence = map.KnownPresence;
        ReadOnlySpan<TKeyIndex> knownSlots = map.KnownSlots;
        for (int knownKey = 0; knownKey < presence.Length * 64; knownKey++)
        {
            bool present = (presence[knownKey >> 6] & (1UL << (knownKey & 63))) != 0;
            if (knownKey >= knownSlots.Length)
            {
                if (present)
                {
                    return "a presence bit is set past the known keys";
                }

                continue;
            }

            int slot = FlatInteger.ToInt32(knownSlots[knownKey]);
            if (!present)
            {
                if (slot != 0)
                {
                    return "an absent known key has a slot";
                }
            }
            else if (slot >= count || (knownEntries[slot >> 6] & (1UL << (slot & 63))) != 0)
            {
                return "a known key's slot is out of range or shared";
            }
            else
            {
                knownEntries[slot >> 6] |= 1UL << (slot & 63);
            }
        }

        // The arena holds each key's bytes, then its values' bytes, in key order, and nothing after them.
        int cursor = 0;
        int valueCursor = 0;
        for (int i = 0; i < count; i++)
        {
            if (keyOffsets[i] != cursor || cursor + keyLengths[i] > used || !Utf8.IsValid(arena.Slice(cursor, keyLengths[i])))
            {
                return "a key's bytes are out of place or not UTF-8";
            }

            cursor += keyLengths[i];
            int runLength = FlatInteger.ToInt32(counts[i]);
            if (FlatInteger.ToInt32(starts[i]) != valueCursor || runLength == 0 || valueCursor + runLength > valueCount)
            {
                return "a key's run of values is out of place";
            }

            for (int j = valueCursor; j < valueCursor + runLength; j++)
            {
                if (valueOffsets[j] != cursor || cursor + valueLengths[j] > used || !Utf8.IsValid(arena.Slice(cursor, valueLengths[j])))
                {
                    return "a value's bytes are out of place or not UTF-8";
                }

                cursor += valueLengths[j];
            }

            valueCursor += runLength;
        }

        if (valueCursor != valueCount || cursor != used)
        {
            return "the runs or the arena do not add up";
        }

        if (arena.Slice(used).ContainsAnyExcept((byte)0)
            || map.Bytes.Slice(map.Shape.FieldBytes).ContainsAnyExcept((byte)0)
            || MemoryMarshal.AsBytes(keyOffsets.Slice(count)).ContainsAnyExcept((byte)0)
            || MemoryMarshal.AsBytes(keyLengths.Slice(count)).ContainsAnyExcept((byte)0)
            || MemoryMarshal.AsBytes(map.KeyHashes.Slice(count)).ContainsAnyExcept((byte)0)
            || FlatInteger.IndexOfNonZero<TValueIndex>(starts.Slice(count)) >= 0
            || FlatInteger.IndexOfNonZero<TValueIndex>(counts.Slice(count)) >= 0
            || MemoryMarshal.AsBytes(valueOffsets.Slice(valueCount)).ContainsAnyExcept((byte)0)
            || MemoryMarshal.AsBytes(valueLengths.Slice(valueCount)).ContainsAnyExcept((byte)0))
        {
            return "unused storage is not zero";
        }

        // One slot per unknown key, so at least half the slots are empty and every probe ends.
        int hashedKeys = count;
        foreach (ulong word in knownEntries)
        {
            hashedKeys -= BitOperations.PopCount(word);
        }

        foreach (TKeyIndex slot in map.Slots)
        {
            int entry = FlatInteger.ToInt32(slot);
            if (entry > count || (entry != 0 && (knownEntries[(entry - 1) >> 6] & (1UL << ((entry - 1) & 63))) != 0))
            {
                return "a hashed slot is out of range or holds a known key";
            }

            hashedKeys -= entry != 0 ? 1 : 0;
        }

        return hashedKeys == 0 ? null : "the hashed slots do not hold each unknown key once";
    }

    private static string? ValidateKeys(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<ulong> knownEntries)
    {
        Span<TKeyIndex> slots = map.Slots;
        TKeyIndex[]? rented = null;
        Span<TKeyIndex> rebuilt = slots.Length <= StackSlots
            ? FlatInteger.FromBytes<TKeyIndex>(stackalloc byte[StackSlots * sizeof(ushort)])
            : (rented = ArrayPool<TKeyIndex>.Shared.Rent(slots.Length));
        rebuilt = rebuilt.Slice(0, slots.Length);
        rebuilt.Clear();
        try
        {
            int count = FlatInteger.ToInt32(map.Count);
            for (int i = 0; i < count; i++)
            {
                bool known = (knownEntries[i >> 6] & (1UL << (i & 63))) != 0;
                if (ValidateKey(map, i, known) is string problem)
                {
                    return problem;
                }

                // The table is exactly that of adding the unknown keys in key order (a removal with backward shift
                // leaves the table as if the key had never been added); under the published seed no probe is long,
                // since adding a key that met one would have taken a random seed.
                if (!known && Index.Insert(map.Shape, rebuilt, map.KeyHashes[i], i) > LongProbe && map.HashSeed == 0)
                {
                    return "a probe is longer than the published seed ever lets one grow";
                }
            }

            return !rebuilt.SequenceEqual(slots) ? "the hashed slots are not where the keys' hashes put them"
                : map.HashedKeyLengths != HashedKeyLengths(map) ? "the length filter is not that of the hashed keys"
                : map.HashedKeyLengths == 0 && map.HashSeed != 0 ? "a map without hashed keys has a hash seed"
                : null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<TKeyIndex>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Checks key <paramref name="keyIndex"/> against its text: a known key is the known key its slot says, in its
    /// declared spelling; an unknown key matches no known key, has its own hash, and is the first key equal to it
    /// on its probe (so no two keys are equal).
    /// </summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private static string? ValidateKey(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, bool known)
    {
        using DecodedUtf8 decoded = DecodedUtf8.Decode(StoredKey(map, keyIndex), stackalloc char[DecodedUtf8.StackLength]);
        ReadOnlySpan<char> key = decoded.Chars;
        int knownKey = TKnownKeys.Match(map.Shape, key);
        uint hash = map.KeyHashes[keyIndex];
        if (known)
        {
            return knownKey >= 0 && hash == (uint)knownKey
                && (map.KnownPresence[knownKey >> 6] & (1UL << (knownKey & 63))) != 0
                && FlatInteger.ToInt32(map.KnownSlots[knownKey]) == keyIndex
                && key.SequenceEqual(map.Shape.KnownKeyNames[knownKey])
                ? null
                : "a known key's slot, index or spelling is wrong";
        }

        return knownKey < 0 && TComparer.TryHashPersisted(key, map.HashSeed, out uint expected) && hash == expected && Index.Probe(map, key, hash, out _) == keyIndex
            ? null
            : "a key is known but hashed, cannot be stored in this map, has the wrong hash, or is a duplicate";
    }
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace FlatGen.Infrastructure;

/// <summary>
/// The algorithms of every generated flat multi-map: hashing, linear probing, insertion into the contiguous
/// value runs, removal with backward-shift deletion, clearing and enumeration. Generated members are thin calls
/// into these methods; the JIT specialises them per map, so span lengths and masks are constants.
/// </summary>
/// <typeparam name="TMap">The generated struct.</typeparam>
/// <typeparam name="TKeyIndex">The struct's key index type.</typeparam>
/// <typeparam name="TValueIndex">The struct's value index type.</typeparam>
/// <typeparam name="TComparer">The key comparison.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class FlatMultiMapCore<TMap, TKeyIndex, TValueIndex, TComparer>
    where TMap : struct, IFlatMultiMapStorage<TMap, TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    where TComparer : struct, IFlatKeyComparer
{
    private enum AddStatus
    {
        Added,
        KeysFull,
        ValuesFull,
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if a key or value slot is missing, and then the map is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public static bool TryAdd(ref TMap map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return AddCore(ref map, key, value) == AddStatus.Added;
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">A key or value slot is missing; the map is unchanged.</exception>
    public static void Add(ref TMap map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        AddStatus status = AddCore(ref map, key, value);
        if (status != AddStatus.Added)
        {
            ThrowFull(ref map, status, key);
        }
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added, over the map's own storage.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and empty <paramref name="values"/>.</returns>
    public static bool TryGetValues(ref readonly TMap map, ReadOnlySpan<char> key, out ReadOnlySpan<string> values)
    {
        ref TMap mutable = ref Unsafe.AsRef(in map);
        int keyIndex = Probe(ref mutable, key, TComparer.Hash(key), out _);
        if (keyIndex < 0)
        {
            values = default;
            return false;
        }

        values = Run(ref mutable, keyIndex);
        return true;
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added; empty when the key is absent.</summary>
    public static ReadOnlySpan<string> GetValues(ref readonly TMap map, ReadOnlySpan<char> key)
    {
        ref TMap mutable = ref Unsafe.AsRef(in map);
        int keyIndex = Probe(ref mutable, key, TComparer.Hash(key), out _);
        return keyIndex < 0 ? default : Run(ref mutable, keyIndex);
    }

    /// <summary>Returns whether <paramref name="key"/> is present.</summary>
    public static bool ContainsKey(ref readonly TMap map, ReadOnlySpan<char> key) =>
        Probe(ref Unsafe.AsRef(in map), key, TComparer.Hash(key), out _) >= 0;

    /// <summary>Removes <paramref name="key"/> and all its values.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    public static bool Remove(ref TMap map, ReadOnlySpan<char> key)
    {
        int keyIndex = Probe(ref map, key, TComparer.Hash(key), out int slot);
        if (keyIndex < 0)
        {
            return false;
        }

        Span<TKeyIndex> slots = TMap.GetSlots(ref map);
        Span<uint> hashes = TMap.GetKeyHashes(ref map);
        DeleteSlot(slots, hashes, slot);

        ref TKeyIndex countRef = ref TMap.GetCount(ref map);
        ref TValueIndex valueCountRef = ref TMap.GetValueCount(ref map);
        int last = int.CreateTruncating(countRef) - 1;
        int valueCount = int.CreateTruncating(valueCountRef);
        Span<string?> keys = TMap.GetKeys(ref map);
        Span<string?> values = TMap.GetValues(ref map);
        Span<TValueIndex> starts = TMap.GetValueStarts(ref map);
        Span<TValueIndex> counts = TMap.GetValueCounts(ref map);

        // Close the key's run of values; the runs after it move down and so do their starts.
        int start = int.CreateTruncating(starts[keyIndex]);
        int removed = int.CreateTruncating(counts[keyIndex]);
        values.Slice(start + removed, valueCount - start - removed).CopyTo(values.Slice(start));
        values.Slice(valueCount - removed, removed).Clear();

        // Keys after the removed one move down by one index, keeping first-insertion order.
        int after = last - keyIndex;
        keys.Slice(keyIndex + 1, after).CopyTo(keys.Slice(keyIndex));
        hashes.Slice(keyIndex + 1, after).CopyTo(hashes.Slice(keyIndex));
        counts.Slice(keyIndex + 1, after).CopyTo(counts.Slice(keyIndex));
        TValueIndex removedRun = TValueIndex.CreateTruncating(removed);
        for (int k = keyIndex; k < last; k++)
        {
            starts[k] = starts[k + 1] - removedRun;
        }

        keys[last] = null;
        if (after != 0)
        {
            // Slots point at key indices plus one: those past the removed key move down by one.
            TKeyIndex removedEntry = TKeyIndex.CreateTruncating(keyIndex + 1);
            for (int i = 0; i < slots.Length; i++)
            {
                if (slots[i] > removedEntry)
                {
                    slots[i]--;
                }
            }
        }

        countRef = TKeyIndex.CreateTruncating(last);
        valueCountRef = TValueIndex.CreateTruncating(valueCount - removed);
        return true;
    }

    /// <summary>Removes every key and value, leaving no reference behind.</summary>
    public static void Clear(ref TMap map)
    {
        ref TKeyIndex countRef = ref TMap.GetCount(ref map);
        ref TValueIndex valueCountRef = ref TMap.GetValueCount(ref map);
        TMap.GetKeys(ref map).Slice(0, int.CreateTruncating(countRef)).Clear();
        TMap.GetValues(ref map).Slice(0, int.CreateTruncating(valueCountRef)).Clear();
        TMap.GetSlots(ref map).Clear();
        countRef = TKeyIndex.Zero;
        valueCountRef = TValueIndex.Zero;
    }

    /// <summary>Returns an enumerator over the keys, in first-insertion order, each with its values.</summary>
    public static Enumerator GetEnumerator(ref readonly TMap map) => new(ref Unsafe.AsRef(in map));

    /// <summary>Copies the map into a new dictionary that uses the map's key comparison.</summary>
    public static Dictionary<string, string[]> ToDictionary(ref readonly TMap map)
    {
        ref TMap mutable = ref Unsafe.AsRef(in map);
        var dictionary = new Dictionary<string, string[]>(int.CreateTruncating(TMap.GetCount(ref mutable)), TComparer.StringComparer);
        foreach (FlatMultiMapEntry entry in new Enumerator(ref mutable))
        {
            dictionary.Add(entry.Key, entry.Values.ToArray());
        }

        return dictionary;
    }

    /// <summary>Renders the map's keys and values, such as <c>{ Host: [example.com], Accept: [text/html, */*] }</c>.</summary>
    public static string ToString(ref readonly TMap map)
    {
        var text = new StringBuilder("{");
        string separator = " ";
        foreach (FlatMultiMapEntry entry in new Enumerator(ref Unsafe.AsRef(in map)))
        {
            text.Append(separator).Append(entry.Key).Append(": [").AppendJoin(", ", entry.Values.ToArray()).Append(']');
            separator = ", ";
        }

        return text.Append(" }").ToString();
    }

    private static AddStatus AddCore(ref TMap map, string key, string value)
    {
        uint hash = TComparer.Hash(key);
        int keyIndex = Probe(ref map, key, hash, out int slot);
        ref TKeyIndex countRef = ref TMap.GetCount(ref map);
        ref TValueIndex valueCountRef = ref TMap.GetValueCount(ref map);
        int count = int.CreateTruncating(countRef);
        int valueCount = int.CreateTruncating(valueCountRef);
        Span<string?> values = TMap.GetValues(ref map);
        Span<TValueIndex> starts = TMap.GetValueStarts(ref map);
        Span<TValueIndex> counts = TMap.GetValueCounts(ref map);

        // Every check comes before the first write: a refused add leaves the map as it was.
        if (keyIndex < 0)
        {
            Span<string?> keys = TMap.GetKeys(ref map);
            if (count == keys.Length)
            {
                return AddStatus.KeysFull;
            }

            if (valueCount == values.Length)
            {
                return AddStatus.ValuesFull;
            }

            keys[count] = key;
            TMap.GetKeyHashes(ref map)[count] = hash;
            starts[count] = TValueIndex.CreateTruncating(valueCount);
            counts[count] = TValueIndex.One;
            values[valueCount] = value;
            TMap.GetSlots(ref map)[slot] = TKeyIndex.CreateTruncating(count + 1);
            countRef = TKeyIndex.CreateTruncating(count + 1);
        }
        else
        {
            if (valueCount == values.Length)
            {
                return AddStatus.ValuesFull;
            }

            // The value goes at the end of the key's run; later runs, if any, shift up by one. Adding to the
            // last key's run (the usual case: a key's values are added together) moves nothing.
            int end = int.CreateTruncating(starts[keyIndex]) + int.CreateTruncating(counts[keyIndex]);
            if (end < valueCount)
            {
                values.Slice(end, valueCount - end).CopyTo(values.Slice(end + 1));
                for (int k = keyIndex + 1; k < count; k++)
                {
                    starts[k]++;
                }
            }

            values[end] = value;
            counts[keyIndex]++;
        }

        valueCountRef = TValueIndex.CreateTruncating(valueCount + 1);
        return AddStatus.Added;
    }

    /// <summary>
    /// Finds <paramref name="key"/>: returns its index and the slot that points at it, or -1 and the empty slot
    /// where it would go. At least half the slots are empty, so the probe ends within one pass of the table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Probe(ref TMap map, ReadOnlySpan<char> key, uint hash, out int slot)
    {
        Span<TKeyIndex> slots = TMap.GetSlots(ref map);
        Span<string?> keys = TMap.GetKeys(ref map);
        Span<uint> hashes = TMap.GetKeyHashes(ref map);
        int mask = slots.Length - 1;
        for (slot = FlatHash.HomeSlot(hash, slots.Length); ; slot = (slot + 1) & mask)
        {
            int entry = int.CreateTruncating(slots[slot]);
            if (entry == 0)
            {
                return -1;
            }

            int keyIndex = entry - 1;
            if (hashes[keyIndex] == hash && TComparer.KeyEquals(keys[keyIndex]!, key))
            {
                return keyIndex;
            }
        }
    }

    /// <summary>
    /// Empties <paramref name="slot"/> by backward-shift deletion: every later entry of the same probe chain
    /// moves into the hole when the hole lies between its home slot and where it sits, so no tombstones are needed.
    /// </summary>
    private static void DeleteSlot(Span<TKeyIndex> slots, Span<uint> hashes, int slot)
    {
        int mask = slots.Length - 1;
        int hole = slot;
        for (int next = (slot + 1) & mask; ; next = (next + 1) & mask)
        {
            int entry = int.CreateTruncating(slots[next]);
            if (entry == 0)
            {
                break;
            }

            int home = FlatHash.HomeSlot(hashes[entry - 1], slots.Length);
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                slots[hole] = slots[next];
                hole = next;
            }
        }

        slots[hole] = TKeyIndex.Zero;
    }

    private static ReadOnlySpan<string> Run(ref TMap map, int keyIndex)
    {
        int start = int.CreateTruncating(TMap.GetValueStarts(ref map)[keyIndex]);
        int length = int.CreateTruncating(TMap.GetValueCounts(ref map)[keyIndex]);
        ReadOnlySpan<string?> run = TMap.GetValues(ref map).Slice(start, length);
        return run!;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFull(ref TMap map, AddStatus status, string key)
    {
        throw status == AddStatus.KeysFull
            ? new FlatMapFullException(TMap.MapName, "KeyCapacity", TMap.GetKeys(ref map).Length, key)
            : new FlatMapFullException(TMap.MapName, "ValueCapacity", TMap.GetValues(ref map).Length, key);
    }
}

using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// The heap overflow of a map that spills (<see cref="FlatOverflow.Spill"/>): made at its first add that does not fit,
/// it holds every key added from then until <c>Clear</c>, after the keys the map's own fields keep (and all of them once
/// a key of the fields outgrows them). An ordered multi-map that grows: entries in first-insertion order (a removal
/// leaves a hole, closed when the entries grow), chained from a bucket table by their key's hash.
/// </summary>
/// <remarks>
/// <para>
/// Invariants, with <c>n</c> the entries in use: an entry is a key with at least one value, or a hole (a null key
/// with none), in no chain. <see cref="Entry.First"/> is a key's first value; a key with more keeps all of them, in
/// order, at the front of <see cref="Entry.All"/>, and a key with one keeps no value there. A known key is stored under its declared spelling.
/// </para>
/// <para>
/// A copy of a spilled map shares this object, so <see cref="Version"/> is the version of the one copy that may use
/// it: every change, to the overflow or to that copy's fields, moves both on, and a copy whose version differs is stale
/// and throws (<see cref="Of"/>).
/// </para>
/// <para>
/// Every index is checked against the array it reads, taken once: threads that race on one map (which is misuse) see
/// <see cref="InvalidOperationException"/>, never an index out of range, and <c>Clear</c> drops whatever they left.
/// </para>
/// </remarks>
internal sealed class FlatSpill
{
    private Entry[] _entries;

    /// <summary>Each bucket's first entry plus one; 0 is an empty bucket. A power of two in length, at least the entries'.</summary>
    private int[] _buckets;

    private int _count;
    private int _holes;
    private int _valueCount;
    private readonly string _mapName;

    /// <summary>The version of the map copy that owns this overflow's current state.</summary>
    internal uint Version;

    /// <summary>Initializes a new overflow for <paramref name="capacity"/> keys of the map <paramref name="mapName"/> before it grows.</summary>
    internal FlatSpill(int capacity, string mapName)
    {
        _entries = new Entry[capacity];
        _buckets = new int[BucketCount(capacity)];
        _mapName = mapName;
    }

    /// <summary>Gets the number of keys.</summary>
    internal int KeyCount => _count - _holes;

    /// <summary>Gets the number of values, summed over all keys.</summary>
    internal int ValueCount => _valueCount;

    /// <summary>Gets the number of entries in use, holes included: the end of an enumeration by index.</summary>
    internal int EntryCount => _count;

    /// <summary>
    /// The overflow <paramref name="spill"/> (a map's field) if the map has one, checked to belong to this copy of
    /// the map, whose version is <paramref name="version"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another copy of the same spilled map changed it since this copy last did.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FlatSpill? Of(object? spill, uint version, string mapName)
    {
        if (spill is null)
        {
            return null;
        }

        // Only the core writes the field, and only a FlatSpill.
        FlatSpill overflow = Unsafe.As<FlatSpill>(spill);
        if (overflow.Version != version)
        {
            ThrowStale(mapName);
        }

        return overflow;
    }

    /// <summary>The first entry after <paramref name="entry"/> (-1 for the first of all) that is a key, not a hole; <see cref="EntryCount"/> when none is.</summary>
    /// <remarks>Every walk of the overflow in first-insertion order goes through here, as every walk of a map's fields goes through <see cref="FlatEntryCursor{TValueIndex}"/>.</remarks>
    internal int NextKey(int entry)
    {
        Entry[] entries = _entries;
        int count = Math.Min(_count, entries.Length);
        while (++entry < count)
        {
            if (entries[entry].ValueCount != 0)
            {
                return entry;
            }
        }

        return _count;
    }

    /// <summary>The key of entry <paramref name="entry"/>: as first added, or a known key's declared spelling.</summary>
    internal string KeyAt(int entry) => At(entry).Key ?? Inconsistent<string>();

    /// <summary>The known key entry <paramref name="entry"/> is, or -1.</summary>
    internal int KnownKeyAt(int entry) => At(entry).KnownKey;

    /// <summary>The hash entry <paramref name="entry"/>'s key was stored under.</summary>
    internal uint HashAt(int entry) => At(entry).Hash;

    /// <summary>Entry <paramref name="entry"/>'s first value.</summary>
    internal string FirstAt(int entry) => At(entry).First ?? Inconsistent<string>();

    /// <summary>Entry <paramref name="entry"/>'s values, in the order they were added; empty for a hole.</summary>
    internal ReadOnlySpan<string> ValuesAt(int entry)
    {
        ref Entry slot = ref At(entry);
        int count = slot.ValueCount;
        if (count <= 1)
        {
            return MemoryMarshal.CreateReadOnlySpan(ref slot.First, Math.Max(count, 0))!;
        }

        string[]? all = slot.All;
        return all is not null && count <= all.Length ? all.AsSpan(0, count) : Inconsistent<string[]>();
    }

    /// <summary>Finds the entry of the key <paramref name="key"/>, whose hash is <paramref name="hash"/>; -1 if absent.</summary>
    [MethodImpl(FlatJit.Optimized)] // Optimised from the first spill, as the cores' entry points are.
    internal int Find<TComparer>(ReadOnlySpan<char> key, uint hash)
        where TComparer : struct, IFlatKeyComparer
    {
        int[] buckets = _buckets;
        int steps = 0;
        for (int entry = buckets[(int)hash & (buckets.Length - 1)] - 1; entry >= 0;)
        {
            ref Entry slot = ref At(entry);
            if (slot.Hash == hash && TComparer.KeyEquals(slot.Key, key))
            {
                return entry;
            }

            if (++steps > buckets.Length)
            {
                Inconsistent<int>(); // A chain with a loop.
            }

            entry = slot.Next - 1;
        }

        return -1;
    }

    /// <summary>Appends <paramref name="value"/> to entry <paramref name="entry"/>'s values.</summary>
    [MethodImpl(FlatJit.Optimized)] // Optimised from the first spill, as the cores' entry points are.
    internal void AddValue(int entry, string value)
    {
        ref Entry slot = ref At(entry);
        int count = slot.ValueCount;
        string[]? all = slot.All;
        if (count == 1)
        {
            all ??= new string[2];
            all[0] = slot.First!;
        }
        else if (all is null || count < 1 || count > all.Length)
        {
            Inconsistent<int>();
        }
        else if (count == all.Length)
        {
            Array.Resize(ref all, count * 2);
        }

        all[count] = value;
        slot.All = all;
        slot.ValueCount = count + 1;
        _valueCount++;
    }

    /// <summary>Adds key <paramref name="key"/>, which the overflow lacks, with its first value, after every other key.</summary>
    /// <param name="key">The key as stored: a known key's declared spelling.</param>
    /// <param name="knownKey">The known key it is, or -1.</param>
    /// <param name="hash">The key's hash under the map's comparison.</param>
    /// <param name="value">The first value.</param>
    /// <returns>The key's entry.</returns>
    internal int AddKey(string key, int knownKey, uint hash, string value) => AddKey(key, knownKey, hash, new ReadOnlySpan<string>(in value));

    /// <summary>Adds key <paramref name="key"/>, which the overflow lacks, with its <paramref name="values"/> (at least one), after every other key.</summary>
    /// <returns>The key's entry.</returns>
    [MethodImpl(FlatJit.Optimized)] // Optimised from the first spill, as the cores' entry points are.
    internal int AddKey(string key, int knownKey, uint hash, ReadOnlySpan<string> values)
    {
        if (values.IsEmpty)
        {
            Inconsistent<int>(); // Every key has a value: only a race empties one between the caller's read and this copy.
        }

        if (_count >= _entries.Length)
        {
            Grow();
        }

        int entry = _count;
        ref Entry added = ref At(entry);
        int[] buckets = _buckets;
        ref int bucket = ref buckets[(int)hash & (buckets.Length - 1)];
        added.Key = key;
        added.KnownKey = knownKey;
        added.Hash = hash;
        added.First = values[0];
        added.All = values.Length > 1 ? values.ToArray() : null;
        added.ValueCount = values.Length;
        added.Next = bucket;
        bucket = entry + 1;
        _count = entry + 1;
        _valueCount += values.Length;
        return entry;
    }

    /// <summary>Makes <paramref name="value"/> entry <paramref name="entry"/>'s only value; the key keeps its place.</summary>
    internal void SetValue(int entry, string value)
    {
        ref Entry slot = ref At(entry);
        _valueCount += 1 - slot.ValueCount;
        slot.All?.AsSpan().Clear();
        slot.First = value;
        slot.ValueCount = 1;
    }

    /// <summary>The position of the first of entry <paramref name="entry"/>'s values that is, ordinally, <paramref name="value"/>; -1 if none.</summary>
    internal int IndexOfValue(int entry, string value) => ValuesAt(entry).IndexOf(value);

    /// <summary>Removes the value at <paramref name="position"/> of entry <paramref name="entry"/>'s values, which keeps at least one.</summary>
    internal void RemoveValue(int entry, int position)
    {
        ref Entry slot = ref At(entry);
        string[]? all = slot.All;
        int last = slot.ValueCount - 1;
        if (all is null || last < 1 || last >= all.Length || (uint)position > (uint)last)
        {
            Inconsistent<int>();
        }

        all.AsSpan(position + 1, last - position).CopyTo(all.AsSpan(position));
        all[last] = null!;
        slot.ValueCount = last;
        slot.First = all[0];
        if (last == 1)
        {
            all[0] = null!; // One value lives in First alone.
        }

        _valueCount--;
    }

    /// <summary>Removes entry <paramref name="entry"/>'s key and values, leaving a hole in its place.</summary>
    [MethodImpl(FlatJit.Optimized)] // Optimised from the first spill, as the cores' entry points are.
    internal void Remove(int entry)
    {
        ref Entry slot = ref At(entry);
        int[] buckets = _buckets;
        ref int link = ref buckets[(int)slot.Hash & (buckets.Length - 1)];
        int steps = 0;
        while (link != entry + 1)
        {
            if (link <= 0 || ++steps > buckets.Length)
            {
                Inconsistent<int>();
            }

            link = ref At(link - 1).Next;
        }

        link = slot.Next;
        _valueCount -= slot.ValueCount;
        slot = default;
        _holes++;

        // Holes at the end are no holes: the entries past the last key are simply unused.
        Entry[] entries = _entries;
        int count = Math.Min(_count, entries.Length);
        while (count > 0 && entries[count - 1].ValueCount == 0)
        {
            count--;
            _holes--;
        }

        _count = count;
    }

    /// <summary>Makes room for more entries: closes the holes if they are a quarter or more, else doubles; chains again either way.</summary>
    private void Grow()
    {
        Entry[] from = _entries;
        int count = _count;
        if (count > from.Length)
        {
            Inconsistent<int>();
        }

        Entry[] to = _holes < from.Length / 4 ? new Entry[checked(from.Length * 2)] : from;
        var buckets = new int[BucketCount(to.Length)];
        int kept = 0;
        for (int entry = 0; entry < count; entry++)
        {
            if (from[entry].ValueCount != 0)
            {
                to[kept++] = from[entry];
            }
        }

        to.AsSpan(kept, count - kept).Clear();
        for (int entry = 0; entry < kept; entry++)
        {
            ref int bucket = ref buckets[(int)to[entry].Hash & (buckets.Length - 1)];
            to[entry].Next = bucket;
            bucket = entry + 1;
        }

        _entries = to;
        _buckets = buckets;
        _count = kept;
        _holes = 0;
    }

    private static int BucketCount(int entries) => (int)BitOperations.RoundUpToPowerOf2((uint)entries);

    /// <summary>Entry <paramref name="entry"/>, checked to be in the entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Entry At(int entry)
    {
        Entry[] entries = _entries;
        if ((uint)entry >= (uint)entries.Length)
        {
            Inconsistent<int>();
        }

        return ref entries[entry];
    }

    /// <summary>Throws for a state only threads racing on one map make.</summary>
    [DoesNotReturn]
    private T Inconsistent<T>()
    {
        FlatThrow.ConcurrentUse(_mapName);
        return default;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowStale(string mapName) =>
        throw new InvalidOperationException(
            $"This copy of the spilled flat multi-map '{mapName}' is stale: another copy of it changed the overflow they share, or threads changed it at once. "
            + "Pass a map that may spill by ref, as every flat multi-map should be, or copy it with ToDictionary; and give each thread its own map.");

    private struct Entry
    {
        public string? Key;
        public string? First;
        public string[]? All; // Cleared slots hold null; the first ValueCount never do.
        public uint Hash;
        public int KnownKey;
        public int ValueCount;

        /// <summary>The next entry in the chain plus one; 0 ends it.</summary>
        public int Next;
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

public abstract partial class FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>
{
    /// <summary>
    /// Appends all of <paramref name="values"/> to <paramref name="key"/>'s values, or none of them: a generic list
    /// (such as <c>StringValues</c>) is read without boxing. An empty list adds nothing and succeeds.
    /// </summary>
    /// <returns><see langword="true"/> if every value was added; <see langword="false"/> if they do not all fit, and then the map is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or one of the values is <see langword="null"/>; the map is unchanged.</exception>
    public static bool TryAddAll<TValues>(FlatMapFields<TKeyIndex, TValueIndex> map, string key, TValues values)
        where TValues : IReadOnlyList<string?> =>
        AddAllEvicting(map, key, values) == FlatAddStatus.Added;

    /// <summary>Appends all of <paramref name="values"/> to <paramref name="key"/>'s values, or none of them, as <see cref="TryAddAll{TValues}"/> does.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or one of the values is <see langword="null"/>; the map is unchanged.</exception>
    /// <exception cref="FlatMapFullException">The values do not all fit; the map is unchanged.</exception>
    public static void AddAll<TValues>(FlatMapFields<TKeyIndex, TValueIndex> map, string key, TValues values)
        where TValues : IReadOnlyList<string?>
    {
        FlatAddStatus status = AddAllEvicting(map, key, values);
        if (status != FlatAddStatus.Added)
        {
            ThrowFull(map, status, key);
        }
    }

    /// <summary>
    /// Adds each pair's values to its key, each pair whole or not at all (see <see cref="TryAddAll{TValues}"/>); a pair
    /// that does not fit is skipped and the next is tried.
    /// </summary>
    /// <param name="map">The map.</param>
    /// <param name="pairs">The keys and their values, such as an ASP.NET Core <c>IHeaderDictionary</c>.</param>
    /// <param name="notAdded">How many pairs did not fit.</param>
    /// <returns><see langword="true"/> if every pair was added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/>, a key or a value is <see langword="null"/>.</exception>
    public static bool TryAddRange<TValues>(FlatMapFields<TKeyIndex, TValueIndex> map, IEnumerable<KeyValuePair<string, TValues>> pairs, out int notAdded)
        where TValues : IReadOnlyList<string?>
    {
        ArgumentNullException.ThrowIfNull(pairs);
        notAdded = 0;
        foreach (KeyValuePair<string, TValues> pair in pairs)
        {
            if (!TryAddAll(map, pair.Key, pair.Value))
            {
                notAdded++;
            }
        }

        return notAdded == 0;
    }

    /// <summary>Adds as <see cref="AddAllCore{TValues}"/> does, then, only when the map lacked room and evicts its oldest keys, evicts and tries again.</summary>
    private static FlatAddStatus AddAllEvicting<TValues>(FlatMapFields<TKeyIndex, TValueIndex> map, string key, TValues values)
        where TValues : IReadOnlyList<string?>
    {
        FlatAddStatus status = AddAllCore(map, key, values);
        while (status != FlatAddStatus.Added && EvictFor(map, Index.Find(map, key), 0, 0, added: values.Count, out _))
        {
            status = AddAllCore(map, key, values);
        }

        return status;
    }

    private static FlatAddStatus AddAllCore<TValues>(FlatMapFields<TKeyIndex, TValueIndex> map, string key, TValues values)
        where TValues : IReadOnlyList<string?>
    {
        ArgumentNullException.ThrowIfNull(key);
        int count = values.Count;
        for (int i = 0; i < count; i++)
        {
            ArgumentNullException.ThrowIfNull(values[i], nameof(values));
        }

        if (count == 0)
        {
            return FlatAddStatus.Added;
        }

        // Room for every value, and for the key if it is new, before the first write; a map that spills has room for any.
        FlatAddStatus status = map.Shape.Spills || Index.Find(map, key) >= 0 ? FlatAddStatus.Added : CanAddKey(map);
        if (status == FlatAddStatus.Added && !map.Shape.Spills && count > map.Shape.ValueCapacity - ValuesInFields(map))
        {
            status = FlatAddStatus.ValuesFull;
        }

        // After the first, a new key is the last entry: its values go on with no hash or probe.
        for (int i = 0; status == FlatAddStatus.Added && i < count; i++)
        {
            if (map.Shape.Spills)
            {
                TryAdd(map, key, values[i]!); // Through the overflow, which takes any value.
            }
            else
            {
                AddString(map, key, values[i]!);
            }
        }

        return status;
    }

    /// <summary>
    /// Removes <paramref name="removed"/> values from <paramref name="from"/>, all inside key <paramref name="keyIndex"/>'s
    /// run and leaving it at least one: later values and runs move down, and nothing is left behind them.
    /// </summary>
    internal static void CloseValues(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, int from, int removed)
    {
        ref TValueIndex valueCountRef = ref map.ValueCount;
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        Span<string?> values = map.Values;
        if (from + removed > valueCount)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        values.Slice(from + removed, valueCount - from - removed).CopyTo(values.Slice(from));
        values.Slice(valueCount - removed, removed).Clear();
        Span<TValueIndex> starts = map.ValueStarts;
        int count = FlatInteger.ToInt32(map.Count);
        for (int k = keyIndex + 1; k < count; k++)
        {
            FlatInteger.Add(ref starts[k], -removed);
        }

        FlatInteger.Add(ref map.ValueCounts[keyIndex], -removed);
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount - removed);
    }

    /// <summary>Moves key <paramref name="keyIndex"/> after every other key: removed, then added again with the same key string and values.</summary>
    internal static void MoveToEnd(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        if (keyIndex == FlatInteger.ToInt32(map.Count) - 1)
        {
            return; // The last entry is never a hole: the key is the newest already.
        }

        string? key = map.Keys[keyIndex];
        int knownKey = (int)map.KeyHashes[keyIndex]; // A known key's entry holds null and its index.
        ReadOnlySpan<string> run = Run(map, keyIndex);
        string[] values = ArrayPool<string>.Shared.Rent(run.Length);
        int count = run.Length;
        run.CopyTo(values);
        try
        {
            Index.RemoveAt(map, keyIndex);
            for (int i = 0; i < count; i++)
            {
                // The room the key gave up takes it back: only concurrent use can make this fail.
                if ((key is null ? AddKnownCore(map, knownKey, values[i]) : AddString(map, key, values[i])) != FlatAddStatus.Added)
                {
                    FlatThrow.ConcurrentUse(map.Shape.MapName);
                }
            }
        }
        finally
        {
            values.AsSpan(0, count).Clear();
            ArrayPool<string>.Shared.Return(values);
        }
    }
}

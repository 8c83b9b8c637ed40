using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

public abstract partial class FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>
{
    /// <summary>Gets <paramref name="key"/>'s first value.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and a null <paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static bool TryGetFirst(FlatMapFields<TKeyIndex, TValueIndex> map, string key, [MaybeNullWhen(false)] out string value)
    {
        ReadOnlySpan<string> values = GetValues(map, key);
        value = values.IsEmpty ? null : values[0];
        return value is not null;
    }

    /// <summary>Gets <paramref name="key"/>'s first value, or <see langword="null"/> when the key is absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static string? GetFirstOrDefault(FlatMapFields<TKeyIndex, TValueIndex> map, string key)
    {
        ReadOnlySpan<string> values = GetValues(map, key);
        return values.IsEmpty ? null : values[0];
    }

    /// <summary>Gets the first value of known key <paramref name="knownKey"/>, or <see langword="null"/> when it is absent.</summary>
    public static string? GetKnownFirst(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey)
    {
        ReadOnlySpan<string> values = GetKnownValues(map, knownKey);
        return values.IsEmpty ? null : values[0];
    }

    /// <summary>Makes <paramref name="value"/> <paramref name="key"/>'s only value, in the key's place, adding the key if it is new.</summary>
    /// <returns><see langword="true"/> if the value was set; <see langword="false"/> if the key is new and no key or value slot is free, and then the map is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public static bool TrySet(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return SetCore(map, key, value) == AddStatus.Added;
    }

    /// <summary>Makes <paramref name="value"/> <paramref name="key"/>'s only value, in the key's place, adding the key if it is new.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The key is new and no key or value slot is free; the map is unchanged.</exception>
    public static void Set(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        AddStatus status = SetCore(map, key, value);
        if (status != AddStatus.Added)
        {
            ThrowFull(map.Shape, status, key);
        }
    }

    /// <summary>Removes the first of <paramref name="key"/>'s values that equals <paramref name="value"/> (ordinally); a key left with no value is removed.</summary>
    /// <returns><see langword="true"/> if the value was found and removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public static bool Remove(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        int keyIndex = Find(map, key);
        if (keyIndex < 0)
        {
            return false;
        }

        int position = Run(map, keyIndex).IndexOf(value);
        if (position < 0)
        {
            return false;
        }

        if (FlatInteger.ToInt32(map.ValueCounts[keyIndex]) == 1)
        {
            return Remove(map, key.AsSpan());
        }

        CloseValues(map, keyIndex, FlatInteger.ToInt32(map.ValueStarts[keyIndex]) + position, 1);
        map.Version++;
        return true;
    }

    /// <summary>
    /// Appends all of <paramref name="values"/> to <paramref name="key"/>'s values, or none of them: a generic list
    /// (such as <c>StringValues</c>) is read without boxing. An empty list adds nothing and succeeds.
    /// </summary>
    /// <returns><see langword="true"/> if every value was added; <see langword="false"/> if they do not all fit, and then the map is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or one of the values is <see langword="null"/>; the map is unchanged.</exception>
    public static bool TryAddAll<TValues>(FlatMapFields<TKeyIndex, TValueIndex> map, string key, TValues values)
        where TValues : IReadOnlyList<string?> =>
        AddAllCore(map, key, values) == AddStatus.Added;

    /// <summary>Appends all of <paramref name="values"/> to <paramref name="key"/>'s values, or none of them, as <see cref="TryAddAll{TValues}"/> does.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or one of the values is <see langword="null"/>; the map is unchanged.</exception>
    /// <exception cref="FlatMapFullException">The values do not all fit; the map is unchanged.</exception>
    public static void AddAll<TValues>(FlatMapFields<TKeyIndex, TValueIndex> map, string key, TValues values)
        where TValues : IReadOnlyList<string?>
    {
        AddStatus status = AddAllCore(map, key, values);
        if (status != AddStatus.Added)
        {
            ThrowFull(map.Shape, status, key);
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

    /// <summary>Copies the map's entries, in first-insertion order, into a new array: a snapshot for LINQ and for APIs that take pairs.</summary>
    public static KeyValuePair<string, string[]>[] ToArray(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        var pairs = new KeyValuePair<string, string[]>[Count(map)];
        int i = 0;
        foreach (FlatMultiMapEntry entry in new Enumerator(map))
        {
            pairs[i++] = new KeyValuePair<string, string[]>(entry.Key, entry.Values.ToArray());
        }

        return pairs;
    }

    private static AddStatus AddAllCore<TValues>(FlatMapFields<TKeyIndex, TValueIndex> map, string key, TValues values)
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
            return AddStatus.Added;
        }

        // Room for every value, and for the key if it is new, before the first write.
        AddStatus status = Find(map, key) >= 0 ? AddStatus.Added : CanAddKey(map);
        if (status == AddStatus.Added && count > map.Shape.ValueCapacity - ValueCount(map))
        {
            status = AddStatus.ValuesFull;
        }

        // After the first, a new key is the last entry: its values go on with no hash or probe.
        for (int i = 0; status == AddStatus.Added && i < count; i++)
        {
            AddString(map, key, values[i]!);
        }

        return status;
    }

    private static AddStatus SetCore(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        int keyIndex = Find(map, key);
        if (keyIndex < 0)
        {
            return AddCore(map, key, key, value);
        }

        // The first value takes the new one; the rest of the run closes.
        int start = FlatInteger.ToInt32(map.ValueStarts[keyIndex]);
        int count = FlatInteger.ToInt32(map.ValueCounts[keyIndex]);
        map.Values[start] = value;
        if (count > 1)
        {
            CloseValues(map, keyIndex, start + 1, count - 1);
        }

        map.Version++;
        return AddStatus.Added;
    }

    /// <summary>
    /// Removes <paramref name="removed"/> values from <paramref name="from"/>, all inside key <paramref name="keyIndex"/>'s
    /// run and leaving it at least one: later values and runs move down, and nothing is left behind them.
    /// </summary>
    private static void CloseValues(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, int from, int removed)
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
        TValueIndex shift = FlatInteger.FromInt32<TValueIndex>(removed);
        int count = FlatInteger.ToInt32(map.Count);
        for (int k = keyIndex + 1; k < count; k++)
        {
            starts[k] -= shift;
        }

        map.ValueCounts[keyIndex] -= shift;
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount - removed);
    }
}

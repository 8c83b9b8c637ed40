using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using CommunityToolkit.HighPerformance.Buffers;

namespace FlatGen.Infrastructure;

// A map that spills (FlatOverflow.Spill) moves every key to a FlatSpill at its first add that does not fit, and its own
// fields stay empty until Clear drops the overflow: every lookup misses them and goes on to the overflow, and every add
// and set goes to the overflow first. A lookup's branch stands after its miss, an add's before it; in every other map
// the shape's constant folds them away where the core inlines into the map, and leaves a predicted branch where not.
public abstract partial class FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>
{
    /// <summary>Gets whether the map holds its content in a heap overflow now: from its first add that did not fit until <c>Clear</c>.</summary>
    /// <exception cref="InvalidOperationException">This copy of a spilled map is stale: another copy changed the overflow they share.</exception>
    public static bool IsSpilled(FlatMapFields<TKeyIndex, TValueIndex> map) => Overflow(map) is not null;

    /// <summary>The overflow of a map that has spilled, checked to be this copy's; null in every other map.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static FlatSpill? Overflow(FlatMapFields<TKeyIndex, TValueIndex> map) =>
        map.Shape.Spills ? FlatSpill.Of(map.Spill, map.Version, map.Shape.MapName) : null;

    /// <summary>Records a change to the overflow made through this copy: any other copy that shares it is stale from now on.</summary>
    private static void Changed(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill spill) => map.Version = ++spill.Version;

    /// <summary>The overflow's entry of <paramref name="key"/>, or -1 when the map has not spilled or lacks the key.</summary>
    private protected static int FindSpilled(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, out FlatSpill? spill)
    {
        spill = Overflow(map);
        return spill is null ? -1 : spill.Find<TComparer>(key, TComparer.Hash(key));
    }

    /// <summary>The overflow's entry of known key <paramref name="knownKey"/>, stored under its declared spelling; -1 as <see cref="FindSpilled"/>.</summary>
    private protected static int FindSpilledKnown(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, out FlatSpill? spill) =>
        FindSpilled(map, map.Shape.KnownKeyNames[knownKey], out spill);

    /// <summary>The overflow's entry of the UTF-8 <paramref name="key"/>; invalid UTF-8 is a key that is absent.</summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private protected static int FindSpilledUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, out FlatSpill? spill)
    {
        spill = Overflow(map);
        if (spill is null || !Utf8.IsValid(key))
        {
            return -1;
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[DecodedUtf8.StackLength]);
        return spill.Find<TComparer>(decoded.Chars, TComparer.Hash(decoded.Chars));
    }

    /// <summary>The first value of the overflow's entry <paramref name="entry"/>, or null for -1.</summary>
    private static string? SpilledFirst(int entry, FlatSpill? spill) => entry < 0 ? null : spill!.FirstAt(entry);

    /// <summary>Removes the overflow's entry <paramref name="entry"/>; false for -1.</summary>
    private static bool RemoveSpilled(FlatMapFields<TKeyIndex, TValueIndex> map, int entry, FlatSpill? spill)
    {
        if (entry < 0)
        {
            return false;
        }

        spill!.Remove(entry);
        Changed(map, spill);
        return true;
    }

    private static bool RemoveSpilledValue(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill spill, ReadOnlySpan<char> key, string value)
    {
        int entry = spill.Find<TComparer>(key, TComparer.Hash(key));
        int position = entry < 0 ? -1 : spill.IndexOfValue(entry, value);
        if (position < 0)
        {
            return false;
        }

        if (spill.ValuesAt(entry).Length == 1)
        {
            spill.Remove(entry);
        }
        else
        {
            spill.RemoveValue(entry, position);
        }

        Changed(map, spill);
        return true;
    }

    /// <summary>Adds to a map that spills: to its overflow once it has one; otherwise to its own fields, and when they lack room, it spills first.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FlatAddStatus AddSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, string value)
    {
        FlatSpill? spill = Overflow(map);
        if (spill is null)
        {
            FlatAddStatus status = keyString is null ? TStorage.Add(map, key, value) : TStorage.Add(map, keyString, value);
            if (status == FlatAddStatus.Added)
            {
                return status;
            }

            spill = SpillAll(map);
        }

        int entry = spill.Find<TComparer>(key, TComparer.Hash(key));
        if (entry >= 0)
        {
            spill.AddValue(entry, value);
        }
        else
        {
            AddSpilledKey(map, spill, key, keyString, value);
        }

        Changed(map, spill);
        return FlatAddStatus.Added;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private static FlatAddStatus AddUtf8Spilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (Overflow(map) is null)
        {
            FlatAddStatus status = TStorage.AddUtf8(map, key, value);
            if (status == FlatAddStatus.Added)
            {
                return status;
            }
        }

        // Both checked before the overflow changes, so a refused add leaves the map as it was.
        if (!Utf8.IsValid(key))
        {
            FlatThrow.InvalidUtf8(nameof(key));
        }

        if (!Utf8.IsValid(value))
        {
            FlatThrow.InvalidUtf8(nameof(value));
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[DecodedUtf8.StackLength]);
        return AddSpilling(map, decoded.Chars, null, Encoding.UTF8.GetString(value));
    }

    /// <summary>Sets in a map that spills: in its overflow once it has one; otherwise in its own fields, and when they lack room, it spills first.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FlatAddStatus SetSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, string value)
    {
        FlatSpill? spill = Overflow(map);
        if (spill is null)
        {
            int keyIndex = Index.Find(map, key);
            FlatAddStatus status = keyIndex >= 0 ? TStorage.SetValue(map, keyIndex, value)
                : keyString is null ? TStorage.Add(map, key, value)
                : TStorage.Add(map, keyString, value);
            if (status == FlatAddStatus.Added)
            {
                return status;
            }

            spill = SpillAll(map);
        }

        int entry = spill.Find<TComparer>(key, TComparer.Hash(key));
        if (entry >= 0)
        {
            spill.SetValue(entry, value);
        }
        else
        {
            AddSpilledKey(map, spill, key, keyString, value);
        }

        Changed(map, spill);
        return FlatAddStatus.Added;
    }

    /// <summary>Adds a key the overflow lacks, after every other: a known key under its declared spelling, another as the map's own fields would store it.</summary>
    private static void AddSpilledKey(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill spill, ReadOnlySpan<char> key, string? keyString, string value)
    {
        ref readonly FlatMapShape shape = ref map.Shape;
        int knownKey = TKnownKeys.Match(key);
        keyString = knownKey >= 0 ? shape.KnownKeyNames[knownKey]
            : keyString ?? (shape.InternUnknownKeys ? StringPool.Shared.GetOrAdd(key) : key.ToString());
        spill.AddKey(keyString, knownKey, TComparer.Hash(key), value);
    }

    /// <summary>
    /// Moves every key of the map's own fields, in order, with its values, to a new overflow, which the map holds from
    /// now on; its fields are left empty. Keys equal under the comparison hash equally, so a known key's declared
    /// spelling hashes as any spelling of it the map was given.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FlatSpill SpillAll(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        var spill = new FlatSpill(2 * map.Shape.KeyCapacity, map.Shape.MapName);
        ReadOnlySpan<TValueIndex> counts = map.ValueCounts.Slice(0, Math.Min(FlatInteger.ToInt32(map.Count), map.ValueCounts.Length));
        for (int keyIndex = 0; keyIndex < counts.Length; keyIndex++)
        {
            if (counts[keyIndex] == TValueIndex.Zero)
            {
                continue; // A hole a removal left.
            }

            string key = TStorage.KeyString(map, keyIndex);
            int entry = spill.AddKey(key, TKnownKeys.Match(key), TComparer.Hash(key), TStorage.FirstValue(map, keyIndex));
            if (counts[keyIndex] != TValueIndex.One)
            {
                string[] values = TStorage.ValueArray(map, keyIndex);
                for (int i = 1; i < values.Length; i++)
                {
                    spill.AddValue(entry, values[i]);
                }
            }
        }

        TStorage.Clear(map);
        spill.Version = map.Version;
        map.Spill = spill;
        return spill;
    }

    private static KeyValuePair<string, string[]>[] SpilledToArray(FlatSpill spill)
    {
        var pairs = new KeyValuePair<string, string[]>[spill.KeyCount];
        int next = 0;
        for (int entry = 0; entry < spill.EntryCount; entry++)
        {
            if (spill.IsKey(entry))
            {
                pairs[next++] = new KeyValuePair<string, string[]>(spill.KeyAt(entry), spill.ValuesAt(entry).ToArray());
            }
        }

        return pairs;
    }

    /// <summary>Equality where one map or both have spilled: equal counts, and each key of a spilled one found in the other with the same values.</summary>
    private static bool SpilledEquals(FlatMapFields<TKeyIndex, TValueIndex> left, FlatMapFields<TKeyIndex, TValueIndex> right)
    {
        if (Count(left) != Count(right) || ValueCount(left) != ValueCount(right))
        {
            return false;
        }

        FlatSpill? spilled = Overflow(left);
        FlatMapFields<TKeyIndex, TValueIndex> other = right;
        if (spilled is null)
        {
            spilled = Overflow(right)!;
            other = left;
        }

        FlatSpill? otherSpill = Overflow(other);
        for (int entry = 0; entry < spilled.EntryCount; entry++)
        {
            if (!spilled.IsKey(entry))
            {
                continue;
            }

            string key = spilled.KeyAt(entry);
            ReadOnlySpan<string> values = spilled.ValuesAt(entry);
            if (otherSpill is not null)
            {
                int found = otherSpill.Find<TComparer>(key, spilled.HashAt(entry));
                if (found < 0 || !values.SequenceEqual(otherSpill.ValuesAt(found)))
                {
                    return false;
                }
            }
            else if (Index.Find(other, key) is not (>= 0 and int keyIndex) || !TStorage.ValuesEqual(other, keyIndex, values))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The hash <see cref="GetHashCode"/> gives a map of the same content that has not spilled: a known key's part hashes its index, another's its hash.</summary>
    private static int SpilledHashCode(FlatSpill spill)
    {
        int sum = spill.KeyCount;
        for (int entry = 0; entry < spill.EntryCount; entry++)
        {
            if (!spill.IsKey(entry))
            {
                continue;
            }

            var hash = default(HashCode);
            int knownKey = spill.KnownKeyAt(entry);
            hash.Add(knownKey >= 0 ? (uint)knownKey : spill.HashAt(entry));
            foreach (string value in spill.ValuesAt(entry))
            {
                hash.Add(value);
            }

            sum += hash.ToHashCode();
        }

        return sum;
    }
}

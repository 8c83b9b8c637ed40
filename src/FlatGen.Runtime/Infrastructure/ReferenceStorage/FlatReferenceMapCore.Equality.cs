using System;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

public abstract partial class FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>
{
    /// <summary>
    /// Whether two maps hold the same keys (under the map's comparison) with the same values in the same order.
    /// The order of the keys does not matter. Allocates nothing.
    /// </summary>
    public static bool Equals(FlatMapFields<TKeyIndex, TValueIndex> left, FlatMapFields<TKeyIndex, TValueIndex> right)
    {
        FlatMapFields<TKeyIndex, TValueIndex> a = left;
        FlatMapFields<TKeyIndex, TValueIndex> b = right;
        if (a.IsSameMap(b))
        {
            return true;
        }

        if (Count(a) != Count(b) || ValueCount(a) != ValueCount(b))
        {
            return false;
        }

        ReadOnlySpan<string?> keys = a.Keys;
        ReadOnlySpan<uint> hashes = a.KeyHashes;
        ReadOnlySpan<TValueIndex> counts = a.ValueCounts;
        int count = FlatInteger.ToInt32(a.Count);
        for (int i = 0; i < count; i++)
        {
            if (counts[i] == TValueIndex.Zero)
            {
                continue; // A hole a removal left.
            }

            // A known key is a known key in both maps; any other key is found by its text.
            int other = keys[i] is string key
                ? Index.Probe(b, key, hashes[i], out _)
                : Index.KnownKeyIndex(b, (int)hashes[i]);
            if (other < 0 || !Run(a, i).SequenceEqual(Run(b, other)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of the map's contents that equal maps (see <see cref="Equals(FlatMapFields{TKeyIndex, TValueIndex}, FlatMapFields{TKeyIndex, TValueIndex})"/>) share, whatever their key order.</summary>
    public static int GetHashCode(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        ReadOnlySpan<uint> hashes = map.KeyHashes;
        ReadOnlySpan<TValueIndex> counts = map.ValueCounts;
        int count = FlatInteger.ToInt32(map.Count);
        int hash = Count(map);
        for (int i = 0; i < count; i++)
        {
            if (counts[i] == TValueIndex.Zero)
            {
                continue; // A hole a removal left.
            }

            // A key's stored hash is the same in equal maps (a known key's is its index); the sum ignores key order.
            var entry = default(HashCode);
            entry.Add(hashes[i]);
            foreach (string value in Run(map, i))
            {
                entry.Add(value);
            }

            hash += entry.ToHashCode();
        }

        return hash;
    }
}

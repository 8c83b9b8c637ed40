using System;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

public static partial class FlatMultiMapCore<TMap, TKeyIndex, TValueIndex, TComparer>
{
    /// <summary>
    /// Whether two maps hold the same keys (under the map's comparison) with the same values in the same order.
    /// The order of the keys does not matter. Allocates nothing.
    /// </summary>
    public static bool Equals(ref readonly TMap left, ref readonly TMap right)
    {
        ref TMap a = ref Unsafe.AsRef(in left);
        ref TMap b = ref Unsafe.AsRef(in right);
        if (Unsafe.AreSame(ref a, ref b))
        {
            return true;
        }

        if (Count(in a) != Count(in b) || ValueCount(in a) != ValueCount(in b))
        {
            return false;
        }

        ReadOnlySpan<string?> keys = TMap.GetKeys(ref a);
        ReadOnlySpan<uint> hashes = TMap.GetKeyHashes(ref a);
        ReadOnlySpan<TValueIndex> counts = TMap.GetValueCounts(ref a);
        int count = FlatInteger.ToInt32(TMap.GetCount(ref a));
        for (int i = 0; i < count; i++)
        {
            if (counts[i] == TValueIndex.Zero)
            {
                continue; // A hole a removal left.
            }

            // A known key is a known key in both maps; any other key is found by its text.
            int other = keys[i] is string key
                ? Index.Probe(ref b, key, hashes[i], out _)
                : KnownKeyIndex(ref b, (int)hashes[i]);
            if (other < 0 || !Run(ref a, i).SequenceEqual(Run(ref b, other)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of the map's contents that equal maps (see <see cref="Equals(ref readonly TMap, ref readonly TMap)"/>) share, whatever their key order.</summary>
    public static int GetHashCode(ref readonly TMap map)
    {
        ref TMap mutable = ref Unsafe.AsRef(in map);
        ReadOnlySpan<uint> hashes = TMap.GetKeyHashes(ref mutable);
        ReadOnlySpan<TValueIndex> counts = TMap.GetValueCounts(ref mutable);
        int count = FlatInteger.ToInt32(TMap.GetCount(ref mutable));
        int hash = Count(in mutable);
        for (int i = 0; i < count; i++)
        {
            if (counts[i] == TValueIndex.Zero)
            {
                continue; // A hole a removal left.
            }

            // A key's stored hash is the same in equal maps (a known key's is its index); the sum ignores key order.
            var entry = default(HashCode);
            entry.Add(hashes[i]);
            foreach (string value in Run(ref mutable, i))
            {
                entry.Add(value);
            }

            hash += entry.ToHashCode();
        }

        return hash;
    }
}

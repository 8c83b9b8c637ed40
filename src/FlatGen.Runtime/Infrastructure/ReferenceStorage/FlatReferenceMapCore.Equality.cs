using System;

namespace FlatGen.Infrastructure;

public abstract partial class FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>
{
    /// <summary>Finds <paramref name="map"/>'s key <paramref name="keyIndex"/> in <paramref name="other"/>: a known key as that known key, any other by its text and stored hash (both maps hash with this process's seed).</summary>
    internal static int FindKeyOf(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, FlatMapFields<TKeyIndex, TValueIndex> other)
    {
        uint hash = map.KeyHashes[keyIndex];
        return map.Keys[keyIndex] is string key ? Index.Probe(other, key, hash, out _) : Index.KnownKeyIndex(other, (int)hash);
    }

    /// <summary>A hash of key <paramref name="keyIndex"/> and its values: its stored hash is the same in equal maps (a known key's is its index).</summary>
    internal static int EntryHashCode(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        var hash = default(HashCode);
        hash.Add(map.KeyHashes[keyIndex]);
        foreach (string value in Run(map, keyIndex))
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}

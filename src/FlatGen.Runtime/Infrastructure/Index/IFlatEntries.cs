using System;
using System.Numerics;

namespace FlatGen.Infrastructure;

/// <summary>
/// What <see cref="FlatIndex{TKeyIndex, TValueIndex, TKnownKeys, TEntries}"/> needs of a storage mode: how it hashes a key,
/// whether a stored key equals a probe, and how it removes an entry. Implemented by empty structs, so the JIT
/// specialises the index for each mode and comparison with no virtual call.
/// </summary>
/// <typeparam name="TKeyIndex">The map's key index type.</typeparam>
/// <typeparam name="TValueIndex">The map's value index type.</typeparam>
internal interface IFlatEntries<TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
{
    /// <summary>Gets whether a hashed lookup inlines into its caller (<see cref="IFlatKeyComparer.InlineLookups"/>).</summary>
    static abstract bool InlineLookups { get; }

    /// <summary>
    /// Returns whether a lookup compares the map's few stored keys one by one (<see cref="FindByScan"/>) instead of
    /// hashing the probe: true for a map of at most <see cref="FlatIndex{TKeyIndex, TValueIndex, TKnownKeys, TEntries}.ScanKeyCapacity"/>
    /// keys whose stored keys compare without decoding.
    /// </summary>
    static abstract bool ScansKeys(in FlatMapShape shape);

    /// <summary>Finds <paramref name="key"/> by comparing it with each stored hashed key in turn; returns its index or -1.</summary>
    static abstract int FindByScan(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key);

    /// <summary>Hashes <paramref name="key"/> as <paramref name="map"/> stores it.</summary>
    /// <returns><see langword="false"/> if the mode cannot store the key, which is then absent from every map.</returns>
    static abstract bool TryHash(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, out uint hash);

    /// <summary>Returns whether stored key <paramref name="keyIndex"/> (a hashed key) equals <paramref name="key"/> under the map's comparison.</summary>
    static abstract bool StoredKeyEquals(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, ReadOnlySpan<char> key);

    /// <summary>Returns whether UTF-8 <paramref name="key"/> is valid and could equal a stored key, before it is decoded.</summary>
    static abstract bool IsPossibleKey(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key);

    /// <summary>Removes entry <paramref name="keyIndex"/>, already unlinked from its slot or presence bit, with its values, keeping the storage's invariants.</summary>
    static abstract void RemoveEntry(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex);
}

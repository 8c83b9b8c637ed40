using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>How a reference map stores keys, for <see cref="FlatIndex{TMap, TKeyIndex, TValueIndex, TEntries}"/>: as strings, hashed with this process's seed.</summary>
internal readonly struct FlatReferenceEntries<TMap, TKeyIndex, TValueIndex, TComparer> : IFlatEntries<TMap>
    where TMap : struct, IFlatMultiMapStorage<TMap, TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    where TComparer : struct, IFlatKeyComparer
{
    /// <inheritdoc/>
    public static bool InlineLookups => TComparer.InlineLookups;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryHash(ref TMap map, ReadOnlySpan<char> key, out uint hash)
    {
        hash = TComparer.Hash(key);
        return true;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool StoredKeyEquals(ref TMap map, int keyIndex, ReadOnlySpan<char> key) =>
        TComparer.KeyEquals(TMap.GetKeys(ref map)[keyIndex], key);

    /// <inheritdoc/>
    public static bool IsPossibleKey(ref TMap map, ReadOnlySpan<byte> key) => Utf8.IsValid(key);

    /// <inheritdoc/>
    public static void RemoveEntry(ref TMap map, int keyIndex) =>
        FlatMultiMapCore<TMap, TKeyIndex, TValueIndex, TComparer>.RemoveKeyAt(ref map, keyIndex);
}

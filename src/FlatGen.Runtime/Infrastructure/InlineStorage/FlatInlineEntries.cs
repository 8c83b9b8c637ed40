using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// How an inline map stores keys, for <see cref="FlatIndex{TMap, TKeyIndex, TValueIndex, TEntries}"/>: as UTF-8
/// ranges of its arena, hashed with the persisted seed (a key without a persisted hash cannot be stored).
/// </summary>
internal readonly struct FlatInlineEntries<TMap, TKeyIndex, TValueIndex, TComparer> : IFlatEntries<TMap>
    where TMap : unmanaged, IFlatInlineMapStorage<TMap, TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    where TComparer : struct, IFlatKeyComparer
{
    /// <inheritdoc/>
    public static bool InlineLookups => TComparer.InlineLookups;

    /// <inheritdoc/>
    /// <remarks>Never: comparing with a stored key decodes it, which costs more than hashing the probe once.</remarks>
    public static bool ScansKeys => false;

    /// <inheritdoc/>
    public static int FindByScan(ref TMap map, ReadOnlySpan<char> key) => throw new NotSupportedException();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryHash(ref TMap map, ReadOnlySpan<char> key, out uint hash) => TComparer.TryHashPersisted(key, TMap.GetHashSeed(ref map), out hash);

    /// <inheritdoc/>
    public static bool StoredKeyEquals(ref TMap map, int keyIndex, ReadOnlySpan<char> key) =>
        FlatInlineMapCore<TMap, TKeyIndex, TValueIndex, TComparer>.StoredKeyEquals(ref map, keyIndex, key);

    /// <inheritdoc/>
    public static bool IsPossibleKey(ref TMap map, ReadOnlySpan<byte> key) =>
        FlatInlineMapCore<TMap, TKeyIndex, TValueIndex, TComparer>.IsPossibleKey(ref map, key);

    /// <inheritdoc/>
    public static void RemoveEntry(ref TMap map, int keyIndex) =>
        FlatInlineMapCore<TMap, TKeyIndex, TValueIndex, TComparer>.RemoveKeyAt(ref map, keyIndex);
}

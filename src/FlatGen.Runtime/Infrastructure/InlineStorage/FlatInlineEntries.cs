using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// How an inline map stores keys, for <see cref="FlatIndex{TKeyIndex, TValueIndex, TKnownKeys, TEntries}"/>: as UTF-8
/// ranges of its arena, hashed with the persisted seed (a key without a persisted hash cannot be stored).
/// </summary>
internal readonly struct FlatInlineEntries<TKeyIndex, TValueIndex, TComparer, TKnownKeys> : IFlatEntries<TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    where TComparer : struct, IFlatKeyComparer
    where TKnownKeys : struct, IFlatKnownKeyMatcher
{
    /// <inheritdoc/>
    public static bool InlineLookups => TComparer.InlineLookups;

    /// <inheritdoc/>
    /// <remarks>Never: comparing with a stored key decodes it, which costs more than hashing the probe once.</remarks>
    public static bool ScansKeys(in FlatMapShape shape) => false;

    /// <inheritdoc/>
    public static int FindByScan(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) => throw new NotSupportedException();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryHash(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, out uint hash) => TComparer.TryHashPersisted(key, map.HashSeed, out hash);

    /// <inheritdoc/>
    public static bool StoredKeyEquals(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, ReadOnlySpan<char> key) =>
        FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.StoredKeyEquals(map, keyIndex, key);

    /// <inheritdoc/>
    public static bool IsPossibleKey(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key) =>
        FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.IsPossibleKey(map, key);

    /// <inheritdoc/>
    public static void RemoveEntry(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.RemoveKeyAt(map, keyIndex);
}

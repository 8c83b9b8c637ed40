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
    public static bool ScansKeys => TMap.KeyCapacity <= FlatIndex<TMap, TKeyIndex, TValueIndex, FlatReferenceEntries<TMap, TKeyIndex, TValueIndex, TComparer>>.ScanKeyCapacity;

    /// <inheritdoc/>
    /// <remarks>
    /// A known key's entry and a hole hold null; the length is compared before the text, as each comparison does first.
    /// One call, never inlined: the JIT imports it into callers of every map before it folds <see cref="ScansKeys"/>,
    /// and inlined there its loop spent the inlining budget of maps that never scan (an ordinal known-key lookup loop
    /// went from 54 to 181 ns with its accessors left as calls).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int FindByScan(ref TMap map, ReadOnlySpan<char> key)
    {
        Span<string?> keys = TMap.GetKeys(ref map);
        int count = FlatInteger.ToInt32(TMap.GetCount(ref map));
        if ((uint)count > (uint)keys.Length)
        {
            FlatThrow.ConcurrentUse(TMap.MapName);
        }

        for (int i = 0; i < count; i++)
        {
            if (keys[i] is string stored && stored.Length == key.Length && TComparer.KeyEquals(stored, key))
            {
                return i;
            }
        }

        return -1;
    }

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

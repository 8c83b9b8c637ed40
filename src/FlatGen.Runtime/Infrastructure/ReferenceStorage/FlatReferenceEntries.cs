using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>How a reference map stores keys, for <see cref="FlatIndex{TKeyIndex, TValueIndex, TKnownKeys, TEntries}"/>: as strings, hashed with this process's seed.</summary>
internal readonly struct FlatReferenceEntries<TKeyIndex, TValueIndex, TComparer, TKnownKeys> : IFlatEntries<TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    where TComparer : struct, IFlatKeyComparer
    where TKnownKeys : struct, IFlatKnownKeyMatcher
{
    /// <inheritdoc/>
    public static bool InlineLookups => TComparer.InlineLookups;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ScansKeys(in FlatMapShape shape) => shape.KeyCapacity <= FlatIndex<TKeyIndex, TValueIndex, TKnownKeys, FlatReferenceEntries<TKeyIndex, TValueIndex, TComparer, TKnownKeys>>.ScanKeyCapacity;

    /// <inheritdoc/>
    /// <remarks>
    /// A known key's entry and a hole hold null; the length is compared before the text, as each comparison does first.
    /// One call, never inlined: its loop would spend the inlining budget of the lookups of maps that never scan.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int FindByScan(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        Span<string?> keys = map.Keys;
        int count = FlatInteger.ToInt32(map.Count);
        if ((uint)count > (uint)keys.Length)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
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
    public static bool TryHash(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, out uint hash)
    {
        hash = TComparer.Hash(key);
        return true;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool StoredKeyEquals(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, ReadOnlySpan<char> key) =>
        TComparer.KeyEquals(map.Keys[keyIndex], key);

    /// <inheritdoc/>
    public static bool IsPossibleKey(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key) => Utf8.IsValid(key);

    /// <inheritdoc/>
    public static void RemoveEntry(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.RemoveKeyAt(map, keyIndex);
}

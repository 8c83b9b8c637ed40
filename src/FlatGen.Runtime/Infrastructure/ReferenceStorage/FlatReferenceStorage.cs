using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>
/// How a reference map stores keys and values, for <see cref="FlatMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage}"/>
/// and its index: as strings, keys hashed with this process's seed; the algorithms are <see cref="FlatReferenceMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys}"/>'s.
/// </summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FlatReferenceStorage<TKeyIndex, TValueIndex, TComparer, TKnownKeys> : IFlatStorage<TKeyIndex, TValueIndex>
    where TComparer : struct, IFlatKeyComparer
    where TKnownKeys : struct, IFlatKnownKeyMatcher
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindHashedOutOfLine(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        FlatIndex<TKeyIndex, TValueIndex, FlatNoKnownKeys, FlatReferenceStorage<TKeyIndex, TValueIndex, TComparer, FlatNoKnownKeys>>.HashAndProbeOutOfLine(map, key);

    /// <inheritdoc/>
    /// <remarks>
    /// A type test, which the JIT folds as it reads this method, so that the lookup not taken is never inlined: a test of a
    /// property the comparer returns folds only after both lookups are inlined and charged to the caller's budget.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindHashedWithoutKnownKeys(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        typeof(TComparer) == typeof(FlatOrdinalComparer)
            ? FlatIndex<TKeyIndex, TValueIndex, FlatNoKnownKeys, FlatReferenceStorage<TKeyIndex, TValueIndex, TComparer, FlatNoKnownKeys>>.HashAndProbe(map, key)
            : FindHashedOutOfLine(map, key);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ScansKeys(in FlatMapShape shape) => shape.KeyCapacity <= FlatIndex<TKeyIndex, TValueIndex, TKnownKeys, FlatReferenceStorage<TKeyIndex, TValueIndex, TComparer, TKnownKeys>>.ScanKeyCapacity;

    /// <inheritdoc/>
    /// <remarks>
    /// Bit <c>32 + (unit + 8 × length) % 32</c>: keys of one length whose last units differ in their low five bits (two
    /// letters, or a letter and most other characters) have different bits; with 8 keys, a miss of a stored key's length
    /// passes at most about a quarter of the time. A key ending in a unit the comparison cannot decide alone (ignoring case, one
    /// that is not ASCII) sets none and tests none: such a unit equals no ASCII unit ignoring case, so a key ending in it
    /// is never the one an ASCII-ending probe looks for, and a probe ending in it skips the test.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ScanPairBit(int length, char last)
    {
        int unit = TComparer.FilterUnit(last);
        return unit >= 0 ? 1UL << ((unit + 8 * length) | 32) : 0;
    }

    /// <inheritdoc/>
    /// <remarks>The scan of maps without known keys, which every reference map of these index types and comparison shares.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindByScan(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        FlatReferenceStorage<TKeyIndex, TValueIndex, TComparer, FlatNoKnownKeys>.Scan(map, key);

    /// <summary>Finds a key no known key matched by comparing it with each stored key in turn; returns its index or -1.</summary>
    /// <remarks>
    /// A known key's entry and a hole hold null; a candidate has the probe's length and a last character that may equal
    /// its, and only a candidate is compared. The first key of the probe's length that ends otherwise ends the scan when
    /// the key filter lacks the probe's pair bit (<see cref="ScanPairBit"/>): a miss of a stored key's length, which the
    /// caller's length test let through, most often stops there (the lookup rows' same-length misses in a map of 8 keys
    /// took 0.56-0.68× their time; bench/results/analysis.md). One call, never inlined: its loop would spend the
    /// inlining budget of the lookups of maps that never scan.
    /// Left to tiering: optimised from its first call, without the profile tier 1 compiles with, hits in a map of 8
    /// keys ran 1.12-1.19× slower.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int Scan(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        Span<string?> keys = map.Keys;
        int count = FlatInteger.ToInt32(map.Count);
        if ((uint)count > (uint)keys.Length)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        keys = keys[..count];
        if (key.IsEmpty)
        {
            return keys.IndexOf(string.Empty);
        }

        // The last characters first: names tend to share their beginnings (x-, content-) and differ nearer the end, and
        // the test is one load. Nothing in the search or the comparison calls, so the index stays in a register (a call in
        // the loop left it on the stack, a store and a load each key); a comparison that needs the runtime (ignoring case,
        // a key that is not ASCII) is the one call, in tail position, and goes on from the candidate.
        char last = key[^1];
        ulong filter = map.HashedKeyLengths; // Loaded once: the map and its shape need no register in the loop.
        for (int i = 0; i < keys.Length; i++)
        {
            string? stored = keys[i];
            if (stored is null || stored.Length != key.Length)
            {
                continue;
            }

            if (!TComparer.MayEqual(stored[^1], last))
            {
                // A key of the probe's length that ends otherwise: if no key has the probe's length and last unit together
                // (the filter's pair bit), none is left to find. A hit pays for the test only here, and once: the filter
                // then reads as all set.
                if (filter != ulong.MaxValue)
                {
                    ulong pair = ScanPairBit(key.Length, last);
                    if ((filter & pair) != pair)
                    {
                        return -1;
                    }

                    filter = ulong.MaxValue;
                }

                continue;
            }

            switch (TComparer.KeyEqualsWithoutCall(stored, key))
            {
                case true:
                    return i;
                case null:
                    return CompareFrom(keys, i, key);
            }
        }

        return -1;
    }

    /// <summary>The first of <paramref name="keys"/> from candidate <paramref name="candidate"/> on that equals <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CompareFrom(Span<string?> keys, int candidate, ReadOnlySpan<char> key)
    {
        for (int i = candidate; i < keys.Length; i++)
        {
            string? stored = keys[i];
            if (IsCandidate(stored, key.Length, key[^1]) && TComparer.KeyEquals(stored, key))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="stored"/> is a key of <paramref name="length"/> units whose last may equal <paramref name="last"/>; a hole or a known key's entry (null) is not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCandidate([NotNullWhen(true)] string? stored, int length, char last) =>
        stored is not null && stored.Length == length && TComparer.MayEqual(stored[^1], last);

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
        Shared.RemoveKeyAt(map, keyIndex);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KeyCount(FlatMapFields<TKeyIndex, TValueIndex> map) => FlatInteger.ToInt32(map.Count) - FlatInteger.ToInt32(map.KeyHoles);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ValueCount(FlatMapFields<TKeyIndex, TValueIndex> map) => FlatInteger.ToInt32(map.ValueCount) - FlatInteger.ToInt32(map.ValueHoles);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FlatAddStatus Add(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value) => Core.AddString(map, key, value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FlatAddStatus Add(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string value) => Core.AddCore(map, key, null, value);

    /// <inheritdoc/>
    public static FlatAddStatus AddUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Core.AddUtf8(map, key, value);

    /// <inheritdoc/>
    public static FlatAddStatus AddKnown(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, string value) => Shared.AddKnownCore(map, knownKey, value);

    /// <inheritdoc/>
    public static FlatAddStatus AppendValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value) => Shared.AppendInFields(map, keyIndex, value);

    /// <inheritdoc/>
    /// <remarks>The first value takes the new one; the rest of the run closes.</remarks>
    public static FlatAddStatus SetValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value)
    {
        int start = FlatInteger.ToInt32(map.ValueStarts[keyIndex]);
        int count = FlatInteger.ToInt32(map.ValueCounts[keyIndex]);
        Shared.Run(map, keyIndex); // Checks the run lies inside the values.
        map.Values[start] = value;
        if (count > 1)
        {
            Shared.CloseValues(map, keyIndex, start + 1, count - 1);
        }

        map.Version++;
        return FlatAddStatus.Added;
    }

    /// <inheritdoc/>
    public static int IndexOfValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value) => Shared.Run(map, keyIndex).IndexOf(value);

    /// <inheritdoc/>
    public static void RemoveValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, int position)
    {
        Shared.CloseValues(map, keyIndex, FlatInteger.ToInt32(map.ValueStarts[keyIndex]) + position, 1);
        map.Version++;
    }

    /// <inheritdoc/>
    public static string KeyString(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) => Shared.KeyAt(map, keyIndex);

    /// <inheritdoc/>
    public static string FirstValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        ReadOnlySpan<string> run = Shared.Run(map, keyIndex);
        if (run.IsEmpty)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName); // A key has a value; one found a moment ago has none only if another thread removed it.
        }

        return run[0];
    }

    /// <inheritdoc/>
    public static string[] ValueArray(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) => Shared.Run(map, keyIndex).ToArray();

    /// <inheritdoc/>
    public static void Clear(FlatMapFields<TKeyIndex, TValueIndex> map) => Shared.ClearEntries(map);

    /// <inheritdoc/>
    public static int FindKeyOf(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, FlatMapFields<TKeyIndex, TValueIndex> other) => Shared.FindKeyOf(map, keyIndex, other);

    /// <inheritdoc/>
    public static bool ValuesEqual(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, FlatMapFields<TKeyIndex, TValueIndex> other, int otherIndex) =>
        Shared.Run(map, keyIndex).SequenceEqual(Shared.Run(other, otherIndex));

    /// <inheritdoc/>
    public static bool ValuesEqual(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, ReadOnlySpan<string> values) =>
        Shared.Run(map, keyIndex).SequenceEqual(values);

    /// <inheritdoc/>
    public static int EntryHashCode(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) => Shared.EntryHashCode(map, keyIndex);

    /// <inheritdoc/>
    public static bool AddJsonValue(scoped FlatMapFields<TKeyIndex, TValueIndex> map, ref Utf8JsonReader reader, scoped ReadOnlySpan<char> key) =>
        Core.TryAdd(map, key, reader.GetString()!);

    /// <inheritdoc/>
    public static void WriteJsonEntry(Utf8JsonWriter writer, FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, JsonSerializerOptions options) =>
        FlatJson.WriteEntry(writer, KeyString(map, keyIndex), Shared.Run(map, keyIndex), options);

    /// <inheritdoc/>
    public static int StoredBytes(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, bool withValues) => 0;

    /// <inheritdoc/>
    public static void PackEntry(ref FlatPackWriter writer, FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        ReadOnlySpan<string> run = Shared.Run(map, keyIndex);
        writer.Key<TComparer>(KeyString(map, keyIndex), run.Length);
        foreach (string value in run)
        {
            writer.Value(value);
        }
    }

    /// <inheritdoc/>
    public static void MoveToEnd(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        Shared.MoveToEnd(map, keyIndex);

    /// <summary>The core of this map, whose adds go through its known-key matcher.</summary>
    private abstract class Core : FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>;

    /// <summary>
    /// The core of maps without known keys, which does everything that follows the matcher for every reference map of
    /// these index types and comparison: one compiled copy (<see cref="IFlatStorage{TKeyIndex, TValueIndex}"/> says why).
    /// </summary>
    private abstract class Shared : FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, FlatNoKnownKeys>;
}

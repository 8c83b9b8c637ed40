using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using CommunityToolkit.HighPerformance.Buffers;

namespace FlatGen.Infrastructure;

// A map that spills (FlatOverflow.Spill) keeps in its fields the keys they hold, and puts the rest in a FlatSpill made at
// its first add that does not fit, until Clear drops it: the map is the fields' keys, in order, then the overflow's, as
// TagList keeps its first tags inline and Kestrel its known headers in fields. Once it has spilled, a new key always goes
// to the overflow, so first-insertion order holds across both parts; a key's values are never split between them (a key
// of the fields whose values outgrow them moves there with every other key, in order). A lookup in such a map goes to
// one of the XSpilling methods here, which look in the fields, then in the overflow if there is one; an add or a set
// tries the fields first, which refuse it once the map has spilled (FlatAddStatus.Spilled), and the refused path makes
// it here: in the fields for a key they hold, recorded in the overflow's version (a copy that shares the overflow is then
// stale), else in the overflow. Every other map pays one test of its shape's Spills at the top of a lookup, which the
// JIT folds away where the core inlines into the map, and nothing on an add of a new key. Every method the test leads
// to is out of line: inlined or merged into a lookup, it spent the hot paths' inlining budget, broke a lookup's tail
// call into the index, and left callees running unoptimised for longer after a process starts
// (bench/results/analysis.md has each cost). And each is FlatJit.Optimized, as the entry points are, for the reason
// FlatMapCore.cs gives: compiled once for every map of a kind, it is optimised at its first call rather than run
// unoptimised through a process's first requests.
public abstract partial class FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>
{
    /// <summary>Gets whether the map holds keys in a heap overflow now, beside its fields: from its first add that did not fit until <c>Clear</c>.</summary>
    /// <exception cref="InvalidOperationException">This copy of a spilled map is stale: another copy changed the overflow they share.</exception>
    public static bool IsSpilled(FlatMapFields<TKeyIndex, TValueIndex> map) => Overflow(map) is not null;

    /// <summary>The overflow of a map that has spilled, checked to be this copy's; null in every other map.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static FlatSpill? Overflow(FlatMapFields<TKeyIndex, TValueIndex> map) => map.Shape.Spills ? SpilledOverflow(map) : null;

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private protected static FlatSpill? SpilledOverflow(FlatMapFields<TKeyIndex, TValueIndex> map) => FlatSpill.Of(map.Spill, map.Version, map.Shape.MapName);

    /// <summary>Records a change to the overflow made through this copy: any other copy that shares it is stale from now on.</summary>
    private static void Changed(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill spill) => map.Version = ++spill.Version;

    /// <summary>
    /// Records a change to the fields of a spilled map (<paramref name="spill"/> non-null), which moved the map's version on:
    /// the overflow belongs to this version now, so any other copy that shares it is stale, as after a change to it.
    /// </summary>
    private static void FieldsChanged(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill? spill)
    {
        if (spill is not null)
        {
            spill.Version = map.Version;
        }
    }

    /// <summary>The overflow's entry of <paramref name="key"/>, or -1.</summary>
    private static int FindIn(FlatSpill spill, ReadOnlySpan<char> key) => spill.Find<TComparer>(key, TComparer.Hash(key));

    /// <summary>
    /// Finds <paramref name="key"/> in a map that spills: its index in the fields, or -1 and its entry in the overflow
    /// <paramref name="spill"/> in <paramref name="entry"/> (-1 when absent, or when there is none). Hashed once for both
    /// parts once the map has spilled; before, as any map finds a key (the length filter first).
    /// </summary>
    private protected static int FindSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill? spill, ReadOnlySpan<char> key, out int entry)
    {
        entry = -1;
        if (spill is null)
        {
            return Index.Find(map, key);
        }

        int keyIndex = FindInFields(map, key, out _, out uint hash);
        if (keyIndex < 0)
        {
            entry = spill.Find<TComparer>(key, hash);
        }

        return keyIndex;
    }

    /// <summary>
    /// <see cref="FindSpilling(FlatMapFields{TKeyIndex, TValueIndex}, FlatSpill?, ReadOnlySpan{char}, out int)"/> for a
    /// UTF-8 key: decoded once for both parts, and not at all while the map has not spilled. Invalid UTF-8 is a key that is absent.
    /// </summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private protected static int FindUtf8Spilling(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill? spill, ReadOnlySpan<byte> key, out int entry)
    {
        entry = -1;
        if (spill is null)
        {
            return Index.FindUtf8(map, key);
        }

        if (!Utf8.IsValid(key))
        {
            return -1;
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[DecodedUtf8.StackLength]);
        return FindSpilling(map, spill, decoded.Chars, out entry);
    }

    /// <summary>
    /// Finds <paramref name="key"/> in the map's fields, returning what finding it in the overflow needs too: the known
    /// key it is (or -1) and its hash, which a reference map's fields store as the overflow does.
    /// </summary>
    private static int FindInFields(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, out int knownKey, out uint hash)
    {
        knownKey = TKnownKeys.Match(map.Shape, key);
        hash = TComparer.Hash(key);
        return knownKey >= 0 ? Index.KnownKeyIndex(map, knownKey) : Index.FindHashed(map, key, hash);
    }

    /// <summary>The overflow's entry of known key <paramref name="knownKey"/>, stored under its declared spelling, or -1.</summary>
    private protected static int FindKnownIn(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill spill, int knownKey)
    {
        return spill.Find<TComparer>(map.Shape.KnownKeyNames[knownKey], KnownKeyHashes(map.Shape)[knownKey]);
    }

    // Each of these checks first that the overflow, if any, is this copy's, then looks in the fields, then in the overflow.
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static int CountSpilling(FlatMapFields<TKeyIndex, TValueIndex> map) =>
        (SpilledOverflow(map) is { } spill ? spill.KeyCount : 0) + TStorage.KeyCount(map);

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static int ValueCountSpilling(FlatMapFields<TKeyIndex, TValueIndex> map) =>
        (SpilledOverflow(map) is { } spill ? spill.ValueCount : 0) + TStorage.ValueCount(map);

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static bool HasKnownSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey)
    {
        FlatSpill? spill = SpilledOverflow(map);
        return Index.KnownKeyIndex(map, knownKey) >= 0 || spill is not null && FindKnownIn(map, spill, knownKey) >= 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static bool RemoveKnownSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey)
    {
        FlatSpill? spill = SpilledOverflow(map);
        if (Index.RemoveKnown(map, knownKey))
        {
            FieldsChanged(map, spill);
            return true;
        }

        return spill is not null && RemoveSpilled(map, spill, FindKnownIn(map, spill, knownKey));
    }

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static string? GetKnownFirstSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey)
    {
        FlatSpill? spill = SpilledOverflow(map);
        int keyIndex = Index.KnownKeyIndex(map, knownKey);
        return keyIndex >= 0 || spill is null ? First(map, keyIndex) : FirstIn(spill, FindKnownIn(map, spill, knownKey));
    }

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static bool ContainsKeySpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        FindSpilling(map, SpilledOverflow(map), key, out int entry) >= 0 || entry >= 0;

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static bool ContainsKeySpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key) =>
        FindUtf8Spilling(map, SpilledOverflow(map), key, out int entry) >= 0 || entry >= 0;

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static bool RemoveSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        FlatSpill? spill = SpilledOverflow(map);
        return RemoveFound(map, spill, FindSpilling(map, spill, key, out int entry), entry);
    }

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static bool RemoveSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key)
    {
        FlatSpill? spill = SpilledOverflow(map);
        return RemoveFound(map, spill, FindUtf8Spilling(map, spill, key, out int entry), entry);
    }

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static string? GetFirstSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        FlatSpill? spill = SpilledOverflow(map);
        int keyIndex = FindSpilling(map, spill, key, out int entry);
        return keyIndex >= 0 ? First(map, keyIndex) : FirstIn(spill, entry);
    }

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static string? GetFirstSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key)
    {
        FlatSpill? spill = SpilledOverflow(map);
        int keyIndex = FindUtf8Spilling(map, spill, key, out int entry);
        return keyIndex >= 0 ? First(map, keyIndex) : FirstIn(spill, entry);
    }

    /// <summary>Removes key <paramref name="keyIndex"/> of the fields, or else entry <paramref name="entry"/> of the overflow; false when both are -1.</summary>
    private static bool RemoveFound(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill? spill, int keyIndex, int entry)
    {
        if (keyIndex >= 0)
        {
            Index.RemoveAt(map, keyIndex);
            FieldsChanged(map, spill);
            return true;
        }

        return RemoveSpilled(map, spill, entry);
    }

    /// <summary>The first value of the overflow's entry <paramref name="entry"/>, or null for -1 (always, without an overflow).</summary>
    private static string? FirstIn(FlatSpill? spill, int entry) => entry < 0 || spill is null ? null : spill.FirstAt(entry);

    /// <summary>Removes the overflow's entry <paramref name="entry"/>; false for -1 (always, without an overflow).</summary>
    private static bool RemoveSpilled(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill? spill, int entry)
    {
        if (entry < 0 || spill is null)
        {
            return false;
        }

        spill.Remove(entry);
        Changed(map, spill);
        return true;
    }

    /// <summary>Removes the first of the values of the overflow's entry <paramref name="entry"/> (-1 for none) that equals <paramref name="value"/>, as <c>Remove(key, value)</c> does.</summary>
    private static bool RemoveSpilledValue(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill spill, int entry, string value)
    {
        int position = entry < 0 ? -1 : spill.IndexOfValue(entry, value);
        if (position < 0)
        {
            return false;
        }

        if (spill.ValuesAt(entry).Length == 1)
        {
            spill.Remove(entry);
        }
        else
        {
            spill.RemoveValue(entry, position);
        }

        Changed(map, spill);
        return true;
    }

    /// <summary>
    /// Adds to a map that spills, after its fields refused the add: to its overflow, which a map that has not spilled
    /// yet makes now, since its fields lack room.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static FlatAddStatus AddSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, string value) =>
        ToOverflow(map, key, keyString, value, replace: false);

    /// <summary>Adds the UTF-8 <paramref name="key"/> and <paramref name="value"/> as <see cref="AddSpilling"/> does, after the fields refused them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private static FlatAddStatus AddUtf8Spilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        // Both checked before the overflow changes, so a refused add leaves the map as it was.
        if (!Utf8.IsValid(key))
        {
            FlatThrow.InvalidUtf8(nameof(key));
        }

        if (!FlatUtf8.IsValid(value))
        {
            FlatThrow.InvalidUtf8(nameof(value));
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[DecodedUtf8.StackLength]);
        return AddSpilling(map, decoded.Chars, null, Encoding.UTF8.GetString(value));
    }

    /// <summary>Sets in a map that spills, after its fields refused the set: in its overflow, made now if need be, as <see cref="AddSpilling"/> does.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static FlatAddStatus SetSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, string value) =>
        ToOverflow(map, key, keyString, value, replace: true);

    /// <summary>
    /// Appends <paramref name="value"/> to <paramref name="key"/>'s values, or makes it the only one if
    /// <paramref name="replace"/>, after the fields refused it: in the fields for a key they hold and have room for
    /// (refused there because the map has spilled), else in the overflow, made now if need be; a new key goes after every other.
    /// </summary>
    private static FlatAddStatus ToOverflow(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, string value, bool replace)
    {
        FlatSpill? spill = Overflow(map);
        int keyIndex = FindInFields(map, key, out int knownKey, out uint hash);
        if (keyIndex >= 0)
        {
            if (spill is not null && (replace ? TStorage.SetValue(map, keyIndex, value) : TStorage.AppendValue(map, keyIndex, value)) == FlatAddStatus.Added)
            {
                FieldsChanged(map, spill);
                return FlatAddStatus.Added;
            }

            // The fields lack room for the key's values: every key moves to the overflow, in order, so that none is split.
            spill = SpillAll(map, spill);
        }

        spill ??= StartOverflow(map);
        int entry = spill.Find<TComparer>(key, hash);
        if (entry < 0)
        {
            AddSpilledKey(map, spill, key, keyString, knownKey, hash, value);
        }
        else if (replace)
        {
            spill.SetValue(entry, value);
        }
        else
        {
            spill.AddValue(entry, value);
        }

        Changed(map, spill);
        return FlatAddStatus.Added;
    }

    /// <summary>Adds a key the overflow lacks, after every other: a known key under its declared spelling, another as the map's own fields would store it.</summary>
    private static void AddSpilledKey(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill spill, ReadOnlySpan<char> key, string? keyString, int knownKey, uint hash, string value)
    {
        ref readonly FlatMapShape shape = ref map.Shape;
        keyString = knownKey >= 0 ? shape.KnownKeyNames[knownKey]
            : keyString ?? (shape.InternUnknownKeys ? StringPool.Shared.GetOrAdd(key) : key.ToString());
        spill.AddKey(keyString, knownKey, hash, value);
    }

    /// <summary>Makes the overflow of a map whose fields refused a new key, empty: the fields keep theirs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static FlatSpill StartOverflow(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        ref readonly FlatMapShape shape = ref map.Shape;
        var spill = new FlatSpill(TailCapacity(shape), shape.MapName) { Version = map.Version };
        map.Spill = spill;
        return spill;
    }

    /// <summary>Room for a quarter of the capacity more keys (at least 8) before the overflow grows: a tail request's few names more cost no second copy.</summary>
    private static int TailCapacity(in FlatMapShape shape) => Math.Max(8, shape.KeyCapacity / 4);

    /// <summary>
    /// Moves every key of the map's own fields, in order, with its values, to a new overflow, followed by the keys of
    /// <paramref name="spilled"/>, the overflow the map had if any, which the map holds from now on; its fields are
    /// left empty. A key of the fields that needs more values than they hold so joins the overflow without changing the order.
    /// </summary>
    /// <remarks>
    /// Only reference maps spill (a shape that spills needs a layout with keys), so their fields are read as such: a
    /// known key is a null key whose stored hash is its index, and it moves under its declared spelling; another key's
    /// stored hash is the comparison's, which the overflow chains by too. Nothing is hashed again and no value is copied
    /// but into the overflow. A copy that shares <paramref name="spilled"/> keeps it, unchanged, with its own fields.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static FlatSpill SpillAll(FlatMapFields<TKeyIndex, TValueIndex> map, FlatSpill? spilled)
    {
        ref readonly FlatMapShape shape = ref map.Shape;
        var spill = new FlatSpill(shape.KeyCapacity + (spilled?.KeyCount ?? 0) + TailCapacity(shape), shape.MapName);
        string[] knownKeys = shape.KnownKeyNames;
        uint[] knownKeyHashes = KnownKeyHashes(shape);
        Span<string?> keys = map.Keys;
        Span<uint> hashes = map.KeyHashes;
        Span<string?> values = map.Values;
        int count = Math.Min(FlatInteger.ToInt32(map.Count), keys.Length);
        ReadOnlySpan<TValueIndex> starts = map.ValueStarts[..count];
        ReadOnlySpan<TValueIndex> counts = map.ValueCounts[..count];
        for (int keyIndex = 0; keyIndex < count; keyIndex++)
        {
            if (FlatInteger.IsZero(counts[keyIndex]))
            {
                continue; // A hole a removal left.
            }

            ReadOnlySpan<string> run = FlatReferenceEnumerator<TKeyIndex, TValueIndex>.Run(
                shape, values, FlatInteger.ToInt32(starts[keyIndex]), FlatInteger.ToInt32(counts[keyIndex]));
            uint hash = hashes[keyIndex];
            if (keys[keyIndex] is string key)
            {
                spill.AddKey(key, -1, hash, run);
            }
            else if (hash < (uint)knownKeys.Length)
            {
                spill.AddKey(knownKeys[hash], (int)hash, knownKeyHashes[hash], run);
            }
            else
            {
                FlatThrow.ConcurrentUse(shape.MapName); // A null key that is no known key's.
            }
        }

        if (spilled is not null)
        {
            for (int entry = spilled.NextKey(-1); entry < spilled.EntryCount; entry = spilled.NextKey(entry))
            {
                spill.AddKey(spilled.KeyAt(entry), spilled.KnownKeyAt(entry), spilled.HashAt(entry), spilled.ValuesAt(entry));
            }
        }

        TStorage.Clear(map);
        spill.Version = map.Version;
        map.Spill = spill;
        return spill;
    }

    /// <summary>The comparison's hash of each known key's declared spelling, kept by the map's matcher from the first spill of a map of its type.</summary>
    private static uint[] KnownKeyHashes(in FlatMapShape shape) => shape.KnownKeyMatcher?.NameHashes<TComparer>() ?? [];

    /// <summary>Copies the overflow's entries, in order, into <paramref name="pairs"/> from <paramref name="next"/>: after the fields' keys.</summary>
    private static void SpilledToArray(FlatSpill spill, KeyValuePair<string, string[]>[] pairs, int next)
    {
        for (int entry = spill.NextKey(-1); entry < spill.EntryCount; entry = spill.NextKey(entry))
        {
            pairs[next++] = new KeyValuePair<string, string[]>(spill.KeyAt(entry), spill.ValuesAt(entry).ToArray());
        }
    }

    /// <summary>Whether the overflow <paramref name="spill"/> holds key <paramref name="keyIndex"/> of <paramref name="map"/>'s fields with the same values: equality's test for a key the other map's fields lack.</summary>
    private static bool SpilledValuesEqual(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, FlatSpill spill) =>
        FindIn(spill, TStorage.KeyString(map, keyIndex)) is >= 0 and int entry && TStorage.ValuesEqual(map, keyIndex, spill.ValuesAt(entry));

    /// <summary>Whether every key of the overflow <paramref name="spilled"/> is in <paramref name="other"/>'s fields or its overflow <paramref name="otherSpill"/>, with the same values: equality's test for a spilled map's overflow.</summary>
    private static bool SpilledKeysIn(FlatSpill spilled, FlatMapFields<TKeyIndex, TValueIndex> other, FlatSpill? otherSpill)
    {
        for (int entry = spilled.NextKey(-1); entry < spilled.EntryCount; entry = spilled.NextKey(entry))
        {
            // The entry's known key and hash are those the other map's fields and overflow find it by: no match, no hash.
            string key = spilled.KeyAt(entry);
            ReadOnlySpan<string> values = spilled.ValuesAt(entry);
            uint hash = spilled.HashAt(entry);
            int knownKey = spilled.KnownKeyAt(entry);
            int keyIndex = knownKey >= 0 ? Index.KnownKeyIndex(other, knownKey) : Index.FindHashed(other, key, hash);
            if (keyIndex >= 0 ? !TStorage.ValuesEqual(other, keyIndex, values)
                : otherSpill is null || otherSpill.Find<TComparer>(key, hash) is not (>= 0 and int found) || !values.SequenceEqual(otherSpill.ValuesAt(found)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The overflow's part of <see cref="GetHashCode"/>: what a map of the same content that has not spilled gives for these keys, its count and their sum (a known key's part hashes its index, another's its hash).</summary>
    private static int SpilledHashCode(FlatSpill spill)
    {
        int sum = spill.KeyCount;
        for (int entry = spill.NextKey(-1); entry < spill.EntryCount; entry = spill.NextKey(entry))
        {
            var hash = default(HashCode);
            int knownKey = spill.KnownKeyAt(entry);
            hash.Add(knownKey >= 0 ? (uint)knownKey : spill.HashAt(entry));
            foreach (string value in spill.ValuesAt(entry))
            {
                hash.Add(value);
            }

            sum += hash.ToHashCode();
        }

        return sum;
    }
}

using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using CommunityToolkit.HighPerformance.Buffers;

namespace FlatGen.Infrastructure;

/// <summary>
/// The algorithms of every reference map (<see cref="FlatStorage.References"/>): insertion into the contiguous value
/// runs, removal that leaves holes, clearing and enumeration, over the index of <see cref="FlatIndex{TKeyIndex, TValueIndex, TKnownKeys, TStorage}"/>.
/// The operations both storages share are <see cref="FlatMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage}"/>'s;
/// this core adds the values as <see cref="ReadOnlySpan{T}"/> of strings, and what <see cref="FlatReferenceStorage{TKeyIndex, TValueIndex, TComparer, TKnownKeys}"/> calls.
/// </summary>
/// <remarks>
/// <para>The type parameters are <see cref="FlatMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage}"/>'s.</para>
/// <para>The invariants of <see cref="FlatIndex{TKeyIndex, TValueIndex, TKnownKeys, TStorage}"/> hold, with <c>n</c> the entries in use (<c>Count</c>)
/// and <c>m</c> the values in use (<c>ValueCount</c>), and:</para>
/// <list type="bullet">
/// <item><description>An entry is a key, or a hole a removal left: a null key with a <c>ValueCounts</c> entry of zero, in no slot. <c>KeyHoles</c>
/// counts the holes and <c>ValueHoles</c> the values they gave up; the last entry is never a hole. A map holds <c>n - KeyHoles</c> keys and
/// <c>m - ValueHoles</c> values, at most the capacities.</description></item>
/// <item><description>The entries and the values are more than the capacities (spares), so that a full map that removes one key and adds another
/// closes the holes once per spare's worth of removals, not at every add.</description></item>
/// <item><description>Key <c>i</c>'s values are <c>Values[ValueStarts[i] .. ValueStarts[i] + ValueCounts[i]]</c>; the runs are in entry order and
/// do not overlap, within <c>Values[0..m-1]</c>; what lies between them is null. Every other value reference is null, except, in a map that reuses
/// value strings, those a <c>Clear</c> kept.</description></item>
/// <item><description>A known key's <c>Keys</c> entry is null. Every key reference past <c>n</c> is null, except, in a map that reuses value
/// strings and interns unknown keys, those a <c>Clear</c> kept.</description></item>
/// <item><description><c>HashedKeyLengths</c>, the key filter, may also hold bits of hashed keys removed since the last <c>Clear</c>: a reference map is not
/// persisted, and a superset only costs a probe or a scan.</description></item>
/// </list>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract partial class FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>
    : FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, FlatReferenceStorage<TKeyIndex, TValueIndex, TComparer, TKnownKeys>>
    where TComparer : struct, IFlatKeyComparer
    where TKnownKeys : struct, IFlatKnownKeyMatcher
{
    /// <summary>The core of maps without known keys, which adds once the matcher has spoken (<see cref="IFlatStorage{TKeyIndex, TValueIndex}"/> says why).</summary>
    private protected abstract class Shared : FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, FlatNoKnownKeys>;

    /// <summary>Gets the UTF-8 <paramref name="key"/>'s values, in the order they were added; invalid UTF-8 is a key that is absent.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and empty <paramref name="values"/>.</returns>
    [MethodImpl(FlatJit.Optimized)]
    public static bool TryGetValues(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, out ReadOnlySpan<string> values)
    {
        if (map.Shape.Spills)
        {
            return TryGetValuesSpilling(map, key, out values);
        }

        int keyIndex = Index.FindUtf8(map, key);
        values = keyIndex < 0 ? default : Run(map, keyIndex);
        return keyIndex >= 0;
    }

    /// <summary>Gets the UTF-8 <paramref name="key"/>'s values, in the order they were added; empty when the key is absent.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static ReadOnlySpan<string> GetValues(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key)
    {
        if (map.Shape.Spills)
        {
            return GetValuesSpilling(map, key);
        }

        int keyIndex = Index.FindUtf8(map, key);
        return keyIndex < 0 ? default : Run(map, keyIndex);
    }

    /// <summary>Lets go of the value strings (and key strings, with <c>InternUnknownKeys</c>) a map with <c>ReuseValueStrings</c> kept for reuse; the map's contents are unchanged.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static void ForgetReusedStrings(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        Span<string?> values = map.Values;
        int valueCount = FlatInteger.ToInt32(map.ValueCount);
        values.Slice(Math.Min(valueCount, values.Length)).Clear();
        if (KeepsKeyStrings(map.Shape))
        {
            Span<string?> keys = map.Keys;
            keys.Slice(Math.Min(FlatInteger.ToInt32(map.Count), keys.Length)).Clear();
        }
    }

    /// <summary>
    /// Whether <c>Clear</c> keeps the key strings too, for a map that interns unknown keys and reuses value strings: a
    /// new unknown key whose text is the one kept at its entry is that string, with no pool lookup (and, from UTF-8, no decoding).
    /// </summary>
    private static bool KeepsKeyStrings(in FlatMapShape shape) => shape.InternUnknownKeys && shape.ReuseValueStrings;

    /// <summary>Gets the values of known key <paramref name="knownKey"/>, in the order they were added; empty when it is absent.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static ReadOnlySpan<string> GetKnownValues(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey)
    {
        if (map.Shape.Spills)
        {
            return GetKnownValuesSpilling(map, knownKey);
        }

        int keyIndex = Index.KnownKeyIndex(map, knownKey);
        return keyIndex < 0 ? default : Run(map, keyIndex);
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added, over the map's own storage.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and empty <paramref name="values"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static bool TryGetValues(FlatMapFields<TKeyIndex, TValueIndex> map, string key, out ReadOnlySpan<string> values)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryGetValues(map, key.AsSpan(), out values);
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added; empty when the key is absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static ReadOnlySpan<string> GetValues(FlatMapFields<TKeyIndex, TValueIndex> map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return GetValues(map, key.AsSpan());
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added, over the map's own storage.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and empty <paramref name="values"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static bool TryGetValues(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, out ReadOnlySpan<string> values)
    {
        if (map.Shape.Spills)
        {
            return TryGetValuesSpilling(map, key, out values);
        }

        int keyIndex = Index.Find(map, key);
        if (keyIndex < 0)
        {
            values = default;
            return false;
        }

        values = Run(map, keyIndex);
        return true;
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added; empty when the key is absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static ReadOnlySpan<string> GetValues(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        if (map.Shape.Spills)
        {
            return GetValuesSpilling(map, key);
        }

        int keyIndex = Index.Find(map, key);
        return keyIndex < 0 ? default : Run(map, keyIndex);
    }

    /// <summary>
    /// Removes every key and value, leaving no reference behind, except the values a map that reuses value strings
    /// keeps, and the key strings too if it also interns unknown keys.
    /// </summary>
    [MethodImpl(FlatJit.Optimized)]
    internal static void ClearEntries(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        // Counts that concurrent use broke may exceed the arrays: everything is then cleared, so Clear restores an
        // empty, working map from any state of its fields.
        ref TKeyIndex countRef = ref map.Count;
        ref TValueIndex valueCountRef = ref map.ValueCount;
        if (!KeepsKeyStrings(map.Shape))
        {
            Span<string?> keys = map.Keys;
            keys.Slice(0, Math.Min(FlatInteger.ToInt32(countRef), keys.Length)).Clear();
        }

        if (!map.Shape.ReuseValueStrings)
        {
            Span<string?> values = map.Values;
            values.Slice(0, Math.Min(FlatInteger.ToInt32(valueCountRef), values.Length)).Clear();
        }

        Index.Clear(map);
        countRef = FlatInteger.FromInt32<TKeyIndex>(0);
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(0);
        map.KeyHoles = FlatInteger.FromInt32<TKeyIndex>(0);
        map.ValueHoles = FlatInteger.FromInt32<TValueIndex>(0);
        map.Version++;
    }

    /// <summary>
    /// Adds with a string key. A key's values are usually added together, so the same string as the last key's is
    /// that key, with no hash or probe: the last entry is never a hole (holes at the end are given back), and a known
    /// key's entry holds null.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FlatAddStatus AddString(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        int last = FlatInteger.ToInt32(map.Count) - 1;
        return (uint)last < (uint)map.Keys.Length && ReferenceEquals(map.Keys[last], key)
            ? Shared.AppendValue(map, last, value)
            : AddCore(map, key, key, value);
    }

    /// <summary>
    /// Adds through the known-key matcher, in the caller as a lookup's is, then the hashed slots, in one call with its
    /// own inlining budget (as <c>Dictionary</c>'s <c>TryInsert</c>): inlined into a caller's loop of adds, the hash,
    /// the probe and the new key's stores ran out of the caller's budget and left their accessors as calls.
    /// <paramref name="keyString"/> is the key as a string when the caller has one; otherwise one is made, only for a
    /// new unknown key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FlatAddStatus AddCore(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, string value)
    {
        return typeof(TKnownKeys) != typeof(FlatNoKnownKeys) && TKnownKeys.Match(map.Shape, key) is int knownKey and >= 0
            ? Shared.AddKnownCore(map, knownKey, value)
            : Shared.AddUnknown(map, key, keyString, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static FlatAddStatus AddUnknown(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, string value)
    {
        if (HasSpilled(map))
        {
            return FlatAddStatus.Spilled; // The overflow's add looks for the key in the fields and in the overflow.
        }

        uint hash = Hash(key);
        if (keyString is not null && HomeOfNewKey(map, hash) is int home and >= 0)
        {
            AddKey(map, keyString, hash, home, value);
            return FlatAddStatus.Added;
        }

        return AddProbed(map, key, keyString, hash, value);
    }

    /// <summary>
    /// Where a new hashed key goes with no probe: its home slot when that is empty (a key present is at or past its
    /// home slot, so this one is new), the map has room for it (<see cref="CanAddKey"/>) and its entries and values
    /// end before their fields do (no compaction first); else -1.
    /// </summary>
    /// <remarks>
    /// Most adds of a new key take this path, with nothing that may call out before the key's stores: the same path
    /// through <c>AddNewKey</c>, which may compact or make the key's string, was about 11 % slower (bench/results/analysis.md).
    /// The room test is <see cref="CanAddKey"/>'s and <see cref="IsAtEnd"/>'s as four comparisons, without the spill
    /// test the caller made: calling the two instead measured about 3 % slower.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HomeOfNewKey(FlatMapFields<TKeyIndex, TValueIndex> map, uint hash)
    {
        int home = Index.EmptyHomeSlot(map, hash);
        int count = FlatInteger.ToInt32(map.Count);
        int valueCount = FlatInteger.ToInt32(map.ValueCount);
        return home >= 0
            && count - FlatInteger.ToInt32(map.KeyHoles) < map.Shape.KeyCapacity && valueCount - FlatInteger.ToInt32(map.ValueHoles) < map.Shape.ValueCapacity
            && count < map.Keys.Length && valueCount < map.Values.Length
            ? home
            : -1;
    }

    /// <summary>Adds a hashed key after a probe: a key present, a new key whose home slot is taken, or one that needs room made first.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static FlatAddStatus AddProbed(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, uint hash, string value)
    {
        int keyIndex = Index.Probe(map, key, hash, out int slot);
        return AddHashed(map, key, keyString, hash, keyIndex, slot, value);
    }

    /// <summary>Adds to a hashed key already probed for: key <paramref name="keyIndex"/>, or a new key for <paramref name="slot"/> when -1.</summary>
    /// <remarks>
    /// Inlined into each out-of-line add that calls it, which are optimised from their first call: left to the JIT's
    /// budget, it was a call into tier-0 code, and a fresh process's first 8,192 requests took 1.5× as long.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FlatAddStatus AddHashed(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, uint hash, int keyIndex, int slot, string value)
    {
        if (keyIndex >= 0)
        {
            return AppendValue(map, keyIndex, value);
        }

        FlatAddStatus status = CanAddKey(map);
        if (status == FlatAddStatus.Added)
        {
            return AddNewKey(map, key, keyString, hash, slot, value);
        }

        return map.Shape.EvictsOldest && status != FlatAddStatus.Spilled ? AddNewEvicting(map, key, keyString, hash, slot, value, status) : status;
    }

    /// <summary>Adds a new hashed key at the empty <paramref name="slot"/> its probe found; the caller checked <see cref="CanAddKey"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FlatAddStatus AddNewKey(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, uint hash, int slot, string value)
    {
        if (IsAtEnd(map))
        {
            // CanAddKey saw room: it is in the holes removals left. Compacting renumbers what the slots hold and
            // moves none, so the empty slot the probe found is still the key's.
            Compact(map, keyIndex: -1);
        }

        keyString ??= map.Shape.InternUnknownKeys ? Intern(map, key) : key.ToString();
        AddKey(map, keyString, hash, slot, value);
        return FlatAddStatus.Added;
    }

    /// <summary>
    /// A new hashed key, whose probe ended at empty <paramref name="slot"/>, that a map that evicts its oldest keys lacks
    /// room for: evicts and adds, until the key fits or nothing more can go. Each eviction moves the probe's end at most
    /// to the slot it emptied, so the key is neither hashed nor probed again, as it would be after a refused add.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FlatAddStatus AddNewEvicting(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, uint hash, int slot, string value, FlatAddStatus status)
    {
        while (EvictFor(map, keyIndex: -1, newKeyBytes: 0, valueBytes: 0, added: 1, out int emptiedSlot))
        {
            slot = Index.ProbeEndAfterRemoval(map, hash, slot, emptiedSlot);
            status = CanAddKey(map);
            if (status == FlatAddStatus.Added)
            {
                return AddNewKey(map, key, keyString, hash, slot, value);
            }
        }

        return status;
    }

    internal static FlatAddStatus AddUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        // A key the matcher matches is valid UTF-8 (it equals a known key's own bytes, or ASCII letters under the
        // case mask), so only other keys are checked, on the slower path.
        if (typeof(TKnownKeys) != typeof(FlatNoKnownKeys) && TKnownKeys.MatchUtf8(map.Shape, key) is int knownKey and >= 0)
        {
            return Shared.AddKnownUtf8(map, knownKey, value);
        }

        return KeptKey(map) is string kept && kept.Length == key.Length && Ascii.Equals(key, kept)
            ? Shared.AddKeptKeyUtf8(map, kept, value)
            : Shared.AddUnknownUtf8(map, key, value);
    }

    /// <summary>Appends a UTF-8 value to known key <paramref name="knownKey"/>: the string <c>Clear</c> kept at its place if the text is the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FlatAddStatus AddKnownUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, ReadOnlySpan<byte> value) =>
        AddKnownCore(map, knownKey, ValueString(map, Index.KnownKeyIndex(map, knownKey), value));

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private static FlatAddStatus AddUnknownUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (HasSpilled(map))
        {
            return FlatAddStatus.Spilled; // The overflow's add validates, decodes, and looks in both parts.
        }

        if (!Utf8.IsValid(key))
        {
            FlatThrow.InvalidUtf8(nameof(key));
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[DecodedUtf8.StackLength]);
        ReadOnlySpan<char> chars = decoded.Chars;
        uint hash = Hash(chars);
        int keyIndex = Index.Probe(map, chars, hash, out int slot);
        return AddHashed(map, chars, null, hash, keyIndex, slot, ValueString(map, keyIndex, value));
    }

    /// <summary>
    /// An unknown UTF-8 key that is, in ASCII, the string <c>Clear</c> kept at the next entry: that string, with the
    /// hash kept beside it. An entry's key string and hash are written together, a key string is never left without
    /// its hash (a removal and compaction clear the string), and the process's seed does not change: a kept string's
    /// hash is its hash now.
    /// </summary>
    internal static FlatAddStatus AddKeptKeyUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, string key, ReadOnlySpan<byte> value)
    {
        if (HasSpilled(map))
        {
            return FlatAddStatus.Spilled;
        }

        uint hash = map.KeyHashes[FlatInteger.ToInt32(map.Count)];
        if (HomeOfNewKey(map, hash) is int home and >= 0)
        {
            AddKey(map, key, hash, home, ValueString(map, keyIndex: -1, value));
            return FlatAddStatus.Added;
        }

        int keyIndex = Index.Probe(map, key, hash, out int slot);
        return AddHashed(map, key, key, hash, keyIndex, slot, ValueString(map, keyIndex, value));
    }

    /// <summary>The string <c>Clear</c> kept at the entry a new key takes next, if the map keeps key strings; otherwise null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string? KeptKey(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        Span<string?> keys = map.Keys;
        int count = FlatInteger.ToInt32(map.Count);
        return KeepsKeyStrings(map.Shape) && (uint)count < (uint)keys.Length ? keys[count] : null;
    }

    /// <summary>A new unknown key as an interned string: the one <c>Clear</c> kept at its entry if the text is the same, otherwise the shared pool's.</summary>
    private static string Intern(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        KeptKey(map) is string kept && key.SequenceEqual(kept) ? kept : StringPool.Shared.GetOrAdd(key);

    /// <summary>
    /// The string for a UTF-8 value that goes after key <paramref name="keyIndex"/>'s values (a new key's first when
    /// -1): the one a <c>Clear</c> kept at that place, if the map reuses value strings, the value goes after all the
    /// others and its text is that string's, in ASCII; otherwise a new string. Invalid UTF-8 throws, before any change.
    /// </summary>
    private static string ValueString(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, ReadOnlySpan<byte> value)
    {
        if (map.Shape.ReuseValueStrings)
        {
            Span<string?> values = map.Values;
            int valueCount = FlatInteger.ToInt32(map.ValueCount);
            if ((keyIndex < 0 || RunEnd(map, keyIndex) == valueCount)
                && (uint)valueCount < (uint)values.Length
                && values[valueCount] is string kept && kept.Length == value.Length && Ascii.Equals(value, kept))
            {
                return kept;
            }
        }

        if (!FlatUtf8.IsValid(value))
        {
            FlatThrow.InvalidUtf8(nameof(value));
        }

        return Encoding.UTF8.GetString(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FlatAddStatus AddKnownCore(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, string value)
    {
        int keyIndex = Index.KnownKeyIndex(map, knownKey);
        if (keyIndex >= 0)
        {
            return AppendValue(map, keyIndex, value);
        }

        FlatAddStatus status = CanAddKey(map);
        if (status == FlatAddStatus.Added)
        {
            if (IsAtEnd(map))
            {
                Compact(map, keyIndex: -1); // CanAddKey saw room: it is in the holes removals left.
            }

            AddKey(map, null, (uint)knownKey, slot: -1, value);
        }

        return status;
    }

    /// <summary>
    /// Checks, before any write, that a new key and its first value fit: a refused add leaves the map as it was. A
    /// spilled map's fields take no new key: here they refuse it, for the overflow to take.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FlatAddStatus CanAddKey(FlatMapFields<TKeyIndex, TValueIndex> map) =>
        KeysInFields(map) == map.Shape.KeyCapacity ? FlatAddStatus.KeysFull
        : ValuesInFields(map) == map.Shape.ValueCapacity ? FlatAddStatus.ValuesFull
        : HasSpilled(map) ? FlatAddStatus.Spilled
        : FlatAddStatus.Added;

    /// <summary>
    /// Whether the map has spilled (<see cref="FlatOverflow.Spill"/>): until <c>Clear</c>, its fields keep the keys they
    /// held and refuse every add, which the overflow's code then makes (<see cref="FlatMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage}"/>'s Spill part).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasSpilled(FlatMapFields<TKeyIndex, TValueIndex> map) => map.Shape.Spills && map.Spill is not null;

    /// <summary>Whether the entries or the values in use reach the end of their fields, spares included, so a new key goes nowhere until the holes close.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAtEnd(FlatMapFields<TKeyIndex, TValueIndex> map) =>
        FlatInteger.ToInt32(map.Count) == map.Keys.Length
        || FlatInteger.ToInt32(map.ValueCount) == map.Values.Length;

    /// <summary>
    /// Appends a key with its first value after the last key and links it into the index: a hashed key at the empty
    /// <paramref name="slot"/> its probe found, a known key (stored as a null key whose hash is the known key's index)
    /// at its own slot. The caller checked that it fits (<see cref="CanAddKey"/>, or <see cref="HomeOfNewKey"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddKey(FlatMapFields<TKeyIndex, TValueIndex> map, string? key, uint hashOrKnownKey, int slot, string value)
    {
        ref TKeyIndex countRef = ref map.Count;
        ref TValueIndex valueCountRef = ref map.ValueCount;
        int count = FlatInteger.ToInt32(countRef);
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        if (count >= map.Keys.Length || valueCount >= map.Values.Length)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName); // CanAddKey saw room a moment ago.
        }

        map.KeyHashes[count] = hashOrKnownKey;
        map.ValueStarts[count] = FlatInteger.FromInt32<TValueIndex>(valueCount);
        map.ValueCounts[count] = FlatInteger.FromInt32<TValueIndex>(1);
        countRef = FlatInteger.FromInt32<TKeyIndex>(count + 1);
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount + 1);
        map.Version++;
        if (key is null)
        {
            Index.LinkKnown(map, (int)hashOrKnownKey, count);
        }
        else
        {
            Index.LinkHashed(map, slot, count, key);
        }

        // References last: each is a call to the collector's write barrier, after which the JIT reads every field's place again.
        map.Keys[count] = key;
        map.Values[valueCount] = value;
    }

    // Not inlined: inlined into a caller's loop of adds, its run shifting used up the budget that the new-key path's
    // checks need (bench/results/analysis.md has what that cost).
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static FlatAddStatus AppendValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value) =>
        HasSpilled(map) ? FlatAddStatus.Spilled : AppendInFields(map, keyIndex, value);

    /// <summary>Appends <paramref name="value"/> to key <paramref name="keyIndex"/>'s run in the fields, if they have room: what <see cref="AppendValue"/> does but for a spilled map, whose overflow's code calls this.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FlatAddStatus AppendInFields(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value)
    {
        Span<string?> values = map.Values;
        if (ValuesInFields(map) == map.Shape.ValueCapacity)
        {
            return FlatAddStatus.ValuesFull;
        }

        if (FlatInteger.ToInt32(map.ValueCount) == values.Length)
        {
            keyIndex = Compact(map, keyIndex); // The room is in holes removals left.
        }

        ref TValueIndex valueCountRef = ref map.ValueCount;
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        if (keyIndex < 0 || valueCount >= values.Length)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName); // There was room a moment ago, and the key was there.
        }

        // The value goes at the end of the key's run; later runs, if any, shift up by one. Adding to the
        // last key's run (the usual case: a key's values are added together) moves nothing.
        Span<TValueIndex> starts = map.ValueStarts;
        Span<TValueIndex> counts = map.ValueCounts;
        int end = RunEnd(map, keyIndex);
        if (end > valueCount)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        if (end < valueCount)
        {
            values.Slice(end, valueCount - end).CopyTo(values.Slice(end + 1));
            int count = FlatInteger.ToInt32(map.Count);
            for (int k = keyIndex + 1; k < count; k++)
            {
                FlatInteger.Add(ref starts[k], 1);
            }
        }

        values[end] = value;
        FlatInteger.Add(ref counts[keyIndex], 1);
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount + 1);
        map.Version++;
        return FlatAddStatus.Added;
    }

    /// <summary>
    /// Removes key <paramref name="keyIndex"/>, already unlinked from its slot or presence bit, without moving any
    /// other key: its entry becomes a hole (a null key with no values) and its values nulls, so no slot needs
    /// renumbering and first-insertion order stays. Holes at the end are given back at once; the others when an add
    /// needs their room (<see cref="Compact"/>); those at the front are counted (<see cref="FlatMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage}.LeadingHoles"/>).
    /// </summary>
    internal static void RemoveKeyAt(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        ref TKeyIndex countRef = ref map.Count;
        ref TValueIndex valueCountRef = ref map.ValueCount;
        int count = FlatInteger.ToInt32(countRef);
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        Span<TValueIndex> starts = map.ValueStarts;
        Span<TValueIndex> counts = map.ValueCounts;
        if ((uint)keyIndex >= (uint)count || count > counts.Length || valueCount > map.Values.Length)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        int start = FlatInteger.ToInt32(starts[keyIndex]);
        int removed = FlatInteger.ToInt32(counts[keyIndex]);
        if (removed == 0 || start + removed > valueCount)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        Span<string?> run = map.Values.Slice(start, removed);
        if (removed == 1)
        {
            run[0] = null; // The usual case, without a call to clear one reference.
        }
        else
        {
            run.Clear();
        }
        map.Keys[keyIndex] = null;
        Span<uint> hashes = map.KeyHashes;
        // In a map that evicts, entry 0 or the first key past the holes that lead makes them one more (LeadingHoles).
        bool leads = map.Shape.EvictsOldest && LeadingHoles(map) == keyIndex;
        hashes[keyIndex] = 0;
        counts[keyIndex] = FlatInteger.FromInt32<TValueIndex>(0);
        if (leads)
        {
            CountLeadingHoles(hashes, keyIndex + 1);
        }

        ref TKeyIndex keyHoles = ref map.KeyHoles;
        ref TValueIndex valueHoles = ref map.ValueHoles;
        FlatInteger.Add(ref keyHoles, 1);
        FlatInteger.Add(ref valueHoles, removed);

        // Holes after the last key are no holes: the entries and values past it are simply unused.
        int last = count;
        while (last > 0 && FlatInteger.IsZero(counts[last - 1]))
        {
            last--;
        }

        if (last < count)
        {
            int end = last == 0 ? 0 : RunEnd(map, last - 1);
            FlatInteger.Add(ref keyHoles, last - count);
            FlatInteger.Add(ref valueHoles, end - valueCount);
            countRef = FlatInteger.FromInt32<TKeyIndex>(last);
            valueCountRef = FlatInteger.FromInt32<TValueIndex>(end);
        }
    }

    /// <summary>
    /// Closes the holes removals left: the keys and their runs of values move down, in order, and the slots are
    /// renumbered for the keys' new indices. Only an add that finds no entry or value left at the end calls it, and the
    /// fields have spares past the capacities, so a full map that removes as much as it adds pays it once per spare's
    /// worth of removals.
    /// </summary>
    /// <returns>Where key <paramref name="keyIndex"/> (a live key, or -1) is afterwards.</returns>
    /// <remarks>
    /// Never inlined: its stack table is small enough in small maps for the JIT to inline it into every add, where its
    /// loops used up the inlining budget of the hot path (bench/results/analysis.md has what that cost).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Compact(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        Span<string?> keys = map.Keys;
        Span<uint> hashes = map.KeyHashes;
        Span<TValueIndex> starts = map.ValueStarts;
        Span<TValueIndex> counts = map.ValueCounts;
        Span<string?> values = map.Values;
        int count = FlatInteger.ToInt32(map.Count);
        int valueCount = FlatInteger.ToInt32(map.ValueCount);
        if (count > keys.Length || valueCount > values.Length)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        // What each entry (an index plus one; 0 is none) becomes, for Index.Renumber: a hole's and those past the count
        // become 0, and so does the last element, past every entry. Not needed when the holes counted at the front are all
        // the holes (only a map that evicts counts them): every entry then moves down by as many.
        int leading = LeadingHoles(map);
        bool holesLead = leading == FlatInteger.ToInt32(map.KeyHoles);
        Span<TKeyIndex> newEntry = holesLead ? default : FlatInteger.FromBytes<TKeyIndex>(stackalloc byte[(keys.Length + 2) * sizeof(ushort)]).Slice(0, keys.Length + 2);
        int moved = -1;
        int to = 0;
        int valueTo = 0;
        for (int from = 0; from < count;)
        {
            // A stretch of keys between holes has adjacent runs, so it moves as a block.
            while (from < count && FlatInteger.IsZero(counts[from]))
            {
                from++;
            }

            int first = from;
            for (; from < count && !FlatInteger.IsZero(counts[from]); from++)
            {
            }

            int length = from - first;
            if (length == 0)
            {
                break;
            }

            int valueStart = FlatInteger.ToInt32(starts[first]);
            int valueEnd = RunEnd(map, from - 1);
            if (valueStart < valueTo || valueEnd > valueCount || valueEnd < valueStart)
            {
                FlatThrow.ConcurrentUse(map.Shape.MapName);
            }

            if (first != to)
            {
                keys.Slice(first, length).CopyTo(keys.Slice(to));
                hashes.Slice(first, length).CopyTo(hashes.Slice(to));
                counts.Slice(first, length).CopyTo(counts.Slice(to));
            }

            if (valueStart != valueTo)
            {
                values.Slice(valueStart, valueEnd - valueStart).CopyTo(values.Slice(valueTo));
            }

            int shift = valueStart - valueTo;
            Span<TValueIndex> fromStarts = starts.Slice(first, length);
            Span<TValueIndex> toStarts = starts.Slice(to, length);
            for (int k = 0; k < fromStarts.Length; k++)
            {
                toStarts[k] = FlatInteger.FromInt32<TValueIndex>(FlatInteger.ToInt32(fromStarts[k]) - shift);
            }

            if (!holesLead)
            {
                Span<TKeyIndex> blockEntries = newEntry.Slice(first + 1, length);
                for (int k = 0; k < blockEntries.Length; k++)
                {
                    blockEntries[k] = FlatInteger.FromInt32<TKeyIndex>(to + k + 1);
                }
            }

            moved = keyIndex >= first && keyIndex < from ? keyIndex - first + to : moved;
            to += length;
            valueTo += valueEnd - valueStart;
        }

        keys.Slice(to, count - to).Clear();
        counts.Slice(to, count - to).Clear();
        values.Slice(valueTo, valueCount - valueTo).Clear();
        if (to == count)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName); // The holes counted are not there.
        }

        if (holesLead)
        {
            Index.RenumberDown(map, leading, count);
        }
        else
        {
            Index.Renumber(map, newEntry, to);
        }

        map.Count = FlatInteger.FromInt32<TKeyIndex>(to);
        map.ValueCount = FlatInteger.FromInt32<TValueIndex>(valueTo);
        map.KeyHoles = FlatInteger.FromInt32<TKeyIndex>(0);
        map.ValueHoles = FlatInteger.FromInt32<TValueIndex>(0);
        return moved;
    }

    /// <summary>A key's hash in this process: reference maps are never persisted, so theirs is seeded per process.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Hash(ReadOnlySpan<char> key) => TComparer.Hash(key);

    /// <summary>The key at <paramref name="keyIndex"/>: the stored string, or a known key's declared spelling.</summary>
    internal static string KeyAt(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        FlatReferenceEnumerator<TKeyIndex, TValueIndex>.KeyAt(map.Shape, map.Keys, map.KeyHashes, keyIndex);

    /// <summary>Where the value after key <paramref name="keyIndex"/>'s values goes: the end of its run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RunEnd(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        FlatInteger.ToInt32(map.ValueStarts[keyIndex]) + FlatInteger.ToInt32(map.ValueCounts[keyIndex]);

    // The lookups of a map that spills, out of line as FlatMapCore.Spill.cs says why: in the fields, then in the overflow if there is one.
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static ReadOnlySpan<string> GetValuesSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        FlatSpill? spill = SpilledOverflow(map);
        int keyIndex = FindSpilling(map, spill, key, out int entry);
        return keyIndex >= 0 ? Run(map, keyIndex) : ValuesIn(spill, entry);
    }

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static ReadOnlySpan<string> GetValuesSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key)
    {
        FlatSpill? spill = SpilledOverflow(map);
        int keyIndex = FindUtf8Spilling(map, spill, key, out int entry);
        return keyIndex >= 0 ? Run(map, keyIndex) : ValuesIn(spill, entry);
    }

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    private static ReadOnlySpan<string> GetKnownValuesSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey)
    {
        FlatSpill? spill = SpilledOverflow(map);
        int keyIndex = Index.KnownKeyIndex(map, knownKey);
        return keyIndex >= 0 ? Run(map, keyIndex) : spill is null ? default : ValuesIn(spill, FindKnownIn(map, spill, knownKey));
    }

    private static bool TryGetValuesSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, out ReadOnlySpan<string> values)
    {
        values = GetValuesSpilling(map, key);
        return !values.IsEmpty; // A key has at least one value.
    }

    private static bool TryGetValuesSpilling(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, out ReadOnlySpan<string> values)
    {
        values = GetValuesSpilling(map, key);
        return !values.IsEmpty;
    }

    /// <summary>The values of the overflow's entry <paramref name="entry"/>; empty for -1 (always, without an overflow).</summary>
    private static ReadOnlySpan<string> ValuesIn(FlatSpill? spill, int entry) => entry < 0 || spill is null ? default : spill.ValuesAt(entry);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ReadOnlySpan<string> Run(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        FlatReferenceEnumerator<TKeyIndex, TValueIndex>.Run(map.Shape, map.Values, FlatInteger.ToInt32(map.ValueStarts[keyIndex]), FlatInteger.ToInt32(map.ValueCounts[keyIndex]));
}

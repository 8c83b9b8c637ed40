using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace FlatGen.Infrastructure;

/// <summary>
/// The operations every flat multi-map has, whatever its storage, written once over <typeparamref name="TStorage"/>,
/// as one <c>FrozenHashTable</c> serves every frozen collection: adds in every key form, lookups, removals, sets,
/// counts and copies out. The storage's core (<see cref="FlatReferenceMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys}"/>,
/// <see cref="FlatInlineMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys}"/>) derives from it and adds only what
/// its values' form decides: the views of the values, the enumerator, clearing, equality.
/// </summary>
/// <typeparam name="TKeyIndex">The struct's key index type.</typeparam>
/// <typeparam name="TValueIndex">The struct's value index type.</typeparam>
/// <typeparam name="TComparer">The key comparison.</typeparam>
/// <typeparam name="TKnownKeys">How the map matches known keys: <see cref="FlatKnownKeys"/>, through the matcher its shape holds, or <see cref="FlatNoKnownKeys"/>.</typeparam>
/// <typeparam name="TStorage">How the map stores keys and values.</typeparam>
/// <remarks>
/// <para>Generic only over what FlatGen owns, never over the user's struct nor its known keys, so every map of a kind
/// runs one compiled copy; maps with known keys run the instantiation for <see cref="FlatKnownKeys"/>, and the storage
/// runs all that follows a match in the instantiation for <see cref="FlatNoKnownKeys"/>
/// (<see cref="IFlatStorage{TKeyIndex, TValueIndex}"/>).</para>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
// The entry points, here and in the storage cores, are FlatJit.Optimized: in the IL build, one compiled copy serves every
// map of a kind, so it is compiled optimised at its first call instead of running unoptimised through a process's first
// requests; in the ReadyToRun build it is precompiled; a member that inlines an entry point is compiled as usual. The
// index types are bare type parameters (FlatInteger says why). So are the storage cores' out-of-line adds, but
// not their out-of-line lookups: optimised before tiering, they lose the static readonly constants (the hash seed)
// that tier 1 folds. The add and lookup entry points are AggressiveInlining too, as is the reference storage's add
// below them: the JIT grows a member's inlining budget (small, for one call's IL) only along a chain of forced inlines,
// and one discretionary link charged everything below it to that budget and left the index's accessors, or a new
// key's stores, as calls.
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract partial class FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>
    where TComparer : struct, IFlatKeyComparer
    where TKnownKeys : struct, IFlatKnownKeyMatcher
    where TStorage : struct, IFlatStorage<TKeyIndex, TValueIndex>
{
    /// <summary>The index engine, specialised for this storage, comparison and way of matching known keys.</summary>
    private protected abstract class Index : FlatIndex<TKeyIndex, TValueIndex, TKnownKeys, TStorage>;

    private protected FlatMapCore()
    {
    }

    /// <summary>Gets the number of keys.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static int Count(FlatMapFields<TKeyIndex, TValueIndex> map) => map.Shape.Spills ? CountSpilling(map) : TStorage.KeyCount(map);

    /// <summary>Gets the number of values, summed over all keys.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static int ValueCount(FlatMapFields<TKeyIndex, TValueIndex> map) => map.Shape.Spills ? ValueCountSpilling(map) : TStorage.ValueCount(map);

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static bool TryAdd(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return AddString(map, key, value) == FlatAddStatus.Added;
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static void Add(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        FlatAddStatus status = AddString(map, key, value);
        if (status != FlatAddStatus.Added)
        {
            ThrowFull(map, status, key);
        }
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new; a new unknown key becomes a string once.</summary>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static bool TryAdd(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return AddChars(map, key, value) == FlatAddStatus.Added;
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new; a new unknown key becomes a string once.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static void Add(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        FlatAddStatus status = AddChars(map, key, value);
        if (status != FlatAddStatus.Added)
        {
            ThrowFull(map, status, key.ToString());
        }
    }

    /// <summary>Appends the UTF-8 <paramref name="value"/> to the UTF-8 <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-8; the map is unchanged.</exception>
    [MethodImpl(FlatJit.Optimized)]
    public static bool TryAdd(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        AddUtf8(map, key, value) == FlatAddStatus.Added;

    /// <summary>Appends the UTF-8 <paramref name="value"/> to the UTF-8 <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-8; the map is unchanged.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    [MethodImpl(FlatJit.Optimized)]
    public static void Add(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        FlatAddStatus status = AddUtf8(map, key, value);
        if (status != FlatAddStatus.Added)
        {
            ThrowFull(map, status, DecodedUtf8.ToString(key));
        }
    }

    /// <summary>Appends <paramref name="value"/> to the values of known key <paramref name="knownKey"/>, adding the key if it is absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    [MethodImpl(FlatJit.Optimized)]
    public static void AddKnown(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        FlatAddStatus status = AddKnownKey(map, knownKey, value);
        if (status != FlatAddStatus.Added)
        {
            ThrowFull(map, status, map.Shape.KnownKeyNames[knownKey]);
        }
    }

    /// <summary>Makes <paramref name="value"/> known key <paramref name="knownKey"/>'s only value, in the key's place, adding the key if it is absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    [MethodImpl(FlatJit.Optimized)]
    public static void SetKnown(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        FlatAddStatus status = SetKnownKey(map, knownKey, value);
        if (status != FlatAddStatus.Added)
        {
            ThrowFull(map, status, map.Shape.KnownKeyNames[knownKey]);
        }
    }

    /// <summary>Returns whether known key <paramref name="knownKey"/> is present.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static bool HasKnown(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey) =>
        map.Shape.Spills ? HasKnownSpilling(map, knownKey) : Index.KnownKeyIndex(map, knownKey) >= 0;

    /// <summary>Removes known key <paramref name="knownKey"/> and all its values.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    [MethodImpl(FlatJit.Optimized)]
    public static bool RemoveKnown(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey) =>
        map.Shape.Spills ? RemoveKnownSpilling(map, knownKey) : Index.RemoveKnown(map, knownKey);

    /// <summary>Gets the first value of known key <paramref name="knownKey"/> as a string, or <see langword="null"/> when it is absent.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static string? GetKnownFirst(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey) =>
        map.Shape.Spills ? GetKnownFirstSpilling(map, knownKey) : First(map, Index.KnownKeyIndex(map, knownKey));

    /// <summary>Returns whether <paramref name="key"/> is present.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static bool ContainsKey(FlatMapFields<TKeyIndex, TValueIndex> map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return map.Shape.Spills ? ContainsKeySpilling(map, key) : Index.Find(map, key) >= 0;
    }

    /// <summary>Returns whether <paramref name="key"/> is present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static bool ContainsKey(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        map.Shape.Spills ? ContainsKeySpilling(map, key) : Index.Find(map, key) >= 0;

    /// <summary>Returns whether the UTF-8 <paramref name="key"/> is present; invalid UTF-8 is a key that is absent.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static bool ContainsKey(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key) =>
        map.Shape.Spills ? ContainsKeySpilling(map, key) : Index.FindUtf8(map, key) >= 0;

    /// <summary>Removes <paramref name="key"/> and all its values.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    [MethodImpl(FlatJit.Optimized)]
    public static bool Remove(FlatMapFields<TKeyIndex, TValueIndex> map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return map.Shape.Spills ? RemoveSpilling(map, key) : Index.Remove(map, key);
    }

    /// <summary>Removes <paramref name="key"/> and all its values.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    [MethodImpl(FlatJit.Optimized)]
    public static bool Remove(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        map.Shape.Spills ? RemoveSpilling(map, key) : Index.Remove(map, key);

    /// <summary>Removes the UTF-8 <paramref name="key"/> and all its values.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    [MethodImpl(FlatJit.Optimized)]
    public static bool Remove(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key) =>
        map.Shape.Spills ? RemoveSpilling(map, key) : Index.RemoveUtf8(map, key);

    /// <summary>Removes the first of <paramref name="key"/>'s values that equals <paramref name="value"/> (ordinally); a key left with no value is removed.</summary>
    /// <returns><see langword="true"/> if the value was found and removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public static bool Remove(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Remove(map, key.AsSpan(), value);
    }

    /// <summary>Removes the first of <paramref name="key"/>'s values that equals <paramref name="value"/> (ordinally); a key left with no value is removed.</summary>
    /// <returns><see langword="true"/> if the value was found and removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static bool Remove(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        FlatSpill? spill = Overflow(map);
        int keyIndex = FindSpilling(map, spill, key, out int entry);
        if (keyIndex < 0 && spill is not null)
        {
            return RemoveSpilledValue(map, spill, entry, value);
        }

        int position = keyIndex < 0 ? -1 : TStorage.IndexOfValue(map, keyIndex, value);
        if (position < 0)
        {
            return false;
        }

        if (FlatInteger.ToInt32(map.ValueCounts[keyIndex]) == 1)
        {
            Index.Remove(map, key);
        }
        else
        {
            TStorage.RemoveValue(map, keyIndex, position);
        }

        FieldsChanged(map, spill);
        return true;
    }

    /// <summary>Gets <paramref name="key"/>'s first value as a string.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and a null <paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static bool TryGetFirst(FlatMapFields<TKeyIndex, TValueIndex> map, string key, [MaybeNullWhen(false)] out string value)
    {
        value = GetFirstOrDefault(map, key);
        return value is not null;
    }

    /// <summary>Gets <paramref name="key"/>'s first value as a string.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and a null <paramref name="value"/>.</returns>
    public static bool TryGetFirst(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, [MaybeNullWhen(false)] out string value)
    {
        value = GetFirstOrDefault(map, key);
        return value is not null;
    }

    /// <summary>Gets the UTF-8 <paramref name="key"/>'s first value as a string; invalid UTF-8 is a key that is absent.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and a null <paramref name="value"/>.</returns>
    public static bool TryGetFirst(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out string value)
    {
        value = GetFirstOrDefault(map, key);
        return value is not null;
    }

    /// <summary>Gets <paramref name="key"/>'s first value as a string, or <see langword="null"/> when the key is absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static string? GetFirstOrDefault(FlatMapFields<TKeyIndex, TValueIndex> map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return map.Shape.Spills ? GetFirstSpilling(map, key) : First(map, Index.Find(map, key));
    }

    /// <summary>Gets <paramref name="key"/>'s first value as a string, or <see langword="null"/> when the key is absent.</summary>
    public static string? GetFirstOrDefault(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        map.Shape.Spills ? GetFirstSpilling(map, key) : First(map, Index.Find(map, key));

    /// <summary>Gets the UTF-8 <paramref name="key"/>'s first value as a string, or <see langword="null"/> when the key is absent.</summary>
    public static string? GetFirstOrDefault(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key) =>
        map.Shape.Spills ? GetFirstSpilling(map, key) : First(map, Index.FindUtf8(map, key));

    /// <summary>Makes <paramref name="value"/> <paramref name="key"/>'s only value, in the key's place, adding the key if it is new.</summary>
    /// <returns><see langword="true"/> if the value was set; <see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public static bool TrySet(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return SetCore(map, key, key, value) == FlatAddStatus.Added;
    }

    /// <summary>Makes <paramref name="value"/> <paramref name="key"/>'s only value, in the key's place, adding the key if it is new.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    public static void Set(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        FlatAddStatus status = SetCore(map, key, key, value);
        if (status != FlatAddStatus.Added)
        {
            ThrowFull(map, status, key);
        }
    }

    /// <summary>Makes <paramref name="value"/> <paramref name="key"/>'s only value, in the key's place, adding the key if it is new.</summary>
    /// <returns><see langword="true"/> if the value was set; <see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static bool TrySet(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SetCore(map, key, null, value) == FlatAddStatus.Added;
    }

    /// <summary>Makes <paramref name="value"/> <paramref name="key"/>'s only value, in the key's place, adding the key if it is new.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    public static void Set(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        FlatAddStatus status = SetCore(map, key, null, value);
        if (status != FlatAddStatus.Added)
        {
            ThrowFull(map, status, key.ToString());
        }
    }

    /// <summary>
    /// Moves <paramref name="key"/>, with its values in their order, after every other key: the newest place, which a map
    /// that evicts its oldest keys empties last. Costs a removal and the key's adds again; nothing on a map that never calls it.
    /// </summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static bool Touch(FlatMapFields<TKeyIndex, TValueIndex> map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Touch(map, key.AsSpan());
    }

    /// <summary>Moves <paramref name="key"/> after every other key, as <see cref="Touch(FlatMapFields{TKeyIndex, TValueIndex}, string)"/> does.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    public static bool Touch(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        int keyIndex = Index.Find(map, key);
        if (keyIndex < 0)
        {
            return false;
        }

        TStorage.MoveToEnd(map, keyIndex);
        return true;
    }

    /// <summary>Copies the map's entries, in first-insertion order, into a new array: a snapshot for LINQ and for APIs that take pairs.</summary>
    public static KeyValuePair<string, string[]>[] ToArray(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        FlatSpill? spill = Overflow(map);
        var pairs = new KeyValuePair<string, string[]>[TStorage.KeyCount(map) + (spill?.KeyCount ?? 0)];
        int next = 0;
        int count = FlatInteger.ToInt32(map.Count);
        for (int i = 0; i < count; i++)
        {
            if (!FlatInteger.IsZero(map.ValueCounts[i]))
            {
                pairs[next++] = new KeyValuePair<string, string[]>(TStorage.KeyString(map, i), TStorage.ValueArray(map, i));
            }
        }

        if (spill is not null)
        {
            SpilledToArray(spill, pairs, next);
        }

        return pairs;
    }

    /// <summary>Copies the map into a new dictionary that uses the map's key comparison.</summary>
    public static Dictionary<string, string[]> ToDictionary(FlatMapFields<TKeyIndex, TValueIndex> map) =>
        new(ToArray(map), TComparer.StringComparer);

    /// <summary>Renders the map's keys and values, such as <c>{ Host: [example.com], Accept: [text/html, */*] }</c>.</summary>
    public static string ToString(FlatMapFields<TKeyIndex, TValueIndex> map) => FlatMapText.Render(ToArray(map));

    /// <summary>Removes every key and value; the map is then empty and works, from any state of its fields.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static void Clear(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        if (map.Shape.Spills)
        {
            map.Spill = null; // Even a stale copy's: this copy becomes an empty map of its own.
        }

        TStorage.Clear(map);
    }

    /// <summary>
    /// Whether two maps hold the same keys (under the map's comparison) with the same values in the same order.
    /// The order of the keys does not matter. Allocates nothing.
    /// </summary>
    public static bool Equals(FlatMapFields<TKeyIndex, TValueIndex> left, FlatMapFields<TKeyIndex, TValueIndex> right)
    {
        if (left.IsSameMap(right))
        {
            return true;
        }

        FlatSpill? leftSpill = Overflow(left);
        FlatSpill? rightSpill = Overflow(right);
        if (TStorage.KeyCount(left) + (leftSpill?.KeyCount ?? 0) != TStorage.KeyCount(right) + (rightSpill?.KeyCount ?? 0)
            || TStorage.ValueCount(left) + (leftSpill?.ValueCount ?? 0) != TStorage.ValueCount(right) + (rightSpill?.ValueCount ?? 0))
        {
            return false;
        }

        // Equal key counts, and every key of the left (its fields', then its overflow's if it has spilled) found in the
        // right with the same values: the same keys.
        ReadOnlySpan<TValueIndex> counts = left.ValueCounts;
        int count = FlatInteger.ToInt32(left.Count);
        for (int i = 0; i < count; i++)
        {
            if (FlatInteger.IsZero(counts[i]))
            {
                continue; // A hole a removal left.
            }

            int other = TStorage.FindKeyOf(left, i, right);
            if (other >= 0 ? !TStorage.ValuesEqual(left, i, right, other) : rightSpill is null || !SpilledValuesEqual(left, i, rightSpill))
            {
                return false;
            }
        }

        return leftSpill is null || SpilledKeysIn(leftSpill, right, rightSpill);
    }

    /// <summary>A hash of the map's contents that equal maps (see <see cref="Equals(FlatMapFields{TKeyIndex, TValueIndex}, FlatMapFields{TKeyIndex, TValueIndex})"/>) share, whatever their key order.</summary>
    public static int GetHashCode(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        ReadOnlySpan<TValueIndex> counts = map.ValueCounts;
        int count = FlatInteger.ToInt32(map.Count);
        int hash = TStorage.KeyCount(map) + (Overflow(map) is { } spill ? SpilledHashCode(spill) : 0);
        for (int i = 0; i < count; i++)
        {
            if (!FlatInteger.IsZero(counts[i]))
            {
                hash += TStorage.EntryHashCode(map, i); // A sum, which ignores key order.
            }
        }

        return hash;
    }

    /// <summary>The keys in the map's own fields: all of them, unless it has spilled (then those it held when it did, or none). The cores' own checks of room count these.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static int KeysInFields(FlatMapFields<TKeyIndex, TValueIndex> map) => TStorage.KeyCount(map);

    /// <summary>The values in the map's own fields.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static int ValuesInFields(FlatMapFields<TKeyIndex, TValueIndex> map) => TStorage.ValueCount(map);

    /// <summary>Key <paramref name="keyIndex"/>'s first value, or <see langword="null"/> for -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string? First(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        keyIndex < 0 ? null : TStorage.FirstValue(map, keyIndex);

    // Every add and set goes through one of these: the storage's add, then, only when it was refused, the overflow or eviction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FlatAddStatus AddString(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value)
    {
        FlatAddStatus status = TStorage.Add(map, key, value);
        return status == FlatAddStatus.Added ? status : AddEvicting(map, key, key, value, status);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FlatAddStatus AddChars(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string value)
    {
        FlatAddStatus status = TStorage.Add(map, key, value);
        return status == FlatAddStatus.Added ? status : AddEvicting(map, key, null, value, status);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FlatAddStatus AddUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        FlatAddStatus status = TStorage.AddUtf8(map, key, value);
        return status == FlatAddStatus.Added ? status : AddUtf8Evicting(map, key, value, status);
    }

    private static FlatAddStatus AddKnownKey(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, string value)
    {
        FlatAddStatus status = TStorage.AddKnown(map, knownKey, value);
        if (status != FlatAddStatus.Added && map.Shape.Spills)
        {
            return AddSpilling(map, map.Shape.KnownKeyNames[knownKey], map.Shape.KnownKeyNames[knownKey], value);
        }

        while (status != FlatAddStatus.Added && EvictFor(map, Index.KnownKeyIndex(map, knownKey), KnownKeyBytes(map, knownKey), Utf8Count(map, value), added: 1, out _))
        {
            status = TStorage.AddKnown(map, knownKey, value);
        }

        return status;
    }

    private static FlatAddStatus SetKnownKey(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, string value)
    {
        if (Overflow(map) is not null)
        {
            return SetSpilling(map, map.Shape.KnownKeyNames[knownKey], map.Shape.KnownKeyNames[knownKey], value);
        }

        while (true)
        {
            int keyIndex = Index.KnownKeyIndex(map, knownKey);
            FlatAddStatus status = keyIndex < 0 ? TStorage.AddKnown(map, knownKey, value) : TStorage.SetValue(map, keyIndex, value);
            if (status != FlatAddStatus.Added && map.Shape.Spills)
            {
                return SetSpilling(map, map.Shape.KnownKeyNames[knownKey], map.Shape.KnownKeyNames[knownKey], value);
            }

            if (status == FlatAddStatus.Added || !EvictFor(map, keyIndex, KnownKeyBytes(map, knownKey), Utf8Count(map, value), added: -1, out _))
            {
                return status;
            }
        }
    }

    /// <summary>Sets <paramref name="key"/>, given as <paramref name="keyString"/> too when the caller has it, so a new key stores that string.</summary>
    private static FlatAddStatus SetCore(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, string value)
    {
        if (Overflow(map) is not null)
        {
            return SetSpilling(map, key, keyString, value); // Which records a change to the fields in the overflow's version.
        }

        while (true)
        {
            int keyIndex = Index.Find(map, key);
            FlatAddStatus status = keyIndex >= 0 ? TStorage.SetValue(map, keyIndex, value)
                : keyString is null ? TStorage.Add(map, key, value)
                : TStorage.Add(map, keyString, value);
            if (status != FlatAddStatus.Added && map.Shape.Spills)
            {
                return SetSpilling(map, key, keyString, value);
            }

            if (status == FlatAddStatus.Added || !EvictFor(map, keyIndex, NewKeyBytes(map, key), Utf8Count(map, value), added: -1, out _))
            {
                return status;
            }
        }
    }

    /// <summary>
    /// After the storage refused an add: in a map that spills, adds to the overflow; otherwise evicts and adds again
    /// while the add lacks room and eviction makes some. <paramref name="keyString"/> is the key as a string when the caller has one.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FlatAddStatus AddEvicting(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string? keyString, string value, FlatAddStatus status)
    {
        if (map.Shape.Spills)
        {
            return AddSpilling(map, key, keyString, value);
        }

        // Only a new key is refused for want of a key: the key needs no finding then.
        while (status != FlatAddStatus.Added && EvictFor(map, status == FlatAddStatus.KeysFull ? -1 : Index.Find(map, key), NewKeyBytes(map, key), Utf8Count(map, value), added: 1, out _))
        {
            status = keyString is null ? TStorage.Add(map, key, value) : TStorage.Add(map, keyString, value);
        }

        return status;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FlatAddStatus AddUtf8Evicting(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, FlatAddStatus status)
    {
        if (map.Shape.Spills)
        {
            return AddUtf8Spilling(map, key, value);
        }

        int knownKey = TKnownKeys.MatchUtf8(map.Shape, key);
        while (status != FlatAddStatus.Added
            && EvictFor(map, Index.FindUtf8(map, key), knownKey >= 0 ? KnownKeyBytes(map, knownKey) : key.Length, value.Length, added: 1, out _))
        {
            status = TStorage.AddUtf8(map, key, value);
        }

        return status;
    }

    /// <summary>
    /// In a map that evicts its oldest keys (<see cref="FlatOverflow.EvictOldest"/>), removes the first-inserted key other
    /// than the one being added to or set, so that the add or set can be tried again; nothing, in a map that refuses, or
    /// when even the key alone, holding what it would hold after the add or set, would not fit.
    /// </summary>
    /// <param name="map">The map.</param>
    /// <param name="keyIndex">The key being added to or set, or -1 if it is new.</param>
    /// <param name="newKeyBytes">The arena bytes the key takes if it is new.</param>
    /// <param name="valueBytes">The arena bytes of the value being added or set.</param>
    /// <param name="added">How many values are added; -1 for a set, which leaves the key one.</param>
    /// <param name="emptiedSlot">The hashed slot the removal emptied, or -1 (<see cref="FlatIndex{TKeyIndex, TValueIndex, TKnownKeys, TStorage}.RemoveAt"/>).</param>
    /// <returns>Whether a key was removed.</returns>
    private protected static bool EvictFor(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, int newKeyBytes, int valueBytes, int added, out int emptiedSlot)
    {
        emptiedSlot = -1;
        ref readonly FlatMapShape shape = ref map.Shape;
        if (!shape.EvictsOldest)
        {
            return false;
        }

        bool appends = keyIndex >= 0 && added >= 0;
        int values = (appends ? FlatInteger.ToInt32(map.ValueCounts[keyIndex]) : 0) + Math.Max(added, 1);
        int bytes = (keyIndex >= 0 ? TStorage.StoredBytes(map, keyIndex, withValues: appends) : newKeyBytes) + valueBytes;
        if (values > shape.ValueCapacity || bytes > map.Arena.Length && map.Arena.Length > 0)
        {
            return false;
        }

        // The first entry with values (a hole has none) other than the key's, past the holes known to lead: a map that
        // evicts gathers them at the front, up to a quarter of its entries, until an add closes them.
        ReadOnlySpan<TValueIndex> counts = map.ValueCounts[..FlatInteger.ToInt32(map.Count)];
        int leading = LeadingHoles(map);
        int oldest = leading < counts.Length && !FlatInteger.IsZero(counts[leading]) ? 0 : FlatInteger.IndexOfNonZero<TValueIndex>(counts[leading..]);
        if (oldest > 0)
        {
            // Holes past those counted (a removal or a Touch left one there): counted too, so the next eviction skips them.
            CountLeadingHoles(map.KeyHashes, leading + oldest);
        }

        oldest = oldest < 0 ? -1 : leading + oldest;
        if (oldest >= 0 && oldest == keyIndex)
        {
            int next = FlatInteger.IndexOfNonZero<TValueIndex>(counts[(oldest + 1)..]);
            oldest = next < 0 ? -1 : oldest + 1 + next;
        }

        if (oldest < 0)
        {
            return false;
        }

        emptiedSlot = Index.RemoveAt(map, oldest);
        return true;
    }

    /// <summary>
    /// How many entries from the first are holes, at least (<see cref="IFlatStorage{TKeyIndex, TValueIndex}"/>): a hole
    /// has no hash, so in a map that evicts its oldest keys a hole at entry 0 keeps the count in its hash, as
    /// <c>Dictionary</c> threads its free list through its free entries. Other maps' removals leave a hole's hash 0 and
    /// do not touch entry 0 for it, so theirs is 0; a storage that leaves no holes has none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static int LeadingHoles(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        int count = FlatInteger.ToInt32(map.Count);
        return count > 0 && FlatInteger.IsZero(map.ValueCounts[0]) ? (int)Math.Min(map.KeyHashes[0], (uint)count) : 0;
    }

    /// <summary>Records in the map's key hashes that its first <paramref name="holes"/> entries, entry 0 among them, are holes (<see cref="LeadingHoles"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static void CountLeadingHoles(Span<uint> keyHashes, int holes) => keyHashes[0] = (uint)holes;

    /// <summary>The UTF-8 bytes <paramref name="text"/> takes in the arena; none in a map without one.</summary>
    private static int Utf8Count(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> text) =>
        map.Arena.Length == 0 ? 0 : Encoding.UTF8.GetByteCount(text);

    /// <summary>The arena bytes <paramref name="key"/> takes if it is added: a known key's as declared, another's as given.</summary>
    private protected static int NewKeyBytes(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        int knownKey = map.Arena.Length == 0 ? -1 : TKnownKeys.Match(map.Shape, key);
        return knownKey >= 0 ? KnownKeyBytes(map, knownKey) : Utf8Count(map, key);
    }

    private static int KnownKeyBytes(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey) =>
        map.Shape.KnownKeyUtf8Names[knownKey]?.Length ?? 0;

    /// <summary>Throws the <see cref="FlatMapFullException"/> that names the room <paramref name="status"/> says the map lacks.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected static void ThrowFull(FlatMapFields<TKeyIndex, TValueIndex> map, FlatAddStatus status, string key)
    {
        FlatMapShape shape = map.Shape;
        throw status switch
        {
            FlatAddStatus.KeysFull => new FlatMapFullException(shape.MapName, "KeyCapacity", shape.KeyCapacity, key),
            FlatAddStatus.ValuesFull => new FlatMapFullException(shape.MapName, "ValueCapacity", shape.ValueCapacity, key),
            _ => new FlatMapFullException(shape.MapName, map.Arena.Length, key, arenaBytesInUse: map.ArenaUsed, keyPresent: Index.Find(map, key) >= 0),
        };
    }
}

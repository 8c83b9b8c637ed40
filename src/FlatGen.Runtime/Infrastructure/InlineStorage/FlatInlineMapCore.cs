using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>
/// The algorithms of every generated inline flat multi-map (<see cref="FlatStorage.InlineUtf8"/>): keys and values
/// are UTF-8 ranges of an inline arena, kept in key order, so the struct holds no reference and its bytes are its
/// serialised form. Hashing, probing and the known keys work on UTF-16, as in the reference mode, so both modes
/// compare keys identically. The operations both storages share are
/// <see cref="FlatMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage}"/>'s; this core adds the values as
/// <see cref="FlatInlineValues"/>, the bytes, and what <see cref="FlatInlineStorage{TKeyIndex, TValueIndex, TComparer, TKnownKeys}"/> calls.
/// </summary>
/// <remarks>
/// <para>The type parameters are <see cref="FlatMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage}"/>'s.</para>
/// <para>
/// The invariants of <see cref="FlatReferenceMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys}"/> hold for the slots, hashes,
/// runs and known keys, with each key and value a range of the arena (<c>KeyOffsets</c>/<c>KeyLengths</c>,
/// <c>ValueOffsets</c>/<c>ValueLengths</c>) instead of a reference, and a known key's range holding its declared
/// spelling. The state is canonical, so equal contents in equal history give equal bytes:
/// </para>
/// <list type="bullet">
/// <item><description>The arena holds, for each key in order, the key's bytes and then its values' bytes in order, from offset 0
/// to <c>ArenaUsed</c>, every range valid UTF-8; every byte past <c>ArenaUsed</c> is zero.</description></item>
/// <item><description>Every table entry past the key count or value count, every absent known key's slot, and every unused
/// presence bit is zero; the hashed slots are exactly those of inserting the unknown keys in key order; <c>HashedKeyLengths</c>
/// holds exactly the bits of the unknown keys' lengths.</description></item>
/// <item><description><c>HashSeed</c> is zero unless adding a key met a probe longer than <c>FlatInlineMapCore.LongProbe</c> slots (chosen keys,
/// almost never random ones): the map then took a random seed and rehashed its keys, so its bytes depend on more than its history.
/// With a seed of zero no probe is that long; with no hashed key the seed is zero.</description></item>
/// <item><description><c>LayoutId</c> is the generated layout's id once the map has been written, and zero only in a map that is all zeros.</description></item>
/// </list>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract partial class FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>
    : FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, FlatInlineStorage<TKeyIndex, TValueIndex, TComparer, TKnownKeys>>
    where TComparer : struct, IFlatKeyComparer
    where TKnownKeys : struct, IFlatKnownKeyMatcher
{
    /// <summary>The core of maps without known keys, which adds once the matcher has spoken (<see cref="IFlatStorage{TKeyIndex, TValueIndex}"/> says why).</summary>
    private protected abstract class Shared : FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, FlatNoKnownKeys>;

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if a key slot, a value slot or arena bytes are missing, and then the map is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (it holds a lone surrogate); or, in a map that ignores case, <paramref name="key"/> is a new key, neither ASCII nor known.</exception>
    [MethodImpl(FlatJit.Optimized)]
    public static bool TryAddChars(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, ReadOnlySpan<char> value) =>
        AddEvicting(map, key, FlatUtf8Text.FromChars(key, nameof(key)), FlatUtf8Text.FromChars(value, nameof(value))) == FlatAddStatus.Added;

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (it holds a lone surrogate); or, in a map that ignores case, <paramref name="key"/> is a new key, neither ASCII nor known.</exception>
    /// <exception cref="FlatMapFullException">A key slot, a value slot or arena bytes are missing; the map is unchanged.</exception>
    [MethodImpl(FlatJit.Optimized)]
    public static void AddChars(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        FlatAddStatus status = AddEvicting(map, key, FlatUtf8Text.FromChars(key, nameof(key)), FlatUtf8Text.FromChars(value, nameof(value)));
        if (status != FlatAddStatus.Added)
        {
            ThrowFull(map, status, key.ToString());
        }
    }

    /// <summary>Gets the values of known key <paramref name="knownKey"/>; empty when it is absent.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static FlatInlineValues GetKnownValues(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey)
    {
        return Values(map, Index.KnownKeyIndex(map, knownKey));
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added, over the map's own storage.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and empty <paramref name="values"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static bool TryGetValues(FlatMapFields<TKeyIndex, TValueIndex> map, string key, out FlatInlineValues values)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryGetValues(map, key.AsSpan(), out values);
    }

    /// <summary>Gets <paramref name="key"/>'s values; empty when the key is absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static FlatInlineValues GetValues(FlatMapFields<TKeyIndex, TValueIndex> map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return GetValues(map, key.AsSpan());
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added, over the map's own storage.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and empty <paramref name="values"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static bool TryGetValues(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, out FlatInlineValues values)
    {
        int keyIndex = Index.Find(map, key);
        values = Values(map, keyIndex);
        return keyIndex >= 0;
    }

    /// <summary>Gets the UTF-8 <paramref name="key"/>'s values; invalid UTF-8 is a key that is absent.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and empty <paramref name="values"/>.</returns>
    [MethodImpl(FlatJit.Optimized)]
    public static bool TryGetValues(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, out FlatInlineValues values)
    {
        int keyIndex = Index.FindUtf8(map, key);
        values = Values(map, keyIndex);
        return keyIndex >= 0;
    }

    /// <summary>Gets <paramref name="key"/>'s values; empty when the key is absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | FlatJit.Optimized)]
    public static FlatInlineValues GetValues(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        return Values(map, Index.Find(map, key));
    }

    /// <summary>Gets the UTF-8 <paramref name="key"/>'s values; empty when the key is absent.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static FlatInlineValues GetValues(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key)
    {
        return Values(map, Index.FindUtf8(map, key));
    }

    /// <summary>Removes every key and value and zeroes the whole map, arena included; only the version moves on.</summary>
    [MethodImpl(FlatJit.Optimized)]
    internal static void ClearEntries(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        // The canonical empty map is all zeros but its layout id and version: zeroing every byte, not only the ranges
        // the counts say are in use, restores it from any state, even one concurrent use left with bytes past the counts.
        uint version = map.Version;
        map.Bytes.Clear();
        map.LayoutId = map.Shape.LayoutId;
        map.Version = version + 1;
    }

    /// <summary>Returns the map's own storage as bytes, after stamping its layout id.</summary>
    [MethodImpl(FlatJit.Optimized)]
    public static ReadOnlySpan<byte> AsBytes(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        map.LayoutId = map.Shape.LayoutId;
        return map.Bytes;
    }

    /// <summary>
    /// Copies <paramref name="bytes"/> into <paramref name="map"/> if they form a valid map of exactly this layout,
    /// written in a little-endian process (see <see cref="Validate"/>); otherwise <paramref name="map"/> is left empty.
    /// </summary>
    /// <returns>Whether the bytes were a valid map.</returns>
    [MethodImpl(FlatJit.Optimized)]
    public static bool TryRead(ReadOnlySpan<byte> bytes, FlatMapFields<TKeyIndex, TValueIndex> map) => TryRead(bytes, map, out _);

    /// <summary>Reads a map from <paramref name="bytes"/> into <paramref name="map"/>, as <see cref="TryRead(ReadOnlySpan{byte}, FlatMapFields{TKeyIndex, TValueIndex})"/> does.</summary>
    /// <exception cref="FlatFormatException">The bytes are not a valid map of this layout; the message says why.</exception>
    [MethodImpl(FlatJit.Optimized)]
    public static void Read(ReadOnlySpan<byte> bytes, FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        if (!TryRead(bytes, map, out string? problem))
        {
            throw new FlatFormatException($"The {bytes.Length} bytes are not a valid '{map.Shape.MapName}' (layout {map.Shape.LayoutId:X16}, {map.Shape.Size} bytes): {problem}.");
        }
    }

    internal static FlatAddStatus AddUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        // A key the matcher matches is valid UTF-8 (it equals a known key's own bytes, or ASCII letters under the
        // case mask), so only other keys are checked, on the slower path.
        return typeof(TKnownKeys) != typeof(FlatNoKnownKeys) && TKnownKeys.MatchUtf8(map.Shape, key) is int knownKey and >= 0
            ? Shared.AddKnownCore(map, knownKey, FlatUtf8Text.FromBytes(value, nameof(value)))
            : Shared.AddUnknownUtf8(map, key, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private static FlatAddStatus AddUnknownUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        FlatUtf8Text keyText = FlatUtf8Text.FromBytes(key, nameof(key));
        FlatUtf8Text valueText = FlatUtf8Text.FromBytes(value, nameof(value));
        if (key.Length > MaxKeyBytes(map))
        {
            return FlatAddStatus.BytesFull; // Too long to equal a stored key, and too long to store.
        }

        // The byte matcher has said no, and it agrees with the UTF-16 one on every valid key: the key is hashed.
        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[DecodedUtf8.StackLength]);
        return AddUnknown(map, decoded.Chars, keyText, valueText);
    }

    internal static FlatAddStatus AddCore(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, in FlatUtf8Text keyText, in FlatUtf8Text valueText)
    {
        return typeof(TKnownKeys) != typeof(FlatNoKnownKeys) && TKnownKeys.Match(map.Shape, key) is int knownKey and >= 0
            ? Shared.AddKnownCore(map, knownKey, valueText)
            : Shared.AddUnknown(map, key, keyText, valueText);
    }

    /// <summary>Adds a key no known key matches: hashed under the map's seed, probed, and its value appended to the key found or the key stored new.</summary>
    internal static FlatAddStatus AddUnknown(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, in FlatUtf8Text keyText, in FlatUtf8Text valueText)
    {
        if (!TComparer.TryHashPersisted(key, map.HashSeed, out uint hash))
        {
            FlatThrow.UnpersistableKey(nameof(key));
        }

        int keyIndex = Index.Probe(map, key, hash, out int slot);
        if (keyIndex >= 0)
        {
            return AppendValue(map, keyIndex, valueText);
        }

        FlatAddStatus status = CanAddKey(map, keyText, valueText);
        if (status == FlatAddStatus.Added)
        {
            if (Index.ProbeLength(map.Slots.Length, hash, slot) > LongProbe)
            {
                // Keys chosen to collide under the published seed: as Dictionary falls back to a randomized hash, the
                // map takes a random seed, rehashes its keys, and finds the new key's slot again.
                Reseed(map);
                TComparer.TryHashPersisted(key, map.HashSeed, out hash);
                Index.Probe(map, key, hash, out slot);
            }

            int added = AddKey(map, keyText, hash, valueText);
            Index.LinkHashed(map, slot, added, key);
        }

        return status;
    }

    internal static FlatAddStatus AddKnownCore(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, in FlatUtf8Text valueText)
    {
        int keyIndex = Index.KnownKeyIndex(map, knownKey);
        if (keyIndex >= 0)
        {
            return AppendValue(map, keyIndex, valueText);
        }

        // A known key is stored under its declared spelling, so it enumerates as declared.
        byte[]? spelling = map.Shape.KnownKeyUtf8Names[knownKey];
        FlatUtf8Text keyText = spelling is null ? FlatUtf8Text.FromChars(map.Shape.KnownKeyNames[knownKey], "key") : FlatUtf8Text.FromValidBytes(spelling);
        FlatAddStatus status = CanAddKey(map, keyText, valueText);
        if (status == FlatAddStatus.Added)
        {
            int added = AddKey(map, keyText, (uint)knownKey, valueText);
            Index.LinkKnown(map, knownKey, added);
        }

        return status;
    }

    /// <summary>Checks, before any write, that a new key and its first value fit: a refused add leaves the map as it was.</summary>
    private static FlatAddStatus CanAddKey(FlatMapFields<TKeyIndex, TValueIndex> map, in FlatUtf8Text keyText, in FlatUtf8Text valueText) =>
        FlatInteger.ToInt32(map.Count) == map.KeyOffsets.Length ? FlatAddStatus.KeysFull
        : FlatInteger.ToInt32(map.ValueCount) == map.ValueOffsets.Length ? FlatAddStatus.ValuesFull
        : map.ArenaUsed + keyText.ByteCount + valueText.ByteCount > map.Arena.Length ? FlatAddStatus.BytesFull
        : FlatAddStatus.Added;

    /// <summary>Appends a key and its first value after the last key, in the arena and the tables; returns the key's index.</summary>
    private static int AddKey(FlatMapFields<TKeyIndex, TValueIndex> map, in FlatUtf8Text keyText, uint hashOrKnownKey, in FlatUtf8Text valueText)
    {
        ref TKeyIndex countRef = ref map.Count;
        ref TValueIndex valueCountRef = ref map.ValueCount;
        ref ushort usedRef = ref map.ArenaUsed;
        int count = FlatInteger.ToInt32(countRef);
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        int used = usedRef;
        Span<byte> arena = map.Arena;
        if (count >= map.KeyOffsets.Length || valueCount >= map.ValueOffsets.Length
            || used + keyText.ByteCount + valueText.ByteCount > arena.Length)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName); // CanAddKey saw room a moment ago.
        }

        map.KeyOffsets[count] = (ushort)used;
        map.KeyLengths[count] = (ushort)keyText.ByteCount;
        keyText.CopyTo(arena.Slice(used));
        used += keyText.ByteCount;
        map.KeyHashes[count] = hashOrKnownKey;
        map.ValueStarts[count] = FlatInteger.FromInt32<TValueIndex>(valueCount);
        map.ValueCounts[count] = FlatInteger.FromInt32<TValueIndex>(1);
        map.ValueOffsets[valueCount] = (ushort)used;
        map.ValueLengths[valueCount] = (ushort)valueText.ByteCount;
        valueText.CopyTo(arena.Slice(used));

        usedRef = (ushort)(used + valueText.ByteCount);
        countRef = FlatInteger.FromInt32<TKeyIndex>(count + 1);
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount + 1);
        map.LayoutId = map.Shape.LayoutId;
        map.Version++;
        return count;
    }

    internal static FlatAddStatus AppendValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, in FlatUtf8Text valueText)
    {
        ref TValueIndex valueCountRef = ref map.ValueCount;
        ref ushort usedRef = ref map.ArenaUsed;
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        int used = usedRef;
        int length = valueText.ByteCount;
        Span<byte> arena = map.Arena;
        Span<ushort> valueOffsets = map.ValueOffsets;
        if (valueCount == valueOffsets.Length)
        {
            return FlatAddStatus.ValuesFull;
        }

        if (used + length > arena.Length)
        {
            return FlatAddStatus.BytesFull;
        }

        // The value's bytes go at the end of the key's range of the arena, and the value at the end of its run;
        // the later keys' bytes, values and runs move up. Adding to the last key moves nothing, and calls nothing to move it.
        int count = FlatInteger.ToInt32(map.Count);
        Span<ushort> keyOffsets = map.KeyOffsets;
        Span<ushort> valueLengths = map.ValueLengths;
        Span<TValueIndex> starts = map.ValueStarts;
        Span<TValueIndex> counts = map.ValueCounts;
        int at = keyIndex + 1 < count ? keyOffsets[keyIndex + 1] : used;
        int end = FlatInteger.ToInt32(starts[keyIndex]) + FlatInteger.ToInt32(counts[keyIndex]);
        if (keyIndex >= count || at > used || end > valueCount)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        if (at < used)
        {
            arena.Slice(at, used - at).CopyTo(arena.Slice(at + length));
        }

        valueText.CopyTo(arena.Slice(at, length));
        if (end < valueCount)
        {
            valueOffsets.Slice(end, valueCount - end).CopyTo(valueOffsets.Slice(end + 1));
            valueLengths.Slice(end, valueCount - end).CopyTo(valueLengths.Slice(end + 1));
        }

        valueOffsets[end] = (ushort)at;
        valueLengths[end] = (ushort)length;
        for (int j = end + 1; j <= valueCount; j++)
        {
            valueOffsets[j] += (ushort)length;
        }

        for (int k = keyIndex + 1; k < count; k++)
        {
            keyOffsets[k] += (ushort)length;
            FlatInteger.Add(ref starts[k], 1);
        }

        FlatInteger.Add(ref counts[keyIndex], 1);
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount + 1);
        usedRef = (ushort)(used + length);
        map.LayoutId = map.Shape.LayoutId;
        map.Version++;
        return FlatAddStatus.Added;
    }

    /// <summary>
    /// Removes key <paramref name="keyIndex"/>, already unlinked from its slot or presence bit: its bytes and its
    /// values' bytes (one range of the arena) close up, and the later keys and values move down, zeroing what they leave.
    /// </summary>
    internal static void RemoveKeyAt(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        ref TKeyIndex countRef = ref map.Count;
        ref TValueIndex valueCountRef = ref map.ValueCount;
        ref ushort usedRef = ref map.ArenaUsed;
        int last = FlatInteger.ToInt32(countRef) - 1;
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        int used = usedRef;
        Span<byte> arena = map.Arena;
        Span<ushort> keyOffsets = map.KeyOffsets;
        Span<ushort> keyLengths = map.KeyLengths;
        Span<uint> hashes = map.KeyHashes;
        Span<TValueIndex> starts = map.ValueStarts;
        Span<TValueIndex> counts = map.ValueCounts;
        Span<ushort> valueOffsets = map.ValueOffsets;
        Span<ushort> valueLengths = map.ValueLengths;

        int from = keyOffsets[keyIndex];
        int to = keyIndex < last ? keyOffsets[keyIndex + 1] : used;
        int bytes = to - from;
        int start = FlatInteger.ToInt32(starts[keyIndex]);
        int removed = FlatInteger.ToInt32(counts[keyIndex]);
        if (keyIndex > last || from > to || to > used || used > arena.Length || start + removed > valueCount)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        arena.Slice(to, used - to).CopyTo(arena.Slice(from));
        arena.Slice(used - bytes, bytes).Clear();

        int movedValues = valueCount - start - removed;
        valueOffsets.Slice(start + removed, movedValues).CopyTo(valueOffsets.Slice(start));
        valueLengths.Slice(start + removed, movedValues).CopyTo(valueLengths.Slice(start));
        valueOffsets.Slice(valueCount - removed, removed).Clear();
        valueLengths.Slice(valueCount - removed, removed).Clear();
        for (int j = start; j < start + movedValues; j++)
        {
            valueOffsets[j] -= (ushort)bytes;
        }

        int after = last - keyIndex;
        keyLengths.Slice(keyIndex + 1, after).CopyTo(keyLengths.Slice(keyIndex));
        hashes.Slice(keyIndex + 1, after).CopyTo(hashes.Slice(keyIndex));
        counts.Slice(keyIndex + 1, after).CopyTo(counts.Slice(keyIndex));
        for (int k = keyIndex; k < last; k++)
        {
            keyOffsets[k] = (ushort)(keyOffsets[k + 1] - bytes);
            starts[k] = FlatInteger.FromInt32<TValueIndex>(FlatInteger.ToInt32(starts[k + 1]) - removed);
        }

        keyOffsets[last] = 0;
        keyLengths[last] = 0;
        hashes[last] = 0;
        starts[last] = FlatInteger.FromInt32<TValueIndex>(0);
        counts[last] = FlatInteger.FromInt32<TValueIndex>(0);
        if (after != 0)
        {
            Index.Renumber(map, keyIndex);
        }

        countRef = FlatInteger.FromInt32<TKeyIndex>(last);
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount - removed);
        usedRef = (ushort)(used - bytes);
        ulong lengths = HashedKeyLengths(map);
        map.HashedKeyLengths = lengths;
        if (lengths == 0)
        {
            map.HashSeed = 0; // With no hashed key left, the map is as if chosen keys had never come.
        }

        map.LayoutId = map.Shape.LayoutId;
    }

    /// <summary>
    /// The longest probe a key's insertion may take before the map takes a random seed: random keys in a half-empty
    /// table of linear probing reach it about once in ten thousand full 4,096-key maps; keys chosen to share a home
    /// slot reach it after this many keys.
    /// </summary>
    internal const int LongProbe = 80;

    /// <summary>
    /// Takes a new random hash seed and rehashes every unknown key: their stored hashes change and the hashed slots
    /// become those of inserting them in key order under the new seed. The contents do not change.
    /// </summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private static void Reseed(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        ulong seed = FlatHash.RandomInlineSeed();
        Span<TKeyIndex> slots = map.Slots;
        Span<uint> hashes = map.KeyHashes;
        int count = FlatInteger.ToInt32(map.Count);
        Span<char> buffer = stackalloc char[DecodedUtf8.StackLength];
        slots.Clear();
        for (int i = 0; i < count; i++)
        {
            if (!IsKnownEntry(map, i))
            {
                using DecodedUtf8 decoded = DecodedUtf8.Decode(StoredKey(map, i), buffer);
                TComparer.TryHashPersisted(decoded.Chars, seed, out hashes[i]);
                Index.Insert(map.Shape, slots, hashes[i], i);
            }
        }

        map.HashSeed = seed;
    }

    /// <summary>Whether key <paramref name="keyIndex"/> is a known key: its stored hash is a known key's index whose slot points back at it.</summary>
    private static bool IsKnownEntry(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        uint knownKey = map.KeyHashes[keyIndex];
        return knownKey < (uint)map.Shape.KnownKeyNames.Length && Index.KnownKeyIndex(map, (int)knownKey) == keyIndex;
    }

    /// <summary>The length filter the hashed keys make, exactly, as the canonical state has it: each one's length in UTF-16 code units.</summary>
    internal static ulong HashedKeyLengths(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        ulong lengths = 0;
        int count = FlatInteger.ToInt32(map.Count);
        foreach (TKeyIndex slot in map.Slots)
        {
            int entry = FlatInteger.ToInt32(slot);
            if (entry != 0 && entry <= count)
            {
                lengths |= Index.LengthBit(Encoding.UTF8.GetCharCount(StoredKey(map, entry - 1)));
            }
        }

        return lengths;
    }

    /// <summary>
    /// Whether UTF-8 <paramref name="key"/> could equal a stored key: it is valid UTF-8 and not too long. A stored key
    /// has at most the arena's length in UTF-16 code units, and each takes at most three UTF-8 bytes.
    /// </summary>
    internal static bool IsPossibleKey(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key) =>
        key.Length <= MaxKeyBytes(map) && Utf8.IsValid(key);

    /// <summary>The longest UTF-8 key that can equal a stored one: the arena's length in code units, at most three bytes each.</summary>
    private static int MaxKeyBytes(FlatMapFields<TKeyIndex, TValueIndex> map) => 3 * map.Arena.Length;

    /// <summary>Decodes stored key <paramref name="keyIndex"/> and compares it with <paramref name="key"/> under the map's comparison.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    [SkipLocalsInit] // The decode buffer is written before it is read.
    internal static bool StoredKeyEquals(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, ReadOnlySpan<char> key)
    {
        ReadOnlySpan<byte> stored = StoredKey(map, keyIndex);
        if (stored.Length < key.Length)
        {
            return false; // Each UTF-16 code unit takes at least one UTF-8 byte.
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(stored, stackalloc char[DecodedUtf8.StackLength]);
        return TComparer.KeyEquals(decoded.Chars, key);
    }

    internal static ReadOnlySpan<byte> StoredKey(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        FlatInlineEnumerator<TKeyIndex, TValueIndex>.Range(map.Shape, map.Arena, map.KeyOffsets[keyIndex], map.KeyLengths[keyIndex]);

    internal static FlatInlineValues Values(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        keyIndex < 0 ? default : FlatInlineEnumerator<TKeyIndex, TValueIndex>.Values(map.Shape, map.Arena, map.ValueStarts, map.ValueCounts,
            map.ValueOffsets, map.ValueLengths, keyIndex);
}

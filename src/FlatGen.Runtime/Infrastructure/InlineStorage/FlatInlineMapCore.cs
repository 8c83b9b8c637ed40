using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>
/// The algorithms of every generated inline flat multi-map (<see cref="FlatStorage.InlineUtf8"/>): keys and values
/// are UTF-8 ranges of an inline arena, kept in key order, so the struct holds no reference and its bytes are its
/// serialised form. Hashing, probing and the known keys work on UTF-16, as in the reference mode, so both modes
/// compare keys identically.
/// </summary>
/// <typeparam name="TMap">The generated struct.</typeparam>
/// <typeparam name="TKeyIndex">The struct's key index type.</typeparam>
/// <typeparam name="TValueIndex">The struct's value index type.</typeparam>
/// <typeparam name="TComparer">The key comparison.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class FlatInlineMapCore<TMap, TKeyIndex, TValueIndex, TComparer>
    where TMap : unmanaged, IFlatInlineMapStorage<TMap, TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    where TComparer : struct, IFlatKeyComparer
{
    /// <summary>Keys up to this many UTF-16 code units are decoded on the stack; longer ones in a pooled array.</summary>
    private const int StackChars = 256;

    /// <summary>The index engine, specialised for inline storage and this comparison.</summary>
    private abstract class Index : FlatIndex<TMap, TKeyIndex, TValueIndex, FlatInlineEntries<TMap, TKeyIndex, TValueIndex, TComparer>>;

    /// <summary>Each known key's declared spelling in UTF-8, encoded once; null for a key with a lone surrogate, which has no UTF-8 form.</summary>
    private static readonly byte[]?[] KnownKeysUtf8 = EncodeKnownKeys();

    private enum AddStatus
    {
        Added,
        KeysFull,
        ValuesFull,
        BytesFull,
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if a key slot, a value slot or arena bytes are missing, and then the map is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (it holds a lone surrogate); or, in a map that ignores case, <paramref name="key"/> is a new key, neither ASCII nor known.</exception>
    public static bool TryAdd(ref TMap map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return TryAdd(ref map, key.AsSpan(), value.AsSpan());
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (it holds a lone surrogate); or, in a map that ignores case, <paramref name="key"/> is a new key, neither ASCII nor known.</exception>
    /// <exception cref="FlatMapFullException">A key slot, a value slot or arena bytes are missing; the map is unchanged.</exception>
    public static void Add(ref TMap map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Add(ref map, key.AsSpan(), value.AsSpan());
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if a key slot, a value slot or arena bytes are missing, and then the map is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (it holds a lone surrogate); or, in a map that ignores case, <paramref name="key"/> is a new key, neither ASCII nor known.</exception>
    public static bool TryAdd(ref TMap map, ReadOnlySpan<char> key, ReadOnlySpan<char> value) =>
        AddCore(ref map, key, Utf8Text.FromChars(key, nameof(key)), Utf8Text.FromChars(value, nameof(value))) == AddStatus.Added;

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (it holds a lone surrogate); or, in a map that ignores case, <paramref name="key"/> is a new key, neither ASCII nor known.</exception>
    /// <exception cref="FlatMapFullException">A key slot, a value slot or arena bytes are missing; the map is unchanged.</exception>
    public static void Add(ref TMap map, ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        AddStatus status = AddCore(ref map, key, Utf8Text.FromChars(key, nameof(key)), Utf8Text.FromChars(value, nameof(value)));
        if (status != AddStatus.Added)
        {
            ThrowFull(ref map, status, key.ToString());
        }
    }

    /// <summary>Appends the UTF-8 <paramref name="value"/> to the UTF-8 <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if a key slot, a value slot or arena bytes are missing, and then the map is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-8; or, in a map that ignores case, <paramref name="key"/> is a new key, neither ASCII nor known.</exception>
    public static bool TryAdd(ref TMap map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        AddUtf8(ref map, key, value) == AddStatus.Added;

    /// <summary>Appends the UTF-8 <paramref name="value"/> to the UTF-8 <paramref name="key"/>'s values, adding the key if it is new.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-8; or, in a map that ignores case, <paramref name="key"/> is a new key, neither ASCII nor known.</exception>
    /// <exception cref="FlatMapFullException">A key slot, a value slot or arena bytes are missing; the map is unchanged.</exception>
    public static void Add(ref TMap map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        AddStatus status = AddUtf8(ref map, key, value);
        if (status != AddStatus.Added)
        {
            ThrowFull(ref map, status, Encoding.UTF8.GetString(key));
        }
    }

    /// <summary>Appends <paramref name="value"/> to the values of known key <paramref name="knownKey"/>, adding the key if it is absent.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not valid UTF-16.</exception>
    /// <exception cref="FlatMapFullException">A key slot, a value slot or arena bytes are missing; the map is unchanged.</exception>
    public static void AddKnown(ref TMap map, int knownKey, ReadOnlySpan<char> value)
    {
        AddStatus status = AddKnownCore(ref map, knownKey, Utf8Text.FromChars(value, nameof(value)));
        if (status != AddStatus.Added)
        {
            ThrowFull(ref map, status, TMap.KnownKeys[knownKey]);
        }
    }

    /// <summary>Gets the values of known key <paramref name="knownKey"/>; empty when it is absent.</summary>
    public static FlatInlineValues GetKnownValues(ref readonly TMap map, int knownKey)
    {
        ref TMap mutable = ref Unsafe.AsRef(in map);
        return Values(ref mutable, KnownKeyIndex(ref mutable, knownKey));
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added, over the map's own storage.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and empty <paramref name="values"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static bool TryGetValues(ref readonly TMap map, string key, out FlatInlineValues values)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryGetValues(in map, key.AsSpan(), out values);
    }

    /// <summary>Gets <paramref name="key"/>'s values; empty when the key is absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static FlatInlineValues GetValues(ref readonly TMap map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return GetValues(in map, key.AsSpan());
    }

    /// <summary>Returns whether <paramref name="key"/> is present.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static bool ContainsKey(ref readonly TMap map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ContainsKey(in map, key.AsSpan());
    }

    /// <summary>Removes <paramref name="key"/> and all its values.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static bool Remove(ref TMap map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Remove(ref map, key.AsSpan());
    }

    /// <summary>Gets <paramref name="key"/>'s values, in the order they were added, over the map's own storage.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and empty <paramref name="values"/>.</returns>
    public static bool TryGetValues(ref readonly TMap map, ReadOnlySpan<char> key, out FlatInlineValues values)
    {
        ref TMap mutable = ref Unsafe.AsRef(in map);
        int keyIndex = Find(ref mutable, key);
        values = Values(ref mutable, keyIndex);
        return keyIndex >= 0;
    }

    /// <summary>Gets the UTF-8 <paramref name="key"/>'s values; invalid UTF-8 is a key that is absent.</summary>
    /// <returns><see langword="true"/> if the key is present; otherwise <see langword="false"/> and empty <paramref name="values"/>.</returns>
    public static bool TryGetValues(ref readonly TMap map, ReadOnlySpan<byte> key, out FlatInlineValues values)
    {
        ref TMap mutable = ref Unsafe.AsRef(in map);
        int keyIndex = FindUtf8(ref mutable, key);
        values = Values(ref mutable, keyIndex);
        return keyIndex >= 0;
    }

    /// <summary>Gets <paramref name="key"/>'s values; empty when the key is absent.</summary>
    public static FlatInlineValues GetValues(ref readonly TMap map, ReadOnlySpan<char> key)
    {
        ref TMap mutable = ref Unsafe.AsRef(in map);
        return Values(ref mutable, Find(ref mutable, key));
    }

    /// <summary>Gets the UTF-8 <paramref name="key"/>'s values; empty when the key is absent.</summary>
    public static FlatInlineValues GetValues(ref readonly TMap map, ReadOnlySpan<byte> key)
    {
        ref TMap mutable = ref Unsafe.AsRef(in map);
        return Values(ref mutable, FindUtf8(ref mutable, key));
    }

    /// <summary>Returns whether <paramref name="key"/> is present.</summary>
    public static bool ContainsKey(ref readonly TMap map, ReadOnlySpan<char> key) => Find(ref Unsafe.AsRef(in map), key) >= 0;

    /// <summary>Returns whether the UTF-8 <paramref name="key"/> is present.</summary>
    public static bool ContainsKey(ref readonly TMap map, ReadOnlySpan<byte> key) => FindUtf8(ref Unsafe.AsRef(in map), key) >= 0;

    /// <summary>Removes <paramref name="key"/> and all its values, closing the gap they leave in the arena.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    public static bool Remove(ref TMap map, ReadOnlySpan<char> key) => Index.Remove(ref map, key);

    /// <summary>Removes the UTF-8 <paramref name="key"/> and all its values.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    public static bool Remove(ref TMap map, ReadOnlySpan<byte> key) => Index.RemoveUtf8(ref map, key);

    /// <summary>Removes every key and value and zeroes the whole map, arena included; only the version moves on.</summary>
    public static void Clear(ref TMap map)
    {
        // The canonical empty map is all zeros but its layout id and version: zeroing every byte, not only the ranges
        // the counts say are in use, restores it from any state, even one concurrent use left with bytes past the counts.
        uint version = TMap.GetVersion(ref map);
        Bytes(ref map).Clear();
        TMap.GetLayoutId(ref map) = TMap.LayoutId;
        TMap.GetVersion(ref map) = version + 1;
    }

    /// <summary>Returns the map's own storage as bytes, after stamping its layout id.</summary>
    public static ReadOnlySpan<byte> AsBytes(ref TMap map)
    {
        TMap.GetLayoutId(ref map) = TMap.LayoutId;
        return Bytes(ref map);
    }

    /// <summary>
    /// Copies <paramref name="bytes"/> into <paramref name="map"/> if they form a valid map of exactly this layout,
    /// written in a little-endian process (see <see cref="Validate"/>); otherwise <paramref name="map"/> is empty.
    /// </summary>
    /// <returns>Whether the bytes were a valid map.</returns>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out TMap map) => TryRead(bytes, out map, out _);

    /// <summary>Reads a map from <paramref name="bytes"/>, as <see cref="TryRead(ReadOnlySpan{byte}, out TMap)"/> does.</summary>
    /// <exception cref="FlatFormatException">The bytes are not a valid map of this layout; the message says why.</exception>
    public static TMap Read(ReadOnlySpan<byte> bytes)
    {
        if (!TryRead(bytes, out TMap map, out string? problem))
        {
            throw new FlatFormatException($"The {bytes.Length} bytes are not a valid '{TMap.MapName}' (layout {TMap.LayoutId:X16}, {Unsafe.SizeOf<TMap>()} bytes): {problem}.");
        }

        return map;
    }

    /// <summary>Returns an enumerator over the keys, in first-insertion order, each with its values.</summary>
    public static Enumerator GetEnumerator(ref readonly TMap map) => new(ref Unsafe.AsRef(in map));

    /// <summary>Decodes the map into a new dictionary that uses the map's key comparison.</summary>
    public static Dictionary<string, string[]> ToDictionary(ref readonly TMap map)
    {
        ref TMap mutable = ref Unsafe.AsRef(in map);
        var dictionary = new Dictionary<string, string[]>(FlatInteger.ToInt32(TMap.GetCount(ref mutable)), TComparer.StringComparer);
        foreach (FlatInlineEntry entry in new Enumerator(ref mutable))
        {
            dictionary.Add(entry.GetKeyString(), entry.Values.ToArray());
        }

        return dictionary;
    }

    /// <summary>Renders the map's keys and values, such as <c>{ Host: [example.com], Accept: [text/html, */*] }</c>.</summary>
    public static string ToString(ref readonly TMap map)
    {
        var text = new StringBuilder("{");
        string separator = " ";
        foreach (FlatInlineEntry entry in new Enumerator(ref Unsafe.AsRef(in map)))
        {
            text.Append(separator).Append(entry.GetKeyString()).Append(": [").AppendJoin(", ", entry.Values.ToArray()).Append(']');
            separator = ", ";
        }

        return text.Append(" }").ToString();
    }

    private static byte[]?[] EncodeKnownKeys()
    {
        ReadOnlySpan<string> knownKeys = TMap.KnownKeys;
        var encoded = new byte[]?[knownKeys.Length];
        for (int i = 0; i < knownKeys.Length; i++)
        {
            byte[] buffer = new byte[3 * knownKeys[i].Length];
            if (Utf8.FromUtf16(knownKeys[i], buffer, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                encoded[i] = buffer.AsSpan(0, written).ToArray();
            }
        }

        return encoded;
    }

    private static Span<byte> Bytes(ref TMap map) => MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref map, 1));

    private static AddStatus AddUtf8(ref TMap map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        // A key the matcher matches is valid UTF-8 (it equals a known key's own bytes, or ASCII letters under the
        // case mask), so only other keys are checked, on the slower path.
        int knownKey = TMap.MatchKnownKeyUtf8(key);
        return knownKey >= 0
            ? AddKnownCore(ref map, knownKey, Utf8Text.FromBytes(value, nameof(value)))
            : AddUnknownUtf8(ref map, key, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit] // The decode buffer is written before it is read.
    private static AddStatus AddUnknownUtf8(ref TMap map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Utf8Text keyText = Utf8Text.FromBytes(key, nameof(key));
        Utf8Text valueText = Utf8Text.FromBytes(value, nameof(value));
        if (key.Length > MaxKeyBytes(ref map))
        {
            return AddStatus.BytesFull; // Too long to equal a stored key, and too long to store.
        }

        // The byte matcher has said no, and it agrees with the UTF-16 one on every valid key: the key is hashed.
        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[StackChars]);
        return AddUnknown(ref map, decoded.Chars, keyText, valueText);
    }

    private static AddStatus AddCore(ref TMap map, ReadOnlySpan<char> key, in Utf8Text keyText, in Utf8Text valueText)
    {
        int knownKey = TMap.MatchKnownKey(key);
        return knownKey >= 0 ? AddKnownCore(ref map, knownKey, valueText) : AddUnknown(ref map, key, keyText, valueText);
    }

    /// <summary>Adds a key no known key matches: hashed under the map's seed, probed, and its value appended to the key found or the key stored new.</summary>
    private static AddStatus AddUnknown(ref TMap map, ReadOnlySpan<char> key, in Utf8Text keyText, in Utf8Text valueText)
    {
        if (!TComparer.TryHashPersisted(key, TMap.GetHashSeed(ref map), out uint hash))
        {
            FlatThrow.UnpersistableKey(nameof(key));
        }

        int keyIndex = Index.Probe(ref map, key, hash, out int slot);
        if (keyIndex >= 0)
        {
            return AppendValue(ref map, keyIndex, valueText);
        }

        AddStatus status = CanAddKey(ref map, keyText, valueText);
        if (status == AddStatus.Added)
        {
            if (Index.ProbeLength(TMap.GetSlots(ref map).Length, hash, slot) > LongProbe)
            {
                // Keys chosen to collide under the published seed: as Dictionary falls back to a randomized hash, the
                // map takes a random seed, rehashes its keys, and finds the new key's slot again.
                Reseed(ref map);
                TComparer.TryHashPersisted(key, TMap.GetHashSeed(ref map), out hash);
                Index.Probe(ref map, key, hash, out slot);
            }

            int added = AddKey(ref map, keyText, hash, valueText);
            Index.LinkHashed(ref map, slot, added, key.Length);
        }

        return status;
    }

    private static AddStatus AddKnownCore(ref TMap map, int knownKey, in Utf8Text valueText)
    {
        int keyIndex = KnownKeyIndex(ref map, knownKey);
        if (keyIndex >= 0)
        {
            return AppendValue(ref map, keyIndex, valueText);
        }

        // A known key is stored under its declared spelling, so it enumerates as declared.
        byte[]? spelling = KnownKeysUtf8[knownKey];
        Utf8Text keyText = spelling is null ? Utf8Text.FromChars(TMap.KnownKeys[knownKey], "key") : Utf8Text.FromValidBytes(spelling);
        AddStatus status = CanAddKey(ref map, keyText, valueText);
        if (status == AddStatus.Added)
        {
            int added = AddKey(ref map, keyText, (uint)knownKey, valueText);
            Index.LinkKnown(ref map, knownKey, added);
        }

        return status;
    }

    /// <summary>Checks, before any write, that a new key and its first value fit: a refused add leaves the map as it was.</summary>
    private static AddStatus CanAddKey(ref TMap map, in Utf8Text keyText, in Utf8Text valueText) =>
        FlatInteger.ToInt32(TMap.GetCount(ref map)) == TMap.GetKeyOffsets(ref map).Length ? AddStatus.KeysFull
        : FlatInteger.ToInt32(TMap.GetValueCount(ref map)) == TMap.GetValueOffsets(ref map).Length ? AddStatus.ValuesFull
        : TMap.GetArenaUsed(ref map) + keyText.ByteCount + valueText.ByteCount > TMap.GetArena(ref map).Length ? AddStatus.BytesFull
        : AddStatus.Added;

    /// <summary>Appends a key and its first value after the last key, in the arena and the tables; returns the key's index.</summary>
    private static int AddKey(ref TMap map, in Utf8Text keyText, uint hashOrKnownKey, in Utf8Text valueText)
    {
        ref TKeyIndex countRef = ref TMap.GetCount(ref map);
        ref TValueIndex valueCountRef = ref TMap.GetValueCount(ref map);
        ref ushort usedRef = ref TMap.GetArenaUsed(ref map);
        int count = FlatInteger.ToInt32(countRef);
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        int used = usedRef;
        Span<byte> arena = TMap.GetArena(ref map);
        if (count >= TMap.GetKeyOffsets(ref map).Length || valueCount >= TMap.GetValueOffsets(ref map).Length
            || used + keyText.ByteCount + valueText.ByteCount > arena.Length)
        {
            FlatThrow.ConcurrentUse(TMap.MapName); // CanAddKey saw room a moment ago.
        }

        TMap.GetKeyOffsets(ref map)[count] = (ushort)used;
        TMap.GetKeyLengths(ref map)[count] = (ushort)keyText.ByteCount;
        keyText.CopyTo(arena.Slice(used));
        used += keyText.ByteCount;
        TMap.GetKeyHashes(ref map)[count] = hashOrKnownKey;
        TMap.GetValueStarts(ref map)[count] = FlatInteger.FromInt32<TValueIndex>(valueCount);
        TMap.GetValueCounts(ref map)[count] = TValueIndex.One;
        TMap.GetValueOffsets(ref map)[valueCount] = (ushort)used;
        TMap.GetValueLengths(ref map)[valueCount] = (ushort)valueText.ByteCount;
        valueText.CopyTo(arena.Slice(used));

        usedRef = (ushort)(used + valueText.ByteCount);
        countRef = FlatInteger.FromInt32<TKeyIndex>(count + 1);
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount + 1);
        TMap.GetLayoutId(ref map) = TMap.LayoutId;
        TMap.GetVersion(ref map)++;
        return count;
    }

    private static AddStatus AppendValue(ref TMap map, int keyIndex, in Utf8Text valueText)
    {
        ref TValueIndex valueCountRef = ref TMap.GetValueCount(ref map);
        ref ushort usedRef = ref TMap.GetArenaUsed(ref map);
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        int used = usedRef;
        int length = valueText.ByteCount;
        Span<byte> arena = TMap.GetArena(ref map);
        Span<ushort> valueOffsets = TMap.GetValueOffsets(ref map);
        if (valueCount == valueOffsets.Length)
        {
            return AddStatus.ValuesFull;
        }

        if (used + length > arena.Length)
        {
            return AddStatus.BytesFull;
        }

        // The value's bytes go at the end of the key's range of the arena, and the value at the end of its run;
        // the later keys' bytes, values and runs move up. Adding to the last key moves nothing.
        int count = FlatInteger.ToInt32(TMap.GetCount(ref map));
        Span<ushort> keyOffsets = TMap.GetKeyOffsets(ref map);
        Span<ushort> valueLengths = TMap.GetValueLengths(ref map);
        Span<TValueIndex> starts = TMap.GetValueStarts(ref map);
        Span<TValueIndex> counts = TMap.GetValueCounts(ref map);
        int at = keyIndex + 1 < count ? keyOffsets[keyIndex + 1] : used;
        int end = FlatInteger.ToInt32(starts[keyIndex]) + FlatInteger.ToInt32(counts[keyIndex]);
        if (keyIndex >= count || at > used || end > valueCount)
        {
            FlatThrow.ConcurrentUse(TMap.MapName);
        }

        arena.Slice(at, used - at).CopyTo(arena.Slice(at + length));
        valueText.CopyTo(arena.Slice(at, length));
        valueOffsets.Slice(end, valueCount - end).CopyTo(valueOffsets.Slice(end + 1));
        valueLengths.Slice(end, valueCount - end).CopyTo(valueLengths.Slice(end + 1));
        valueOffsets[end] = (ushort)at;
        valueLengths[end] = (ushort)length;
        for (int j = end + 1; j <= valueCount; j++)
        {
            valueOffsets[j] += (ushort)length;
        }

        for (int k = keyIndex + 1; k < count; k++)
        {
            keyOffsets[k] += (ushort)length;
            starts[k]++;
        }

        counts[keyIndex]++;
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount + 1);
        usedRef = (ushort)(used + length);
        TMap.GetLayoutId(ref map) = TMap.LayoutId;
        TMap.GetVersion(ref map)++;
        return AddStatus.Added;
    }

    /// <summary>
    /// Removes key <paramref name="keyIndex"/>, already unlinked from its slot or presence bit: its bytes and its
    /// values' bytes (one range of the arena) close up, and the later keys and values move down, zeroing what they leave.
    /// </summary>
    internal static void RemoveKeyAt(ref TMap map, int keyIndex)
    {
        ref TKeyIndex countRef = ref TMap.GetCount(ref map);
        ref TValueIndex valueCountRef = ref TMap.GetValueCount(ref map);
        ref ushort usedRef = ref TMap.GetArenaUsed(ref map);
        int last = FlatInteger.ToInt32(countRef) - 1;
        int valueCount = FlatInteger.ToInt32(valueCountRef);
        int used = usedRef;
        Span<byte> arena = TMap.GetArena(ref map);
        Span<ushort> keyOffsets = TMap.GetKeyOffsets(ref map);
        Span<ushort> keyLengths = TMap.GetKeyLengths(ref map);
        Span<uint> hashes = TMap.GetKeyHashes(ref map);
        Span<TValueIndex> starts = TMap.GetValueStarts(ref map);
        Span<TValueIndex> counts = TMap.GetValueCounts(ref map);
        Span<ushort> valueOffsets = TMap.GetValueOffsets(ref map);
        Span<ushort> valueLengths = TMap.GetValueLengths(ref map);

        int from = keyOffsets[keyIndex];
        int to = keyIndex < last ? keyOffsets[keyIndex + 1] : used;
        int bytes = to - from;
        int start = FlatInteger.ToInt32(starts[keyIndex]);
        int removed = FlatInteger.ToInt32(counts[keyIndex]);
        if (keyIndex > last || from > to || to > used || used > arena.Length || start + removed > valueCount)
        {
            FlatThrow.ConcurrentUse(TMap.MapName);
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
        TValueIndex removedRun = FlatInteger.FromInt32<TValueIndex>(removed);
        for (int k = keyIndex; k < last; k++)
        {
            keyOffsets[k] = (ushort)(keyOffsets[k + 1] - bytes);
            starts[k] = starts[k + 1] - removedRun;
        }

        keyOffsets[last] = 0;
        keyLengths[last] = 0;
        hashes[last] = 0;
        starts[last] = TValueIndex.Zero;
        counts[last] = TValueIndex.Zero;
        if (after != 0)
        {
            Index.Renumber(ref map, keyIndex);
        }

        countRef = FlatInteger.FromInt32<TKeyIndex>(last);
        valueCountRef = FlatInteger.FromInt32<TValueIndex>(valueCount - removed);
        usedRef = (ushort)(used - bytes);
        ulong lengths = HashedKeyLengths(ref map);
        TMap.GetHashedKeyLengths(ref map) = lengths;
        if (lengths == 0)
        {
            TMap.GetHashSeed(ref map) = 0; // With no hashed key left, the map is as if chosen keys had never come.
        }

        TMap.GetLayoutId(ref map) = TMap.LayoutId;
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
    private static void Reseed(ref TMap map)
    {
        ulong seed = FlatHash.RandomInlineSeed();
        Span<TKeyIndex> slots = TMap.GetSlots(ref map);
        Span<uint> hashes = TMap.GetKeyHashes(ref map);
        int count = FlatInteger.ToInt32(TMap.GetCount(ref map));
        Span<char> buffer = stackalloc char[StackChars];
        slots.Clear();
        for (int i = 0; i < count; i++)
        {
            if (!IsKnownEntry(ref map, i))
            {
                using DecodedUtf8 decoded = DecodedUtf8.Decode(StoredKey(ref map, i), buffer);
                TComparer.TryHashPersisted(decoded.Chars, seed, out hashes[i]);
                Index.Insert(slots, hashes[i], i);
            }
        }

        TMap.GetHashSeed(ref map) = seed;
    }

    /// <summary>Whether key <paramref name="keyIndex"/> is a known key: its stored hash is a known key's index whose slot points back at it.</summary>
    private static bool IsKnownEntry(ref TMap map, int keyIndex)
    {
        uint knownKey = TMap.GetKeyHashes(ref map)[keyIndex];
        return knownKey < (uint)TMap.KnownKeyCount && Index.KnownKeyIndex(ref map, (int)knownKey) == keyIndex;
    }

    /// <summary>The length filter the hashed keys make, exactly, as the canonical state has it: each one's length in UTF-16 code units.</summary>
    internal static ulong HashedKeyLengths(ref TMap map)
    {
        ulong lengths = 0;
        int count = FlatInteger.ToInt32(TMap.GetCount(ref map));
        foreach (TKeyIndex slot in TMap.GetSlots(ref map))
        {
            int entry = FlatInteger.ToInt32(slot);
            if (entry != 0 && entry <= count)
            {
                lengths |= Index.LengthBit(Encoding.UTF8.GetCharCount(StoredKey(ref map, entry - 1)));
            }
        }

        return lengths;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Find(ref TMap map, ReadOnlySpan<char> key) => Index.Find(ref map, key);

    private static int FindUtf8(ref TMap map, ReadOnlySpan<byte> key) => Index.FindUtf8(ref map, key);

    /// <summary>
    /// Whether UTF-8 <paramref name="key"/> could equal a stored key: it is valid UTF-8 and not too long. A stored key
    /// has at most the arena's length in UTF-16 code units, and each takes at most three UTF-8 bytes.
    /// </summary>
    internal static bool IsPossibleKey(ref TMap map, ReadOnlySpan<byte> key) =>
        key.Length <= MaxKeyBytes(ref map) && Utf8.IsValid(key);

    /// <summary>The longest UTF-8 key that can equal a stored one: the arena's length in code units, at most three bytes each.</summary>
    private static int MaxKeyBytes(ref TMap map) => 3 * TMap.GetArena(ref map).Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int KnownKeyIndex(ref TMap map, int knownKey) => Index.KnownKeyIndex(ref map, knownKey);

    /// <summary>Decodes stored key <paramref name="keyIndex"/> and compares it with <paramref name="key"/> under the map's comparison.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit] // The decode buffer is written before it is read.
    internal static bool StoredKeyEquals(ref TMap map, int keyIndex, ReadOnlySpan<char> key)
    {
        ReadOnlySpan<byte> stored = StoredKey(ref map, keyIndex);
        if (stored.Length < key.Length)
        {
            return false; // Each UTF-16 code unit takes at least one UTF-8 byte.
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(stored, stackalloc char[StackChars]);
        return TComparer.KeyEquals(decoded.Chars, key);
    }

    private static ReadOnlySpan<byte> StoredKey(ref TMap map, int keyIndex) =>
        Range(TMap.GetArena(ref map), TMap.GetKeyOffsets(ref map)[keyIndex], TMap.GetKeyLengths(ref map)[keyIndex]);

    private static FlatInlineValues Values(ref TMap map, int keyIndex) =>
        keyIndex < 0 ? default : Values(TMap.GetArena(ref map), TMap.GetValueStarts(ref map), TMap.GetValueCounts(ref map),
            TMap.GetValueOffsets(ref map), TMap.GetValueLengths(ref map), keyIndex);

    /// <summary>Key <paramref name="keyIndex"/>'s run of values; a run outside the tables (only concurrent use makes one) throws.</summary>
    internal static FlatInlineValues Values(
        ReadOnlySpan<byte> arena, ReadOnlySpan<TValueIndex> starts, ReadOnlySpan<TValueIndex> counts,
        ReadOnlySpan<ushort> valueOffsets, ReadOnlySpan<ushort> valueLengths, int keyIndex)
    {
        int start = FlatInteger.ToInt32(starts[keyIndex]);
        int count = FlatInteger.ToInt32(counts[keyIndex]);
        if (start + count > valueOffsets.Length)
        {
            FlatThrow.ConcurrentUse(TMap.MapName);
        }

        return new FlatInlineValues(arena, valueOffsets.Slice(start, count), valueLengths.Slice(start, count));
    }

    /// <summary>A range of the arena; one outside it (only concurrent use makes one) throws.</summary>
    internal static ReadOnlySpan<byte> Range(ReadOnlySpan<byte> arena, int offset, int length)
    {
        if (offset + length > arena.Length)
        {
            FlatThrow.ConcurrentUse(TMap.MapName);
        }

        return arena.Slice(offset, length);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFull(ref TMap map, AddStatus status, string key)
    {
        throw status switch
        {
            AddStatus.KeysFull => new FlatMapFullException(TMap.MapName, "KeyCapacity", TMap.GetKeyOffsets(ref map).Length, key),
            AddStatus.ValuesFull => new FlatMapFullException(TMap.MapName, "ValueCapacity", TMap.GetValueOffsets(ref map).Length, key),
            _ => new FlatMapFullException(
                TMap.MapName,
                TMap.GetArena(ref map).Length,
                key,
                arenaBytesInUse: TMap.GetArenaUsed(ref map),
                keyPresent: Find(ref map, key) >= 0),
        };
    }

    /// <summary>Text to store, from UTF-16 or UTF-8, validated and measured in UTF-8 bytes before anything is written.</summary>
    private readonly ref struct Utf8Text
    {
        private readonly ReadOnlySpan<char> _chars;
        private readonly ReadOnlySpan<byte> _bytes;
        private readonly bool _isUtf16;

        private Utf8Text(ReadOnlySpan<char> chars, ReadOnlySpan<byte> bytes, bool isUtf16, int byteCount)
        {
            _chars = chars;
            _bytes = bytes;
            _isUtf16 = isUtf16;
            ByteCount = byteCount;
            IsValue = true;
        }

        public int ByteCount { get; }

        /// <summary>Gets whether this is text (an empty one included), not <see langword="default"/>, which stands for none.</summary>
        public bool IsValue { get; }

        /// <exception cref="ArgumentException"><paramref name="text"/> holds a lone surrogate.</exception>
        public static Utf8Text FromChars(ReadOnlySpan<char> text, string parameterName)
        {
            if (System.Text.Ascii.IsValid(text))
            {
                return new Utf8Text(text, default, isUtf16: true, text.Length);
            }

            int byteCount = 0;
            for (int i = 0; i < text.Length;)
            {
                if (Rune.DecodeFromUtf16(text.Slice(i), out Rune rune, out int read) != OperationStatus.Done)
                {
                    throw new ArgumentException($"The text is not valid UTF-16: it holds a lone surrogate at index {i}.", parameterName);
                }

                byteCount += rune.Utf8SequenceLength;
                i += read;
            }

            return new Utf8Text(text, default, isUtf16: true, byteCount);
        }

        /// <summary>Bytes known to be valid UTF-8.</summary>
        public static Utf8Text FromValidBytes(ReadOnlySpan<byte> text) => new(default, text, isUtf16: false, text.Length);

        /// <exception cref="ArgumentException"><paramref name="text"/> is not valid UTF-8.</exception>
        public static Utf8Text FromBytes(ReadOnlySpan<byte> text, string parameterName)
        {
            if (!Ascii.IsValid(text) && !Utf8.IsValid(text))
            {
                FlatThrow.InvalidUtf8(parameterName);
            }

            return new Utf8Text(default, text, isUtf16: false, text.Length);
        }

        public void CopyTo(Span<byte> destination)
        {
            if (_isUtf16)
            {
                Encoding.UTF8.GetBytes(_chars, destination);
            }
            else
            {
                _bytes.CopyTo(destination);
            }
        }
    }
}

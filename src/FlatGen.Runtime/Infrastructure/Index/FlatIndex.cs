using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// The index of every flat multi-map, one engine for both storage modes (as one <c>FrozenHashTable</c> serves every
/// frozen collection): the known keys' presence bits and fixed slots, the hashed slots (linear probing from the top
/// bits of the hash, backward-shift deletion), the length filter of the hashed keys, and finding, linking and
/// unlinking keys through them. <typeparamref name="TEntries"/> says how the mode stores keys; the cores keep only
/// how they store payload.
/// </summary>
/// <remarks>
/// An abstract class of static members only, so that each core can name its specialisation once, as a nested
/// <c>Index</c> class deriving from it.
/// </remarks>
internal abstract class FlatIndex<TMap, TKeyIndex, TValueIndex, TEntries>
    where TMap : struct, IFlatMapStorage<TMap, TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    where TEntries : struct, IFlatEntries<TMap>
{
    /// <summary>Keys up to this many UTF-8 bytes are decoded on the stack; longer ones in a pooled array.</summary>
    private const int StackChars = 256;

    /// <summary>Finds <paramref name="key"/> through the known-key matcher, then the length filter and the hashed slots; returns its index or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find(ref TMap map, ReadOnlySpan<char> key)
    {
        int knownKey = TMap.MatchKnownKey(key);
        return knownKey >= 0 ? KnownKeyIndex(ref map, knownKey) : FindHashed(ref map, key);
    }

    /// <summary>
    /// The most keys a map may hold for its lookups to compare the probe with each stored key instead of hashing it, as
    /// <c>FrozenDictionary</c> does for few keys: below it a scan costs less than the hash (bench/results/analysis.md).
    /// </summary>
    public const int ScanKeyCapacity = 8;

    /// <summary>
    /// Finds a key that matches no known key: -1 without hashing when no hashed key has its length; in a map of few
    /// keys, by comparing it with each; otherwise by its hash.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindHashed(ref TMap map, ReadOnlySpan<char> key) =>
        (TMap.GetHashedKeyLengths(ref map) & LengthBit(key.Length)) == 0 ? -1
        : TEntries.ScansKeys ? TEntries.FindByScan(ref map, key)
        : TEntries.InlineLookups && TMap.KnownKeyCount == 0 ? HashAndProbe(ref map, key)
        : HashAndProbeOutOfLine(ref map, key);

    /// <summary>Hashes <paramref name="key"/> and finds it in the hashed slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashAndProbe(ref TMap map, ReadOnlySpan<char> key) =>
        TEntries.TryHash(ref map, key, out uint hash) ? Probe(ref map, key, hash, out _) : -1;

    /// <summary>
    /// <see cref="HashAndProbe"/> as one call, for comparisons too large to inline and for maps whose known-key matcher
    /// already spends the caller's inlining budget (bench/results/analysis.md has the measurements): as
    /// <c>Dictionary</c>'s <c>FindValue</c>, the hash, the probe and the key comparison then inline into this method
    /// with the JIT's whole inlining budget, however many lookups the caller makes.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int HashAndProbeOutOfLine(ref TMap map, ReadOnlySpan<char> key) => HashAndProbe(ref map, key);

    /// <summary>Finds a UTF-8 key: a known key through the byte matcher, with no decoding; another one decoded on the stack. Invalid UTF-8 is absent.</summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    public static int FindUtf8(ref TMap map, ReadOnlySpan<byte> key)
    {
        int knownKey = TMap.MatchKnownKeyUtf8(key);
        if (knownKey >= 0)
        {
            return KnownKeyIndex(ref map, knownKey);
        }

        if (TMap.GetHashedKeyLengths(ref map) == 0 || !TEntries.IsPossibleKey(ref map, key))
        {
            return -1;
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[StackChars]);
        return FindHashed(ref map, decoded.Chars);
    }

    /// <summary>Removes <paramref name="key"/> and all its values.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    public static bool Remove(ref TMap map, ReadOnlySpan<char> key)
    {
        int knownKey = TMap.MatchKnownKey(key);
        return knownKey >= 0 ? RemoveKnown(ref map, knownKey) : RemoveHashed(ref map, key);
    }

    /// <summary>Removes the UTF-8 <paramref name="key"/> and all its values; invalid UTF-8 is a key that is absent.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    public static bool RemoveUtf8(ref TMap map, ReadOnlySpan<byte> key)
    {
        int knownKey = TMap.MatchKnownKeyUtf8(key);
        if (knownKey >= 0)
        {
            return RemoveKnown(ref map, knownKey);
        }

        if (TMap.GetHashedKeyLengths(ref map) == 0 || !TEntries.IsPossibleKey(ref map, key))
        {
            return false;
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[StackChars]);
        return RemoveHashed(ref map, decoded.Chars);
    }

    /// <summary>Removes known key <paramref name="knownKey"/> if it is present.</summary>
    public static bool RemoveKnown(ref TMap map, int knownKey)
    {
        int keyIndex = KnownKeyIndex(ref map, knownKey);
        if (keyIndex < 0)
        {
            return false;
        }

        Span<ulong> presence = TMap.GetKnownPresence(ref map);
        presence[knownKey >> 6] &= ~(1UL << (knownKey & 63));
        TMap.GetKnownSlots(ref map)[knownKey] = TKeyIndex.Zero;
        TEntries.RemoveEntry(ref map, keyIndex);
        TMap.GetVersion(ref map)++;
        return true;
    }

    private static bool RemoveHashed(ref TMap map, ReadOnlySpan<char> key)
    {
        int slot = 0;
        int keyIndex = (TMap.GetHashedKeyLengths(ref map) & LengthBit(key.Length)) != 0 && TEntries.TryHash(ref map, key, out uint hash)
            ? Probe(ref map, key, hash, out slot)
            : -1;
        if (keyIndex < 0)
        {
            return false;
        }

        if (!Delete(TMap.GetSlots(ref map), TMap.GetKeyHashes(ref map), FlatInteger.ToInt32(TMap.GetCount(ref map)), slot))
        {
            FlatThrow.ConcurrentUse(TMap.MapName);
        }

        TEntries.RemoveEntry(ref map, keyIndex);
        TMap.GetVersion(ref map)++;
        return true;
    }

    /// <summary>
    /// Finds <paramref name="key"/>: returns its index and the slot that points at it, or -1 and the empty slot
    /// where it would go. At least half the slots are empty and every entry is below the count, so the probe ends
    /// within one pass of the table; a table that breaks either (only concurrent use can) throws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Probe(ref TMap map, ReadOnlySpan<char> key, uint hash, out int slot)
    {
        Span<TKeyIndex> slots = TMap.GetSlots(ref map);
        Span<uint> hashes = TMap.GetKeyHashes(ref map);
        int count = FlatInteger.ToInt32(TMap.GetCount(ref map));
        int mask = slots.Length - 1;
        int steps = 0;
        for (slot = FlatHash.HomeSlot(hash, slots.Length); ; slot = (slot + 1) & mask)
        {
            int entry = FlatInteger.ToInt32(slots[slot]);
            if (entry == 0)
            {
                return -1;
            }

            if (entry > count || ++steps > slots.Length)
            {
                FlatThrow.ConcurrentUse(TMap.MapName);
            }

            if (hashes[entry - 1] == hash && TEntries.StoredKeyEquals(ref map, entry - 1, key))
            {
                return entry - 1;
            }
        }
    }

    /// <summary>Returns known key <paramref name="knownKey"/>'s index, or -1 when its presence bit is clear.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KnownKeyIndex(ref TMap map, int knownKey) =>
        (TMap.GetKnownPresence(ref map)[knownKey >> 6] & (1UL << (knownKey & 63))) != 0 ? FlatInteger.ToInt32(TMap.GetKnownSlots(ref map)[knownKey]) : -1;

    /// <summary>Points empty <paramref name="slot"/> (from a probe that missed) at new hashed key <paramref name="keyIndex"/> of <paramref name="length"/> code units.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LinkHashed(ref TMap map, int slot, int keyIndex, int length)
    {
        TMap.GetSlots(ref map)[slot] = FlatInteger.FromInt32<TKeyIndex>(keyIndex + 1);
        TMap.GetHashedKeyLengths(ref map) |= LengthBit(length);
    }

    /// <summary>
    /// Puts key <paramref name="keyIndex"/> into the first empty slot from its home slot, as adding it does; inserting
    /// the hashed keys in key order so rebuilds the table a map's own operations leave.
    /// </summary>
    /// <returns>How many slots past its home slot the key went.</returns>
    /// <exception cref="InvalidOperationException">No slot is empty: more keys than the capacity, which only concurrent use makes.</exception>
    public static int Insert(Span<TKeyIndex> slots, uint hash, int keyIndex)
    {
        int mask = slots.Length - 1;
        int slot = FlatHash.HomeSlot(hash, slots.Length);
        for (int steps = 0; slots[slot] != TKeyIndex.Zero; steps++)
        {
            if (steps == slots.Length)
            {
                FlatThrow.ConcurrentUse(TMap.MapName);
            }

            slot = (slot + 1) & mask;
        }

        slots[slot] = FlatInteger.FromInt32<TKeyIndex>(keyIndex + 1);
        return ProbeLength(slots.Length, hash, slot);
    }

    /// <summary>How many slots past the home slot of <paramref name="hash"/> a probe in a table of <paramref name="slotCount"/> slots ended at <paramref name="slot"/>.</summary>
    public static int ProbeLength(int slotCount, uint hash, int slot) => (slot - FlatHash.HomeSlot(hash, slotCount)) & (slotCount - 1);

    /// <summary>Marks known key <paramref name="knownKey"/> present at key index <paramref name="keyIndex"/>.</summary>
    public static void LinkKnown(ref TMap map, int knownKey, int keyIndex)
    {
        TMap.GetKnownSlots(ref map)[knownKey] = FlatInteger.FromInt32<TKeyIndex>(keyIndex);
        TMap.GetKnownPresence(ref map)[knownKey >> 6] |= 1UL << (knownKey & 63);
    }

    /// <summary>Empties the index: no slot, no known key, no length.</summary>
    public static void Clear(ref TMap map)
    {
        TMap.GetSlots(ref map).Clear();
        TMap.GetKnownSlots(ref map).Clear();
        TMap.GetKnownPresence(ref map).Clear();
        TMap.GetHashedKeyLengths(ref map) = 0;
    }

    /// <summary>The length filter's bit for a key of <paramref name="length"/> UTF-16 code units: one bit per length up to 62, one for all longer keys.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    /// <summary>
    /// After key <paramref name="keyIndex"/> is removed and the later keys move down by one (an inline map's removal):
    /// hashed slots (key indices plus one) and present known keys' slots (key indices) past it move down too.
    /// </summary>
    public static void Renumber(ref TMap map, int keyIndex)
    {
        // A vector compare gives all ones (minus one) in each lane past the removed entry, so adding it renumbers.
        Span<TKeyIndex> slots = TMap.GetSlots(ref map);
        TKeyIndex removedEntry = FlatInteger.FromInt32<TKeyIndex>(keyIndex + 1);
        Span<Vector<TKeyIndex>> vectors = MemoryMarshal.Cast<TKeyIndex, Vector<TKeyIndex>>(slots);
        var removedEntries = new Vector<TKeyIndex>(removedEntry);
        foreach (ref Vector<TKeyIndex> vector in vectors)
        {
            vector += Vector.GreaterThan(vector, removedEntries);
        }

        for (int i = vectors.Length * Vector<TKeyIndex>.Count; i < slots.Length; i++)
        {
            if (slots[i] > removedEntry)
            {
                slots[i]--;
            }
        }

        Span<ulong> presence = TMap.GetKnownPresence(ref map);
        Span<TKeyIndex> knownSlots = TMap.GetKnownSlots(ref map);
        TKeyIndex removedIndex = FlatInteger.FromInt32<TKeyIndex>(keyIndex);
        for (int word = 0; word < presence.Length; word++)
        {
            for (ulong bits = presence[word]; bits != 0; bits &= bits - 1)
            {
                ref TKeyIndex knownSlot = ref knownSlots[(word << 6) + BitOperations.TrailingZeroCount(bits)];
                if (knownSlot > removedIndex)
                {
                    knownSlot--;
                }
            }
        }
    }

    /// <summary>
    /// After the holes among the entries close (a reference map's, any number at once): every hashed slot's entry <c>e</c> (a key index plus one) becomes
    /// <c>newEntries[e]</c>, and every present known key's slot <c>i</c> becomes <c>newEntries[i + 1] - 1</c>.
    /// </summary>
    /// <param name="map">The map.</param>
    /// <param name="newEntries">Each entry's new number: 0 for 0 (an empty slot), for a hole and for its last element, which is past every entry.</param>
    /// <param name="keyCount">The keys left: as many as the slots and known keys must point at.</param>
    /// <exception cref="InvalidOperationException">A slot pointed at a hole or past the entries: only concurrent use writes one.</exception>
    public static void Renumber(ref TMap map, ReadOnlySpan<TKeyIndex> newEntries, int keyCount)
    {
        // Half the slots are empty, in no order a branch predictor learns, and every entry is in range unless a race
        // wrote it, so the loop has no branch: an entry out of range reads the last element, and the slots that lost
        // their key are counted afterwards.
        Span<TKeyIndex> slots = TMap.GetSlots(ref map);
        ref TKeyIndex renumbered = ref MemoryMarshal.GetReference(newEntries);
        int last = newEntries.Length - 1;
        foreach (ref TKeyIndex slot in slots)
        {
            slot = Unsafe.Add(ref renumbered, Math.Min(FlatInteger.ToInt32(slot), last));
        }

        int kept = slots.Length - slots.Count(TKeyIndex.Zero);
        Span<ulong> presence = TMap.GetKnownPresence(ref map);
        Span<TKeyIndex> knownSlots = TMap.GetKnownSlots(ref map);
        for (int word = 0; word < presence.Length; word++)
        {
            for (ulong bits = presence[word]; bits != 0; bits &= bits - 1)
            {
                ref TKeyIndex knownSlot = ref knownSlots[(word << 6) + BitOperations.TrailingZeroCount(bits)];
                TKeyIndex entry = newEntries[Math.Min(FlatInteger.ToInt32(knownSlot) + 1, last)];
                // A known key's index is not checked against the count when read, so a lost one becomes 0, not an index past the entries.
                kept += entry != TKeyIndex.Zero ? 1 : 0;
                knownSlot = entry == TKeyIndex.Zero ? TKeyIndex.Zero : entry - TKeyIndex.One;
            }
        }

        if (kept != keyCount)
        {
            FlatThrow.ConcurrentUse(TMap.MapName);
        }
    }

    /// <summary>
    /// Empties <paramref name="slot"/> by backward-shift deletion: every later entry of the same probe chain
    /// moves into the hole when the hole lies between its home slot and where it sits, so no tombstones are
    /// needed, and the table is as if the removed key had never been added.
    /// </summary>
    /// <returns><see langword="false"/> if the table is broken (no empty slot, or an entry past <paramref name="count"/>): only concurrent use gets there.</returns>
    private static bool Delete(Span<TKeyIndex> slots, ReadOnlySpan<uint> hashes, int count, int slot)
    {
        int mask = slots.Length - 1;
        int hole = slot;
        for (int next = (slot + 1) & mask, steps = 1; ; next = (next + 1) & mask, steps++)
        {
            int entry = FlatInteger.ToInt32(slots[next]);
            if (entry == 0)
            {
                break;
            }

            if (entry > count || steps == slots.Length)
            {
                return false;
            }

            int home = FlatHash.HomeSlot(hashes[entry - 1], slots.Length);
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                slots[hole] = slots[next];
                hole = next;
            }
        }

        slots[hole] = TKeyIndex.Zero;
        return true;
    }
}

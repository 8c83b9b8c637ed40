using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// The index of every flat multi-map, one engine for both storage modes (as one <c>FrozenHashTable</c> serves every
/// frozen collection): the known keys' presence bits and fixed slots, the hashed slots (linear probing from the top
/// bits of the hash, backward-shift deletion), the length filter of the hashed keys, and finding, linking and
/// unlinking keys through them. <typeparamref name="TStorage"/> says how the mode stores keys; the cores keep only
/// how they store payload.
/// </summary>
/// <remarks>
/// <para>Invariants, with <c>n</c> the key count:</para>
/// <list type="bullet">
/// <item><description>Keys <c>0..n-1</c> are in first-insertion order; key <c>i</c>'s hash is <c>KeyHashes[i]</c>.</description></item>
/// <item><description>A slot holds 0 (empty) or a key index plus one; linear probing from the key's home slot (<c>FlatHash.HomeSlot</c>: the top bits of its hash) finds every key,
/// and at least half the slots are empty, so every probe ends.</description></item>
/// <item><description>Known key <c>k</c> is present when bit <c>k</c> of <c>KnownPresence</c> is set; it is then key <c>KnownSlots[k]</c>, whose
/// <c>KeyHashes</c> entry is <c>k</c>. Known keys are never in the hashed slots; an absent known key's slot is zero.</description></item>
/// <item><description><c>HashedKeyLengths</c>, the key filter, has every bit set that a key in the hashed slots has (<see cref="LinkHashed"/>): bit
/// <c>min(length, 63)</c> of its length in UTF-16 code units, so a lookup of a length whose bit is clear needs no hash; in a map that scans, also
/// a bit for its length and last unit together, so a scan for a key whose bit is clear stops at the first key of its length.</description></item>
/// </list>
/// <para>An abstract class of static members only, so that <c>FlatMapCore</c> names its specialisation once, as a nested <c>Index</c> class deriving from it, for itself and the storage cores.</para>
/// </remarks>
internal abstract class FlatIndex<TKeyIndex, TValueIndex, TKnownKeys, TStorage>
    where TKnownKeys : struct, IFlatKnownKeyMatcher
    where TStorage : struct, IFlatStorage<TKeyIndex, TValueIndex>
{
    /// <summary>Finds <paramref name="key"/> through the known-key matcher, then the length filter and the hashed slots; returns its index or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        return typeof(TKnownKeys) != typeof(FlatNoKnownKeys) && TKnownKeys.Match(map.Shape, key) is int knownKey and >= 0
            ? KnownKeyIndex(map, knownKey)
            : FindHashed(map, key);
    }

    /// <summary>
    /// The most keys a map may hold for its lookups to compare the probe with each stored key instead of hashing it, as
    /// <c>FrozenDictionary</c> does for few keys: below it a scan costs less than the hash (bench/results/analysis.md).
    /// </summary>
    public const int ScanKeyCapacity = 8;

    /// <summary>
    /// Finds a key that matches no known key: -1 without hashing when no hashed key has its length; in a small map, by
    /// comparing it with each stored key; otherwise by its hash, inline for a comparison small enough in a map without
    /// known keys (whose matcher would otherwise leave the caller no inlining budget), else in one call. Where this
    /// inlines into a map's member, the shape's constants decide the branches before the code runs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindHashed(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        (map.HashedKeyLengths & LengthBit(key.Length)) == 0 ? -1
        : TStorage.ScansKeys(map.Shape) ? TStorage.FindByScan(map, key)
        : typeof(TKnownKeys) == typeof(FlatNoKnownKeys) ? TStorage.FindHashedWithoutKnownKeys(map, key)
        : TStorage.FindHashedOutOfLine(map, key);

    /// <summary>Finds a key that matches no known key, already hashed as <paramref name="map"/> stores it (<paramref name="hash"/>), as <see cref="FindHashed(FlatMapFields{TKeyIndex, TValueIndex}, ReadOnlySpan{char})"/> does.</summary>
    public static int FindHashed(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, uint hash) =>
        (map.HashedKeyLengths & LengthBit(key.Length)) == 0 ? -1
        : TStorage.ScansKeys(map.Shape) ? TStorage.FindByScan(map, key)
        : Probe(map, key, hash, out _);

    /// <summary>Hashes <paramref name="key"/> and finds it in the hashed slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int HashAndProbe(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        TStorage.TryHash(map, key, out uint hash) ? Probe(map, key, hash, out _) : -1;

    /// <summary>
    /// <see cref="HashAndProbe"/> as one call, for comparisons too large to inline and maps with known keys (through
    /// <see cref="IFlatStorage{TKeyIndex, TValueIndex}.FindHashedOutOfLine"/>, this index's for maps without them): as
    /// <c>Dictionary</c>'s <c>FindValue</c>, the hash, the probe and the key comparison inline here with the JIT's whole
    /// budget, however many lookups the caller makes. Optimised from its first call, as the cores' entry points are:
    /// left to tiering, a fresh process ran each lookup through some 35 tier-0 calls (the hash, the probe, every field
    /// accessor) until tier 1 replaced them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | FlatJit.Optimized)]
    internal static int HashAndProbeOutOfLine(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) => HashAndProbe(map, key);

    /// <summary>Finds a UTF-8 key: a known key through the byte matcher, with no decoding; another one decoded on the stack. Invalid UTF-8 is absent.</summary>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    public static int FindUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key)
    {
        if (typeof(TKnownKeys) != typeof(FlatNoKnownKeys) && TKnownKeys.MatchUtf8(map.Shape, key) is int knownKey and >= 0)
        {
            return KnownKeyIndex(map, knownKey);
        }

        if (map.HashedKeyLengths == 0 || !TStorage.IsPossibleKey(map, key))
        {
            return -1;
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[DecodedUtf8.StackLength]);
        return FindHashed(map, decoded.Chars);
    }

    /// <summary>Removes <paramref name="key"/> and all its values.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    public static bool Remove(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        return typeof(TKnownKeys) != typeof(FlatNoKnownKeys) && TKnownKeys.Match(map.Shape, key) is int knownKey and >= 0
            ? RemoveKnown(map, knownKey)
            : RemoveHashed(map, key);
    }

    /// <summary>Removes the UTF-8 <paramref name="key"/> and all its values; invalid UTF-8 is a key that is absent.</summary>
    /// <returns><see langword="true"/> if the key was present.</returns>
    [SkipLocalsInit] // The decode buffer is written before it is read.
    public static bool RemoveUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key)
    {
        if (typeof(TKnownKeys) != typeof(FlatNoKnownKeys) && TKnownKeys.MatchUtf8(map.Shape, key) is int knownKey and >= 0)
        {
            return RemoveKnown(map, knownKey);
        }

        if (map.HashedKeyLengths == 0 || !TStorage.IsPossibleKey(map, key))
        {
            return false;
        }

        using DecodedUtf8 decoded = DecodedUtf8.Decode(key, stackalloc char[DecodedUtf8.StackLength]);
        return RemoveHashed(map, decoded.Chars);
    }

    /// <summary>Removes known key <paramref name="knownKey"/> if it is present.</summary>
    public static bool RemoveKnown(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey)
    {
        int keyIndex = KnownKeyIndex(map, knownKey);
        if (keyIndex < 0)
        {
            return false;
        }

        Span<ulong> presence = map.KnownPresence;
        presence[knownKey >> 6] &= ~(1UL << (knownKey & 63));
        map.KnownSlots[knownKey] = FlatInteger.FromInt32<TKeyIndex>(0);
        TStorage.RemoveEntry(map, keyIndex);
        map.Version++;
        return true;
    }

    /// <summary>Removes entry <paramref name="keyIndex"/>, a key and not a hole, with its values, whether it is a known or a hashed key.</summary>
    /// <returns>The hashed slot the removal emptied (<see cref="ProbeEndAfterRemoval"/>), or -1 for a known key, which has none.</returns>
    public static int RemoveAt(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        // A known key's stored hash is its index, and its slot points back at it; a hashed key is in the slot its probe reaches.
        uint hash = map.KeyHashes[keyIndex];
        if (hash < (uint)map.Shape.KnownKeyNames.Length && KnownKeyIndex(map, (int)hash) == keyIndex)
        {
            RemoveKnown(map, (int)hash);
            return -1;
        }

        Span<TKeyIndex> slots = map.Slots;
        int slot = FlatHash.HomeSlot(hash, slots.Length);
        for (int steps = 0; FlatInteger.ToInt32(slots[slot]) != keyIndex + 1; slot = (slot + 1) & (slots.Length - 1))
        {
            if (++steps == slots.Length || FlatInteger.IsZero(slots[slot]))
            {
                FlatThrow.ConcurrentUse(map.Shape.MapName);
            }
        }

        int emptied = Delete(slots, map.KeyHashes, FlatInteger.ToInt32(map.Count), slot);
        if (emptied < 0)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        TStorage.RemoveEntry(map, keyIndex);
        map.Version++;
        return emptied;
    }

    private static bool RemoveHashed(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key)
    {
        int slot = 0;
        int keyIndex = (map.HashedKeyLengths & LengthBit(key.Length)) != 0 && TStorage.TryHash(map, key, out uint hash)
            ? Probe(map, key, hash, out slot)
            : -1;
        if (keyIndex < 0)
        {
            return false;
        }

        if (Delete(map.Slots, map.KeyHashes, FlatInteger.ToInt32(map.Count), slot) < 0)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        TStorage.RemoveEntry(map, keyIndex);
        map.Version++;
        return true;
    }

    /// <summary>
    /// Finds <paramref name="key"/>: returns its index and the slot that points at it, or -1 and the empty slot
    /// where it would go. At least half the slots are empty and every entry is below the count, so the probe ends
    /// within one pass of the table; a table that breaks either (only concurrent use can) throws.
    /// </summary>
    /// <remarks>
    /// The loop compares hashes only; the first key whose hash matches is compared after it, and a key that differs (two
    /// hashes alike) goes on in <see cref="ProbeFrom"/>. A comparison in the loop, a call or a large inline one, kept the
    /// loop's values on the stack, reloaded at every slot a miss passes (bench/results/analysis.md).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Probe(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, uint hash, out int slot)
    {
        int keyIndex = NextOfHash(map, hash, FlatHash.HomeSlot(hash, map.Slots.Length), out slot);
        if (keyIndex < 0 || TStorage.StoredKeyEquals(map, keyIndex, key))
        {
            return keyIndex;
        }

        (keyIndex, slot) = ProbeFrom(map, key, hash, keyIndex);
        return keyIndex;
    }

    /// <summary>
    /// <see cref="Probe(FlatMapFields{TKeyIndex, TValueIndex}, ReadOnlySpan{char}, uint, out int)"/> on past key
    /// <paramref name="candidateKey"/>, whose hash matches but whose key differs: rare, so out of line, where the
    /// candidate's slot is found again, so that the probe's loop need not keep it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (int KeyIndex, int Slot) ProbeFrom(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, uint hash, int candidateKey)
    {
        int mask = map.Slots.Length - 1;
        if (NextOfHash(map, hash, FlatHash.HomeSlot(hash, map.Slots.Length), out int candidateSlot) != candidateKey)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName); // The probe found it first a moment ago.
        }

        for (int slot = (candidateSlot + 1) & mask, candidates = 0; ; slot = (slot + 1) & mask)
        {
            int keyIndex = NextOfHash(map, hash, slot, out slot);
            if (keyIndex < 0 || TStorage.StoredKeyEquals(map, keyIndex, key))
            {
                return (keyIndex, slot);
            }

            if (++candidates > mask)
            {
                FlatThrow.ConcurrentUse(map.Shape.MapName); // Every slot a key of this hash: only concurrent use fills the table.
            }
        }
    }

    /// <summary>
    /// From <paramref name="start"/> on, the first slot that is empty (returns -1) or holds a key of <paramref name="hash"/>
    /// (returns its index); nothing in the loop calls.
    /// </summary>
    /// <remarks>
    /// The slot count is a power of two (the shape refuses any other), so a slot masked with it less one is inside the
    /// table and read without a bounds check; the first, <paramref name="start"/>, is checked, off the path from the
    /// hash to the load. With a check in the loop, and the slot kept for the caller, the loop held more values than
    /// registers and kept two on the stack (bench/results/analysis.md).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextOfHash(FlatMapFields<TKeyIndex, TValueIndex> map, uint hash, int start, out int slot)
    {
        Span<TKeyIndex> slots = map.Slots;
        Span<uint> hashes = map.KeyHashes;
        int count = FlatInteger.ToInt32(map.Count);
        int mask = slots.Length - 1;
        ref TKeyIndex first = ref MemoryMarshal.GetReference(slots);
        int steps = 0;
        int keyIndex;
        int current = start;
        int entry = FlatInteger.ToInt32(slots[current]);
        while (true)
        {
            if (entry == 0)
            {
                keyIndex = -1;
                break;
            }

            if (entry > count || ++steps > mask)
            {
                FlatThrow.ConcurrentUse(map.Shape.MapName);
            }

            if (hashes[entry - 1] == hash)
            {
                keyIndex = entry - 1;
                break;
            }

            current = (current + 1) & mask;
            entry = FlatInteger.ToInt32(Unsafe.Add(ref first, (nuint)(uint)current));
        }

        slot = current;
        return keyIndex;
    }

    /// <summary>
    /// The home slot of <paramref name="hash"/> if it is empty, else -1: where a new key goes with no probe, since a key
    /// present would be in its home slot or past it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int EmptyHomeSlot(FlatMapFields<TKeyIndex, TValueIndex> map, uint hash)
    {
        Span<TKeyIndex> slots = map.Slots;
        int home = FlatHash.HomeSlot(hash, slots.Length);
        return FlatInteger.IsZero(slots[home]) ? home : -1;
    }

    /// <summary>
    /// Where a probe for an absent key of <paramref name="hash"/>, which ended at empty slot <paramref name="end"/>, ends
    /// after a removal emptied slot <paramref name="emptied"/> (-1 for none): there if it lies between the key's home slot
    /// and <paramref name="end"/>, else still at <paramref name="end"/>. A backward-shift deletion empties one slot and
    /// fills only slots it emptied, so no other slot on the probe's path became empty; a new key goes there with no second probe.
    /// </summary>
    /// <exception cref="InvalidOperationException">The slot is no longer empty: only concurrent use fills it.</exception>
    public static int ProbeEndAfterRemoval(FlatMapFields<TKeyIndex, TValueIndex> map, uint hash, int end, int emptied)
    {
        Span<TKeyIndex> slots = map.Slots;
        int mask = slots.Length - 1;
        int home = FlatHash.HomeSlot(hash, slots.Length);
        int slot = emptied >= 0 && ((emptied - home) & mask) < ((end - home) & mask) ? emptied : end;
        if (!FlatInteger.IsZero(slots[slot]))
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }

        return slot;
    }

    /// <summary>Returns known key <paramref name="knownKey"/>'s index, or -1 when its presence bit is clear.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KnownKeyIndex(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey) =>
        (map.KnownPresence[knownKey >> 6] & (1UL << (knownKey & 63))) != 0 ? FlatInteger.ToInt32(map.KnownSlots[knownKey]) : -1;

    /// <summary>Points empty <paramref name="slot"/> (from a probe that missed) at new hashed key <paramref name="keyIndex"/>, <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LinkHashed(FlatMapFields<TKeyIndex, TValueIndex> map, int slot, int keyIndex, ReadOnlySpan<char> key)
    {
        map.Slots[slot] = FlatInteger.FromInt32<TKeyIndex>(keyIndex + 1);
        map.HashedKeyLengths |= LengthBit(key.Length);
        if (TStorage.ScansKeys(map.Shape))
        {
            map.HashedKeyLengths |= ScanPairBitOf(key);
        }
    }

    /// <summary>The key filter's bit for <paramref name="key"/>'s length and last unit together, in a map that scans (<see cref="IFlatStorage{TKeyIndex, TValueIndex}.ScanPairBit"/>).</summary>
    /// <remarks>
    /// Never inlined: <see cref="LinkHashed"/> inlines into every add of a new key, and this in it used up the inlining
    /// budget of adds that are not forced inline, leaving the value's string as a call (the spilling request 1.1× its time).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong ScanPairBitOf(ReadOnlySpan<char> key) => TStorage.ScanPairBit(key.Length, key.IsEmpty ? '\0' : key[^1]);

    /// <summary>
    /// Puts key <paramref name="keyIndex"/> into the first empty slot from its home slot, as adding it does; inserting
    /// the hashed keys in key order so rebuilds the table a map's own operations leave.
    /// </summary>
    /// <returns>How many slots past its home slot the key went.</returns>
    /// <exception cref="InvalidOperationException">No slot is empty: more keys than the capacity, which only concurrent use makes.</exception>
    public static int Insert(in FlatMapShape shape, Span<TKeyIndex> slots, uint hash, int keyIndex)
    {
        int mask = slots.Length - 1;
        int slot = FlatHash.HomeSlot(hash, slots.Length);
        for (int steps = 0; !FlatInteger.IsZero(slots[slot]); steps++)
        {
            if (steps == slots.Length)
            {
                FlatThrow.ConcurrentUse(shape.MapName);
            }

            slot = (slot + 1) & mask;
        }

        slots[slot] = FlatInteger.FromInt32<TKeyIndex>(keyIndex + 1);
        return ProbeLength(slots.Length, hash, slot);
    }

    /// <summary>How many slots past the home slot of <paramref name="hash"/> a probe in a table of <paramref name="slotCount"/> slots ended at <paramref name="slot"/>.</summary>
    public static int ProbeLength(int slotCount, uint hash, int slot) => (slot - FlatHash.HomeSlot(hash, slotCount)) & (slotCount - 1);

    /// <summary>Marks known key <paramref name="knownKey"/> present at key index <paramref name="keyIndex"/>.</summary>
    public static void LinkKnown(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, int keyIndex)
    {
        map.KnownSlots[knownKey] = FlatInteger.FromInt32<TKeyIndex>(keyIndex);
        map.KnownPresence[knownKey >> 6] |= 1UL << (knownKey & 63);
    }

    /// <summary>Empties the index: no slot, no known key, no length.</summary>
    public static void Clear(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        map.Slots.Clear();
        Span<TKeyIndex> knownSlots = map.KnownSlots;
        if (!knownSlots.IsEmpty) // Empty in a map without known keys, and clearing an empty span is still a call.
        {
            knownSlots.Clear();
            map.KnownPresence.Clear();
        }

        map.HashedKeyLengths = 0;
    }

    /// <summary>The length filter's bit for a key of <paramref name="length"/> UTF-16 code units: one bit per length up to 62, one for all longer keys.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    /// <summary>
    /// After key <paramref name="keyIndex"/> is removed and the later keys move down by one (an inline map's removal):
    /// hashed slots (key indices plus one) and present known keys' slots (key indices) past it move down too.
    /// </summary>
    public static void Renumber(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        if (typeof(TKeyIndex) == typeof(byte))
        {
            FlatSlotNumbers.AfterRemoval(FlatInteger.As<TKeyIndex, byte>(map.Slots), map.KnownPresence, FlatInteger.As<TKeyIndex, byte>(map.KnownSlots), keyIndex);
        }
        else
        {
            FlatSlotNumbers.AfterRemoval(FlatInteger.As<TKeyIndex, ushort>(map.Slots), map.KnownPresence, FlatInteger.As<TKeyIndex, ushort>(map.KnownSlots), keyIndex);
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
    public static void Renumber(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<TKeyIndex> newEntries, int keyCount)
    {
        // Half the slots are empty, in no order a branch predictor learns, and every entry is in range unless a race
        // wrote it, so the loop has no branch: an entry out of range reads the last element, and the slots that lost
        // their key are counted afterwards.
        Span<TKeyIndex> slots = map.Slots;
        ref TKeyIndex renumbered = ref MemoryMarshal.GetReference(newEntries);
        int last = newEntries.Length - 1;
        foreach (ref TKeyIndex slot in slots)
        {
            slot = Unsafe.Add(ref renumbered, Math.Min(FlatInteger.ToInt32(slot), last));
        }

        int kept = slots.Length - FlatInteger.CountZeros<TKeyIndex>(slots);
        Span<ulong> presence = map.KnownPresence;
        Span<TKeyIndex> knownSlots = map.KnownSlots;
        for (int word = 0; word < presence.Length; word++)
        {
            for (ulong bits = presence[word]; bits != 0; bits &= bits - 1)
            {
                ref TKeyIndex knownSlot = ref knownSlots[(word << 6) + BitOperations.TrailingZeroCount(bits)];
                TKeyIndex entry = newEntries[Math.Min(FlatInteger.ToInt32(knownSlot) + 1, last)];
                // A known key's index is not checked against the count when read, so a lost one becomes 0, not an index past the entries.
                int entryNumber = FlatInteger.ToInt32(entry);
                kept += entryNumber != 0 ? 1 : 0;
                knownSlot = FlatInteger.FromInt32<TKeyIndex>(Math.Max(entryNumber - 1, 0));
            }
        }

        if (kept != keyCount)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }
    }

    /// <summary>
    /// After the first <paramref name="holes"/> entries, all holes, close (a reference map's whose holes all lead, as a
    /// map that evicts leaves them): every hashed slot's entry and present known key's index moves down by as many.
    /// </summary>
    /// <param name="map">The map.</param>
    /// <param name="holes">The holes that closed, all at the front.</param>
    /// <param name="count">The entries before they closed: as many as a slot may point at.</param>
    /// <exception cref="InvalidOperationException">A slot pointed at a hole or past the entries: only concurrent use writes one.</exception>
    public static void RenumberDown(FlatMapFields<TKeyIndex, TValueIndex> map, int holes, int count)
    {
        bool broken = typeof(TKeyIndex) == typeof(byte)
            ? FlatSlotNumbers.AfterLeadingHoles(FlatInteger.As<TKeyIndex, byte>(map.Slots), map.KnownPresence, FlatInteger.As<TKeyIndex, byte>(map.KnownSlots), holes, count)
            : FlatSlotNumbers.AfterLeadingHoles(FlatInteger.As<TKeyIndex, ushort>(map.Slots), map.KnownPresence, FlatInteger.As<TKeyIndex, ushort>(map.KnownSlots), holes, count);
        if (broken)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName);
        }
    }

    /// <summary>
    /// Empties <paramref name="slot"/> by backward-shift deletion: every later entry of the same probe chain
    /// moves into the hole when the hole lies between its home slot and where it sits, so no tombstones are
    /// needed, and the table is as if the removed key had never been added.
    /// </summary>
    /// <returns>
    /// The one slot it emptied, where the last entry it moved was (or <paramref name="slot"/>); -1 if the table is
    /// broken (no empty slot, or an entry past <paramref name="count"/>): only concurrent use gets there.
    /// </returns>
    private static int Delete(Span<TKeyIndex> slots, ReadOnlySpan<uint> hashes, int count, int slot)
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
                return -1;
            }

            int home = FlatHash.HomeSlot(hashes[entry - 1], slots.Length);
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                slots[hole] = slots[next];
                hole = next;
            }
        }

        slots[hole] = FlatInteger.FromInt32<TKeyIndex>(0);
        return hole;
    }
}

using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// The slot bookkeeping both storage modes share: the hashed slots (linear probing, backward-shift deletion) and
/// the known keys' presence bits and fixed slots.
/// </summary>
internal static class FlatSlots
{
    /// <summary>Returns known key <paramref name="knownKey"/>'s index, or -1 when its presence bit is clear.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KnownKeyIndex<TKeyIndex>(ReadOnlySpan<ulong> presence, ReadOnlySpan<TKeyIndex> knownSlots, int knownKey)
        where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex> =>
        (presence[knownKey >> 6] & (1UL << (knownKey & 63))) != 0 ? int.CreateTruncating(knownSlots[knownKey]) : -1;

    /// <summary>Marks known key <paramref name="knownKey"/> present at key index <paramref name="keyIndex"/>.</summary>
    public static void SetKnown<TKeyIndex>(Span<ulong> presence, Span<TKeyIndex> knownSlots, int knownKey, int keyIndex)
        where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    {
        knownSlots[knownKey] = TKeyIndex.CreateTruncating(keyIndex);
        presence[knownKey >> 6] |= 1UL << (knownKey & 63);
    }

    /// <summary>Marks known key <paramref name="knownKey"/> absent; an absent known key's slot is zero.</summary>
    public static void ClearKnown<TKeyIndex>(Span<ulong> presence, Span<TKeyIndex> knownSlots, int knownKey)
        where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    {
        presence[knownKey >> 6] &= ~(1UL << (knownKey & 63));
        knownSlots[knownKey] = TKeyIndex.Zero;
    }

    /// <summary>Whether any key is in the hashed slots: when every key is known (or the map is empty), a miss needs no hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasHashedKeys(int count, ReadOnlySpan<ulong> presence)
    {
        int knownCount = 0;
        foreach (ulong word in presence)
        {
            knownCount += BitOperations.PopCount(word);
        }

        return count != knownCount;
    }

    /// <summary>
    /// Empties <paramref name="slot"/> by backward-shift deletion: every later entry of the same probe chain
    /// moves into the hole when the hole lies between its home slot and where it sits, so no tombstones are
    /// needed, and the table is as if the removed key had never been added.
    /// </summary>
    /// <returns><see langword="false"/> if the table is broken (no empty slot, or an entry past <paramref name="count"/>): only concurrent use gets there.</returns>
    public static bool Delete<TKeyIndex>(Span<TKeyIndex> slots, ReadOnlySpan<uint> hashes, int count, int slot)
        where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    {
        int mask = slots.Length - 1;
        int hole = slot;
        for (int next = (slot + 1) & mask, steps = 1; ; next = (next + 1) & mask, steps++)
        {
            int entry = int.CreateTruncating(slots[next]);
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

    /// <summary>
    /// After key <paramref name="keyIndex"/> is removed and the later keys move down by one: hashed slots (key
    /// indices plus one) and present known keys' slots (key indices) past it move down too.
    /// </summary>
    public static void Renumber<TKeyIndex>(Span<TKeyIndex> slots, Span<TKeyIndex> knownSlots, ReadOnlySpan<ulong> presence, int keyIndex)
        where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    {
        TKeyIndex removedEntry = TKeyIndex.CreateTruncating(keyIndex + 1);
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i] > removedEntry)
            {
                slots[i]--;
            }
        }

        TKeyIndex removedIndex = TKeyIndex.CreateTruncating(keyIndex);
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
}

using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// The index's renumbering after keys move down, a vector at a time, over the index type itself. Generic math needs a
/// constraint, which keeps an instantiation out of FlatGen's ReadyToRun image: these run only when keys are removed,
/// so they are left to the JIT and the cores, which name their index types bare, call them with a concrete type.
/// </summary>
internal static class FlatSlotNumbers
{
    /// <summary>
    /// After key <paramref name="keyIndex"/> is removed and the later keys move down by one: hashed slots (key indices
    /// plus one) and present known keys' slots (key indices) past it move down too.
    /// </summary>
    public static void AfterRemoval<T>(Span<T> slots, ReadOnlySpan<ulong> presence, Span<T> knownSlots, int keyIndex)
        where T : unmanaged, IBinaryInteger<T>
    {
        // A vector compare gives all ones (minus one) in each lane past the removed entry, so adding it renumbers.
        T removedEntry = T.CreateTruncating(keyIndex + 1);
        Span<Vector<T>> vectors = MemoryMarshal.Cast<T, Vector<T>>(slots);
        var removedEntries = new Vector<T>(removedEntry);
        foreach (ref Vector<T> vector in vectors)
        {
            vector += Vector.GreaterThan(vector, removedEntries);
        }

        for (int i = vectors.Length * Vector<T>.Count; i < slots.Length; i++)
        {
            if (slots[i] > removedEntry)
            {
                slots[i]--;
            }
        }

        T removedIndex = T.CreateTruncating(keyIndex);
        for (int word = 0; word < presence.Length; word++)
        {
            for (ulong bits = presence[word]; bits != 0; bits &= bits - 1)
            {
                ref T knownSlot = ref knownSlots[(word << 6) + BitOperations.TrailingZeroCount(bits)];
                if (knownSlot > removedIndex)
                {
                    knownSlot--;
                }
            }
        }
    }

    /// <summary>
    /// After the first <paramref name="holes"/> entries, all holes, close: every hashed slot's entry and present known
    /// key's index moves down by as many.
    /// </summary>
    /// <returns><see langword="true"/> if a slot pointed at a hole or past the <paramref name="count"/> entries: only concurrent use writes one.</returns>
    public static bool AfterLeadingHoles<T>(Span<T> slots, ReadOnlySpan<ulong> presence, Span<T> knownSlots, int holes, int count)
        where T : unmanaged, IBinaryInteger<T>
    {
        T down = T.CreateTruncating(holes);
        T last = T.CreateTruncating(count);
        var downs = new Vector<T>(down);
        var lasts = new Vector<T>(last);
        Vector<T> lost = Vector<T>.Zero;
        Span<Vector<T>> vectors = MemoryMarshal.Cast<T, Vector<T>>(slots);
        foreach (ref Vector<T> vector in vectors)
        {
            Vector<T> used = ~Vector.Equals(vector, Vector<T>.Zero);
            lost |= used & (Vector.LessThanOrEqual(vector, downs) | Vector.GreaterThan(vector, lasts));
            vector -= used & downs;
        }

        bool broken = lost != Vector<T>.Zero;
        for (int i = vectors.Length * Vector<T>.Count; i < slots.Length; i++)
        {
            if (slots[i] != T.Zero)
            {
                broken |= slots[i] <= down || slots[i] > last;
                slots[i] -= down;
            }
        }

        for (int word = 0; word < presence.Length; word++)
        {
            for (ulong bits = presence[word]; bits != 0; bits &= bits - 1)
            {
                ref T knownSlot = ref knownSlots[(word << 6) + BitOperations.TrailingZeroCount(bits)];
                broken |= knownSlot < down || knownSlot >= last;
                knownSlot -= down;
            }
        }

        return broken;
    }
}

using System;
using System.Collections.Generic;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

/// <summary>
/// Plans a map's explicit layout from its capacities: sizes the entries (with a reference map's spares), picks the
/// narrowest index types, sizes the slot table, adds the known keys' fixed slots and presence bits, and orders the
/// fields by alignment (references, then 8-, 4-, 2- and 1-byte fields) so padding is only at the tail.
/// </summary>
internal static class LayoutPlanner
{
    /// <summary>The size of an object reference in a 64-bit process; layouts are reported for 64-bit.</summary>
    public const int ReferenceSize = 8;

    /// <summary>The order fields are placed in: references (0 here), then by element size, largest first.</summary>
    private static readonly int[] PlacementOrder = { 0, sizeof(ulong), sizeof(uint), sizeof(ushort), sizeof(byte) };

    /// <summary>
    /// Plans a map; <paramref name="idSource"/> (the comparison and known keys) goes into an inline map's layout id, and a
    /// map that <paramref name="spills"/> gets a reference to its heap overflow.
    /// </summary>
    public static LayoutPlan Plan(int keyCapacity, int valueCapacity, int knownKeyCount, FlatStorage storage, int inlineBytes, string idSource, bool spills = false)
    {
        // A reference map's removals leave holes that an add closes only when it finds no entry or value left at the
        // end; spare entries and values past the capacities make that once per spare's worth of removals.
        bool references = storage == FlatStorage.References;
        int entryCount = references ? keyCapacity + Spare(keyCapacity, FlatLimits.MaxValueCapacity) : keyCapacity;
        int valueSlotCount = references ? valueCapacity + Spare(valueCapacity, FlatLimits.MaxValueCapacity) : valueCapacity;

        // A slot holds an entry index plus one, so the key type must hold the entry count itself.
        (string keyType, int keySize) = IndexType(entryCount);
        (string valueType, int valueSize) = IndexType(valueSlotCount);
        int slotCount = SlotCount(keyCapacity);

        var unordered = new List<(string Name, string? BufferName, string ElementType, int Length, int ElementSize)>(20);
        if (storage == FlatStorage.InlineUtf8)
        {
            // Keys and values are ranges of the arena; the layout id comes first, so a reader finds it at offset 0.
            unordered.Add((FlatFieldNames.LayoutId, null, "ulong", 1, sizeof(ulong)));
            // Zero, or the random seed the map took when chosen keys made a probe long.
            unordered.Add((FlatFieldNames.HashSeed, null, "ulong", 1, sizeof(ulong)));
            unordered.Add((FlatFieldNames.KeyHashes, "KeyHashBuffer", "uint", keyCapacity, sizeof(uint)));
            unordered.Add((FlatFieldNames.KeyOffsets, "KeyOffsetBuffer", "ushort", keyCapacity, sizeof(ushort)));
            unordered.Add((FlatFieldNames.KeyLengths, "KeyLengthBuffer", "ushort", keyCapacity, sizeof(ushort)));
            unordered.Add((FlatFieldNames.ValueOffsets, "ValueOffsetBuffer", "ushort", valueCapacity, sizeof(ushort)));
            unordered.Add((FlatFieldNames.ValueLengths, "ValueLengthBuffer", "ushort", valueCapacity, sizeof(ushort)));
            unordered.Add((FlatFieldNames.ArenaUsed, null, "ushort", 1, sizeof(ushort)));
        }
        else
        {
            unordered.Add((FlatFieldNames.Keys, "KeyBuffer", FieldPlan.ReferenceType, entryCount, ReferenceSize));
            unordered.Add((FlatFieldNames.Values, "ValueBuffer", FieldPlan.ReferenceType, valueSlotCount, ReferenceSize));
            unordered.Add((FlatFieldNames.KeyHashes, "KeyHashBuffer", "uint", entryCount, sizeof(uint)));
            if (spills)
            {
                // Null until the first add that does not fit, and after Clear.
                unordered.Add((FlatFieldNames.Spill, null, FieldPlan.OverflowType, 1, ReferenceSize));
            }
        }

        unordered.Add((FlatFieldNames.Slots, "SlotBuffer", keyType, slotCount, keySize));
        unordered.Add((FlatFieldNames.ValueStarts, "ValueStartBuffer", valueType, entryCount, valueSize));
        unordered.Add((FlatFieldNames.ValueCounts, "ValueCountBuffer", valueType, entryCount, valueSize));
        // A bit per length of the hashed keys, so that most misses need no hash.
        unordered.Add((FlatFieldNames.HashedKeyLengths, null, "ulong", 1, sizeof(ulong)));
        // Every add, remove and clear changes the version, so an enumerator notices a change under it.
        unordered.Add((FlatFieldNames.Version, null, "uint", 1, sizeof(uint)));
        unordered.Add((FlatFieldNames.Count, null, keyType, 1, keySize));
        unordered.Add((FlatFieldNames.ValueCount, null, valueType, 1, valueSize));
        if (storage == FlatStorage.References)
        {
            // A removal leaves a hole instead of moving every later key; these count the holes and the values they held.
            unordered.Add((FlatFieldNames.KeyHoles, null, keyType, 1, keySize));
            unordered.Add((FlatFieldNames.ValueHoles, null, valueType, 1, valueSize));
        }

        if (knownKeyCount > 0)
        {
            // A known slot holds a key index (valid while the key's presence bit is set), one bit per known key.
            unordered.Add((FlatFieldNames.KnownSlots, "KnownSlotBuffer", keyType, knownKeyCount, keySize));
            unordered.Add((FlatFieldNames.KnownPresence, "KnownPresenceBuffer", "ulong", (knownKeyCount + 63) / 64, sizeof(ulong)));
        }

        if (storage == FlatStorage.InlineUtf8)
        {
            unordered.Add((FlatFieldNames.Arena, "ArenaBuffer", "byte", inlineBytes, sizeof(byte)));
        }

        // Every field's size is a multiple of its alignment (its element size), so in descending alignment order
        // (references first, then 8-, 4-, 2- and 1-byte fields, each group in the order above) each field starts
        // aligned and no padding is needed between fields.
        var fields = new FieldPlan[unordered.Count];
        int placed = 0;
        int offset = 0;
        foreach (int elementSize in PlacementOrder)
        {
            foreach (var field in unordered)
            {
                bool isReference = FieldPlan.IsReferenceType(field.ElementType);
                if (elementSize == 0 ? isReference : !isReference && field.ElementSize == elementSize)
                {
                    fields[placed++] = new FieldPlan(field.Name, field.BufferName, field.ElementType, field.Length, field.ElementSize, offset);
                    offset += field.Length * field.ElementSize;
                }
            }
        }

        int alignment = fields[0].ElementSize; // The largest, placed first.
        int size = (offset + alignment - 1) / alignment * alignment;
        ulong layoutId = storage == FlatStorage.InlineUtf8 ? LayoutId(fields, size, idSource) : 0;
        return new LayoutPlan(keyType, valueType, size, new EquatableArray<FieldPlan>(fields), layoutId);
    }

    /// <summary>
    /// The 64-bit FNV-1a hash of everything an inline map's bytes depend on: every field's name, type, offset and
    /// size, the struct's size, the comparison and the known keys. Never zero, which marks a map never written.
    /// </summary>
    private static ulong LayoutId(FieldPlan[] fields, int size, string idSource)
    {
        // The hash of the text "FlatGen.InlineUtf8/{version};{name}:{type}@{offset};…{size};{idSource}", one character at a time.
        ulong hash = Fnv(0xCBF2_9CE4_8422_2325, "FlatGen.InlineUtf8/");
        hash = Fnv(Fnv(hash, Number(FlatInlineFormat.Version)), ";");
        foreach (FieldPlan field in fields)
        {
            hash = Fnv(Fnv(Fnv(Fnv(Fnv(hash, field.Name), ":"), field.DisplayType), "@"), Number(field.Offset));
            hash = Fnv(hash, ";");
        }

        hash = Fnv(Fnv(Fnv(hash, Number(size)), ";"), idSource);
        return hash == 0 ? 1 : hash;
    }

    /// <summary>Goes on with the 64-bit FNV-1a hash <paramref name="hash"/> over the characters of <paramref name="text"/>.</summary>
    private static ulong Fnv(ulong hash, string text)
    {
        foreach (char c in text)
        {
            hash = (hash ^ c) * 0x0000_0100_0000_01B3;
        }

        return hash;
    }

    /// <summary>
    /// The spare entries (or values) a reference map has past <paramref name="capacity"/>: a quarter of it, rounded up,
    /// within <paramref name="limit"/>. A map full of keys that removes one and adds one then closes the holes once per
    /// spare's worth of removals, not at every add (a close moves the later keys and renumbers the slots). A quarter,
    /// not an eighth, is what keeps such a cycle within the target against <c>Dictionary</c>; bench/results/analysis.md
    /// has the measurements.
    /// </summary>
    public static int Spare(int capacity, int limit) => Math.Min((capacity + 3) / 4, limit - capacity);

    /// <summary>The smallest power of two that is at least twice <paramref name="keyCapacity"/>: load stays at most one half.</summary>
    public static int SlotCount(int keyCapacity)
    {
        int slots = 2;
        while (slots < 2 * keyCapacity)
        {
            slots *= 2;
        }

        return slots;
    }

    /// <summary>The narrowest index type that holds <paramref name="capacity"/>, which is at most <see cref="FlatLimits.MaxValueCapacity"/>.</summary>
    private static (string Name, int Size) IndexType(int capacity) =>
        capacity <= byte.MaxValue ? ("byte", sizeof(byte)) : ("ushort", sizeof(ushort));
}

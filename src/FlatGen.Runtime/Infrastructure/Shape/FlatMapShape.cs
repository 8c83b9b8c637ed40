using System;
using System.Buffers;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>
/// Where a generated map's fields are and the constants the cores need: what one map type tells the one compiled copy
/// of its core, which is generic only over the index types, the comparison, whether the map has known keys and the
/// storage, never over the map nor its known-key matcher, which the shape holds.
/// </summary>
/// <remarks>
/// <para>
/// A struct that each map keeps in a static readonly field and hands its core by reference: where a core method inlines
/// into the map's member, the JIT reads the initialised field and folds every offset, length and flag into constants,
/// as if the core were generic over the map; where it does not, they are loads.
/// </para>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FlatMapShape
{
    /// <summary>The size of an object reference in the layout's report, which is of a 64-bit process.</summary>
    private const int ReportedReferenceSize = 8;

    // Where each field starts in the struct and, for an array, its length; read on every access, so fields, not properties.
    internal readonly int KeysOffset;
    internal readonly int KeysLength;
    internal readonly int ValuesOffset;
    internal readonly int ValuesLength;
    internal readonly int KeyHashesOffset;
    internal readonly int KeyHashesLength;
    internal readonly int SlotsOffset;
    internal readonly int SlotsLength;
    internal readonly int ValueStartsOffset;
    internal readonly int ValueStartsLength;
    internal readonly int ValueCountsOffset;
    internal readonly int ValueCountsLength;
    internal readonly int KnownSlotsOffset;
    internal readonly int KnownSlotsLength;
    internal readonly int KnownPresenceOffset;
    internal readonly int KnownPresenceLength;
    internal readonly int KeyOffsetsOffset;
    internal readonly int KeyOffsetsLength;
    internal readonly int KeyLengthsOffset;
    internal readonly int KeyLengthsLength;
    internal readonly int ValueOffsetsOffset;
    internal readonly int ValueOffsetsLength;
    internal readonly int ValueLengthsOffset;
    internal readonly int ValueLengthsLength;
    internal readonly int ArenaOffset;
    internal readonly int ArenaLength;
    internal readonly int HashedKeyLengthsOffset;
    internal readonly int VersionOffset;
    internal readonly int CountOffset;
    internal readonly int ValueCountOffset;
    internal readonly int KeyHolesOffset;
    internal readonly int ValueHolesOffset;
    internal readonly int StoredLayoutIdOffset;
    internal readonly int HashSeedOffset;
    internal readonly int ArenaUsedOffset;

    /// <summary>Where a map that spills keeps its overflow (a reference); -1 in every other map.</summary>
    internal readonly int SpillOffset;

    private FlatMapShape(
        FlatLayout layout,
        int keyIndexSize,
        int valueIndexSize,
        int keyCapacity,
        int valueCapacity,
        FlatKnownKeyMatcher? knownKeyMatcher,
        bool internUnknownKeys,
        bool reuseValueStrings,
        ulong layoutId,
        FlatOverflow overflow)
    {
        KnownKeyMatcher = knownKeyMatcher;
        EvictsOldest = overflow == FlatOverflow.EvictOldest;
        Spills = overflow == FlatOverflow.Spill;
        KeyCapacity = keyCapacity;
        ValueCapacity = valueCapacity;
        KnownKeyNames = knownKeyMatcher?.Names ?? [];
        KnownKeyUtf8Names = new byte[]?[KnownKeyNames.Length];
        for (int i = 0; i < KnownKeyNames.Length; i++)
        {
            byte[] buffer = new byte[3 * KnownKeyNames[i].Length];
            if (Utf8.FromUtf16(KnownKeyNames[i], buffer, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                KnownKeyUtf8Names[i] = buffer.AsSpan(0, written).ToArray();
            }
        }

        InternUnknownKeys = internUnknownKeys;
        ReuseValueStrings = reuseValueStrings;
        LayoutId = layoutId;
        // A scan of the few fields by name, rather than a dictionary of them: no generic collection over FlatField
        // to compile at a process's first map.
        FlatField[] fields = layout.FieldArray;
        int fieldBytes = 0;
        for (int i = 0; i < fields.Length; i++)
        {
            fieldBytes = Math.Max(fieldBytes, fields[i].Offset + fields[i].Size);
            for (int j = 0; j < i; j++)
            {
                if (fields[j].Name == fields[i].Name)
                {
                    throw new ArgumentException($"The layout of '{layout.TypeName}' has two fields named '{fields[i].Name}': it is not a layout FlatGen generated.", nameof(layout));
                }
            }
        }

        int Find(string name)
        {
            for (int i = 0; i < fields.Length; i++)
            {
                if (fields[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        (int, int) Range(string name, int elementSize) =>
            Find(name) is int i and >= 0 ? (fields[i].Offset, fields[i].Size / elementSize) : default;

        int Offset(string name) => Find(name) is int i and >= 0 ? fields[i].Offset : 0;

        // Every map has these; a layout without one is not a generated map's, and its maps would write anywhere.
        foreach (string name in (ReadOnlySpan<string>)[FlatFieldNames.KeyHashes, FlatFieldNames.Slots, FlatFieldNames.ValueStarts, FlatFieldNames.ValueCounts, FlatFieldNames.HashedKeyLengths, FlatFieldNames.Version, FlatFieldNames.Count, FlatFieldNames.ValueCount])
        {
            if (Find(name) < 0)
            {
                throw new ArgumentException($"The layout of '{layout.TypeName}' has no field '{name}': it is not a layout FlatGen generated.", nameof(layout));
            }
        }

        MapName = layout.TypeName;
        Size = layout.Size;
        FieldBytes = fieldBytes;
        (KeysOffset, KeysLength) = Range(FlatFieldNames.Keys, ReportedReferenceSize);
        (ValuesOffset, ValuesLength) = Range(FlatFieldNames.Values, ReportedReferenceSize);
        (KeyHashesOffset, KeyHashesLength) = Range(FlatFieldNames.KeyHashes, sizeof(uint));
        (SlotsOffset, SlotsLength) = Range(FlatFieldNames.Slots, keyIndexSize);
        (ValueStartsOffset, ValueStartsLength) = Range(FlatFieldNames.ValueStarts, valueIndexSize);
        (ValueCountsOffset, ValueCountsLength) = Range(FlatFieldNames.ValueCounts, valueIndexSize);
        (KnownSlotsOffset, KnownSlotsLength) = Range(FlatFieldNames.KnownSlots, keyIndexSize);
        (KnownPresenceOffset, KnownPresenceLength) = Range(FlatFieldNames.KnownPresence, sizeof(ulong));
        (KeyOffsetsOffset, KeyOffsetsLength) = Range(FlatFieldNames.KeyOffsets, sizeof(ushort));
        (KeyLengthsOffset, KeyLengthsLength) = Range(FlatFieldNames.KeyLengths, sizeof(ushort));
        (ValueOffsetsOffset, ValueOffsetsLength) = Range(FlatFieldNames.ValueOffsets, sizeof(ushort));
        (ValueLengthsOffset, ValueLengthsLength) = Range(FlatFieldNames.ValueLengths, sizeof(ushort));
        (ArenaOffset, ArenaLength) = Range(FlatFieldNames.Arena, sizeof(byte));
        HashedKeyLengthsOffset = Offset(FlatFieldNames.HashedKeyLengths);
        VersionOffset = Offset(FlatFieldNames.Version);
        CountOffset = Offset(FlatFieldNames.Count);
        ValueCountOffset = Offset(FlatFieldNames.ValueCount);
        KeyHolesOffset = Offset(FlatFieldNames.KeyHoles);
        ValueHolesOffset = Offset(FlatFieldNames.ValueHoles);
        StoredLayoutIdOffset = Offset(FlatFieldNames.LayoutId);
        HashSeedOffset = Offset(FlatFieldNames.HashSeed);
        ArenaUsedOffset = Offset(FlatFieldNames.ArenaUsed);
        if (SlotsLength < 2 || !BitOperations.IsPow2(SlotsLength))
        {
            // A probe masks its slot with the length less one, which keeps it inside only for a power of two.
            throw new ArgumentException($"The layout of '{layout.TypeName}' has {SlotsLength} hashed slots, not a power of two of at least 2: it is not a layout FlatGen generated.", nameof(layout));
        }

        SpillOffset = Spills ? Find(FlatFieldNames.Spill) is int spill and >= 0 && fields[spill].Size == ReportedReferenceSize && KeysLength > 0
            ? fields[spill].Offset
            : throw new ArgumentException($"The layout of '{layout.TypeName}' has no field '{FlatFieldNames.Spill}' for its overflow, or is not a reference map's: it is not a layout FlatGen generated for a map that spills.", nameof(layout))
            : -1;
    }

    /// <summary>Creates the shape of a map of the given layout and constants.</summary>
    /// <typeparam name="TKeyIndex">The map's key index type.</typeparam>
    /// <typeparam name="TValueIndex">The map's value index type.</typeparam>
    /// <param name="layout">The map's layout, whose fields carry the names in <c>FlatFieldNames</c>.</param>
    /// <param name="keyCapacity">The most keys the map holds.</param>
    /// <param name="valueCapacity">The most values the map holds.</param>
    /// <param name="knownKeyMatcher">The map's known-key matcher, whose names are its known keys in declaration order; <see langword="null"/> for a map without known keys.</param>
    /// <param name="internUnknownKeys">Whether an unknown key added as a span becomes a string through <c>StringPool.Shared</c>.</param>
    /// <param name="reuseValueStrings">Whether <c>Clear</c> keeps the value strings past the count for an equal UTF-8 value to reuse.</param>
    /// <param name="layoutId">An inline map's layout id; zero for a reference map.</param>
    /// <param name="overflow">What the map does when an add or a set needs room it lacks.</param>
    /// <returns>The shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layout"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="overflow"/> is not a <see cref="FlatOverflow"/> member.</exception>
    /// <exception cref="ArgumentException"><paramref name="layout"/> lacks a field every generated map has, or the overflow field a map that spills has, or its hashed slots are not a power of two.</exception>
    public static FlatMapShape Create<TKeyIndex, TValueIndex>(
        FlatLayout layout,
        int keyCapacity,
        int valueCapacity,
        FlatKnownKeyMatcher? knownKeyMatcher = null,
        bool internUnknownKeys = false,
        bool reuseValueStrings = false,
        ulong layoutId = 0,
        FlatOverflow overflow = FlatOverflow.Refuse)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (overflow is not (FlatOverflow.Refuse or FlatOverflow.Spill or FlatOverflow.EvictOldest))
        {
            throw new ArgumentOutOfRangeException(nameof(overflow), overflow, "Not a FlatOverflow member.");
        }

        return new FlatMapShape(
            layout, Unsafe.SizeOf<TKeyIndex>(), Unsafe.SizeOf<TValueIndex>(), keyCapacity, valueCapacity, knownKeyMatcher, internUnknownKeys, reuseValueStrings, layoutId,
            overflow);
    }

    /// <summary>Gets the map's type name, for exception messages.</summary>
    internal string MapName { get; }

    /// <summary>Gets the struct's size in bytes.</summary>
    internal int Size { get; }

    /// <summary>Gets where the last field ends: the struct's bytes past it are padding.</summary>
    internal int FieldBytes { get; }

    internal int KeyCapacity { get; }

    internal int ValueCapacity { get; }

    /// <summary>Gets the map's known-key matcher, which <see cref="FlatKnownKeys"/> calls; null when the map has no known keys.</summary>
    internal FlatKnownKeyMatcher? KnownKeyMatcher { get; }

    /// <summary>Gets the known keys' declared spellings, in declaration order; empty when the map has none.</summary>
    internal string[] KnownKeyNames { get; }

    /// <summary>Gets each known key's declared spelling in UTF-8; null for a key with a lone surrogate, which has no UTF-8 form.</summary>
    internal byte[]?[] KnownKeyUtf8Names { get; }

    internal bool InternUnknownKeys { get; }

    internal bool ReuseValueStrings { get; }

    /// <summary>Gets whether an add or a set that lacks room removes the first-inserted keys until it fits (<see cref="FlatOverflow.EvictOldest"/>).</summary>
    internal bool EvictsOldest { get; }

    /// <summary>Gets whether what does not fit goes to a heap overflow (<see cref="FlatOverflow.Spill"/>), kept at <see cref="SpillOffset"/>.</summary>
    internal bool Spills { get; }

    /// <summary>Gets an inline map's layout id, never zero; zero for a reference map.</summary>
    internal ulong LayoutId { get; }
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// Where a generated map's fields are and the constants the cores need: what one map type tells the one compiled copy
/// of its core, which is generic only over the index types, the comparison and the storage, never over the map.
/// </summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FlatMapShape
{
    /// <summary>The size of an object reference in the layout's report, which is of a 64-bit process.</summary>
    private const int ReportedReferenceSize = 8;

    private FlatMapShape(FlatLayout layout, int keyIndexSize, int valueIndexSize)
    {
        Dictionary<string, FlatField> fields = [];
        int fieldBytes = 0;
        foreach (FlatField field in layout.Fields)
        {
            fields.Add(field.Name, field);
            fieldBytes = Math.Max(fieldBytes, field.Offset + field.Size);
        }

        FieldRange Range(string name, int elementSize) =>
            fields.TryGetValue(name, out FlatField field) ? new(field.Offset, field.Size / elementSize) : default;

        int Offset(string name) => fields.TryGetValue(name, out FlatField field) ? field.Offset : 0;

        MapName = layout.TypeName;
        Size = layout.Size;
        FieldBytes = fieldBytes;
        Keys = Range(FlatFieldNames.Keys, ReportedReferenceSize);
        Values = Range(FlatFieldNames.Values, ReportedReferenceSize);
        KeyHashes = Range(FlatFieldNames.KeyHashes, sizeof(uint));
        Slots = Range(FlatFieldNames.Slots, keyIndexSize);
        ValueStarts = Range(FlatFieldNames.ValueStarts, valueIndexSize);
        ValueCounts = Range(FlatFieldNames.ValueCounts, valueIndexSize);
        KnownSlots = Range(FlatFieldNames.KnownSlots, keyIndexSize);
        KnownPresence = Range(FlatFieldNames.KnownPresence, sizeof(ulong));
        KeyOffsets = Range(FlatFieldNames.KeyOffsets, sizeof(ushort));
        KeyLengths = Range(FlatFieldNames.KeyLengths, sizeof(ushort));
        ValueOffsets = Range(FlatFieldNames.ValueOffsets, sizeof(ushort));
        ValueLengths = Range(FlatFieldNames.ValueLengths, sizeof(ushort));
        Arena = Range(FlatFieldNames.Arena, sizeof(byte));
        HashedKeyLengths = Offset(FlatFieldNames.HashedKeyLengths);
        Version = Offset(FlatFieldNames.Version);
        Count = Offset(FlatFieldNames.Count);
        ValueCount = Offset(FlatFieldNames.ValueCount);
        KeyHoles = Offset(FlatFieldNames.KeyHoles);
        ValueHoles = Offset(FlatFieldNames.ValueHoles);
        StoredLayoutId = Offset(FlatFieldNames.LayoutId);
        HashSeed = Offset(FlatFieldNames.HashSeed);
        ArenaUsed = Offset(FlatFieldNames.ArenaUsed);
    }

    /// <summary>Creates the shape of a map of the given layout and constants.</summary>
    /// <typeparam name="TKeyIndex">The map's key index type.</typeparam>
    /// <typeparam name="TValueIndex">The map's value index type.</typeparam>
    /// <param name="layout">The map's layout, whose fields carry the names in <c>FlatFieldNames</c>.</param>
    /// <param name="keyCapacity">The most keys the map holds.</param>
    /// <param name="valueCapacity">The most values the map holds.</param>
    /// <param name="knownKeys">The map's known keys, or <see langword="null"/> for none.</param>
    /// <param name="internUnknownKeys">Whether an unknown key added as a span becomes a string through <c>StringPool.Shared</c>.</param>
    /// <param name="reuseValueStrings">Whether <c>Clear</c> keeps the value strings past the count for an equal UTF-8 value to reuse.</param>
    /// <param name="layoutId">An inline map's layout id; zero for a reference map.</param>
    /// <returns>The shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layout"/> is <see langword="null"/>.</exception>
    public static FlatMapShape Create<TKeyIndex, TValueIndex>(
        FlatLayout layout,
        int keyCapacity,
        int valueCapacity,
        FlatKnownKeys? knownKeys = null,
        bool internUnknownKeys = false,
        bool reuseValueStrings = false,
        ulong layoutId = 0)
        where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
        where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new FlatMapShape(layout, Unsafe.SizeOf<TKeyIndex>(), Unsafe.SizeOf<TValueIndex>())
        {
            KeyCapacity = keyCapacity,
            ValueCapacity = valueCapacity,
            KnownKeys = knownKeys,
            KnownKeyCount = knownKeys?.Names.Length ?? 0,
            InternUnknownKeys = internUnknownKeys,
            ReuseValueStrings = reuseValueStrings,
            LayoutId = layoutId,
        };
    }

    /// <summary>Gets the map's type name, for exception messages.</summary>
    internal string MapName { get; }

    /// <summary>Gets the struct's size in bytes.</summary>
    internal int Size { get; }

    /// <summary>Gets where the last field ends: the struct's bytes past it are padding.</summary>
    internal int FieldBytes { get; }

    internal int KeyCapacity { get; private init; }

    internal int ValueCapacity { get; private init; }

    /// <summary>Gets the known keys, or <see langword="null"/> when the map has none.</summary>
    internal FlatKnownKeys? KnownKeys { get; private init; }

    internal int KnownKeyCount { get; private init; }

    internal bool InternUnknownKeys { get; private init; }

    internal bool ReuseValueStrings { get; private init; }

    /// <summary>Gets an inline map's layout id, never zero; zero for a reference map.</summary>
    internal ulong LayoutId { get; private init; }

    internal FieldRange Keys { get; }

    internal FieldRange Values { get; }

    internal FieldRange KeyHashes { get; }

    internal FieldRange Slots { get; }

    internal FieldRange ValueStarts { get; }

    internal FieldRange ValueCounts { get; }

    internal FieldRange KnownSlots { get; }

    internal FieldRange KnownPresence { get; }

    internal FieldRange KeyOffsets { get; }

    internal FieldRange KeyLengths { get; }

    internal FieldRange ValueOffsets { get; }

    internal FieldRange ValueLengths { get; }

    internal FieldRange Arena { get; }

    internal int HashedKeyLengths { get; }

    internal int Version { get; }

    internal int Count { get; }

    internal int ValueCount { get; }

    internal int KeyHoles { get; }

    internal int ValueHoles { get; }

    internal int StoredLayoutId { get; }

    internal int HashSeed { get; }

    internal int ArenaUsed { get; }

    /// <summary>Returns the index of the known key equal to <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int MatchKnownKey(ReadOnlySpan<char> key) => KnownKeys is { } knownKeys ? knownKeys.Match(key) : -1;

    /// <summary>Returns the index of the known key equal to UTF-8 <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int MatchKnownKeyUtf8(ReadOnlySpan<byte> key) => KnownKeys is { } knownKeys ? knownKeys.MatchUtf8(key) : -1;

    /// <summary>Gets the known keys' declared spellings; empty when the map has none.</summary>
    internal ReadOnlySpan<string> KnownKeyNames => KnownKeys is { } knownKeys ? knownKeys.Names : default;

    /// <summary>Where an array field starts in the struct, and how many elements it has.</summary>
    internal readonly record struct FieldRange(int Offset, int Length);
}

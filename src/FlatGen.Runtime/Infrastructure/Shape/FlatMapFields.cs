using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// One map's fields, found through its shape: what a generated struct hands its core, so that every map of a kind
/// runs the same compiled code. Each array field is a span of its constant length; each scalar, a reference.
/// </summary>
/// <typeparam name="TKeyIndex">The map's key index type.</typeparam>
/// <typeparam name="TValueIndex">The map's value index type.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly ref struct FlatMapFields<TKeyIndex, TValueIndex>
{
    private readonly ref byte _start;
    private readonly ref readonly FlatMapShape _shape;

    /// <summary>Initializes a new instance of the <see cref="FlatMapFields{TKeyIndex, TValueIndex}"/> struct.</summary>
    /// <param name="start">The first byte of the generated struct.</param>
    /// <param name="shape">The struct's shape: a static readonly field, whose constants the JIT folds into the code it inlines.</param>
    public FlatMapFields(ref byte start, ref readonly FlatMapShape shape)
    {
        _start = ref start;
        _shape = ref shape;
    }

    /// <summary>Gets the map's shape.</summary>
    internal ref readonly FlatMapShape Shape
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _shape;
    }

    /// <summary>Gets the fields of <paramref name="map"/>, an adapter's way in (a JSON converter must name the map's type).</summary>
    internal static FlatMapFields<TKeyIndex, TValueIndex> Of<TMap>(ref TMap map)
        where TMap : struct, IFlatMap<TMap> =>
        new(ref Unsafe.As<TMap, byte>(ref map), in TMap.Shape);

    /// <summary>Returns whether <paramref name="other"/> is this very map, not an equal one.</summary>
    internal bool IsSameMap(FlatMapFields<TKeyIndex, TValueIndex> other) => Unsafe.AreSame(ref _start, ref other._start);

    /// <summary>Gets the struct's bytes, padding included.</summary>
    internal Span<byte> Bytes => MemoryMarshal.CreateSpan(ref _start, _shape.Size);

    internal Span<string?> Keys
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<string?>(_shape.KeysOffset, _shape.KeysLength);
    }

    internal Span<string?> Values
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<string?>(_shape.ValuesOffset, _shape.ValuesLength);
    }

    internal Span<uint> KeyHashes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<uint>(_shape.KeyHashesOffset, _shape.KeyHashesLength);
    }

    internal Span<TKeyIndex> Slots
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<TKeyIndex>(_shape.SlotsOffset, _shape.SlotsLength);
    }

    internal Span<TValueIndex> ValueStarts
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<TValueIndex>(_shape.ValueStartsOffset, _shape.ValueStartsLength);
    }

    internal Span<TValueIndex> ValueCounts
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<TValueIndex>(_shape.ValueCountsOffset, _shape.ValueCountsLength);
    }

    internal Span<TKeyIndex> KnownSlots
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<TKeyIndex>(_shape.KnownSlotsOffset, _shape.KnownSlotsLength);
    }

    internal Span<ulong> KnownPresence
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<ulong>(_shape.KnownPresenceOffset, _shape.KnownPresenceLength);
    }

    internal Span<ushort> KeyOffsets
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<ushort>(_shape.KeyOffsetsOffset, _shape.KeyOffsetsLength);
    }

    internal Span<ushort> KeyLengths
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<ushort>(_shape.KeyLengthsOffset, _shape.KeyLengthsLength);
    }

    internal Span<ushort> ValueOffsets
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<ushort>(_shape.ValueOffsetsOffset, _shape.ValueOffsetsLength);
    }

    internal Span<ushort> ValueLengths
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<ushort>(_shape.ValueLengthsOffset, _shape.ValueLengthsLength);
    }

    internal Span<byte> Arena
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array<byte>(_shape.ArenaOffset, _shape.ArenaLength);
    }

    internal ref ulong HashedKeyLengths
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Scalar<ulong>(_shape.HashedKeyLengthsOffset);
    }

    internal ref uint Version
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Scalar<uint>(_shape.VersionOffset);
    }

    internal ref TKeyIndex Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Scalar<TKeyIndex>(_shape.CountOffset);
    }

    internal ref TValueIndex ValueCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Scalar<TValueIndex>(_shape.ValueCountOffset);
    }

    internal ref TKeyIndex KeyHoles
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Scalar<TKeyIndex>(_shape.KeyHolesOffset);
    }

    internal ref TValueIndex ValueHoles
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Scalar<TValueIndex>(_shape.ValueHolesOffset);
    }

    internal ref ulong LayoutId
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Scalar<ulong>(_shape.StoredLayoutIdOffset);
    }

    internal ref ulong HashSeed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Scalar<ulong>(_shape.HashSeedOffset);
    }

    internal ref ushort ArenaUsed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Scalar<ushort>(_shape.ArenaUsedOffset);
    }

    /// <summary>Gets the overflow of a map that spills (<see cref="FlatMapShape.Spills"/>): null until its first spill and after <c>Clear</c>.</summary>
    internal ref object? Spill
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Scalar<object?>(_shape.SpillOffset);
    }

    // The layout aligns every field to its element size, and the generator wrote the offsets and lengths of this very struct.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<T> Array<T>(int offset, int length) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref Unsafe.Add(ref _start, offset)), length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref T Scalar<T>(int offset) => ref Unsafe.As<byte, T>(ref Unsafe.Add(ref _start, offset));
}

using System;
using System.ComponentModel;
using System.Numerics;
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
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
{
    private readonly ref byte _start;

    /// <summary>Initializes a new instance of the <see cref="FlatMapFields{TKeyIndex, TValueIndex}"/> struct.</summary>
    /// <param name="start">The first byte of the generated struct.</param>
    /// <param name="shape">The struct's shape.</param>
    public FlatMapFields(ref byte start, FlatMapShape shape)
    {
        _start = ref start;
        Shape = shape;
    }

    /// <summary>Gets the map's shape.</summary>
    internal FlatMapShape Shape { get; }

    /// <summary>Gets the fields of <paramref name="map"/>, an adapter's way in (a JSON converter must name the map's type).</summary>
    internal static FlatMapFields<TKeyIndex, TValueIndex> Of<TMap>(ref TMap map)
        where TMap : struct, IFlatMap<TMap> =>
        new(ref Unsafe.As<TMap, byte>(ref map), TMap.Shape);

    /// <summary>Returns whether <paramref name="other"/> is this very map, not an equal one.</summary>
    internal bool IsSameMap(FlatMapFields<TKeyIndex, TValueIndex> other) => Unsafe.AreSame(ref _start, ref other._start);

    /// <summary>Gets the struct's bytes, padding included.</summary>
    internal Span<byte> Bytes => MemoryMarshal.CreateSpan(ref _start, Shape.Size);

    internal Span<string?> Keys => Array<string?>(Shape.Keys);

    internal Span<string?> Values => Array<string?>(Shape.Values);

    internal Span<uint> KeyHashes => Array<uint>(Shape.KeyHashes);

    internal Span<TKeyIndex> Slots => Array<TKeyIndex>(Shape.Slots);

    internal Span<TValueIndex> ValueStarts => Array<TValueIndex>(Shape.ValueStarts);

    internal Span<TValueIndex> ValueCounts => Array<TValueIndex>(Shape.ValueCounts);

    internal Span<TKeyIndex> KnownSlots => Array<TKeyIndex>(Shape.KnownSlots);

    internal Span<ulong> KnownPresence => Array<ulong>(Shape.KnownPresence);

    internal Span<ushort> KeyOffsets => Array<ushort>(Shape.KeyOffsets);

    internal Span<ushort> KeyLengths => Array<ushort>(Shape.KeyLengths);

    internal Span<ushort> ValueOffsets => Array<ushort>(Shape.ValueOffsets);

    internal Span<ushort> ValueLengths => Array<ushort>(Shape.ValueLengths);

    internal Span<byte> Arena => Array<byte>(Shape.Arena);

    internal ref ulong HashedKeyLengths => ref Scalar<ulong>(Shape.HashedKeyLengths);

    internal ref uint Version => ref Scalar<uint>(Shape.Version);

    internal ref TKeyIndex Count => ref Scalar<TKeyIndex>(Shape.Count);

    internal ref TValueIndex ValueCount => ref Scalar<TValueIndex>(Shape.ValueCount);

    internal ref TKeyIndex KeyHoles => ref Scalar<TKeyIndex>(Shape.KeyHoles);

    internal ref TValueIndex ValueHoles => ref Scalar<TValueIndex>(Shape.ValueHoles);

    internal ref ulong LayoutId => ref Scalar<ulong>(Shape.StoredLayoutId);

    internal ref ulong HashSeed => ref Scalar<ulong>(Shape.HashSeed);

    internal ref ushort ArenaUsed => ref Scalar<ushort>(Shape.ArenaUsed);

    // The layout aligns every field to its element size, and the generator wrote the offsets and lengths of this very struct.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<T> Array<T>(FlatMapShape.FieldRange range) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref Unsafe.Add(ref _start, range.Offset)), range.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref T Scalar<T>(int offset) => ref Unsafe.As<byte, T>(ref Unsafe.Add(ref _start, offset));
}

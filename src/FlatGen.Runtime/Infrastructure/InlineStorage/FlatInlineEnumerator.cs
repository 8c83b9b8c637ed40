using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// Enumerates an inline map's keys in first-insertion order, each with its values, without allocating: what a map's
/// <c>GetEnumerator</c> returns, for <c>foreach</c>. Generic only over the index types, so every map with the same
/// ones runs one compiled copy.
/// </summary>
/// <typeparam name="TKeyIndex">The map's key index type.</typeparam>
/// <typeparam name="TValueIndex">The map's value index type.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct FlatInlineEnumerator<TKeyIndex, TValueIndex>
{
    private readonly ref readonly FlatMapShape _shape;
    private readonly ReadOnlySpan<byte> _arena;
    private readonly ReadOnlySpan<ushort> _keyOffsets;
    private readonly ReadOnlySpan<ushort> _keyLengths;
    private readonly ReadOnlySpan<TValueIndex> _starts;
    private readonly ReadOnlySpan<TValueIndex> _counts;
    private readonly ReadOnlySpan<ushort> _valueOffsets;
    private readonly ReadOnlySpan<ushort> _valueLengths;
    private FlatEntryCursor<TValueIndex> _cursor;

    /// <summary>Initializes a new instance of the <see cref="FlatInlineEnumerator{TKeyIndex, TValueIndex}"/> struct over <paramref name="map"/>.</summary>
    /// <param name="map">The map's fields.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FlatInlineEnumerator(FlatMapFields<TKeyIndex, TValueIndex> map)
        : this(in map.Shape, FlatInteger.ToInt32(map.Count), map.Arena, map.KeyOffsets, map.KeyLengths, map.ValueStarts, map.ValueCounts, map.ValueOffsets, map.ValueLengths, in map.Version)
    {
    }

    // The spans are taken where the map's fields are a parameter, which the JIT sees through to its shape's constants.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FlatInlineEnumerator(
        ref readonly FlatMapShape shape,
        int count,
        ReadOnlySpan<byte> arena,
        ReadOnlySpan<ushort> keyOffsets,
        ReadOnlySpan<ushort> keyLengths,
        ReadOnlySpan<TValueIndex> starts,
        ReadOnlySpan<TValueIndex> counts,
        ReadOnlySpan<ushort> valueOffsets,
        ReadOnlySpan<ushort> valueLengths,
        ref readonly uint version)
    {
        _shape = ref shape;
        _arena = arena;
        _keyOffsets = keyOffsets;
        _keyLengths = keyLengths;
        _starts = starts;
        _counts = counts;
        _valueOffsets = valueOffsets;
        _valueLengths = valueLengths;
        _cursor = new FlatEntryCursor<TValueIndex>(counts.Slice(0, count), in version);
    }

    /// <summary>Gets the entry at the current position.</summary>
    public readonly FlatInlineEntry Current
    {
        get
        {
            int index = _cursor.Index;
            return new(Range(_shape, _arena, _keyOffsets[index], _keyLengths[index]), Values(_shape, _arena, _starts, _counts, _valueOffsets, _valueLengths, index));
        }
    }

    /// <summary>Advances to the next key.</summary>
    /// <returns><see langword="true"/> if there is a next key.</returns>
    /// <exception cref="InvalidOperationException">The map was modified after the enumerator was created.</exception>
    public bool MoveNext() => _cursor.MoveNext();

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This enumerator.</returns>
    public readonly FlatInlineEnumerator<TKeyIndex, TValueIndex> GetEnumerator() => this;

    /// <summary>Key <paramref name="keyIndex"/>'s run of values; a run outside the tables (only concurrent use makes one) throws.</summary>
    internal static FlatInlineValues Values(
        in FlatMapShape shape, ReadOnlySpan<byte> arena, ReadOnlySpan<TValueIndex> starts, ReadOnlySpan<TValueIndex> counts,
        ReadOnlySpan<ushort> valueOffsets, ReadOnlySpan<ushort> valueLengths, int keyIndex)
    {
        int start = FlatInteger.ToInt32(starts[keyIndex]);
        int count = FlatInteger.ToInt32(counts[keyIndex]);
        if (start + count > valueOffsets.Length)
        {
            FlatThrow.ConcurrentUse(shape.MapName);
        }

        return new FlatInlineValues(arena, valueOffsets.Slice(start, count), valueLengths.Slice(start, count));
    }

    /// <summary>A range of the arena; one outside it (only concurrent use makes one) throws.</summary>
    internal static ReadOnlySpan<byte> Range(in FlatMapShape shape, ReadOnlySpan<byte> arena, int offset, int length)
    {
        if (offset + length > arena.Length)
        {
            FlatThrow.ConcurrentUse(shape.MapName);
        }

        return arena.Slice(offset, length);
    }
}

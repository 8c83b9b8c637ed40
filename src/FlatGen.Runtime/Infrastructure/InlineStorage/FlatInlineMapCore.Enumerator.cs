using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

public abstract partial class FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>
{
    /// <summary>Enumerates an inline map's keys in first-insertion order, each with its values, without allocating.</summary>
    /// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ref struct Enumerator
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

        /// <summary>Initializes a new instance of the <see cref="Enumerator"/> struct over <paramref name="map"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Enumerator(FlatMapFields<TKeyIndex, TValueIndex> map)
            : this(in map.Shape, FlatInteger.ToInt32(map.Count), map.Arena, map.KeyOffsets, map.KeyLengths, map.ValueStarts, map.ValueCounts, map.ValueOffsets, map.ValueLengths, in map.Version)
        {
        }

        // The spans are taken where the map's fields are a parameter, which the JIT sees through to its shape's constants.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Enumerator(
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
        public readonly Enumerator GetEnumerator() => this;
    }
}

using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

public abstract partial class FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>
{
    /// <summary>Enumerates a map's keys in first-insertion order, each with its values, without allocating.</summary>
    /// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ref struct Enumerator
    {
        private readonly ref readonly FlatMapShape _shape;
        private readonly ReadOnlySpan<string?> _keys;
        private readonly ReadOnlySpan<uint> _keyHashes;
        private readonly ReadOnlySpan<string?> _values;
        private readonly ReadOnlySpan<TValueIndex> _starts;
        private readonly ReadOnlySpan<TValueIndex> _counts;
        private FlatEntryCursor<TValueIndex> _cursor;

        /// <summary>Initializes a new instance of the <see cref="Enumerator"/> struct over <paramref name="map"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Enumerator(FlatMapFields<TKeyIndex, TValueIndex> map)
            : this(in map.Shape, FlatInteger.ToInt32(map.Count), map.Keys, map.KeyHashes, map.Values, map.ValueStarts, map.ValueCounts, in map.Version)
        {
        }

        // The spans are taken where the map's fields are a parameter, which the JIT sees through to its shape's constants;
        // every per-key span is sliced to the count, so the cursor's index is in range of all of them.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Enumerator(
            ref readonly FlatMapShape shape,
            int count,
            ReadOnlySpan<string?> keys,
            ReadOnlySpan<uint> keyHashes,
            ReadOnlySpan<string?> values,
            ReadOnlySpan<TValueIndex> starts,
            ReadOnlySpan<TValueIndex> counts,
            ref readonly uint version)
        {
            _shape = ref shape;
            _keys = keys.Slice(0, count);
            _keyHashes = keyHashes.Slice(0, count);
            _values = values;
            _starts = starts.Slice(0, count);
            _counts = counts.Slice(0, count);
            _cursor = new FlatEntryCursor<TValueIndex>(_counts, in version);
        }

        /// <summary>Gets the entry at the current position.</summary>
        public readonly FlatReferenceEntry Current
        {
            get
            {
                int index = _cursor.Index;
                return new(KeyAt(_shape, _keys, _keyHashes, index), Run(_shape, _values, FlatInteger.ToInt32(_starts[index]), FlatInteger.ToInt32(_counts[index])));
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

using System;
using System.ComponentModel;

namespace FlatGen.Infrastructure;

public static partial class FlatInlineMapCore<TMap, TKeyIndex, TValueIndex, TComparer>
{
    /// <summary>Enumerates an inline map's keys in first-insertion order, each with its values, without allocating.</summary>
    /// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _arena;
        private readonly ReadOnlySpan<ushort> _keyOffsets;
        private readonly ReadOnlySpan<ushort> _keyLengths;
        private readonly ReadOnlySpan<TValueIndex> _starts;
        private readonly ReadOnlySpan<TValueIndex> _counts;
        private readonly ReadOnlySpan<ushort> _valueOffsets;
        private readonly ReadOnlySpan<ushort> _valueLengths;
        private readonly ref readonly uint _version;
        private readonly uint _expectedVersion;
        private int _index;

        /// <summary>Initializes a new instance of the <see cref="Enumerator"/> struct over <paramref name="map"/>.</summary>
        public Enumerator(ref TMap map)
        {
            int count = FlatInteger.ToInt32(TMap.GetCount(ref map));
            _arena = TMap.GetArena(ref map);
            _keyOffsets = TMap.GetKeyOffsets(ref map).Slice(0, count);
            _keyLengths = TMap.GetKeyLengths(ref map);
            _starts = TMap.GetValueStarts(ref map);
            _counts = TMap.GetValueCounts(ref map);
            _valueOffsets = TMap.GetValueOffsets(ref map);
            _valueLengths = TMap.GetValueLengths(ref map);
            _version = ref TMap.GetVersion(ref map);
            _expectedVersion = _version;
            _index = -1;
        }

        /// <summary>Gets the entry at the current position.</summary>
        public readonly FlatInlineEntry Current
        {
            get => new(
                Range(_arena, _keyOffsets[_index], _keyLengths[_index]),
                Values(_arena, _starts, _counts, _valueOffsets, _valueLengths, _index));
        }

        /// <summary>Advances to the next key.</summary>
        /// <returns><see langword="true"/> if there is a next key.</returns>
        /// <exception cref="InvalidOperationException">The map was modified after the enumerator was created.</exception>
        public bool MoveNext()
        {
            if (_version != _expectedVersion)
            {
                FlatThrow.ModifiedWhileEnumerating();
            }

            return ++_index < _keyOffsets.Length;
        }

        /// <summary>Returns this enumerator.</summary>
        public readonly Enumerator GetEnumerator() => this;
    }
}

using System;
using FlatGen.Infrastructure;

namespace FlatGen;

/// <summary>
/// The values of one key of an inline flat multi-map, in the order they were added, as UTF-8 bytes over the
/// map's own storage. Reading them allocates nothing; <see cref="GetString"/> makes a string when one is needed.
/// </summary>
public readonly ref struct FlatInlineValues
{
    private readonly ReadOnlySpan<byte> _arena;
    private readonly ReadOnlySpan<ushort> _offsets;
    private readonly ReadOnlySpan<ushort> _lengths;

    /// <summary>Initializes a new instance of the <see cref="FlatInlineValues"/> struct over a run of values in an arena.</summary>
    /// <param name="arena">The map's arena.</param>
    /// <param name="offsets">Each value's offset in <paramref name="arena"/>.</param>
    /// <param name="lengths">Each value's length in bytes.</param>
    internal FlatInlineValues(ReadOnlySpan<byte> arena, ReadOnlySpan<ushort> offsets, ReadOnlySpan<ushort> lengths)
    {
        _arena = arena;
        _offsets = offsets;
        _lengths = lengths;
    }

    /// <summary>Gets the number of values; 0 when the key is absent.</summary>
    public int Count => _offsets.Length;

    /// <summary>Gets whether there are no values (the key is absent).</summary>
    public bool IsEmpty => _offsets.IsEmpty;

    /// <summary>Gets the UTF-8 bytes of the value at <paramref name="index"/>.</summary>
    /// <param name="index">The value's position, from 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the values.</exception>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            int offset = _offsets[index];
            int length = _lengths[index];
            if (offset + length > _arena.Length)
            {
                FlatThrow.ConcurrentUse(mapName: null); // The map changed under this view on another thread.
            }

            return _arena.Slice(offset, length);
        }
    }

    /// <summary>Decodes the value at <paramref name="index"/> into a new string.</summary>
    /// <param name="index">The value's position, from 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The value as a string.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the values.</exception>
    public string GetString(int index) => DecodedUtf8.ToString(this[index]);

    /// <summary>Decodes every value into a new array of strings.</summary>
    /// <returns>The values as strings, in order.</returns>
    public string[] ToArray()
    {
        var values = new string[Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = GetString(i);
        }

        return values;
    }

    /// <summary>Returns an enumerator over the values' UTF-8 bytes.</summary>
    /// <returns>An enumerator that allocates nothing.</returns>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the values of one key as UTF-8 bytes.</summary>
    public ref struct Enumerator
    {
        private readonly FlatInlineValues _values;
        private int _index;

        internal Enumerator(FlatInlineValues values)
        {
            _values = values;
            _index = -1;
        }

        /// <summary>Gets the UTF-8 bytes of the current value.</summary>
        public readonly ReadOnlySpan<byte> Current => _values[_index];

        /// <summary>Advances to the next value.</summary>
        /// <returns><see langword="true"/> if there is a next value; otherwise, <see langword="false"/>.</returns>
        public bool MoveNext() => ++_index < _values.Count;
    }
}

using System;
using FlatGen.Infrastructure;

namespace FlatGen;

/// <summary>
/// The values of one key of a <see cref="FlatPackedMap"/>, in the order they were added, as UTF-8 bytes over the
/// packed map's own bytes. Reading them allocates nothing; <see cref="GetString"/> makes a string when one is needed.
/// </summary>
/// <remarks>Values are stored one after another, each after its length: <see cref="this[int]"/> walks to its value, and <c>foreach</c> reads them in one pass.</remarks>
public readonly ref struct FlatPackedValues
{
    // The key's values: each a varint length and its bytes; the span may run on past the last one.
    private readonly ReadOnlySpan<byte> _run;

    internal FlatPackedValues(ReadOnlySpan<byte> run, int count)
    {
        _run = run;
        Count = count;
    }

    /// <summary>Gets the number of values; 0 when the key is absent.</summary>
    public int Count { get; }

    /// <summary>Gets whether there are no values (the key is absent).</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Gets the UTF-8 bytes of the value at <paramref name="index"/>.</summary>
    /// <param name="index">The value's position, from 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the values.</exception>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                ThrowIndex(index);
            }

            int offset = 0;
            for (int i = 0; i < index; i++)
            {
                int skipped = FlatPackedFormat.ReadVarint(_run, ref offset);
                offset += skipped;
            }

            int length = FlatPackedFormat.ReadVarint(_run, ref offset);
            return _run.Slice(offset, length);
        }
    }

    /// <summary>Decodes the value at <paramref name="index"/> into a new string.</summary>
    /// <param name="index">The value's position, from 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The value as a string.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the values.</exception>
    public string GetString(int index) => DecodedUtf8.ToString(this[index]);

    /// <summary>Decodes every value into a new array of strings.</summary>
    /// <returns>The values as strings, in order.</returns>
    public string[] ToArray()
    {
        var values = new string[Count];
        int i = 0;
        foreach (ReadOnlySpan<byte> value in this)
        {
            values[i++] = DecodedUtf8.ToString(value);
        }

        return values;
    }

    /// <summary>Returns whether these values and <paramref name="other"/> are the same byte for byte, in the same order.</summary>
    internal bool SequenceEqual(FlatPackedValues other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        Enumerator theirs = other.GetEnumerator();
        foreach (ReadOnlySpan<byte> value in this)
        {
            theirs.MoveNext();
            if (!value.SequenceEqual(theirs.Current))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns an enumerator over the values' UTF-8 bytes.</summary>
    /// <returns>An enumerator that allocates nothing.</returns>
    public Enumerator GetEnumerator() => new(this);

    private static void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "The index is outside the key's values.");

    /// <summary>Enumerates the values of one key as UTF-8 bytes, in one pass.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _run;
        private int _remaining;
        private int _offset;

        internal Enumerator(FlatPackedValues values)
        {
            _run = values._run;
            _remaining = values.Count;
            _offset = 0;
            Current = default;
        }

        /// <summary>Gets the UTF-8 bytes of the current value.</summary>
        public ReadOnlySpan<byte> Current { get; private set; }

        /// <summary>Advances to the next value.</summary>
        /// <returns><see langword="true"/> if there is a next value; otherwise, <see langword="false"/>.</returns>
        public bool MoveNext()
        {
            if (_remaining == 0)
            {
                return false;
            }

            _remaining--;
            int length = FlatPackedFormat.ReadVarint(_run, ref _offset);
            Current = _run.Slice(_offset, length);
            _offset += length;
            return true;
        }
    }
}

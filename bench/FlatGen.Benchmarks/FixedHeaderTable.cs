using System.Runtime.CompilerServices;
using FlatGen.Infrastructure;

namespace FlatGen.Benchmarks;

/// <summary>
/// The floor of the request and real-traffic cycles: the least work a fixed-capacity map of header names to values does. Each
/// name is hashed once with FlatGen's own ignore-case hash (seeded per process, as a server's map must be against
/// chosen names), one slot is probed, and the name and value are stored; a name's later values are chained, as
/// hyper's <c>HeaderMap</c> chains them. Not a map to use: no removal, no version check, no spare room, a fixed
/// 32 names and 64 values.
/// </summary>
public struct FixedHeaderTable
{
    private const int NameCapacity = 32;
    private const int ValueCapacity = 64;
    private const int SlotBits = 6; // 64 slots: at most half in use.

    private Names _names;
    private Values _values;
    private Numbers _hashes;
    private Numbers _firstValues;
    private Numbers _lastValues;
    private Numbers _valueCounts;
    private Numbers _nextValues;
    private Slots _slots;
    private int _count;
    private int _valueCount;

    /// <summary>
    /// One server cycle, as the cycles' maps run it: adds every line, reads how many values each name of
    /// <paramref name="reads"/> has, writes every header out if <paramref name="writesOut"/>, clears.
    /// </summary>
    /// <returns>What the cycle read.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Into each benchmark's own loop over the sets, as the loop was written there.
    public int Cycle((string Name, string Value)[] lines, string[] reads, bool writesOut)
    {
        foreach ((string name, string value) in lines)
        {
            Add(name, value);
        }

        int read = 0;
        foreach (string name in reads)
        {
            read += ValueCountOf(name);
        }

        if (writesOut)
        {
            read += EnumerateAll();
        }

        Clear();
        return read;
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="name"/>'s values.</summary>
    /// <remarks>
    /// Never inlined, as it was while each cycle's loop was its benchmark's own: inlined into <see cref="Cycle"/> with the
    /// lookup, the JIT's code for the cycle took the floor to 1.3-1.4× its time (bench/results/analysis.md).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Add(string name, string value)
    {
        if (_count == NameCapacity || _valueCount == ValueCapacity)
        {
            throw new InvalidOperationException("The floor's table is full.");
        }

        uint hash = FlatOrdinalIgnoreCaseComparer.Hash(name);
        int slot = (int)(hash >> (32 - SlotBits));
        for (int entry; (entry = _slots[slot]) != 0; slot = (slot + 1) & ((1 << SlotBits) - 1))
        {
            if ((uint)_hashes[entry - 1] == hash && string.Equals(_names[entry - 1], name, StringComparison.OrdinalIgnoreCase))
            {
                _nextValues[_lastValues[entry - 1]] = _valueCount;
                _lastValues[entry - 1] = _valueCount;
                _valueCounts[entry - 1]++;
                _values[_valueCount++] = value;
                return;
            }
        }

        _hashes[_count] = (int)hash;
        _firstValues[_count] = _valueCount;
        _lastValues[_count] = _valueCount;
        _valueCounts[_count] = 1;
        _slots[slot] = (byte)(_count + 1);
        _names[_count++] = name;
        _values[_valueCount++] = value;
    }

    /// <summary>Returns how many values <paramref name="name"/> has: one probe, as a read of its values makes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // As Add, for the same reason.
    public readonly int ValueCountOf(string name)
    {
        uint hash = FlatOrdinalIgnoreCaseComparer.Hash(name);
        for (int slot = (int)(hash >> (32 - SlotBits)), entry; (entry = _slots[slot]) != 0; slot = (slot + 1) & ((1 << SlotBits) - 1))
        {
            if ((uint)_hashes[entry - 1] == hash && string.Equals(_names[entry - 1], name, StringComparison.OrdinalIgnoreCase))
            {
                return _valueCounts[entry - 1];
            }
        }

        return 0;
    }

    /// <summary>Visits every name in the order added and its values: the sum of the names' lengths and the value counts.</summary>
    public readonly int EnumerateAll()
    {
        int total = 0;
        for (int i = 0; i < _count; i++)
        {
            total += _names[i]!.Length + _valueCounts[i];
        }

        return total;
    }

    /// <summary>Empties the table, letting go of every string.</summary>
    public void Clear()
    {
        ((Span<string?>)_names)[.._count].Clear();
        ((Span<string?>)_values)[.._valueCount].Clear();
        ((Span<byte>)_slots).Clear();
        _count = 0;
        _valueCount = 0;
    }

    [InlineArray(NameCapacity)]
    private struct Names
    {
        private string? _element;
    }

    [InlineArray(ValueCapacity)]
    private struct Values
    {
        private string? _element;
    }

    [InlineArray(ValueCapacity)]
    private struct Numbers
    {
        private int _element;
    }

    [InlineArray(1 << SlotBits)]
    private struct Slots
    {
        private byte _element;
    }
}

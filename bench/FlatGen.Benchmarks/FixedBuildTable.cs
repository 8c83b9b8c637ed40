using FlatGen.Infrastructure;

namespace FlatGen.Benchmarks;

/// <summary>
/// The floor of the build: the least work a fixed-capacity map of keys to values does to take them, as
/// <see cref="FixedHeaderTable"/> is for headers, but ordinal and sized for the workload. Each key is hashed once with
/// FlatGen's own ordinal hash (seeded per process), one slot is probed, and the key and value are stored; a key's later
/// values are chained. The arrays are made once and cleared before each build, where a map starts zeroed. Not a map to
/// use: no removal, no version check, no room check.
/// </summary>
internal sealed class FixedBuildTable
{
    private readonly string?[] _keys;
    private readonly uint[] _hashes;
    private readonly int[] _lastValues;
    private readonly int[] _valueCounts;
    private readonly string?[] _values;
    private readonly int[] _nextValues;
    private readonly int[] _slots;
    private readonly int _slotShift;
    private int _count;
    private int _valueCount;

    public FixedBuildTable(int keyCapacity, int valueCapacity)
    {
        int slotBits = 1;
        while (1 << slotBits < 2 * keyCapacity)
        {
            slotBits++;
        }

        _keys = new string?[keyCapacity];
        _hashes = new uint[keyCapacity];
        _lastValues = new int[keyCapacity];
        _valueCounts = new int[keyCapacity];
        _values = new string?[valueCapacity];
        _nextValues = new int[valueCapacity];
        _slots = new int[1 << slotBits];
        _slotShift = 32 - slotBits;
    }

    /// <summary>Gets the number of keys.</summary>
    public int Count => _count;

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values.</summary>
    public void Add(string key, string value)
    {
        uint hash = FlatOrdinalComparer.Hash(key);
        int mask = _slots.Length - 1;
        int slot = (int)(hash >> _slotShift);
        for (int entry; (entry = _slots[slot]) != 0; slot = (slot + 1) & mask)
        {
            if (_hashes[entry - 1] == hash && string.Equals(_keys[entry - 1], key, StringComparison.Ordinal))
            {
                _nextValues[_lastValues[entry - 1]] = _valueCount;
                _lastValues[entry - 1] = _valueCount;
                _valueCounts[entry - 1]++;
                _values[_valueCount++] = value;
                return;
            }
        }

        int added = _count++;
        _hashes[added] = hash;
        _lastValues[added] = _valueCount;
        _valueCounts[added] = 1;
        _keys[added] = key;
        _slots[slot] = added + 1;
        _values[_valueCount++] = value;
    }

    /// <summary>Empties the table, letting go of every string.</summary>
    public void Clear()
    {
        _keys.AsSpan(0, _count).Clear();
        _values.AsSpan(0, _valueCount).Clear();
        _slots.AsSpan().Clear();
        _count = 0;
        _valueCount = 0;
    }
}

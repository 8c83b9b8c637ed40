using System.Text;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// The reference a map is checked against: a list of keys in first-insertion order, each with a list of values.
/// A new key equal to one of <paramref name="knownKeys"/> is stored under the known key's spelling. With
/// <paramref name="inlineBytes"/>, the model also counts the UTF-8 bytes an inline map's arena holds.
/// </summary>
internal sealed class MultiMapModel(StringComparer comparer, int keyCapacity, int valueCapacity, IReadOnlyList<string>? knownKeys = null, int? inlineBytes = null)
{
    private readonly List<(string Key, List<string> Values)> _entries = [];

    public int Count => _entries.Count;

    public int ValueCount { get; private set; }

    /// <summary>The UTF-8 bytes of every key and value held.</summary>
    public int UsedBytes { get; private set; }

    /// <summary>Which capacity an add of <paramref name="value"/> to <paramref name="key"/> would exceed, or null when it fits.</summary>
    public string? MissingCapacity(string key, string value = "")
    {
        bool isNew = IndexOf(key) < 0;
        int bytes = Encoding.UTF8.GetByteCount(value) + (isNew ? Encoding.UTF8.GetByteCount(Spelling(key)) : 0);
        return isNew && Count == keyCapacity ? "KeyCapacity"
            : ValueCount == valueCapacity ? "ValueCapacity"
            : UsedBytes + bytes > inlineBytes ? "InlineBytes"
            : null;
    }

    public void Add(string key, string value)
    {
        int index = IndexOf(key);
        if (index < 0)
        {
            _entries.Add((Spelling(key), [value]));
            UsedBytes += Encoding.UTF8.GetByteCount(Spelling(key));
        }
        else
        {
            _entries[index].Values.Add(value);
        }

        ValueCount++;
        UsedBytes += Encoding.UTF8.GetByteCount(value);
    }

    public string[]? Get(string key) => IndexOf(key) is int index and >= 0 ? [.. _entries[index].Values] : null;

    public bool Remove(string key)
    {
        int index = IndexOf(key);
        if (index < 0)
        {
            return false;
        }

        ValueCount -= _entries[index].Values.Count;
        UsedBytes -= Encoding.UTF8.GetByteCount(_entries[index].Key) + _entries[index].Values.Sum(Encoding.UTF8.GetByteCount);
        _entries.RemoveAt(index);
        return true;
    }

    /// <summary>Which capacity setting <paramref name="key"/> to <paramref name="value"/> would exceed: a new key's as an add's; a present key's values are replaced, so only the arena can run out.</summary>
    public string? MissingCapacityForSet(string key, string value)
    {
        int index = IndexOf(key);
        if (index < 0)
        {
            return MissingCapacity(key, value);
        }

        int bytes = UsedBytes - _entries[index].Values.Sum(Encoding.UTF8.GetByteCount) + Encoding.UTF8.GetByteCount(value);
        return bytes > inlineBytes ? "InlineBytes" : null;
    }

    /// <summary>Makes <paramref name="value"/> the key's only value, in the key's place, or adds the key.</summary>
    public void Set(string key, string value)
    {
        int index = IndexOf(key);
        if (index < 0)
        {
            Add(key, value);
            return;
        }

        List<string> values = _entries[index].Values;
        ValueCount -= values.Count - 1;
        UsedBytes += Encoding.UTF8.GetByteCount(value) - values.Sum(Encoding.UTF8.GetByteCount);
        values.Clear();
        values.Add(value);
    }

    /// <summary>Removes the first value equal to <paramref name="value"/> (ordinally) from the key; a key left empty goes.</summary>
    public bool RemoveValue(string key, string value)
    {
        int index = IndexOf(key);
        int position = index < 0 ? -1 : _entries[index].Values.IndexOf(value);
        if (position < 0)
        {
            return false;
        }

        if (_entries[index].Values.Count == 1)
        {
            return Remove(key);
        }

        _entries[index].Values.RemoveAt(position);
        ValueCount--;
        UsedBytes -= Encoding.UTF8.GetByteCount(value);
        return true;
    }

    /// <summary>
    /// Adds as a map with <see cref="FlatOverflow.EvictOldest"/> does: while the add does not fit, the first-inserted key
    /// other than <paramref name="key"/> goes, unless the key alone, with its values and this one, would not fit.
    /// </summary>
    /// <returns>Whether the value was added; if not, nothing changed.</returns>
    public bool AddEvicting(string key, string value)
    {
        while (MissingCapacity(key, value) is not null)
        {
            if (!FitsAlone(key, value, set: false) || !EvictOldestOther(key))
            {
                return false;
            }
        }

        Add(key, value);
        return true;
    }

    /// <summary>Sets as a map with <see cref="FlatOverflow.EvictOldest"/> does (see <see cref="AddEvicting"/>).</summary>
    public bool SetEvicting(string key, string value)
    {
        while (MissingCapacityForSet(key, value) is not null)
        {
            if (!FitsAlone(key, value, set: true) || !EvictOldestOther(key))
            {
                return false;
            }
        }

        Set(key, value);
        return true;
    }

    /// <summary>Whether the key alone, holding what it would after the add or set, fits the capacities.</summary>
    private bool FitsAlone(string key, string value, bool set)
    {
        int index = IndexOf(key);
        bool appends = index >= 0 && !set;
        int values = (appends ? _entries[index].Values.Count : 0) + 1;
        int bytes = Encoding.UTF8.GetByteCount(index >= 0 ? _entries[index].Key : Spelling(key))
            + (appends ? _entries[index].Values.Sum(Encoding.UTF8.GetByteCount) : 0)
            + Encoding.UTF8.GetByteCount(value);
        return values <= valueCapacity && !(bytes > inlineBytes);
    }

    private bool EvictOldestOther(string key)
    {
        int oldest = _entries.FindIndex(e => !comparer.Equals(e.Key, key));
        return oldest >= 0 && Remove(_entries[oldest].Key);
    }

    /// <summary>Moves the key, with its values, after every other key; false if it is absent.</summary>
    public bool Touch(string key)
    {
        int index = IndexOf(key);
        if (index < 0)
        {
            return false;
        }

        var entry = _entries[index];
        _entries.RemoveAt(index);
        _entries.Add(entry);
        return true;
    }

    public void Clear()
    {
        _entries.Clear();
        ValueCount = 0;
        UsedBytes = 0;
    }

    public List<string[]> Entries() => _entries.Select(e => (string[])[e.Key, .. e.Values]).ToList();

    private string Spelling(string key) => knownKeys?.FirstOrDefault(known => comparer.Equals(known, key)) ?? key;

    private int IndexOf(string key) => _entries.FindIndex(e => comparer.Equals(e.Key, key));
}

namespace FlatGen.Tests.Runtime;

/// <summary>
/// The reference a map is checked against: a list of keys in first-insertion order, each with a list of values.
/// A new key equal to one of <paramref name="knownKeys"/> is stored under the known key's spelling.
/// </summary>
internal sealed class MultiMapModel(StringComparer comparer, int keyCapacity, int valueCapacity, IReadOnlyList<string>? knownKeys = null)
{
    private readonly List<(string Key, List<string> Values)> _entries = [];

    public int Count => _entries.Count;

    public int ValueCount { get; private set; }

    /// <summary>Which capacity an add of <paramref name="key"/> would exceed, or null when it fits.</summary>
    public string? MissingCapacity(string key) =>
        IndexOf(key) < 0 && Count == keyCapacity ? "KeyCapacity"
        : ValueCount == valueCapacity ? "ValueCapacity"
        : null;

    public void Add(string key, string value)
    {
        int index = IndexOf(key);
        if (index < 0)
        {
            string spelling = knownKeys?.FirstOrDefault(known => comparer.Equals(known, key)) ?? key;
            _entries.Add((spelling, [value]));
        }
        else
        {
            _entries[index].Values.Add(value);
        }

        ValueCount++;
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
        _entries.RemoveAt(index);
        return true;
    }

    public void Clear()
    {
        _entries.Clear();
        ValueCount = 0;
    }

    public List<string[]> Entries() => _entries.Select(e => (string[])[e.Key, .. e.Values]).ToList();

    private int IndexOf(string key) => _entries.FindIndex(e => comparer.Equals(e.Key, key));
}

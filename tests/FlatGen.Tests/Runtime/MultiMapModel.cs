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

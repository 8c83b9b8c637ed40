using System;

namespace FlatGen;

/// <summary>One key of a reference map (the default storage) with all its values, as enumerated: strings over the map's storage.</summary>
public readonly ref struct FlatReferenceEntry
{
    /// <summary>Initializes a new instance of the <see cref="FlatReferenceEntry"/> struct.</summary>
    /// <param name="key">The key.</param>
    /// <param name="values">The key's values, in the order they were added.</param>
    public FlatReferenceEntry(string key, ReadOnlySpan<string> values)
    {
        Key = key;
        Values = values;
    }

    /// <summary>Gets the key.</summary>
    public string Key { get; }

    /// <summary>Gets the key's values, in the order they were added, over the map's own storage.</summary>
    public ReadOnlySpan<string> Values { get; }

    /// <summary>Gets the key, as an inline map's entry gives it, so code reads the same for both storage modes.</summary>
    /// <returns><see cref="Key"/>.</returns>
    public string GetKeyString() => Key;

    /// <summary>Deconstructs the entry into its key and values.</summary>
    /// <param name="key">The key.</param>
    /// <param name="values">The key's values.</param>
    public void Deconstruct(out string key, out ReadOnlySpan<string> values)
    {
        key = Key;
        values = Values;
    }
}

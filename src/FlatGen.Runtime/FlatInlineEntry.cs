using System;
using FlatGen.Infrastructure;

namespace FlatGen;

/// <summary>One key of an inline flat multi-map with its values, as enumerated: UTF-8 bytes over the map's storage.</summary>
public readonly ref struct FlatInlineEntry
{
    /// <summary>Initializes a new instance of the <see cref="FlatInlineEntry"/> struct.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <param name="values">The key's values.</param>
    public FlatInlineEntry(ReadOnlySpan<byte> key, FlatInlineValues values)
    {
        Key = key;
        Values = values;
    }

    /// <summary>Gets the key's UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Key { get; }

    /// <summary>Gets the key's values, in the order they were added.</summary>
    public FlatInlineValues Values { get; }

    /// <summary>Decodes the key into a new string (a <see cref="ReadOnlySpan{T}"/> key cannot go into an interpolated string).</summary>
    /// <returns>The key as a string.</returns>
    public string GetKeyString() => DecodedUtf8.ToString(Key);

    /// <summary>Deconstructs the entry into its key's UTF-8 bytes and its values: <c>foreach (var (key, values) in map)</c>.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <param name="values">The key's values.</param>
    public void Deconstruct(out ReadOnlySpan<byte> key, out FlatInlineValues values)
    {
        key = Key;
        values = Values;
    }
}

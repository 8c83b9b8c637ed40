using System;
using FlatGen.Infrastructure;

namespace FlatGen;

/// <summary>One key of a <see cref="FlatPackedMap"/> with its values, as UTF-8 bytes over the packed map's own bytes.</summary>
public readonly ref struct FlatPackedEntry
{
    internal FlatPackedEntry(ReadOnlySpan<byte> key, FlatPackedValues values)
    {
        Key = key;
        Values = values;
    }

    /// <summary>Gets the key's UTF-8 bytes, spelled as it was first added (a known key as it was declared).</summary>
    public ReadOnlySpan<byte> Key { get; }

    /// <summary>Gets the key's values, in the order they were added; at least one.</summary>
    public FlatPackedValues Values { get; }

    /// <summary>Decodes the key into a new string.</summary>
    /// <returns>The key as a string.</returns>
    public string GetKeyString() => DecodedUtf8.ToString(Key);
}

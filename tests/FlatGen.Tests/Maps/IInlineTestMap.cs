using System.Diagnostics.CodeAnalysis;

namespace FlatGen.Tests.Maps;

/// <summary>
/// The generated members of an inline map (<see cref="FlatStorage.InlineUtf8"/>) that the tests call, so one
/// generic test body exercises every inline test map, beside the members of <see cref="IFlatMultiMap"/> every map has.
/// Only <see cref="Entries"/> and <see cref="EnumerateAll"/> are written by hand in each map's declaration.
/// </summary>
public interface IInlineTestMap<TSelf> : IFlatMultiMap
    where TSelf : struct, IInlineTestMap<TSelf>
{
    int InlineBytesUsed { get; }

    bool TryAdd(ReadOnlySpan<char> key, ReadOnlySpan<char> value);

    void Add(ReadOnlySpan<char> key, ReadOnlySpan<char> value);

    [UnscopedRef]
    bool TryGetValues(ReadOnlySpan<char> key, out FlatInlineValues values);

    [UnscopedRef]
    FlatInlineValues GetValues(ReadOnlySpan<char> key);

    [UnscopedRef]
    FlatInlineValues GetValues(ReadOnlySpan<byte> key);

    [UnscopedRef]
    ReadOnlySpan<byte> AsBytes();

    static abstract bool TryRead(ReadOnlySpan<byte> bytes, out TSelf map);

    static abstract TSelf Read(ReadOnlySpan<byte> bytes);

    static abstract FlatLayout Layout { get; }

    /// <summary>The map's entries as enumerated by <c>foreach</c>, decoded: each is the key followed by its values.</summary>
    List<string[]> Entries();

    /// <summary>Enumerates the map with <c>foreach</c>, allocating nothing: the sum of key and value byte lengths and value counts.</summary>
    int EnumerateAll();
}

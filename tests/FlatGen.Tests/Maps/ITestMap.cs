using System.Diagnostics.CodeAnalysis;

namespace FlatGen.Tests.Maps;

/// <summary>
/// The generated members the tests call (those of <see cref="IFlatMultiMap"/>, which every map implements, and the
/// values of reference storage), so one generic test body (constrained to a struct, so never boxed)
/// exercises every test map. The generated structs implement it with their own members; only
/// <see cref="Entries"/> is written by hand in each map's declaration, since each map has its own enumerator type.
/// </summary>
public interface ITestMap : IFlatMultiMap
{
    [UnscopedRef]
    bool TryGetValues(ReadOnlySpan<char> key, out ReadOnlySpan<string> values);

    [UnscopedRef]
    ReadOnlySpan<string> GetValues(ReadOnlySpan<char> key);

    [UnscopedRef]
    bool TryGetValues(ReadOnlySpan<byte> key, out ReadOnlySpan<string> values);

    [UnscopedRef]
    ReadOnlySpan<string> GetValues(ReadOnlySpan<byte> key);

    /// <summary>The map's entries as enumerated by <c>foreach</c>, copied out: each is the key followed by its values.</summary>
    List<string[]> Entries();

    /// <summary>Enumerates the map with <c>foreach</c>, allocating nothing: the sum of key lengths and value counts.</summary>
    int EnumerateAll();
}

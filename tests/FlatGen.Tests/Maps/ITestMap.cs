using System.Diagnostics.CodeAnalysis;

namespace FlatGen.Tests.Maps;

/// <summary>
/// The generated members the tests call, so one generic test body (constrained to a struct, so never boxed)
/// exercises every test map. The generated structs implement it with their own members; only
/// <see cref="Entries"/> is written by hand in each map's declaration, since each map has its own enumerator type.
/// </summary>
public interface ITestMap
{
    int Count { get; }

    int ValueCount { get; }

    bool TryAdd(string key, string value);

    void Add(string key, string value);

    bool TryAdd(ReadOnlySpan<char> key, string value);

    void Add(ReadOnlySpan<char> key, string value);

    [UnscopedRef]
    bool TryGetValues(ReadOnlySpan<char> key, out ReadOnlySpan<string> values);

    [UnscopedRef]
    ReadOnlySpan<string> GetValues(ReadOnlySpan<char> key);

    bool ContainsKey(ReadOnlySpan<char> key);

    bool Remove(ReadOnlySpan<char> key);

    bool TryAdd(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    [UnscopedRef]
    bool TryGetValues(ReadOnlySpan<byte> key, out ReadOnlySpan<string> values);

    [UnscopedRef]
    ReadOnlySpan<string> GetValues(ReadOnlySpan<byte> key);

    bool ContainsKey(ReadOnlySpan<byte> key);

    bool Remove(ReadOnlySpan<byte> key);

    bool TrySet(string key, string value);

    void Set(string key, string value);

    bool Remove(string key, string value);

    string? GetFirstOrDefault(string key);

    void Clear();

    Dictionary<string, string[]> ToDictionary();

    /// <summary>The map's entries as enumerated by <c>foreach</c>, copied out: each is the key followed by its values.</summary>
    List<string[]> Entries();

    /// <summary>Enumerates the map with <c>foreach</c>, allocating nothing: the sum of key lengths and value counts.</summary>
    int EnumerateAll();
}

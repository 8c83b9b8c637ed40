using System.Diagnostics.CodeAnalysis;

namespace FlatGen.Benchmarks;

/// <summary>
/// The generated members the benchmarks call, so one generic benchmark body runs every map. Constrained to a
/// struct, the calls are direct: the JIT specialises the body per map, as user code calling the map would be.
/// </summary>
public interface IBenchMap
{
    int Count { get; }

    void Add(string key, string value);

    [UnscopedRef]
    ReadOnlySpan<string> GetValues(ReadOnlySpan<char> key);

    bool Remove(string key);

    void Clear();

    /// <summary>Enumerates with <c>foreach</c>: the sum of key lengths and value counts.</summary>
    int EnumerateAll();
}

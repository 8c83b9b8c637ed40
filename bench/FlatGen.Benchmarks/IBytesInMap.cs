using System.Diagnostics.CodeAnalysis;

namespace FlatGen.Benchmarks;

/// <summary>The generated members the bytes-in cycle calls (<see cref="BytesInCycle"/>), so one body runs every reference map it measures.</summary>
public interface IBytesInMap
{
    void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    [UnscopedRef]
    ReadOnlySpan<string> GetValues(string key);

    void Clear();
}

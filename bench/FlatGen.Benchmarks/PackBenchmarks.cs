using BenchmarkDotNet.Attributes;

namespace FlatGen.Benchmarks;

/// <summary>
/// Packing a map for keeping, against building it: every response set of the corpus added to a map ignoring case
/// (and cleared), against every such map, already built, packed with <c>TryPack</c> into a buffer reused. The floor
/// is the least any packing does: every name and value written as UTF-8 into a buffer, with no index and no hash.
/// </summary>
public class PackBenchmarks
{
    private (string Name, string Value)[][] _sets = [];
    private TrafficHeaderMap[] _built = [];
    private readonly byte[] _buffer = new byte[64 * 1024];
    private TrafficHeaderMap _map;

    [GlobalSetup]
    public void Setup()
    {
        _sets = HeaderCorpus.Responses;
        _built = [.. _sets.Select(KeptResponses.Map)];
    }

    [Benchmark(Baseline = true)]
    public int Build()
    {
        int total = 0;
        foreach ((string Name, string Value)[] set in _sets)
        {
            foreach ((string name, string value) in set)
            {
                _map.Add(name, value);
            }

            total += _map.Count;
            _map.Clear();
        }

        return total;
    }

    [Benchmark]
    public int FloorUtf8()
    {
        int total = 0;
        foreach ((string Name, string Value)[] set in _sets)
        {
            int written = 0;
            foreach ((string name, string value) in set)
            {
                written += System.Text.Encoding.UTF8.GetBytes(name, _buffer.AsSpan(written));
                written += System.Text.Encoding.UTF8.GetBytes(value, _buffer.AsSpan(written));
            }

            total += written;
        }

        return total;
    }

    [Benchmark]
    public int FlatGen()
    {
        int total = 0;
        for (int i = 0; i < _built.Length; i++)
        {
            _built[i].TryPack(_buffer, out int written);
            total += written;
        }

        return total;
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>
/// Reading cached responses: every response set of the corpus kept, as a response cache keeps it, in a
/// <c>Dictionary&lt;string, StringValues&gt;</c> ignoring case and as a <see cref="FlatPackedMap"/>; five reads a set
/// as middleware makes them (<see cref="HeaderCorpus.ResponseReads"/>, one usually absent).
/// </summary>
public class PackedLookupBenchmarks
{
    private Dictionary<string, StringValues>[] _dictionaries = [];
    private FlatPackedMap[] _packed = [];

    [GlobalSetup]
    public void Setup()
    {
        (string Name, string Value)[][] sets = HeaderCorpus.Responses;
        _dictionaries = [.. sets.Select(KeptResponses.Dictionary)];
        _packed = [.. sets.Select(KeptResponses.Packed)];
    }

    [Benchmark(Baseline = true)]
    public int DictionaryOfStringValues()
    {
        int total = 0;
        foreach (Dictionary<string, StringValues> set in _dictionaries)
        {
            foreach (string name in HeaderCorpus.ResponseReads)
            {
                total += set.TryGetValue(name, out StringValues values) ? values.Count : 0;
            }
        }

        return total;
    }

    [Benchmark]
    public int FlatGen()
    {
        int total = 0;
        foreach (FlatPackedMap set in _packed)
        {
            foreach (string name in HeaderCorpus.ResponseReads)
            {
                total += set.GetValues(name).Count;
            }
        }

        return total;
    }
}

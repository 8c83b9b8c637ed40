using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace FlatGen.Benchmarks;

/// <summary>
/// Where <see cref="TagList"/> fits: 8 tags of one value each, collected and read back per operation, as metrics
/// code does. TagList holds 8 tags inline and has no lookup, so it is read by a linear scan.
/// </summary>
public class TagListBenchmarks
{
    private (string Key, string Value)[] _tags = [];
    private string[] _reads = [];

    [GlobalSetup]
    public void Setup()
    {
        Workload workload = Workload.Create(8, ignoreCase: false);
        _tags = workload.Keys.Zip(workload.Pairs.DistinctBy(p => p.Key), (key, pair) => (key, pair.Value)).ToArray();
        _reads = workload.HitProbes;
    }

    [Benchmark(Baseline = true)]
    public int DictionaryOfLists()
    {
        var tags = Competitors.Lists(_tags, StringComparer.Ordinal);
        int read = 0;
        foreach (string key in _reads)
        {
            read += tags.TryGetValue(key, out List<string>? values) ? values.Count : 0;
        }

        return read;
    }

    [Benchmark]
    public int TagList()
    {
        var tags = new TagList();
        foreach ((string key, string value) in _tags)
        {
            tags.Add(key, value);
        }

        int read = 0;
        foreach (string key in _reads)
        {
            for (int i = 0; i < tags.Count; i++)
            {
                if (string.Equals(tags[i].Key, key, StringComparison.Ordinal))
                {
                    read++;
                }
            }
        }

        return read;
    }

    [Benchmark]
    public int FlatGen()
    {
        var tags = new OrdinalMap8();
        Competitors.Fill(ref tags, _tags);
        int read = 0;
        foreach (string key in _reads)
        {
            read += tags.GetValues(key).Length;
        }

        return read;
    }
}

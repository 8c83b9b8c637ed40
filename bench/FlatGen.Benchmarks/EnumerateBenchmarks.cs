using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>Enumerate: visit every key and its values.</summary>
public class EnumerateBenchmarks
{
    private Dictionary<string, List<string>> _lists = [];
    private Dictionary<string, string[]> _arrays = [];
    private Dictionary<string, StringValues> _stringValues = [];
    private OrdinalMap8 _map8;
    private OrdinalMap32 _map32;
    private OrdinalMap128 _map128;
    private string[] _floorKeys = [];
    private int[] _floorCounts = [];

    [Params(8, 32, 128)]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Workload workload = Workload.Create(Keys, ignoreCase: false);
        _lists = Competitors.Lists(workload.Pairs, StringComparer.Ordinal);
        _arrays = Competitors.Arrays(workload.Pairs, StringComparer.Ordinal);
        _stringValues = Competitors.StringValues(workload.Pairs, StringComparer.Ordinal);
        Competitors.Fill(ref _map8, Keys == 8 ? workload.Pairs : []);
        Competitors.Fill(ref _map32, Keys == 32 ? workload.Pairs : []);
        Competitors.Fill(ref _map128, Keys == 128 ? workload.Pairs : []);
        _floorKeys = [.. _lists.Keys];
        _floorCounts = [.. _lists.Values.Select(static values => values.Count)];
    }

    [Benchmark(Baseline = true)]
    public int DictionaryOfLists()
    {
        int total = 0;
        foreach ((string key, List<string> values) in _lists)
        {
            total += key.Length + values.Count;
        }

        return total;
    }

    [Benchmark]
    public int DictionaryOfArrays()
    {
        int total = 0;
        foreach ((string key, string[] values) in _arrays)
        {
            total += key.Length + values.Length;
        }

        return total;
    }

    [Benchmark]
    public int DictionaryOfStringValues()
    {
        int total = 0;
        foreach ((string key, StringValues values) in _stringValues)
        {
            total += key.Length + values.Count;
        }

        return total;
    }

    /// <summary>
    /// The floor: the least work any enumeration does, each key's length and value count read from two arrays in
    /// insertion order, with no map, no holes to skip and no version to check.
    /// </summary>
    [Benchmark]
    public int FloorArrays()
    {
        string[] keys = _floorKeys;
        int[] counts = _floorCounts;
        int total = 0;
        for (int i = 0; i < keys.Length && i < counts.Length; i++)
        {
            total += keys[i].Length + counts[i];
        }

        return total;
    }

    [Benchmark]
    public int FlatGen() => Keys switch
    {
        8 => _map8.EnumerateAll(),
        32 => _map32.EnumerateAll(),
        _ => _map128.EnumerateAll(),
    };
}

using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace FlatGen.Benchmarks;

/// <summary>
/// Chosen keys: build a full map of 4,096 keys ignoring case and look each up once, with random keys and with keys
/// an attacker would choose (every 12-character string of '^' and '~', which a looser ASCII fold merges into one
/// hash). The target: chosen keys cost FlatGen at most 10× what random keys do.
/// </summary>
public class ChosenKeyBenchmarks
{
    private const int Capacity = 4096;
    private readonly Holder _holder = new();
    private (string Key, string Value)[] _pairs = [];

    public enum KeySet
    {
        Random,
        CaretTilde,
    }

    [Params(KeySet.Random, KeySet.CaretTilde)]
    public KeySet Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4096);
        string[] keys = Keys == KeySet.Random
            ? Enumerable.Range(0, Capacity).Select(i => "x-" + random.NextInt64().ToString("x", CultureInfo.InvariantCulture)[..10]).ToArray()
            : Enumerable.Range(0, Capacity).Select(bits => new string(Enumerable.Range(0, 12).Select(i => (bits >> i & 1) == 0 ? '^' : '~').ToArray())).ToArray();
        _pairs = keys.Select(k => (k, "v")).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int DictionaryOfArrays()
    {
        Dictionary<string, string[]> dictionary = Competitors.Arrays(_pairs, StringComparer.OrdinalIgnoreCase);
        int found = 0;
        foreach ((string key, _) in _pairs)
        {
            found += dictionary[key].Length;
        }

        return found;
    }

    [Benchmark]
    public int FlatGen()
    {
        ref IgnoreCaseMap4096 map = ref _holder.Map;
        map.Clear();
        Competitors.Fill(ref map, _pairs);
        int found = 0;
        foreach ((string key, _) in _pairs)
        {
            found += map.GetValues(key).Length;
        }

        return found;
    }

    private sealed class Holder
    {
        public IgnoreCaseMap4096 Map;
    }
}

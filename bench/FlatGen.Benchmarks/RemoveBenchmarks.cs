using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace FlatGen.Benchmarks;

/// <summary>
/// Remove: in a map of one value per key, full or half full, remove a key and add it back. The keys are taken in a
/// scattered order, so a removed key sits anywhere in insertion order, on average in the middle.
/// </summary>
public class RemoveBenchmarks
{
    private string[] _keys = [];
    private Dictionary<string, string[]> _arrays = [];
    private OrdinalMap128 _map128;
    private OrdinalMap1024 _map1024;
    private OrdinalMap4096 _map4096;
    private int _next;

    public enum Fullness
    {
        Full,
        Half,
    }

    [Params(128, 1024, 4096)]
    public int Keys { get; set; }

    [Params(Fullness.Full, Fullness.Half)]
    public Fullness Fill { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int count = Fill == Fullness.Full ? Keys : Keys / 2;
        _keys = Enumerable.Range(0, count).Select(i => "x-key-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        (string Key, string Value)[] pairs = _keys.Select(k => (k, "v")).ToArray();
        _arrays = Competitors.Arrays(pairs, StringComparer.Ordinal);
        Competitors.Fill(ref _map128, Keys == 128 ? pairs : []);
        Competitors.Fill(ref _map1024, Keys == 1024 ? pairs : []);
        Competitors.Fill(ref _map4096, Keys == 4096 ? pairs : []);
    }

    [Benchmark(Baseline = true)]
    public int DictionaryOfArrays()
    {
        string key = NextKey();
        _arrays.Remove(key);
        _arrays.Add(key, ["v"]);
        return _arrays.Count;
    }

    [Benchmark]
    public int FlatGen() => Keys switch
    {
        128 => RemoveAndAdd(ref _map128),
        1024 => RemoveAndAdd(ref _map1024),
        _ => RemoveAndAdd(ref _map4096),
    };

    // Each row's loop is a method of its own, as each competitor's loop is its benchmark method: inlined into the
    // one-line benchmark method, it would share that method's inlining budget (a multiple of its own size), and the
    // map's members ran out of it and stayed calls in some processes (bench/results/analysis.md).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int RemoveAndAdd<TMap>(ref TMap map)
        where TMap : struct, IBenchMap
    {
        string key = NextKey();
        map.Remove(key);
        map.Add(key, "v");
        return map.Count;
    }

    // 7919 is prime, so stepping by it visits every key before repeating.
    private string NextKey() => _keys[_next = (_next + 7919) % _keys.Length];
}

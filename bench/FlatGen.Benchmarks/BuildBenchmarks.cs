using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace FlatGen.Benchmarks;

/// <summary>Build: add every key and value to an empty map.</summary>
public class BuildBenchmarks
{
    private (string Key, string Value)[] _pairs = [];

    [Params(8, 32, 128)]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup() => _pairs = Workload.Create(Keys, ignoreCase: false).Pairs;

    [Benchmark(Baseline = true)]
    public object DictionaryOfLists() => Competitors.Lists(_pairs, StringComparer.Ordinal);

    [Benchmark]
    public object DictionaryOfArrays() => Competitors.Arrays(_pairs, StringComparer.Ordinal);

    [Benchmark]
    public object DictionaryOfStringValues() => Competitors.StringValues(_pairs, StringComparer.Ordinal);

    /// <summary>Shown separately: a frozen dictionary is built once and read many times.</summary>
    [Benchmark]
    public object FrozenDictionaryOfArrays() => Competitors.Frozen(_pairs, StringComparer.Ordinal);

    [Benchmark]
    public int FlatGen() => Keys switch
    {
        8 => Build<OrdinalMap8>(),
        32 => Build<OrdinalMap32>(),
        _ => Build<OrdinalMap128>(),
    };

    // Each row's loop is a method of its own, as each competitor's loop is its benchmark method: inlined into the
    // one-line benchmark method, it would share that method's inlining budget (a multiple of its own size), and the
    // map's members ran out of it and stayed calls in some processes (bench/results/analysis.md).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Build<TMap>()
        where TMap : struct, IBenchMap
    {
        var map = new TMap();
        Competitors.Fill(ref map, _pairs);
        return map.Count;
    }
}

using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace FlatGen.Benchmarks;

/// <summary>Build: add every key and value to an empty map.</summary>
public class BuildBenchmarks
{
    private (string Key, string Value)[] _pairs = [];
    private FixedBuildTable _fixedTable = new(1, 1);

    [Params(8, 32, 128)]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pairs = Workload.Create(Keys, ignoreCase: false).Pairs;
        _fixedTable = new FixedBuildTable(Keys, _pairs.Length);
    }

    [Benchmark(Baseline = true)]
    public object DictionaryOfLists() => Competitors.Lists(_pairs, StringComparer.Ordinal);

    [Benchmark]
    public object DictionaryOfArrays() => Competitors.Arrays(_pairs, StringComparer.Ordinal);

    [Benchmark]
    public object DictionaryOfStringValues() => Competitors.StringValues(_pairs, StringComparer.Ordinal);

    /// <summary>Shown separately: a frozen dictionary is built once and read many times.</summary>
    [Benchmark]
    public object FrozenDictionaryOfArrays() => Competitors.Frozen(_pairs, StringComparer.Ordinal);

    /// <summary>The floor: a fixed table made once, cleared, then each key hashed once, one probe, the stores.</summary>
    [Benchmark]
    public int FixedTable()
    {
        FixedBuildTable table = _fixedTable;
        table.Clear();
        foreach ((string key, string value) in _pairs)
        {
            table.Add(key, value);
        }

        return table.Count;
    }

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

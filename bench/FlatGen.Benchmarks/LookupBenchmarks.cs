using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>
/// Looks up every probe key once per invocation and counts the values found. The hit and miss workloads differ
/// only in their probes; both compare ordinally and ignoring case.
/// </summary>
public abstract class LookupBenchmarks
{
    private string[] _probes = [];
    private Dictionary<string, List<string>> _lists = [];
    private Dictionary<string, string[]> _arrays = [];
    private Dictionary<string, StringValues> _stringValues = [];
    private FrozenDictionary<string, string[]> _frozen = FrozenDictionary<string, string[]>.Empty;
    private OrdinalMap8 _ordinal8;
    private OrdinalMap32 _ordinal32;
    private OrdinalMap128 _ordinal128;
    private IgnoreCaseMap8 _ignoreCase8;
    private IgnoreCaseMap32 _ignoreCase32;
    private IgnoreCaseMap128 _ignoreCase128;

    [Params(8, 32, 128)]
    public int Keys { get; set; }

    [Params(FlatKeyComparison.Ordinal, FlatKeyComparison.OrdinalIgnoreCase)]
    public FlatKeyComparison Comparison { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        bool ignoreCase = Comparison == FlatKeyComparison.OrdinalIgnoreCase;
        StringComparer comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        Workload workload = Workload.Create(Keys, ignoreCase);
        _probes = Probes(workload);
        _lists = Competitors.Lists(workload.Pairs, comparer);
        _arrays = Competitors.Arrays(workload.Pairs, comparer);
        _stringValues = Competitors.StringValues(workload.Pairs, comparer);
        _frozen = Competitors.Frozen(workload.Pairs, comparer);
        Competitors.Fill(ref _ordinal8, Keys == 8 && !ignoreCase ? workload.Pairs : []);
        Competitors.Fill(ref _ordinal32, Keys == 32 && !ignoreCase ? workload.Pairs : []);
        Competitors.Fill(ref _ordinal128, Keys == 128 && !ignoreCase ? workload.Pairs : []);
        Competitors.Fill(ref _ignoreCase8, Keys == 8 && ignoreCase ? workload.Pairs : []);
        Competitors.Fill(ref _ignoreCase32, Keys == 32 && ignoreCase ? workload.Pairs : []);
        Competitors.Fill(ref _ignoreCase128, Keys == 128 && ignoreCase ? workload.Pairs : []);
    }

    [Benchmark(Baseline = true)]
    public int DictionaryOfLists()
    {
        int found = 0;
        foreach (string probe in _probes)
        {
            found += _lists.TryGetValue(probe, out List<string>? values) ? values.Count : 0;
        }

        return found;
    }

    [Benchmark]
    public int DictionaryOfArrays()
    {
        int found = 0;
        foreach (string probe in _probes)
        {
            found += _arrays.TryGetValue(probe, out string[]? values) ? values.Length : 0;
        }

        return found;
    }

    [Benchmark]
    public int DictionaryOfStringValues()
    {
        int found = 0;
        foreach (string probe in _probes)
        {
            found += _stringValues.TryGetValue(probe, out StringValues values) ? values.Count : 0;
        }

        return found;
    }

    [Benchmark]
    public int FrozenDictionaryOfArrays()
    {
        int found = 0;
        foreach (string probe in _probes)
        {
            found += _frozen.TryGetValue(probe, out string[]? values) ? values.Length : 0;
        }

        return found;
    }

    [Benchmark]
    public int FlatGen() => (Keys, Comparison) switch
    {
        (8, FlatKeyComparison.Ordinal) => Find(ref _ordinal8),
        (32, FlatKeyComparison.Ordinal) => Find(ref _ordinal32),
        (128, FlatKeyComparison.Ordinal) => Find(ref _ordinal128),
        (8, _) => Find(ref _ignoreCase8),
        (32, _) => Find(ref _ignoreCase32),
        _ => Find(ref _ignoreCase128),
    };

    protected abstract string[] Probes(Workload workload);

    private int Find<TMap>(ref TMap map)
        where TMap : struct, IBenchMap
    {
        int found = 0;
        foreach (string probe in _probes)
        {
            found += map.GetValues(probe).Length;
        }

        return found;
    }
}

/// <summary>Lookup hit: every probe is a key of the map, as a separate string instance (in another case when ignoring case).</summary>
public class LookupHitBenchmarks : LookupBenchmarks
{
    protected override string[] Probes(Workload workload) => workload.HitProbes;
}

/// <summary>Lookup miss: no probe is a key of the map.</summary>
public class LookupMissBenchmarks : LookupBenchmarks
{
    protected override string[] Probes(Workload workload) => workload.MissProbes;
}

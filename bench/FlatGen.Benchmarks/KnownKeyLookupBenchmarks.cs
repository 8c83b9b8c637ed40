using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>
/// Looks up 20 probes in a map of 20 request headers whose names are compile-time known keys for FlatGen. The
/// competitors hold the same 20 keys; FrozenDictionary is what .NET offers for a key set fixed up front.
/// </summary>
public abstract class KnownKeyLookupBenchmarks
{
    private string[] _probes = [];
    private Dictionary<string, List<string>> _lists = [];
    private Dictionary<string, string[]> _arrays = [];
    private Dictionary<string, StringValues> _stringValues = [];
    private FrozenDictionary<string, string[]> _frozen = FrozenDictionary<string, string[]>.Empty;
    private KnownHeaderMap _ignoreCase;
    private KnownHeaderOrdinalMap _ordinal;

    [Params(FlatKeyComparison.Ordinal, FlatKeyComparison.OrdinalIgnoreCase)]
    public FlatKeyComparison Comparison { get; set; }

    protected bool IgnoreCase => Comparison == FlatKeyComparison.OrdinalIgnoreCase;

    [GlobalSetup]
    public void Setup()
    {
        StringComparer comparer = IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        (string Key, string Value)[] pairs = KnownHeaders.Pairs();
        _probes = Probes();
        _lists = Competitors.Lists(pairs, comparer);
        _arrays = Competitors.Arrays(pairs, comparer);
        _stringValues = Competitors.StringValues(pairs, comparer);
        _frozen = Competitors.Frozen(pairs, comparer);
        _ignoreCase = default;
        _ordinal = default;
        Competitors.Fill(ref _ignoreCase, pairs);
        Competitors.Fill(ref _ordinal, pairs);
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

    /// <summary>The string lookup: the generated matcher finds the known key's slot, no hashing.</summary>
    [Benchmark]
    public int FlatGen() => IgnoreCase ? Find(ref _ignoreCase) : Find(ref _ordinal);

    protected abstract string[] Probes();

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

/// <summary>Known-key lookup hit: each of the 20 known keys, as a separate instance (upper case when ignoring case).</summary>
public class KnownKeyLookupHitBenchmarks : KnownKeyLookupBenchmarks
{
    protected override string[] Probes() => KnownHeaders.HitProbes(IgnoreCase);
}

/// <summary>Known-key lookup miss: 20 real header names that are neither known nor present.</summary>
public class KnownKeyLookupMissBenchmarks : KnownKeyLookupBenchmarks
{
    protected override string[] Probes() => KnownHeaders.MissProbes(IgnoreCase);
}

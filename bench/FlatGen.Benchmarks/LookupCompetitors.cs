using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>
/// The competitors of every lookup workload: each looks up every probe once per invocation and counts the values
/// found. A derived class chooses the keys and probes and adds the FlatGen benchmark, through <see cref="Find"/>.
/// </summary>
public abstract class LookupCompetitors
{
    private string[] _probes = [];
    private Dictionary<string, List<string>> _lists = [];
    private Dictionary<string, string[]> _arrays = [];
    private Dictionary<string, StringValues> _stringValues = [];
    private FrozenDictionary<string, string[]> _frozen = FrozenDictionary<string, string[]>.Empty;

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

    /// <summary>Fills every competitor with <paramref name="pairs"/> and keeps <paramref name="probes"/> to look up.</summary>
    protected void SetUpCompetitors((string Key, string Value)[] pairs, string[] probes, StringComparer comparer)
    {
        _probes = probes;
        _lists = Competitors.Lists(pairs, comparer);
        _arrays = Competitors.Arrays(pairs, comparer);
        _stringValues = Competitors.StringValues(pairs, comparer);
        _frozen = Competitors.Frozen(pairs, comparer);
    }

    /// <summary>FlatGen's side: the same probes, looked up in <paramref name="map"/>.</summary>
    protected int Find<TMap>(ref TMap map)
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

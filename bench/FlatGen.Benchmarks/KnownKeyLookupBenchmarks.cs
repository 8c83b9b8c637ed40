using BenchmarkDotNet.Attributes;

namespace FlatGen.Benchmarks;

/// <summary>
/// Looks up 20 probes in a map of 20 request headers whose names are compile-time known keys for FlatGen. The
/// competitors hold the same 20 keys; FrozenDictionary is what .NET offers for a key set fixed up front.
/// </summary>
public abstract class KnownKeyLookupBenchmarks : LookupCompetitors
{
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
        SetUpCompetitors(pairs, Probes(), comparer);
        _ignoreCase = default;
        _ordinal = default;
        Competitors.Fill(ref _ignoreCase, pairs);
        Competitors.Fill(ref _ordinal, pairs);
    }

    /// <summary>The string lookup: the generated matcher finds the known key's slot, no hashing.</summary>
    [Benchmark]
    public int FlatGen() => IgnoreCase ? Find(ref _ignoreCase) : Find(ref _ordinal);

    protected abstract string[] Probes();
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

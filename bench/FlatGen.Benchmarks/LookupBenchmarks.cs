using BenchmarkDotNet.Attributes;

namespace FlatGen.Benchmarks;

/// <summary>
/// Looks up every probe key once per invocation and counts the values found. The hit and miss workloads differ
/// only in their probes; both compare ordinally and ignoring case.
/// </summary>
public abstract class LookupBenchmarks : LookupCompetitors
{
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
        SetUpCompetitors(workload.Pairs, Probes(workload), comparer);
        Competitors.Fill(ref _ordinal8, Keys == 8 && !ignoreCase ? workload.Pairs : []);
        Competitors.Fill(ref _ordinal32, Keys == 32 && !ignoreCase ? workload.Pairs : []);
        Competitors.Fill(ref _ordinal128, Keys == 128 && !ignoreCase ? workload.Pairs : []);
        Competitors.Fill(ref _ignoreCase8, Keys == 8 && ignoreCase ? workload.Pairs : []);
        Competitors.Fill(ref _ignoreCase32, Keys == 32 && ignoreCase ? workload.Pairs : []);
        Competitors.Fill(ref _ignoreCase128, Keys == 128 && ignoreCase ? workload.Pairs : []);
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

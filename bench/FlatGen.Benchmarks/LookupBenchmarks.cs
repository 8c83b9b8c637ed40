using System.IO.Hashing;
using System.Runtime.InteropServices;
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
    private string[] _floorProbes = [];
    private string?[] _floorKeys = [];

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
        _floorProbes = Probes(workload);
        _floorKeys = FloorKeys(workload);
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

    /// <summary>
    /// The floor: the least work any map does per probe. A well-kept hash of it (XxHash3 over its UTF-16 bytes; the
    /// runtime's own ignore-case string hash), and for a hit one comparison with the key it finds; a miss is the hash alone.
    /// </summary>
    [Benchmark]
    public int Floor()
    {
        bool ignoreCase = Comparison == FlatKeyComparison.OrdinalIgnoreCase;
        int found = 0;
        ulong hashes = 0;
        string[] probes = _floorProbes;
        string?[] keys = _floorKeys;
        for (int i = 0; i < probes.Length; i++)
        {
            string probe = probes[i];
            hashes += ignoreCase
                ? (ulong)string.GetHashCode(probe, StringComparison.OrdinalIgnoreCase)
                : XxHash3.HashToUInt64(MemoryMarshal.AsBytes(probe.AsSpan()));
            if (keys[i] is string key && string.Equals(probe, key, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                found++;
            }
        }

        return found + (int)(hashes & 1);
    }

    protected abstract string[] Probes(Workload workload);

    /// <summary>For each probe, the stored key a hit compares it with; none for a miss.</summary>
    protected abstract string?[] FloorKeys(Workload workload);
}

/// <summary>Lookup hit: every probe is a key of the map, as a separate string instance (in another case when ignoring case).</summary>
public class LookupHitBenchmarks : LookupBenchmarks
{
    protected override string[] Probes(Workload workload) => workload.HitProbes;

    protected override string?[] FloorKeys(Workload workload) => workload.Keys;
}

/// <summary>Lookup miss: no probe is a key of the map.</summary>
public class LookupMissBenchmarks : LookupBenchmarks
{
    protected override string[] Probes(Workload workload) => workload.MissProbes;

    protected override string?[] FloorKeys(Workload workload) => new string?[workload.MissProbes.Length];
}

/// <summary>
/// Lookup miss of a stored key's length: no probe is a key of the map, and each has the length of one that is, so a
/// filter on lengths passes it and it is hashed and probed (the hard case the plain miss workload's lengths hide).
/// </summary>
public class LookupSameLengthMissBenchmarks : LookupBenchmarks
{
    protected override string[] Probes(Workload workload) => workload.SameLengthMissProbes;

    protected override string?[] FloorKeys(Workload workload) => new string?[workload.SameLengthMissProbes.Length];
}

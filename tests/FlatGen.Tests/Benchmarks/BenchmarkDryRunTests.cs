using System.Globalization;
using System.Text.RegularExpressions;
using FlatGen.Tests.Infrastructure;

namespace FlatGen.Tests.Benchmarks;

/// <summary>
/// Runs every benchmark once (the suite's dry mode) and the results report on what it measured, so a broken
/// benchmark or report fails the build. Timings from a dry run mean nothing and are not asserted.
/// </summary>
public sealed class BenchmarkDryRunTests : IDisposable
{
    // BuildBenchmarks 6 × 3, LookupHit, LookupMiss and LookupSameLengthMiss 6 × 3 × 2 each, Enumerate 5 × 3 (a floor row
    // among each), RequestCycle 5 (a floor row among them), TagList 3, KnownKeyLookupHit and KnownKeyLookupMiss 5 × 2 each,
    // KnownKeyRequestCycle 6 (the request cycle's floor row among them), BytesInRequestCycle 4, Remove 2 × 3 × 2, ChosenKey 2 × 2, RealTraffic 6 × 2 (a floor row and Kestrel among them),
    // EvictOldestChurn 3, SpillRequest 5 × 2, PackedLookup 2, Pack 3 (a floor row among them).
    private const int BenchmarkCount = 18 + 36 + 36 + 36 + 15 + 5 + 3 + 10 + 10 + 6 + 4 + 12 + 4 + 12 + 3 + 10 + 2 + 3;

    private readonly string _artifacts = Directory.CreateTempSubdirectory("flatgen-bench-").FullName;

    [Fact]
    public void Every_benchmark_runs_and_the_report_is_written()
    {
        string benchmarks = BenchmarkAssembly();

        (int exitCode, string output) = DotnetCommand.Run(_artifacts, benchmarks, "--dry", "--artifacts", _artifacts);

        Assert.True(exitCode == 0, output);
        Assert.Equal(BenchmarkCount, output.Split('\n').Count(line => line.StartsWith("// Benchmark: ", StringComparison.Ordinal)));
        Assert.Contains($"executed benchmarks: {BenchmarkCount}", output);

        string results = Path.Combine(_artifacts, "results");
        string report = Path.Combine(_artifacts, "report");
        (exitCode, output) = DotnetCommand.Run(_artifacts, benchmarks, "report", results, report);

        Assert.True(exitCode == 0, output);
        string markdown = File.ReadAllText(Path.Combine(report, "README.md"));
        foreach (string section in new[] { "## Machine", "## Targets", "## Build", "## Lookup hit", "## Lookup miss", "## Lookup miss, same length", "## Enumerate", "## Request cycle from strings", "## TagList (8 tags)", "## Known-key lookup hit", "## Known-key lookup miss", "## Known-key request cycle", "## Remove", "## Chosen keys", "## Bytes-in request cycle", "## Spilling request", "## Packed lookups", "## Pack", "## Real traffic", "## Eviction churn" })
        {
            Assert.Contains("\n" + section + "\n", markdown);
        }

        Assert.Contains("| Keys=32, Comparison=OrdinalIgnoreCase | **FlatGen** |", markdown);
        Assert.Contains("| Keys=128, Comparison=Ordinal | Floor: the probe's hash (and one comparison for a hit) |", markdown);
        Assert.Matches(@"\| Request cycle from strings \|  \| Dictionary<string, List<string>> \| ≤ 0\.30×, 0 B \| \d+\.\d\d× \| \d+\.\d\d× \|", markdown);
        Assert.Contains("| - | **FlatGen InlineUtf8** |", markdown);
        Assert.Contains("| Bytes-in request cycle |  | Kestrel HttpRequestHeaders (InlineUtf8 map) | ≤ 0.50×, 0 B |", markdown);
        Assert.Contains("| Eviction churn |  | Dictionary + LinkedList LRU | ≤ 0.50×, 0 B |", markdown);
        Assert.Contains("| Spilling request | Headers=20 | Dictionary<string, List<string>>, reused, one lookup an add | ≤ 1.00×, 0 B |", markdown);
        Assert.Contains("| Spilling request | Headers=40 | Dictionary<string, List<string>>, reused, one lookup an add | ≤ 0.50×, < ", markdown);
        // A target per build, lookup (twice: against Dictionary and FrozenDictionary, for hits, misses and same-length
        // misses), enumerate, request-cycle, remove, chosen-key, bytes-in, real-traffic, eviction-churn, spilling-request,
        // packed-lookup and pack row.
        Assert.Contains("| Packed lookups |  | Dictionary<string, StringValues> kept per response | ≤ 1.00×, 0 B |", markdown);
        Assert.Contains("| Pack |  | Building the map | ≤ 1.00×, 0 B |", markdown);
        Assert.Equal(3 + 6 + 6 + 6 + 6 + 6 + 6 + 3 + 1 + 2 + 2 + 1 + 6 + 1 + 2 + 4 + 1 + 2 + 2, markdown.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("× |", StringComparison.Ordinal) && l.EndsWith(" |", StringComparison.Ordinal) && (l.Contains("| yes |", StringComparison.Ordinal) || l.Contains("| **no** |", StringComparison.Ordinal))));
        string svg = File.ReadAllText(Path.Combine(report, "ratios.svg"));
        Assert.StartsWith("<svg ", svg);
        // A bar per FlatGen row: real traffic's two, with and without known keys, for each of its two cycles.
        Assert.Equal(3 + 6 + 6 + 6 + 3 + 1 + 1 + 2 + 2 + 1 + 6 + 2 + 2 + 2 + 1 + 2 + 4, svg.Split("fill=\"#2f6fb0\"").Length - 1);
    }

    /// <summary>
    /// BenchmarkDotNet's memory randomization, the remedy it offers for results that depend on where data lies, runs
    /// each setup again before every iteration: every setup must leave the same state the second time (the lookup
    /// classes' once added to maps already full, and threw).
    /// </summary>
    [Fact]
    public void Every_benchmark_s_setup_may_run_again()
    {
        (int exitCode, string output) = DotnetCommand.Run(_artifacts, BenchmarkAssembly(), "--dry", "--iterationCount", "2", "--warmupCount", "1", "--memoryRandomization", "true", "--artifacts", _artifacts);

        Assert.True(exitCode == 0, output);
        Assert.Contains("MemoryRandomization=True", output);
        Assert.Contains($"executed benchmarks: {BenchmarkCount}", output);
        Assert.DoesNotContain("Exception", output);
    }

    [Fact]
    public void The_garbage_collection_harness_measures_every_layout()
    {
        (int exitCode, string output) = DotnetCommand.Run(_artifacts, BenchmarkAssembly(), "gc", _artifacts, "2000", "2");

        Assert.True(exitCode == 0, output);
        string markdown = File.ReadAllText(Path.Combine(_artifacts, "gc.md"));
        foreach (string row in new[] { "| Nothing (the floor) |", "| Dictionary<string, List<string>>[] |", "| FlatGen references, GcReferenceMap[] |", "| FlatGen InlineUtf8, GcInlineMap[] |", "| FlatGen InlineUtf8, FlatArena<GcInlineMap> |" })
        {
            Assert.Contains(row, markdown);
        }

        Assert.Contains("2,000 maps of 16 keys", markdown);
        Assert.Contains("Target: inline mode's full-GC pause at most 0.05× the dictionary's.", markdown);
    }

    [Fact]
    public void The_kept_for_long_harness_measures_every_form_against_the_dictionary()
    {
        (int exitCode, string output) = DotnetCommand.Run(_artifacts, BenchmarkAssembly(), "kept", _artifacts, "20");

        Assert.True(exitCode == 0, output);
        string markdown = File.ReadAllText(Path.Combine(_artifacts, "kept-for-long.md"));
        Assert.Matches(@"\| `Dictionary<string, StringValues>` \(OrdinalIgnoreCase\) with its value strings, names shared between sets \| [\d,]+ \| 1\.00× \|", markdown);
        foreach (string row in new[] { "| the same with a fresh string per name too | ", "| `Dictionary<string, List<string>>` with its strings | ", "| FlatGen `[FlatMultiMap(32, 64)]`, reference storage, with its strings | ", "| FlatGen inline UTF-8, `InlineBytes = 4096` (no strings) | ", "| **`FlatPackedMap`**, from `Pack()`: one `byte[]` a set, no references | ", "| the content itself, UTF-8 (names and values) | " })
        {
            Assert.Contains(row, markdown);
        }

        Assert.Contains("each kept 20 times (200 sets)", markdown);
        Assert.Matches(@"Target \(issue 30\): a packed set keeps at most 0\.35× the dictionary's bytes: \*\*(met|not met)\*\* \(\d\.\d\d×", markdown);
    }

    [Fact]
    public void The_interleaved_cross_check_measures_every_case_against_its_baseline()
    {
        (int exitCode, string output) = DotnetCommand.Run(_artifacts, BenchmarkAssembly(), "interleaved", _artifacts, "1", "0");

        Assert.True(exitCode == 0, output);
        string[] rows = [.. File.ReadAllLines(Path.Combine(_artifacts, "interleaved.md")).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1)];
        Assert.Equal(BenchmarkCount, rows.Length);
        Assert.Contains(rows, row => row.StartsWith("| LookupHit | Keys=32, Comparison=OrdinalIgnoreCase | FlatGen | ", StringComparison.Ordinal));
        Assert.Contains(rows, row => Regex.IsMatch(row, @"^\| BytesInRequestCycle \| - \| Kestrel \| [\d,]+ \| 1\.00× \| [\d,]+ B \|$"));
        Assert.All(rows, row => Assert.Matches(@"^\| \w+ \| [^|]+ \| \w+ \| [\d,]+ \| \d+\.\d\d× \| [\d,]+ B \|$", row));
        // Allocations are measured, not assumed: a dictionary of lists allocates its lists, FlatGen's build nothing.
        Assert.Contains(rows, row => Regex.IsMatch(row, @"^\| Build \| Keys=8 \| DictionaryOfLists \| [\d,]+ \| 1\.00× \| [1-9][\d,]* B \|$"));
        Assert.Contains(rows, row => Regex.IsMatch(row, @"^\| Build \| Keys=8 \| FlatGen \| [\d,]+ \| \d+\.\d\d× \| 0 B \|$"));
    }

    /// <summary>
    /// The results are published from one interleaved run of the whole suite (bench/results/analysis.md says why): its
    /// data file gives the report every workload's table and every target row, real traffic and the eviction churn
    /// among them, with the machine and the run's settings, its windows shared out over passes through the cases.
    /// </summary>
    [Fact]
    public void The_report_is_published_from_an_interleaved_run()
    {
        string run = Path.Combine(_artifacts, "interleaved");
        (int exitCode, string output) = DotnetCommand.Run(_artifacts, BenchmarkAssembly(), "interleaved", run, "2", "0", "Traffic", "2");
        Assert.True(exitCode == 0, output);
        string report = Path.Combine(_artifacts, "report");

        (exitCode, output) = DotnetCommand.Run(_artifacts, BenchmarkAssembly(), "report", run, report);

        Assert.True(exitCode == 0, output);
        string markdown = File.ReadAllText(Path.Combine(report, "README.md"));
        Assert.Contains("from one `interleaved` run of the classes `Traffic` selects (interleaved.json)", markdown);
        Assert.Matches(@"\n- .+ \((AVX-512|AVX2|AdvSimd|no vector instructions)\), \d+ logical cores\n", markdown);
        Assert.Contains("\n- `interleaved`: 2 windows of 1 ms a method, after 0 ms of warm-up, shared out over 2 passes through the cases\n", markdown);
        Assert.Contains(" in 2 passes through the cases; ", File.ReadAllText(Path.Combine(run, "interleaved.md")));
        Assert.Contains("\n## Real traffic\n", markdown);
        Assert.Matches(@"\| Real traffic \| Cycle=Request \| Dictionary<string, StringValues>, reused, one lookup an add \| ≤ 0\.67×, 0 B \| \d+\.\d\d× \| \d+\.\d\d× \| 0 B \| (yes|\*\*no\*\*) \|", markdown);
        Assert.Matches(@"\| Real traffic \| Cycle=Response \| Dictionary<string, StringValues>, reused, one lookup an add \(FlatGen with known keys\) \| ≤ 0\.50×, 0 B \|", markdown);
        Assert.Matches(@"\| Cycle=Request \| Dictionary<string, List<string>> \| [\d.,]+ (ns|µs) \| \d+\.\d\d \| [1-9][\d,]* B \|", markdown);

        // One run a report: the interleaved run's folder with BenchmarkDotNet's files beside it is refused.
        File.WriteAllText(Path.Combine(run, "X-report-full.json"), "{}");
        (exitCode, output) = DotnetCommand.Run(_artifacts, BenchmarkAssembly(), "report", run, report);
        Assert.Equal(1, exitCode);
        Assert.Contains("holds two runs", output);
    }

    [Fact]
    public void The_typing_harness_measures_an_edit_against_the_floor_and_a_generation_from_scratch()
    {
        (int exitCode, string output) = DotnetCommand.Run(_artifacts, BenchmarkAssembly(), "typing", _artifacts, "2", "1", "1");
        Assert.True(exitCode == 0, output);
        string markdown = File.ReadAllText(Path.Combine(_artifacts, "typing.md"));
        foreach (string row in new[] { "| An unrelated edit, 100 maps, FlatGen | ", "| An unrelated edit, 100 maps, the floor (`ForAttributeWithMetadataName` alone) | ", "| Generating 100 maps from scratch, FlatGen (", "| Compiling them (emit, with what was generated) | ", "| Generating as a share of compiling | " })
        {
            Assert.Contains(row, markdown);
        }

        Assert.Matches(@"Every edit, in order: FlatGen [\d.]+, [\d.]+ ms; the floor [\d.]+, [\d.]+ ms\.", markdown);
        Assert.Matches(@"\| Allocated by a run from scratch [^|]+\| [1-9][\d,]* KiB \|", markdown);
        Assert.Matches(@"\| Gen0 collections a run from scratch, and their pause \| \d+\.\d\d, [\d.]+ ms \|", markdown);
    }

    [Fact]
    public void The_cold_start_harness_measures_new_map_types_and_the_first_requests_in_fresh_processes()
    {
        (int exitCode, string output) = DotnetCommand.Run(_artifacts, BenchmarkAssembly(), "coldstart", _artifacts, "1");
        Assert.True(exitCode == 0, output);
        string markdown = File.ReadAllText(Path.Combine(_artifacts, "coldstart.md"));
        Assert.Matches(@"\| Methods compiled for a new map type's first use [^|]+\| [\d,]+ \| [\d,]+ \| ≤ 16 \| (yes|\*\*no\*\*) \|", markdown);
        Assert.Matches(@"\| JIT time in the whole process \| [\d,]+ ms \| [\d,]+ ms \| ≤ 100 ms more \|", markdown);
        Assert.Matches(@"\| First 8,192 request cycles [^|]+\| [\d.,]+ ms \| [\d.,]+ ms \| ≤ 1.20× \| (yes|\*\*no\*\*) \([\d.]+×\) \|", markdown);
        Assert.Matches(@"\| JIT time in that process, at its end [^|]+\| [1-9][\d.,]* ms \| [1-9][\d.,]* ms \| \| \|", markdown);
        Assert.Matches(@"\| The same on a map with 14 known keys [^|]+\| [\d.,]+ ms \| [\d.,]+ ms \| ≤ 1.20× \| (yes|\*\*no\*\*) \([\d.]+×\) \|", markdown);
    }

    [Fact]
    public void A_process_that_uses_maps_does_not_load_OpenSSL_for_the_hash_seed()
    {
        // RandomNumberGenerator loads OpenSSL on Linux: milliseconds of a fresh process's first map use.
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string program = Path.Combine(RepositoryPaths.Root, "bench", "FlatGen.ColdStart", "bin", configuration, "net10.0", "FlatGen.ColdStart.dll");
        Assert.True(File.Exists(program), $"{program} is missing: the benchmarks' reference to it builds it.");

        (int exitCode, string output) = DotnetCommand.Run(_artifacts, program, "types", "maps");

        Assert.True(exitCode == 0, output);
        Assert.Contains("\"checksum\": 700", output);
        Assert.True(output.Contains("\"openSslLoaded\": \"no\"", StringComparison.Ordinal) || !OperatingSystem.IsLinux(), output);
    }

    /// <summary>
    /// Guards #29's compiled-once target: every map of a kind shares one compiled core, so a new map type's first use
    /// (adds, lookups, an enumeration, a clear) compiles only its own few members: 8, with the runtime's enumerator. A
    /// core compiled for each map type compiled 66 methods here, and a generated enumerator wrapping the core's, 11.
    /// </summary>
    [Fact]
    public void A_new_map_type_s_first_use_compiles_at_most_10_methods()
    {
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string program = Path.Combine(RepositoryPaths.Root, "bench", "FlatGen.ColdStart", "bin", configuration, "net10.0", "FlatGen.ColdStart.dll");
        Assert.True(File.Exists(program), $"{program} is missing: the benchmarks' reference to it builds it.");

        (int exitCode, string output) = DotnetCommand.Run(_artifacts, program, "types", "maps");

        Assert.True(exitCode == 0, output);
        Match methods = Regex.Match(output, "\"methodsPerNewType\": (\\d+)");
        Assert.True(methods.Success, output);
        int perNewType = int.Parse(methods.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(perNewType, 1, 10);
    }

    /// <summary>
    /// A map type with known keys shares the core of its kind's maps with known keys (its matcher is an instance its
    /// shape holds, not a type argument), so its first use compiles its own members and matcher only: 10 methods in
    /// Release and in Debug. With the layer that calls the matcher instantiated over it, it compiled 13 (28 in Debug,
    /// where nothing of the runtime inlines); with the whole core, 18 (52).
    /// </summary>
    [Fact]
    public void A_new_map_type_with_known_keys_compiles_only_its_own_members_and_matcher()
    {
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string program = Path.Combine(RepositoryPaths.Root, "bench", "FlatGen.ColdStart", "bin", configuration, "net10.0", "FlatGen.ColdStart.dll");
        Assert.True(File.Exists(program), $"{program} is missing: the benchmarks' reference to it builds it.");

        (int exitCode, string output) = DotnetCommand.Run(_artifacts, program, "types", "known-maps");

        Assert.True(exitCode == 0, output);
        Assert.Contains("\"checksum\": 64", output);
        Match methods = Regex.Match(output, "\"methodsPerNewType\": (\\d+)");
        Assert.True(methods.Success, output);
        int perNewType = int.Parse(methods.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(perNewType, 1, 12);
    }

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    /// <summary>The benchmark program, built before this project (a build-order reference) in the same configuration.</summary>
    private static string BenchmarkAssembly()
    {
        // The test assembly is in bin/<configuration>/net10.0/ (BaseDirectory ends with a separator).
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string assembly = Path.Combine(RepositoryPaths.Root, "bench", "FlatGen.Benchmarks", "bin", configuration, "net10.0", "FlatGen.Benchmarks.dll");
        Assert.True(File.Exists(assembly), $"{assembly} is missing: the test project's reference to the benchmarks builds it.");
        return assembly;
    }
}

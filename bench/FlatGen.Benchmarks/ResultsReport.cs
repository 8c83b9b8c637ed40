using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FlatGen.Benchmarks;

/// <summary>
/// Turns one run into <c>README.md</c> (a table per workload: time, ratio to the baseline, bytes allocated; the
/// targets, checked against the same run; the machine; and the hand-written <c>analysis.md</c> found in the output
/// folder, if any) and <c>ratios.svg</c>, a bar chart of FlatGen's ratios drawn from the same numbers. The run is an
/// <c>interleaved</c> run's <see cref="InterleavedData.FileName"/> (every method of a case in one process, the best
/// window of each) or BenchmarkDotNet's full JSON export (a process per benchmark, medians).
/// </summary>
public static class ResultsReport
{
    private const string Baseline = "DictionaryOfLists";

    private static readonly (string Type, string Title, string Description)[] Workloads =
    [
        ("BuildBenchmarks", "Build", "Add every key and value to an empty map."),
        ("LookupHitBenchmarks", "Lookup hit", "Look up every key once, by a separate string instance (another case when ignoring case)."),
        ("LookupMissBenchmarks", "Lookup miss", "Look up as many keys that are not in the map."),
        ("LookupSameLengthMissBenchmarks", "Lookup miss, same length", "Look up as many keys that are not in the map, each of a stored key's length (its last character replaced), so a filter on lengths passes it. Floor: a well-kept hash of the probe alone."),
        ("EnumerateBenchmarks", "Enumerate", "Visit every key and its values."),
        ("RequestCycleBenchmarks", "Request cycle from strings", "Fill a real request's 20 header lines, given as ready-made strings (ignoring case), read 5, clear."),
        ("TagListBenchmarks", "TagList (8 tags)", "Collect 8 one-value tags and read each back."),
        ("KnownKeyLookupHitBenchmarks", "Known-key lookup hit", "Look up each of 20 request headers whose names FlatGen knows at compile time (another case when ignoring case)."),
        ("KnownKeyLookupMissBenchmarks", "Known-key lookup miss", "Look up 20 real header names that are neither known nor present."),
        ("KnownKeyRequestCycleBenchmarks", "Known-key request cycle", "The request cycle with its 20 header names known: FlatGen's KnownKeys against a FrozenDictionary of fixed slots."),
        ("RemoveBenchmarks", "Remove", "In a map of one value per key, full or half full, remove a key (anywhere in insertion order) and add it back."),
        ("ChosenKeyBenchmarks", "Chosen keys", "Build a full 4,096-key map ignoring case and look up each key once: random keys, and keys an attacker would choose."),
        ("BytesInRequestCycleBenchmarks", "Bytes-in request cycle", "What a server does: add a real request's 20 header lines from the bytes they arrive in (16 names known to FlatGen, values reused), read 5 by name, reset."),
        ("SpillRequestBenchmarks", "Spilling request", "The bytes-in request cycle on a 32-key map that spills (16 names known, values reused): the usual 20 header lines, which fit, and a tail request of 40 lines and 37 names, which spills to the heap until the reset. Against a reused dictionary of lists filled with one lookup an add, and Kestrel's own headers, from the same bytes."),
        ("PackedLookupBenchmarks", "Packed lookups", "Every response set of the corpus kept as a response cache keeps it: a dictionary of StringValues ignoring case, against FlatGen's packed map. Five reads a set, as middleware makes them, one usually absent."),
        ("PackBenchmarks", "Pack", "Every response set of the corpus: added to a FlatGen map ignoring case (the build, the baseline), against that map, already built, packed with TryPack into a buffer reused."),
        ("RealTrafficBenchmarks", "Real traffic", "Every header set of the corpus (bench/FlatGen.Benchmarks/Corpus: 10 requests, 10 responses captured from public websites) through one server cycle, names ignoring case: a request cycle adds every line, reads six names (one usually absent) and clears; a response cycle also writes every header out. Against Dictionary<string, StringValues> kept across cycles and filled with one lookup an add; Kestrel's own collections fill as Kestrel does (requests from the lines' bytes)."),
        ("EvictOldestChurnBenchmarks", "Eviction churn", "A registry of 1,024 paths fed 100,000 distinct ones, a listener each, evicting the oldest path at every registration once full: FlatGen's EvictOldest map against a least-recently-used cache of a Dictionary over LinkedList nodes, which reuses the nodes it evicts."),
    ];

    /// <summary>The bytes-in workload is measured against Kestrel's own headers; every other against the dictionary of lists.</summary>
    private const string KestrelBaseline = "Kestrel";

    /// <summary>The eviction churn is measured against the least-recently-used cache a careful caller writes.</summary>
    private const string LruBaseline = "DictionaryLru";

    /// <summary>Packing is measured against building the map it packs.</summary>
    private const string BuildBaseline = "Build";

    private static readonly string[] Methods =
        [Baseline, KestrelBaseline, LruBaseline, BuildBaseline, "DictionaryOfArrays", "DictionaryOfStringValues", "FrozenDictionaryOfArrays", "FrozenDictionaryOfSlots", "TagList", "Floor", "FloorUtf8", "FloorArrays", "FixedTable", "DictionaryRing", "FloorSpill", "FlatGenUnbounded", "FlatGen", "FlatGenInline", "FlatGenKnownKeys"];

    /// <summary>The floor rows: the least work any solution does in a workload, which a target below it cannot reach.</summary>
    private static readonly string[] FloorMethods = ["Floor", "FloorUtf8", "FloorArrays", "FixedTable", "DictionaryRing", "FloorSpill"];

    /// <summary>The FlatGen measurements: a reference map, and an inline map where a workload has one.</summary>
    private static readonly string[] FlatGenMethods = ["FlatGen", "FlatGenInline", "FlatGenKnownKeys"];

    public static int Write(string resultsFolder, string outputFolder)
    {
        bool interleaved = File.Exists(Path.Combine(resultsFolder, InterleavedData.FileName));
        bool benchmarkDotNet = Directory.Exists(resultsFolder) && Directory.EnumerateFiles(resultsFolder, "*-report-full.json").Any();
        if (interleaved == benchmarkDotNet)
        {
            Console.Error.WriteLine(interleaved
                ? $"{resultsFolder} holds two runs, {InterleavedData.FileName} and *-report-full.json files: a report is of one run."
                : $"No {InterleavedData.FileName} or *-report-full.json files in {resultsFolder}: run the benchmarks first.");
            return 1;
        }

        (List<Result> results, Run run) = interleaved ? ReadInterleaved(resultsFolder) : ReadBenchmarkDotNet(resultsFolder);

        Directory.CreateDirectory(outputFolder);
        List<Target> targets = Targets(results);
        File.WriteAllText(Path.Combine(outputFolder, "ratios.svg"), Chart(results, run));
        File.WriteAllText(Path.Combine(outputFolder, "README.md"), Markdown(results, targets, run, Path.Combine(outputFolder, "analysis.md")));
        Console.WriteLine($"Wrote {Path.Combine(outputFolder, "README.md")} and ratios.svg from {results.Count} results.");
        return 0;
    }

    private static (List<Result> Results, Run Run) ReadInterleaved(string folder)
    {
        InterleavedData data = InterleavedData.Read(Path.Combine(folder, InterleavedData.FileName));
        List<Result> results = [.. data.Measurements.Select(m => new Result(m.Type, m.Method, m.Parameters, m.Nanoseconds, m.BytesAllocatedPerOperation))];
        var run = new Run(
            Invariant($"from one `interleaved` run of {(data.ClassFilter.Length == 0 ? "the whole suite" : $"the classes `{data.ClassFilter}` selects")} ({InterleavedData.FileName}): each case's methods in one process, round-robin in windows of 1 ms, the best of {data.Rounds} windows a method after {data.WarmupMilliseconds:0} ms of warm-up{Passes(data)}, then each method's bytes allocated a call; every ratio compares two such times of that run"),
            [
                Invariant($"{data.Host.ProcessorName} ({data.Host.VectorInstructions}), {data.Host.LogicalCoreCount} logical cores"),
                Invariant($"{data.Host.OsVersion}, {data.Host.RuntimeVersion}"),
                Invariant($"`interleaved`: {data.Rounds} windows of 1 ms a method, after {data.WarmupMilliseconds:0} ms of warm-up{Passes(data)}"),
            ],
            "best");
        return (results, run);
    }

    /// <summary>How the run spread its windows: in passes through the cases (none said for a run of one pass).</summary>
    private static string Passes(InterleavedData data) =>
        data.Passes > 1 ? Invariant($", shared out over {data.Passes} passes through the cases") : "";

    private static (List<Result> Results, Run Run) ReadBenchmarkDotNet(string folder)
    {
        var results = new List<Result>();
        JsonElement host = default;
        string job = "";
        foreach (string file in Directory.EnumerateFiles(folder, "*-report-full.json").Order(StringComparer.Ordinal))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            host = document.RootElement.GetProperty("HostEnvironmentInfo").Clone();
            foreach (JsonElement benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (benchmark.GetProperty("Statistics").ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                string display = benchmark.GetProperty("DisplayInfo").GetString()!;
                // "Type.Method: Job(Characteristics) [Parameters]": the job is between the colon and the parameters.
                int start = display.IndexOf(": ", StringComparison.Ordinal) + 2;
                int end = display.LastIndexOf(" [", StringComparison.Ordinal);
                job = display[start..(end > start ? end : display.Length)];
                results.Add(new Result(
                    benchmark.GetProperty("Type").GetString()!,
                    benchmark.GetProperty("Method").GetString()!,
                    benchmark.GetProperty("Parameters").GetString()!.Replace("&", ", ", StringComparison.Ordinal),
                    benchmark.GetProperty("Statistics").GetProperty("Median").GetDouble(),
                    benchmark.GetProperty("Memory").GetProperty("BytesAllocatedPerOperation").GetInt64()));
            }
        }

        var run = new Run(
            "from BenchmarkDotNet's JSON export of one run; every ratio compares medians taken in that run",
            [
                Invariant($"{Get(host, "ProcessorName")}, {Get(host, "PhysicalCoreCount")} cores, {Get(host, "LogicalCoreCount")} logical"),
                Invariant($"{Get(host, "OsVersion")}, {Get(host, "RuntimeVersion")}, SDK {Get(host, "DotNetCliVersion")}"),
                Invariant($"BenchmarkDotNet {Get(host, "BenchmarkDotNetVersion")}, job `{job}`"),
            ],
            "median");
        return (results, run);
    }

    /// <summary>The targets of the benchmark issues, each measured as a ratio of two times of this run.</summary>
    private static List<Target> Targets(List<Result> results)
    {
        var targets = new List<Target>();
        foreach (IGrouping<(string Type, string Parameters), Result> group in results.GroupBy(r => (r.Type, r.Parameters)))
        {
            Result? flat = group.FirstOrDefault(r => r.Method == "FlatGen");
            Result? lists = group.FirstOrDefault(r => r.Method == Baseline);
            Result? arrays = group.FirstOrDefault(r => r.Method == "DictionaryOfArrays");
            Result? frozen = group.FirstOrDefault(r => r.Method == "FrozenDictionaryOfArrays");
            Result? lru = group.FirstOrDefault(r => r.Method == LruBaseline);
            Result? stringValues = group.FirstOrDefault(r => r.Method == "DictionaryOfStringValues");
            Result? build = group.FirstOrDefault(r => r.Method == BuildBaseline);
            if (flat is null)
            {
                continue;
            }

            bool ignoreCase = group.Key.Parameters.Contains("OrdinalIgnoreCase", StringComparison.Ordinal);
            (string Against, Result? Competitor, double Limit, bool ZeroBytes)? target = group.Key.Type switch
            {
                "BuildBenchmarks" => ("Dictionary<string, List<string>>", lists, 0.25, true),
                "LookupHitBenchmarks" => ("Dictionary<string, string[]>", arrays, ignoreCase ? 0.35 : 0.40, false),
                "LookupMissBenchmarks" => ("Dictionary<string, string[]>", arrays, 0.30, false),
                "LookupSameLengthMissBenchmarks" => ("Dictionary<string, string[]>", arrays, 1.00, false),
                "EnumerateBenchmarks" => ("Dictionary<string, List<string>>", lists, 0.50, false),
                "RequestCycleBenchmarks" => ("Dictionary<string, List<string>>", lists, 0.30, true),
                "KnownKeyLookupHitBenchmarks" => ("FrozenDictionary<string, string[]>", frozen, 0.50, false),
                "KnownKeyLookupMissBenchmarks" => ("FrozenDictionary<string, string[]>", frozen, 1.00, false),
                "KnownKeyRequestCycleBenchmarks" => ("Dictionary<string, List<string>>", lists, 0.30, true),
                "RemoveBenchmarks" => ("Dictionary<string, string[]>", arrays, 2.00, false),
                "EvictOldestChurnBenchmarks" => ("Dictionary + LinkedList LRU", lru, 0.50, true),
                "PackedLookupBenchmarks" => ("Dictionary<string, StringValues> kept per response", stringValues, 1.00, true),
                "PackBenchmarks" => ("Building the map", build, 1.00, true),
                _ => null,
            };
            if (target is { Competitor: not null } t)
            {
                double ratio = flat.Time / t.Competitor.Time;
                bool met = ratio <= t.Limit && (!t.ZeroBytes || flat.Bytes == 0);
                targets.Add(new Target(Title(group.Key.Type), group.Key.Parameters, t.Against, t.Limit, t.ZeroBytes ? "0 B" : null, ratio, flat.Bytes, met, FloorRatio(group, t.Competitor)));
            }

            // Issue 11: hashed lookups never behind the frozen dictionary.
            if (group.Key.Type is "LookupHitBenchmarks" or "LookupMissBenchmarks" or "LookupSameLengthMissBenchmarks" && frozen is not null)
            {
                double ratio = flat.Time / frozen.Time;
                targets.Add(new Target(Title(group.Key.Type), group.Key.Parameters, "FrozenDictionary<string, string[]>", 1.00, null, ratio, flat.Bytes, ratio <= 1.00, FloorRatio(group, frozen)));
            }
        }

        // Issue 11: chosen keys cost FlatGen at most 10x random keys (FlatGen against itself, across the key sets).
        Result? randomKeys = results.FirstOrDefault(r => r.Type == "ChosenKeyBenchmarks" && r.Method == "FlatGen" && r.Parameters.Contains("Random", StringComparison.Ordinal));
        foreach (Result chosen in results.Where(r => r.Type == "ChosenKeyBenchmarks" && r.Method == "FlatGen" && r != randomKeys))
        {
            if (randomKeys is not null)
            {
                double ratio = chosen.Time / randomKeys.Time;
                targets.Add(new Target(Title(chosen.Type), chosen.Parameters, "FlatGen with random keys", 10.00, null, ratio, chosen.Bytes, ratio <= 10.00));
            }
        }

        foreach (IGrouping<string, Result> group in results.Where(r => r.Type == "BytesInRequestCycleBenchmarks").GroupBy(r => r.Parameters))
        {
            // Issue 13: the reference map at most 0.60x Kestrel's time with no more bytes; the inline map 0.50x with none.
            Result? kestrel = group.FirstOrDefault(r => r.Method == KestrelBaseline);
            foreach ((string method, string against, double limit, bool zeroBytes) in new[]
            {
                ("FlatGen", "Kestrel HttpRequestHeaders (reference map)", 0.60, false),
                ("FlatGenInline", "Kestrel HttpRequestHeaders (InlineUtf8 map)", 0.50, true),
            })
            {
                Result? flat = group.FirstOrDefault(r => r.Method == method);
                if (flat is not null && kestrel is not null)
                {
                    double ratio = flat.Time / kestrel.Time;
                    long maxBytes = zeroBytes ? 0 : kestrel.Bytes;
                    string bytesText = zeroBytes ? "0 B" : Invariant($"≤ {kestrel.Bytes} B");
                    targets.Add(new Target(Title(group.First().Type), group.Key, against, limit, bytesText, ratio, flat.Bytes, ratio <= limit && flat.Bytes <= maxBytes));
                }
            }
        }

        foreach (IGrouping<string, Result> group in results.Where(r => r.Type == "SpillRequestBenchmarks").GroupBy(r => r.Parameters))
        {
            // Issue 25: the request that spills at most 0.50x the dictionary's time, with fewer bytes than it and than
            // Kestrel; the request that fits, 0 B.
            Result? lists = group.FirstOrDefault(r => r.Method == Baseline);
            Result? kestrel = group.FirstOrDefault(r => r.Method == KestrelBaseline);
            Result? flat = group.FirstOrDefault(r => r.Method == "FlatGen");
            if (flat is null || lists is null || kestrel is null)
            {
                continue;
            }

            double ratio = flat.Time / lists.Time;
            bool spills = group.Key.Contains("Headers=40", StringComparison.Ordinal);
            long fewest = Math.Min(lists.Bytes, kestrel.Bytes);
            targets.Add(spills
                ? new Target(Title(group.First().Type), group.Key, "Dictionary<string, List<string>>, reused, one lookup an add", 0.50, Invariant($"< {fewest} B"), ratio, flat.Bytes, ratio <= 0.50 && flat.Bytes < fewest, FloorRatio(group, lists))
                : new Target(Title(group.First().Type), group.Key, "Dictionary<string, List<string>>, reused, one lookup an add", 1.00, "0 B", ratio, flat.Bytes, ratio <= 1.00 && flat.Bytes == 0, FloorRatio(group, lists)));
        }

        foreach (IGrouping<string, Result> group in results.Where(r => r.Type == "RealTrafficBenchmarks").GroupBy(r => r.Parameters))
        {
            // Issue 31: real header sets against the dictionary of StringValues at its strongest, 0.67x, with known keys 0.50x, 0 B.
            Result? dictionary = group.FirstOrDefault(r => r.Method == "DictionaryOfStringValues");
            foreach ((string method, string against, double limit) in new[]
            {
                ("FlatGen", "Dictionary<string, StringValues>, reused, one lookup an add", 0.67),
                ("FlatGenKnownKeys", "Dictionary<string, StringValues>, reused, one lookup an add (FlatGen with known keys)", 0.50),
            })
            {
                Result? flat = group.FirstOrDefault(r => r.Method == method);
                if (flat is not null && dictionary is not null)
                {
                    double ratio = flat.Time / dictionary.Time;
                    targets.Add(new Target(Title(group.First().Type), group.Key, against, limit, "0 B", ratio, flat.Bytes, ratio <= limit && flat.Bytes == 0, FloorRatio(group, dictionary)));
                }
            }
        }

        return targets;
    }

    /// <summary>The workload's floor row against <paramref name="competitor"/>, in the same run; null for a workload without one.</summary>
    private static double? FloorRatio(IEnumerable<Result> group, Result competitor) =>
        group.FirstOrDefault(r => FloorMethods.Contains(r.Method)) is { } floor ? floor.Time / competitor.Time : null;

    private static string Markdown(List<Result> results, List<Target> targets, Run run, string analysisPath)
    {
        var text = new StringBuilder();
        text.Append("# FlatGen benchmark results\n\n");
        text.Append("Generated by `dotnet run -c Release --project bench/FlatGen.Benchmarks -- report <results> bench/results` ")
            .Append(run.Source).Append(". ")
            .Append("Times are per invocation: a lookup invocation looks up every key (or as many missing keys) once.\n\n");
        text.Append("## Machine\n\n");
        foreach (string line in run.Machine)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        text.Append('\n');

        text.Append("## Targets\n\n");
        text.Append("Floor: the workload's floor row (its table below says what it does) against the same competitor, in the same run: the least work a well-kept solution does there, which a target set below it is measured against as its bound. FlatGen may go below a floor that does more than it must (a lookup's floor hashes with XxHash3).\n\n");
        text.Append("| Workload | Parameters | FlatGen against | Target | Measured | Floor | Allocated | Met |\n|---|---|---|---:|---:|---:|---:|:-:|\n");
        foreach (Target target in targets)
        {
            string limit = Invariant($"≤ {target.Limit:0.00}×") + (target.BytesLimit is null ? "" : ", " + target.BytesLimit);
            string floor = target.Floor is double f ? Invariant($"{f:0.00}×") : "";
            text.Append(Invariant($"| {target.Workload} | {target.Parameters} | {target.Against} | {limit} | {target.Ratio:0.00}× | {floor} | {target.Bytes} B | {(target.Met ? "yes" : "**no**")} |\n"));
        }

        text.Append("\n![FlatGen's time as a ratio of the baseline's](ratios.svg)\n");
        if (File.Exists(analysisPath))
        {
            // Written by hand after reading the run: what the numbers mean and what stands in the way of a target.
            text.Append('\n').Append(File.ReadAllText(analysisPath).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd()).Append('\n');
        }
        foreach ((string type, string title, string description) in Workloads)
        {
            List<Result> rows = results.Where(r => r.Type == type).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            string baselineMethod = BaselineOf(type);
            text.Append("\n## ").Append(title).Append("\n\n").Append(description)
                .Append(Invariant($" Ratio: {run.Statistic} time divided by the {run.Statistic} time of `{Competitor(baselineMethod)}` with the same parameters.\n\n"));
            text.Append(Invariant($"| Parameters | Competitor | {Capitalized(run.Statistic)} | Ratio | Allocated |\n|---|---|---:|---:|---:|\n"));
            foreach (IGrouping<string, Result> group in rows.GroupBy(r => r.Parameters))
            {
                double baseline = group.FirstOrDefault(r => r.Method == baselineMethod)?.Time ?? double.NaN;
                foreach (Result row in group.OrderBy(r => Array.IndexOf(Methods, r.Method)))
                {
                    string name = FlatGenMethods.Contains(row.Method) ? "**" + Competitor(row.Method) + "**"
                        : row.Method == baselineMethod ? Competitor(row.Method) + " (baseline)"
                        : Competitor(row.Method);
                    text.Append(Invariant($"| {(group.Key.Length == 0 ? "-" : group.Key)} | {name} | {Time(row.Time)} | {row.Time / baseline:0.00} | {row.Bytes:N0} B |\n"));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>One bar per FlatGen measurement: its ratio to the baseline, with the target's limit marked when there is one.</summary>
    private static string Chart(List<Result> results, Run run)
    {
        var bars = results.Where(r => FlatGenMethods.Contains(r.Method))
            .OrderBy(r => Array.FindIndex(Workloads, w => w.Type == r.Type))
            .Select(r =>
            {
                double baseline = results.First(b => b.Type == r.Type && b.Parameters == r.Parameters && b.Method == BaselineOf(r.Type)).Time;
                string label = Title(r.Type) + (r.Parameters.Length == 0 ? "" : ", " + ShortParameters(r.Parameters))
                    + (r.Type == "BytesInRequestCycleBenchmarks" ? (r.Method == "FlatGen" ? " ÷ Kestrel" : ", inline ÷ Kestrel") : "");
                return (Label: label, Ratio: r.Time / baseline);
            })
            .ToList();

        const int labelWidth = 300, barWidth = 420, rowHeight = 22, top = 40;
        double scale = Math.Max(1.0, bars.Max(b => b.Ratio));
        int height = top + (bars.Count * rowHeight) + 30;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 80}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">FlatGen time ÷ Dictionary&lt;string, List&lt;string&gt;&gt; time, or Kestrel's for bytes in (" + run.Statistic + "; shorter is faster)</text>\n");
        for (int i = 0; i < bars.Count; i++)
        {
            int y = top + (i * rowHeight);
            double width = bars[i].Ratio / scale * barWidth;
            svg.Append(Invariant($"<text x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{Escape(bars[i].Label)}</text>\n"));
            svg.Append(Invariant($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width:0.0}\" height=\"{rowHeight - 6}\" fill=\"#2f6fb0\"/>\n"));
            svg.Append(Invariant($"<text x=\"{labelWidth + width + 6:0.0}\" y=\"{y + 15}\">{bars[i].Ratio:0.00}×</text>\n"));
        }

        double one = barWidth / scale;
        svg.Append(Invariant($"<line x1=\"{labelWidth + one:0.0}\" y1=\"{top - 4}\" x2=\"{labelWidth + one:0.0}\" y2=\"{height - 24}\" stroke=\"#b03030\" stroke-dasharray=\"4 3\"/>\n"));
        svg.Append(Invariant($"<text x=\"{labelWidth + one:0.0}\" y=\"{height - 10}\" text-anchor=\"middle\" fill=\"#b03030\">1.0× (baseline)</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>"Keys=32, Comparison=OrdinalIgnoreCase" as the chart shows it: "32 keys, ignore case".</summary>
    private static string ShortParameters(string parameters) =>
        string.Join(", ", parameters.Split(", ").Select(parameter => parameter switch
        {
            "Comparison=Ordinal" => "ordinal",
            "Comparison=OrdinalIgnoreCase" => "ignore case",
            _ when parameter.StartsWith("Keys=", StringComparison.Ordinal) => parameter["Keys=".Length..] + " keys",
            _ => parameter,
        }));

    private static string BaselineOf(string type) => type switch
    {
        "BytesInRequestCycleBenchmarks" => KestrelBaseline,
        "EvictOldestChurnBenchmarks" => LruBaseline,
        "PackedLookupBenchmarks" or "RealTrafficBenchmarks" => "DictionaryOfStringValues",
        "PackBenchmarks" => BuildBaseline,
        "RemoveBenchmarks" or "ChosenKeyBenchmarks" => "DictionaryOfArrays",
        _ => Baseline,
    };

    private static string Title(string type) => Workloads.FirstOrDefault(w => w.Type == type).Title ?? type;

    private static string Competitor(string method) => method switch
    {
        Baseline => "Dictionary<string, List<string>>",
        "DictionaryOfArrays" => "Dictionary<string, string[]>",
        "DictionaryOfStringValues" => "Dictionary<string, StringValues>",
        "FrozenDictionaryOfArrays" => "FrozenDictionary<string, string[]>",
        "FrozenDictionaryOfSlots" => "FrozenDictionary<string, int> to StringValues slots",
        "Floor" => "Floor: the probe's hash (and one comparison for a hit)",
        "FloorUtf8" => "Floor: every name and value written as UTF-8, no index, no hash",
        "FloorArrays" => "Floor: each key's length and value count read from two arrays, no map",
        "FixedTable" => "Floor: a fixed table, each name hashed once with FlatGen's hash, one probe, the stores",
        "FlatGenUnbounded" => "FlatGen with room for 64 names, never spilling",
        "FloorSpill" => "Floor: FlatGen with room for 64 names, plus the strings a spill makes anew (each spilled value, each spilled name interned)",
        "DictionaryRing" => "Floor: a Dictionary and a ring of its keys, one insert and one removal a registration",
        KestrelBaseline => "Kestrel's own headers",
        LruBaseline => "Dictionary + LinkedList LRU",
        BuildBaseline => "Building the FlatGen map",
        "FlatGenInline" => "FlatGen InlineUtf8",
        "FlatGenKnownKeys" => "FlatGen with known keys",
        _ => method,
    };

    private static string Time(double nanoseconds) =>
        nanoseconds >= 10_000 ? Invariant($"{nanoseconds / 1000:N1} µs") : Invariant($"{nanoseconds:N1} ns");

    private static string Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) ? value.ToString() : "?";

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>One method's time in one case: the run's statistic (a median, or the best window), and its bytes a call.</summary>
    private sealed record Result(string Type, string Method, string Parameters, double Time, long Bytes);

    /// <summary>Where a run's numbers come from: the sentence that says so, the machine's lines, and the statistic each time is.</summary>
    private sealed record Run(string Source, string[] Machine, string Statistic);

    private sealed record Target(string Workload, string Parameters, string Against, double Limit, string? BytesLimit, double Ratio, long Bytes, bool Met, double? Floor = null);
}

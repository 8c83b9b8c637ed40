using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FlatGen.Benchmarks;

/// <summary>
/// What a fresh process pays before FlatGen is fast: the JIT's work for each new map type (100 types used once each,
/// against 100 dictionaries of lists), and the first 8,192 request cycles (against a reused
/// <c>Dictionary&lt;string, StringValues&gt;</c>). Each measurement is a process of its own, run many times; the
/// medians are published with the targets of the one-core and at-the-limit issues.
/// </summary>
public static class ColdStart
{
    public static int Run(string outputFolder, int processes)
    {
        string program = ProgramPath();
        if (!File.Exists(program))
        {
            Console.Error.WriteLine($"{program} is missing: build bench/FlatGen.ColdStart in the same configuration.");
            return 1;
        }

        // The same program with FlatGen's ReadyToRun image (the package's for linux-x64), where it was published (ColdStartReadyToRun in its project).
        string readyToRunProgram = Path.Combine(Path.GetDirectoryName(program)!, "readytorun", Path.GetFileName(program));
        bool readyToRun = File.Exists(readyToRunProgram);
        var runs = new Dictionary<string, List<JsonElement>>();
        for (int i = 0; i < processes; i++)
        {
            // Interleaved, so a host whose speed drifts moves every mode alike.
            foreach (string[] mode in new[] { new[] { "types", "maps" }, ["types", "known-maps"], ["types", "dictionaries"], ["requests", "flatgen"], ["requests", "flatgen-known"], ["requests", "dictionary"] })
            {
                Add(mode[1], RunOnce(program, mode));
            }

            if (readyToRun)
            {
                Add("flatgen-readytorun", RunOnce(readyToRunProgram, ["requests", "flatgen"]));
                Add("flatgen-known-readytorun", RunOnce(readyToRunProgram, ["requests", "flatgen-known"]));
            }
        }

        void Add(string key, JsonElement result) => (runs.TryGetValue(key, out List<JsonElement>? list) ? list : runs[key] = []).Add(result);

        string markdown = Markdown(runs, processes);
        Directory.CreateDirectory(outputFolder);
        File.WriteAllText(Path.Combine(outputFolder, "coldstart.md"), markdown);
        Console.WriteLine(markdown);
        return 0;
    }

    private static JsonElement RunOnce(string program, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(program);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"FlatGen.ColdStart {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}");
        }

        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>The cold-start program, built beside this one (a build-order reference) in the same configuration.</summary>
    private static string ProgramPath()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)); // bench/FlatGen.Benchmarks/bin/<configuration>/net10.0
        string configuration = output.Parent!.Name;
        string bench = output.Parent.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(bench, "FlatGen.ColdStart", "bin", configuration, "net10.0", "FlatGen.ColdStart.dll");
    }

    private static double Median(List<JsonElement> runs, string property)
    {
        double[] values = [.. runs.Select(r => r.GetProperty(property).GetDouble()).Order()];
        return values[values.Length / 2];
    }

    private static string Markdown(Dictionary<string, List<JsonElement>> runs, int processes)
    {
        static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
        static string Met(bool met) => met ? "yes" : "**no**";

        double mapMethods = Median(runs["maps"], "methodsPerNewType");
        double mapMs = Median(runs["maps"], "msPerNewType");
        double dictionaryMethods = Median(runs["dictionaries"], "methodsPerNewType");
        double dictionaryMs = Median(runs["dictionaries"], "msPerNewType");
        double extraMethods = Median(runs["maps"], "processMethods") - Median(runs["dictionaries"], "processMethods");
        double extraJit = Median(runs["maps"], "processJitMs") - Median(runs["dictionaries"], "processJitMs");
        double flatGenCycles = Median(runs["flatgen"], "ms");
        double dictionaryCycles = Median(runs["dictionary"], "ms");

        var text = new StringBuilder();
        text.AppendLine("# Cold start");
        text.AppendLine();
        text.AppendLine("Generated by `dotnet run -c Release --project bench/FlatGen.Benchmarks -- coldstart bench/results [processes]`: every");
        text.AppendLine("measurement is a fresh process of `bench/FlatGen.ColdStart`, " + processes.ToString(CultureInfo.InvariantCulture) + " of each, interleaved; medians.");
        text.AppendLine("JIT work is `System.Runtime.JitInfo` on all threads, before and after each use.");
        text.AppendLine();
        text.AppendLine("- Machine: " + HostMachine.Describe());
        text.AppendLine();
        text.AppendLine("| Measure | FlatGen | Dictionary | Target | Met |");
        text.AppendLine("|---|---:|---:|---:|:-:|");
        text.AppendLine($"| Methods compiled for a new map type's first use (5 adds, 2 lookups, enumerate, clear), once two were used | {N(mapMethods)} | {N(dictionaryMethods)} | ≤ 16 | {Met(mapMethods <= 16)} |");
        text.AppendLine($"| JIT time for it | {N(mapMs, "0.00")} ms | {N(dictionaryMs, "0.00")} ms | ≤ 0.6 ms | {Met(mapMs <= 0.6)} |");
        double knownMethods = Median(runs["known-maps"], "methodsPerNewType");
        double knownMs = Median(runs["known-maps"], "msPerNewType");
        text.AppendLine($"| The same for a map type with known keys (its own matcher, the cores shared; 8 such types, 3 known keys each) | {N(knownMethods)} | {N(dictionaryMethods)} | ≤ 16 | {Met(knownMethods <= 16)} |");
        text.AppendLine($"| JIT time for it | {N(knownMs, "0.00")} ms | {N(dictionaryMs, "0.00")} ms | | |");
        text.AppendLine($"| Methods compiled in the whole process, 100 types used once | {N(Median(runs["maps"], "processMethods"))} | {N(Median(runs["dictionaries"], "processMethods"))} | ≤ 2,000 more | {Met(extraMethods <= 2000)} |");
        text.AppendLine($"| JIT time in the whole process | {N(Median(runs["maps"], "processJitMs"))} ms | {N(Median(runs["dictionaries"], "processJitMs"))} ms | ≤ 100 ms more | {Met(extraJit <= 100)} |");
        text.AppendLine($"| Process time at exit | {N(Median(runs["maps"], "processMs"))} ms | {N(Median(runs["dictionaries"], "processMs"))} ms | | |");
        text.AppendLine($"| First 8,192 request cycles of a fresh process (20 headers added, 5 read, reset; `Dictionary<string, StringValues>` reused, one lookup an add), the runtime's IL jitted, as on a host the package has no image for | {N(flatGenCycles, "0.0")} ms | {N(dictionaryCycles, "0.0")} ms | ≤ 1.20× | {Met(flatGenCycles <= 1.2 * dictionaryCycles)} ({N(flatGenCycles / dictionaryCycles, "0.00")}×) |");
        text.AppendLine($"| JIT time in that process, at its end (the program's own included) | {N(Median(runs["flatgen"], "jitMs"), "0.0")} ms | {N(Median(runs["dictionary"], "jitMs"), "0.0")} ms | | |");
        CycleRow("The same on a map with 14 known keys (its matcher generated in the program)", runs["flatgen-known"]);
        if (runs.TryGetValue("flatgen-readytorun", out List<JsonElement>? readyToRun))
        {
            CycleRow("The first, with the ReadyToRun image the package carries for linux-x64, linux-arm64, osx-arm64 and win-x64 in place of the IL (the program and the dictionary jitted as above)", readyToRun);
            CycleRow("The map with known keys, with the image (its matcher jitted)", runs["flatgen-known-readytorun"]);
        }

        void CycleRow(string measure, List<JsonElement> cycleRuns)
        {
            double cycles = Median(cycleRuns, "ms");
            text.AppendLine($"| {measure} | {N(cycles, "0.0")} ms | {N(dictionaryCycles, "0.0")} ms | ≤ 1.20× | {Met(cycles <= 1.2 * dictionaryCycles)} ({N(cycles / dictionaryCycles, "0.00")}×) |");
            text.AppendLine($"| JIT time in that process, at its end | {N(Median(cycleRuns, "jitMs"), "0.0")} ms | | | |");
        }

        return text.ToString();
    }
}

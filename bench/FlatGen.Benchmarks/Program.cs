using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using FlatGen.Benchmarks;
using Perfolizer.Horology;

// dotnet run -c Release --project bench/FlatGen.Benchmarks -- [--quick | --dry] [BenchmarkDotNet options]
// dotnet run -c Release --project bench/FlatGen.Benchmarks -- report <results folder> <output folder>
// dotnet run -c Release --project bench/FlatGen.Benchmarks -- gc <output folder> [maps] [collections]
// dotnet run -c Release --project bench/FlatGen.Benchmarks -- interleaved <output folder> [rounds] [warm-up ms] [class name part, or =whole name, or - for all] [passes]
// dotnet run -c Release --project bench/FlatGen.Benchmarks -- typing <output folder> [edits] [warm-up edits] [rounds from scratch]
// dotnet run -c Release --project bench/FlatGen.Benchmarks -- coldstart <output folder> [processes]
// dotnet run -c Release --project bench/FlatGen.Benchmarks -- kept <output folder> [copies of each response set]
if (args is ["report", string resultsFolder, string outputFolder])
{
    return ResultsReport.Write(resultsFolder, outputFolder);
}

if (args is ["gc", string gcFolder, .. string[] gcOptions])
{
    int maps = gcOptions.Length > 0 ? int.Parse(gcOptions[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    int collections = gcOptions.Length > 1 ? int.Parse(gcOptions[1], System.Globalization.CultureInfo.InvariantCulture) : 9;
    return GcPause.Run(gcFolder, maps, collections);
}

if (args is ["interleaved", string interleavedFolder, .. string[] interleavedOptions])
{
    int rounds = interleavedOptions.Length > 0 ? int.Parse(interleavedOptions[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
    int warmupMs = interleavedOptions.Length > 1 ? int.Parse(interleavedOptions[1], System.Globalization.CultureInfo.InvariantCulture) : 250;
    string classFilter = interleavedOptions.Length > 2 && interleavedOptions[2] != "-" ? interleavedOptions[2] : "";
    int passes = interleavedOptions.Length > 3 ? int.Parse(interleavedOptions[3], System.Globalization.CultureInfo.InvariantCulture) : 8;
    return InterleavedRun.Run(interleavedFolder, rounds, TimeSpan.FromMilliseconds(warmupMs), classFilter, Math.Min(passes, rounds));
}

if (args is ["typing", string typingFolder, .. string[] typingOptions])
{
    int edits = typingOptions.Length > 0 ? int.Parse(typingOptions[0], System.Globalization.CultureInfo.InvariantCulture) : 25;
    int warmUpEdits = typingOptions.Length > 1 ? int.Parse(typingOptions[1], System.Globalization.CultureInfo.InvariantCulture) : 1500;
    int scratchRounds = typingOptions.Length > 2 ? int.Parse(typingOptions[2], System.Globalization.CultureInfo.InvariantCulture) : 7;
    return TypingCost.Run(typingFolder, edits, warmUpEdits, scratchRounds);
}

if (args is ["coldstart", string coldFolder, .. string[] coldOptions])
{
    int processes = coldOptions.Length > 0 ? int.Parse(coldOptions[0], System.Globalization.CultureInfo.InvariantCulture) : 7;
    return ColdStart.Run(coldFolder, processes);
}

if (args is ["kept", string keptFolder, .. string[] keptOptions])
{
    int copies = keptOptions.Length > 0 ? int.Parse(keptOptions[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    return KeptForLong.Run(keptFolder, copies);
}

bool dry = args.Contains("--dry");
bool quick = args.Contains("--quick");
string[] options = args.Where(a => a is not "--dry" and not "--quick").ToArray();
if (!options.Contains("--filter"))
{
    options = [.. options, "--filter", "*"];
}

// Full: a process per benchmark and enough iterations for stable medians (about 65 minutes on 2 cores).
// Quick: in this process, 3 iterations of 100 ms (about 3 minutes on 2 cores). Dry: every benchmark once, to prove each one
// runs (the test suite does this). The published results are an interleaved run's (the README says why).
Job job = dry ? Job.Dry.WithToolchain(InProcessNoEmitToolchain.Instance)
    : quick ? Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(100)).WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick")
    : Job.Default.WithWarmupCount(6).WithIterationCount(15).WithId("Full");

IConfig config = DefaultConfig.Instance
    .AddJob(job.AsDefault())
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub)
    .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
if (dry)
{
    config = config.WithOptions(ConfigOptions.DisableOptimizationsValidator);
}

Summary[] summaries = [.. BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(options, config)];
bool failed = summaries.Length == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;

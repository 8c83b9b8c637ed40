using System.Diagnostics;
using System.Globalization;
using System.Text;
using FlatGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace FlatGen.Benchmarks;

/// <summary>
/// What the generator costs an IDE: a project of 100 maps (plain, ignoring case, with known keys, inline), driven as
/// the IDE drives it (one driver kept across edits, no step tracking). It measures a one-character edit in another
/// file once warm (the median of several edits), generating all the maps from scratch with a new driver, and
/// compiling the project with what was generated, all in one process. Not a BenchmarkDotNet benchmark: the unit is
/// one edit of a whole compilation, and what matters is the median after warm-up.
/// </summary>
public static class TypingCost
{
    private const int MapCount = 100;

    /// <summary>How many runs from scratch warm the tiered JIT before any is timed: the emitter runs only from scratch, a hundred calls a run.</summary>
    private const int WarmUpScratchRuns = 300;

    /// <summary>
    /// How many full rounds (from scratch, the floor, a compile) run untimed first: each compile leaves the tiered JIT
    /// a backlog of Roslyn's methods to optimise on a background thread, which takes a core from the next rounds until
    /// it is done (measured: the first six rounds took 20-28 ms from scratch, the rest 8-15).
    /// </summary>
    private const int WarmUpRounds = 8;

    /// <summary>How many runs from scratch (and of the floor) a round times in a row; the round's figure is their mean.</summary>
    private const int RunsPerRound = 10;

    /// <summary>
    /// How long each timed step waits after the step before: enough for the tiered JIT to finish optimising, on the
    /// other core, the compiler code a compile has just run (Roslyn's NuGet assemblies are not precompiled, as the SDK's are).
    /// </summary>
    private const int SettleMilliseconds = 1000;

    /// <summary>
    /// Measures <paramref name="edits"/> edits after <paramref name="warmUpEdits"/>, and <paramref name="scratchRounds"/>
    /// runs from scratch after <see cref="WarmUpScratchRuns"/>; the process's first run is reported on its own.
    /// </summary>
    public static int Run(string outputFolder, int edits, int warmUpEdits, int scratchRounds)
    {
        CSharpParseOptions parseOptions = new(LanguageVersion.CSharp12);
        SyntaxTree maps = CSharpSyntaxTree.ParseText(MapsSource(), parseOptions, "Maps.cs");
        SyntaxTree other = CSharpSyntaxTree.ParseText(OtherSource(0), parseOptions, "Other.cs");
        CSharpCompilation compilation = CSharpCompilation.Create(
            "TypingCost",
            [maps, other],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // The process's first run, JIT and all; then the generator, Roslyn and this harness are warmed before anything else is timed.
        (GeneratorDriver? driver, double firstRun, string? failure) = FirstRun(compilation, parseOptions);
        if (driver is null)
        {
            Console.Error.WriteLine(failure);
            return 1;
        }

        (List<double> editTimes, List<double> floorEditTimes) = MeasureEdits(compilation, driver, CreateDriver(parseOptions, new FloorGenerator()).RunGenerators(compilation), edits, warmUpEdits);

        var scratchTimes = new List<double>();
        var compileTimes = new List<double>();
        var floorScratchTimes = new List<double>();
        long generatedBytes = 0;
        for (int i = 0; i < WarmUpScratchRuns; i++)
        {
            CreateDriver(parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out _, out _);
            CreateDriver(parseOptions, new FloorGenerator()).RunGenerators(compilation);
        }

        long allocatedPerRun = 0;
        double collectionsPerRun = 0;
        double pausePerRun = 0;
        for (int i = 0; i < scratchRounds + WarmUpRounds; i++)
        {
            Round round = MeasureRound(compilation, parseOptions);
            if (i >= WarmUpRounds)
            {
                scratchTimes.Add(round.Generate);
                floorScratchTimes.Add(round.Floor);
                compileTimes.Add(round.Compile);
                generatedBytes = round.GeneratedBytes;
                allocatedPerRun = round.Allocated;
                collectionsPerRun += round.Collections / scratchRounds;
                pausePerRun += round.Pause / scratchRounds;
            }
        }

        string markdown = Markdown(editTimes, floorEditTimes, Median(scratchTimes), Median(floorScratchTimes), generatedBytes, Median(compileTimes), firstRun, scratchTimes, allocatedPerRun, collectionsPerRun, pausePerRun, warmUpEdits);
        Directory.CreateDirectory(outputFolder);
        File.WriteAllText(Path.Combine(outputFolder, "typing.md"), markdown);
        Console.WriteLine(markdown);
        return 0;
    }

    /// <summary>
    /// Runs the generator once in a fresh driver, JIT and all, and checks that every map generates and compiles. The
    /// compilations it makes die with this frame: a bound compilation kept alive would sit in every later collection.
    /// </summary>
    private static (GeneratorDriver? Driver, double Milliseconds, string? Failure) FirstRun(CSharpCompilation compilation, CSharpParseOptions parseOptions)
    {
        long start = Stopwatch.GetTimestamp();
        GeneratorDriver driver = CreateDriver(parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out var diagnostics);
        double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || driver.GetRunResult().GeneratedTrees.Length != MapCount)
        {
            return (null, milliseconds, "The maps did not generate: " + string.Join(Environment.NewLine, diagnostics));
        }

        var compileErrors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return compileErrors.Count > 0
            ? (null, milliseconds, "The generated maps do not compile: " + string.Join(Environment.NewLine, compileErrors.Take(5)))
            : (driver, milliseconds, null);
    }

    /// <summary>What one round measured: each figure but the compile the mean of <see cref="RunsPerRound"/> runs.</summary>
    private readonly record struct Round(double Generate, double Floor, double Compile, long Allocated, double Collections, double Pause, long GeneratedBytes);

    /// <summary>
    /// Times <see cref="RunsPerRound"/> runs from scratch in a row and takes their mean, as a BenchmarkDotNet iteration
    /// does, so the runs pay for the collections their garbage causes; then as many runs of the floor; then one
    /// compile of what was generated. What the round compiles dies with this frame, before the next round.
    /// </summary>
    private static Round MeasureRound(CSharpCompilation compilation, CSharpParseOptions parseOptions)
    {
        Settle();
        int collections = GC.CollectionCount(0);
        TimeSpan pause = GC.GetTotalPauseDuration();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        GeneratorDriver fresh = null!;
        Compilation output = compilation;
        for (int run = 0; run < RunsPerRound; run++)
        {
            fresh = CreateDriver(parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
        }

        double generate = Stopwatch.GetElapsedTime(start).TotalMilliseconds / RunsPerRound;
        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / RunsPerRound;
        double collected = (GC.CollectionCount(0) - collections) / (double)RunsPerRound;
        double paused = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds / RunsPerRound;

        Settle();
        start = Stopwatch.GetTimestamp();
        for (int run = 0; run < RunsPerRound; run++)
        {
            CreateDriver(parseOptions, new FloorGenerator()).RunGenerators(compilation);
        }

        double floor = Stopwatch.GetElapsedTime(start).TotalMilliseconds / RunsPerRound;

        Settle();
        start = Stopwatch.GetTimestamp();
        using var stream = new MemoryStream();
        output.Emit(stream);
        double compile = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        long generatedBytes = fresh.GetRunResult().GeneratedTrees.Sum(t => (long)Encoding.UTF8.GetByteCount(t.GetText().ToString()));
        return new Round(generate, floor, compile, allocated, collected, paused, generatedBytes);
    }

    /// <summary>
    /// Edits the other file by one character again and again, each edit run by both drivers in turn; returns the time of
    /// each driver's last <paramref name="edits"/> edits. The first <paramref name="warmUpEdits"/> warm up the tiered JIT,
    /// which optimises Roslyn's code called once an edit only after hundreds of edits (measured: 4.6 ms an edit after
    /// 500 edits, 1.9 ms from 1,000 on), as a long-lived IDE process has.
    /// </summary>
    private static (List<double> First, List<double> Second) MeasureEdits(CSharpCompilation compilation, GeneratorDriver first, GeneratorDriver second, int edits, int warmUpEdits)
    {
        var firstTimes = new List<double>();
        var secondTimes = new List<double>();
        CSharpCompilation current = compilation;
        for (int i = 1; i <= warmUpEdits + edits; i++)
        {
            SyntaxTree edited = current.SyntaxTrees.Single(t => t.FilePath == "Other.cs");
            SourceText text = edited.GetText();
            int at = text.ToString().IndexOf("= ", StringComparison.Ordinal) + 2;
            SyntaxTree next = edited.WithChangedText(text.Replace(at, 1, (i % 10).ToString(CultureInfo.InvariantCulture)));
            current = current.ReplaceSyntaxTree(edited, next);

            // Each driver gets a compilation of its own, as each would in an IDE with one generator.
            CSharpCompilation forFirst = current.Clone();
            long start = Stopwatch.GetTimestamp();
            first = first.RunGenerators(forFirst);
            double firstMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            CSharpCompilation forSecond = current.Clone();
            start = Stopwatch.GetTimestamp();
            second = second.RunGenerators(forSecond);
            double secondMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i > warmUpEdits)
            {
                firstTimes.Add(firstMs);
                secondTimes.Add(secondMs);
            }
        }

        return (firstTimes, secondTimes);
    }

    private static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions, IIncrementalGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            [(generator ?? new FlatMultiMapGenerator()).AsSourceGenerator()],
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <summary>A hundred maps of the kinds a project declares: a quarter each plain, ignoring case with known keys, inline, inline with known keys.</summary>
    private static string MapsSource()
    {
        var source = new StringBuilder("using FlatGen;\n\nnamespace Typing;\n\n");
        for (int i = 0; i < MapCount; i++)
        {
            string attribute = (i % 4) switch
            {
                0 => "[FlatMultiMap(16, 32)]",
                1 => "[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = [\"Host\", \"Accept\", \"Content-Type\", \"Content-Length\", \"User-Agent\"])]",
                2 => "[FlatMultiMap(8, 16, Storage = FlatStorage.InlineUtf8, InlineBytes = 512)]",
                _ => "[FlatMultiMap(16, 32, Storage = FlatStorage.InlineUtf8, InlineBytes = 1024, KnownKeys = [\"service\", \"region\", \"zone\"])]",
            };
            source.Append(attribute).Append("\npublic partial struct Map").Append(i.ToString(CultureInfo.InvariantCulture)).Append(";\n\n");
        }

        return source.ToString();
    }

    private static string OtherSource(int answer) =>
        "namespace Typing;\n\ninternal static class Unrelated\n{\n    internal const int Answer = " + answer.ToString(CultureInfo.InvariantCulture) + ";\n}\n";

    private static MetadataReference[] References()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory)
            .Append(typeof(FlatMultiMapAttribute).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path))];
    }

    /// <summary>Lets the tiered JIT's background work finish, then starts on a collected heap, so a step pays for its own garbage and not the step's before it.</summary>
    private static void Settle()
    {
        Thread.Sleep(SettleMilliseconds);
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Markdown(List<double> editTimes, List<double> floorEditTimes, double scratch, double floorScratch, long generatedBytes, double compile, double firstRun, List<double> scratchTimes, long allocatedPerRun, double collectionsPerRun, double pausePerRun, int warmUpEdits)
    {
        static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
        static string Share(double share) => share.ToString("0.00%", CultureInfo.InvariantCulture);
        double edit = Median(editTimes);
        double floor = Median(floorEditTimes);
        var text = new StringBuilder();
        text.AppendLine("# What the generator costs while typing");
        text.AppendLine();
        text.AppendLine("Generated by `dotnet run -c Release --project bench/FlatGen.Benchmarks -- typing bench/results` (" + editTimes.Count.ToString(CultureInfo.InvariantCulture)
            + " edits after " + warmUpEdits.ToString("N0", CultureInfo.InvariantCulture) + " of warm-up; " + scratchTimes.Count.ToString(CultureInfo.InvariantCulture) + " rounds from scratch after "
            + WarmUpRounds.ToString(CultureInfo.InvariantCulture) + " untimed rounds with a compile");
        text.AppendLine("and " + WarmUpScratchRuns.ToString(CultureInfo.InvariantCulture) + " untimed runs without): 100 maps (a quarter each plain, ignoring case with 5 known keys, inline, inline with 3 known keys)");
        text.AppendLine("in one file, driven as the IDE drives them (one driver kept across edits, no step tracking), warm, all rows in one process.");
        text.AppendLine("An edit changes one character of another file. A round times " + RunsPerRound.ToString(CultureInfo.InvariantCulture) + " runs from scratch in a row (each with a new driver) and takes their");
        text.AppendLine("mean, as a BenchmarkDotNet iteration does, so the runs pay for the collections their garbage causes; then as many runs of the");
        text.AppendLine("floor; then one compile. Each step starts " + SettleMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms after the one before, on a collected heap: the tiered JIT first finishes");
        text.AppendLine("optimising the compiler's code the compile ran (Roslyn's NuGet assemblies are not precompiled, as the SDK's are), and a");
        text.AppendLine("step pays for its own garbage, not the compile's.");
        text.AppendLine("The floor is a generator that does the least any `[FlatMultiMap]` generator must: `ForAttributeWithMetadataName` on the");
        text.AppendLine("same attribute, whose transform reads the struct's name and nothing else, and no output.");
        text.AppendLine();
        text.AppendLine("- Machine: " + HostMachine.Describe());
        text.AppendLine();
        text.AppendLine("| Measure | Median | Target | Met |");
        text.AppendLine("|---|---:|---:|:-:|");
        text.AppendLine("| An unrelated edit, 100 maps, FlatGen | " + Ms(edit) + " | ≤ 10 ms | " + (edit <= 10 ? "yes" : "**no**") + " |");
        text.AppendLine("| An unrelated edit, 100 maps, the floor (`ForAttributeWithMetadataName` alone) | " + Ms(floor) + " | | |");
        text.AppendLine("| FlatGen over the floor | " + Ms(edit - floor) + " | | |");
        text.AppendLine("| Generating 100 maps from scratch, FlatGen (a new driver; " + (generatedBytes / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KiB written) | " + Ms(scratch) + " | | |");
        text.AppendLine("| Allocated by a run from scratch (the output alone is about half of it) | " + (allocatedPerRun / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KiB | | |");
        text.AppendLine("| Gen0 collections a run from scratch, and their pause | " + collectionsPerRun.ToString("0.00", CultureInfo.InvariantCulture) + ", " + Ms(pausePerRun) + " | | |");
        text.AppendLine("| Generating from scratch, the floor | " + Ms(floorScratch) + " | | |");
        text.AppendLine("| Compiling them (emit, with what was generated) | " + Ms(compile) + " | | |");
        text.AppendLine("| Generating as a share of compiling | " + Share(scratch / compile) + " | ≤ 0.50% | " + (scratch / compile <= 0.005 ? "yes" : "**no**") + " |");
        text.AppendLine("| The floor from scratch, as a share of compiling | " + Share(floorScratch / compile) + " | | |");
        text.AppendLine("| The process's first run, JIT included (not a target: an IDE's generator is long-lived) | " + Ms(firstRun) + " | | |");
        text.AppendLine();
        text.AppendLine("Every round from scratch (the mean of its runs), in order: " + string.Join(", ", scratchTimes.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture))) + " ms.");
        text.AppendLine();
        text.AppendLine("Every edit, in order: FlatGen " + string.Join(", ", editTimes.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))
            + " ms; the floor " + string.Join(", ", floorEditTimes.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture))) + " ms.");
        return text.ToString();
    }

    /// <summary>The least a <c>[FlatMultiMap]</c> generator does on an edit: find the attributed structs, read a name, write nothing.</summary>
    private sealed class FloorGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<string> names = context.SyntaxProvider.ForAttributeWithMetadataName(
                FlatMultiMapGenerator.AttributeMetadataName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (syntaxContext, _) => syntaxContext.TargetSymbol.Name);
            context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
        }
    }
}

using System.Collections.Immutable;
using FlatGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlatGen.Tests.Generator.Infrastructure;

/// <summary>Runs the generator the way the compiler does, on a source text, against the shared framework and FlatGen.Runtime.</summary>
internal static class GeneratorHarness
{
    public const string SourcePath = "Source.cs";

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    /// <summary>C# 12, the oldest language version FlatGen supports, with documentation comments checked.</summary>
    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.CSharp12) =>
        new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation Compile(string source, LanguageVersion version = LanguageVersion.CSharp12, IEnumerable<MetadataReference>? extraReferences = null) =>
        CSharpCompilation.Create(
            "FlatGenSnapshots",
            [CSharpSyntaxTree.ParseText(source, ParseOptions(version), SourcePath)],
            References.AddRange(extraReferences ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkNoWarn));

    /// <summary>
    /// What the .NET SDK's default <c>NoWarn</c> silences: assembly-version unification notes (FlatGen.Runtime is
    /// built for .NET 8, the tests compile against the .NET 10 framework).
    /// </summary>
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkNoWarn =
        ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CS1701", ReportDiagnostic.Suppress).Add("CS1702", ReportDiagnostic.Suppress);

    public static GeneratorDriver CreateDriver(LanguageVersion version = LanguageVersion.CSharp12, FlatMultiMapGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            [(generator ?? new FlatMultiMapGenerator()).AsSourceGenerator()],
            parseOptions: ParseOptions(version),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on <paramref name="source"/>.</summary>
    public static GeneratorRun Run(string source, LanguageVersion version = LanguageVersion.CSharp12, FlatMultiMapGenerator? generator = null, IEnumerable<MetadataReference>? extraReferences = null)
    {
        CSharpCompilation compilation = Compile(source, version, extraReferences);
        GeneratorDriver driver = CreateDriver(version, generator).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorRun(compilation, driver, driver.GetRunResult(), output);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework the tests run on, plus the runtime library the generated code calls.
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory)
            .Append(typeof(FlatMultiMapAttribute).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path))];
    }
}

using System.Collections.Immutable;
using FlatGen.CodeFixes;
using FlatGen.Generator.Analyzers;
using FlatGen.Tests.Generator.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FlatGen.Tests.Generator;

/// <summary>
/// FLATGEN033: a source-generated JSON context whose graph reaches a map it cannot convert is a warning at the
/// <c>[JsonSerializable]</c> that reaches it; the code fix adds FlatGen's converter factory to the context's options.
/// </summary>
public sealed class SourceGeneratedJsonAnalyzerTests
{
    private const string Maps = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using FlatGen;

        [FlatMultiMap(4, 8)]
        public partial struct Tags;

        [FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 64)]
        public partial struct InlineTags;

        [FlatMultiMap(4, 8)]
        [JsonConverter(typeof(FlatMultiMapJsonConverterFactory))]
        public partial struct SeenTags;

        public sealed class Request { public string? Path { get; set; } public Tags Headers { get; set; } }
        public sealed class Batch { public List<Request> Requests { get; set; } = new(); }
        public sealed class Stored { public Dictionary<string, InlineTags[]> Sessions { get; set; } = new(); }
        public sealed class Nullable { public Tags? Maybe { get; set; } }
        public sealed class Ignored { [JsonIgnore] public Tags Headers { get; set; } public int Count { get; set; } }
        public sealed class Converted { [JsonConverter(typeof(FlatMultiMapJsonConverterFactory))] public Tags Headers { get; set; } }
        public sealed class Fielded { public Tags NotIncluded; [JsonInclude] public InlineTags Included; }
        public sealed class Plain { public string? Name { get; set; } public List<int> Numbers { get; set; } = new(); }
        public sealed class Node { public Node? Next { get; set; } public string? Name { get; set; } }
        """;

    public static TheoryData<string, bool> Roots => new()
    {
        { "Tags", true },
        { "InlineTags", true },
        { "Request", true },
        { "Batch", true },
        { "Stored", true },
        { "Nullable", true },
        { "Fielded", true },
        { "List<Tags>", true },
        { "Dictionary<string, Tags>", true },
        { "SeenTags", false },
        { "Ignored", false },
        { "Converted", false },
        { "Plain", false },
        { "Node", false },
        { "string", false },
    };

    [Theory]
    [MemberData(nameof(Roots))]
    public async Task A_context_is_warned_where_its_graph_reaches_a_map_it_cannot_convert(string root, bool warned)
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(Maps + Context("", root));

        if (warned)
        {
            Diagnostic warning = Assert.Single(diagnostics);
            Assert.Equal("FLATGEN033", warning.Id);
            Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
            Assert.StartsWith("JsonSerializable(typeof(" + root + "))", warning.Location.SourceTree!.GetText().ToString(warning.Location.SourceSpan));
        }
        else
        {
            Assert.Empty(diagnostics);
        }
    }

    [Theory]
    [InlineData("[JsonSourceGenerationOptions(Converters = new[] { typeof(FlatMultiMapJsonConverterFactory) })]")]
    [InlineData("[JsonSourceGenerationOptions(WriteIndented = true, Converters = [typeof(JsonStringEnumConverter), typeof(FlatMultiMapJsonConverterFactory)])]")]
    public async Task A_context_with_the_factory_in_its_options_is_not_warned(string options)
    {
        Assert.Empty(await AnalyzeAsync(Maps + Context(options, "Request")));
    }

    [Fact]
    public async Task The_message_names_the_context_the_map_and_the_root()
    {
        Diagnostic warning = Assert.Single(await AnalyzeAsync(Maps + Context("", "Batch")));
        Assert.Equal(
            "'AppJsonContext' serialises the flat multi-map 'Tags' (from 'Batch'), but System.Text.Json's source generator cannot see the converter FlatGen generates, so the map is written as {} and read back empty: add typeof(FlatGen.FlatMultiMapJsonConverterFactory) to the Converters of the context's [JsonSourceGenerationOptions]",
            warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(
        "",
        "[global::System.Text.Json.Serialization.JsonSourceGenerationOptions(Converters = new[] { typeof(global::FlatGen.FlatMultiMapJsonConverterFactory) })]")]
    [InlineData(
        "[JsonSourceGenerationOptions(WriteIndented = true)]",
        "[JsonSourceGenerationOptions(WriteIndented = true, Converters = new[] { typeof(global::FlatGen.FlatMultiMapJsonConverterFactory) })]")]
    [InlineData(
        "[JsonSourceGenerationOptions(Converters = [typeof(JsonStringEnumConverter)])]",
        "[JsonSourceGenerationOptions(Converters = [typeof(JsonStringEnumConverter), typeof(global::FlatGen.FlatMultiMapJsonConverterFactory)])]")]
    [InlineData(
        "[JsonSourceGenerationOptions(Converters = new[] { typeof(JsonStringEnumConverter) })]",
        "[JsonSourceGenerationOptions(Converters = new[] { typeof(JsonStringEnumConverter), typeof(global::FlatGen.FlatMultiMapJsonConverterFactory) })]")]
    public async Task The_code_fix_adds_the_factory_to_the_contexts_options_and_the_warning_goes(string options, string fixedOptions)
    {
        string source = Maps + Context(options, "Request");
        Diagnostic warning = Assert.Single(await AnalyzeAsync(source));

        string fixedSource = await ApplyFixAsync(source, warning);

        Assert.Contains(fixedOptions, fixedSource);
        Assert.Empty(await AnalyzeAsync(fixedSource));
    }

    private static string Context(string options, string root) => $$"""

        {{options}}
        [JsonSerializable(typeof({{root}}))]
        public partial class AppJsonContext : JsonSerializerContext;
        """;

    /// <summary>
    /// The analyzer's diagnostics on the source with FlatGen's generated code. System.Text.Json's own generator does not
    /// run here, so the context's abstract members and constructor are missing (CS0534, CS7036); that is all the compiler may report.
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Empty(run.Result.Diagnostics);
        Assert.All(run.CompilationDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.Contains(d.Id, new[] { "CS0534", "CS7036" }));
        return await run.Output.WithAnalyzers([new SourceGeneratedJsonAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Applies the code fix for <paramref name="warning"/> in a workspace holding the source alone, and returns the fixed text.</summary>
    private static async Task<string> ApplyFixAsync(string source, Diagnostic warning)
    {
        using var workspace = new AdhocWorkspace();
        GeneratorRun run = GeneratorHarness.Run(source);
        Project project = workspace.AddProject("Fix", LanguageNames.CSharp)
            .WithParseOptions(GeneratorHarness.ParseOptions())
            .WithCompilationOptions(run.Input.Options)
            .AddMetadataReferences(run.Input.References);
        Document document = project.AddDocument(GeneratorHarness.SourcePath, SourceText.From(source));
        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        Diagnostic located = Diagnostic.Create(warning.Descriptor, Location.Create(tree, warning.Location.SourceSpan), warning.Properties);

        var actions = new List<CodeAction>();
        var provider = new AddConverterFactoryCodeFix();
        Assert.Contains("FLATGEN033", provider.FixableDiagnosticIds);
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None));

        CodeAction fix = Assert.Single(actions);
        ApplyChangesOperation change = Assert.Single((await fix.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        Document changed = change.ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }
}

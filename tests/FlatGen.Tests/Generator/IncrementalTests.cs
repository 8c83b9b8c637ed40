using System.Collections;
using System.Reflection;
using FlatGen.Generator.Helpers;
using FlatGen.Tests.Generator.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlatGen.Tests.Generator;

/// <summary>The pipeline is incremental: unchanged input is not parsed or emitted again, and its model is plain data.</summary>
public sealed class IncrementalTests
{
    private const string Source = """
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(16, 32)]
        public partial struct Tags;

        [FlatMultiMap(8, 8, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Host", "Content-Type"], InternUnknownKeys = true)]
        public partial struct Headers;

        [FlatMultiMap(8, 4)]
        public partial struct Warned;

        [FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 64, KnownKeys = ["zone"])]
        public partial struct Stored;

        [FlatMultiMap(0, 4)]
        public partial struct Broken;
        """;

    [Fact]
    public void A_second_run_on_the_same_input_is_cached_at_every_step()
    {
        GeneratorRun first = GeneratorHarness.Run(Source);

        AssertEveryStepCached(first.AssertRunAgainIsCached());
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        GeneratorRun first = GeneratorHarness.Run(Source);
        Compilation edited = first.Input.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Demo; internal static class Unrelated { internal const int Answer = 42; }", GeneratorHarness.ParseOptions(), "Other.cs"));

        AssertEveryStepCached(first.AssertRunAgainIsCached(edited));
    }

    /// <summary>
    /// The structural guarantee behind a fast keystroke: <c>ForAttributeWithMetadataName</c> reads every map's facts
    /// again whenever the compilation changes, and every step after that read (the checks, the known-key analysis,
    /// the layout, the specs) is not run at all, not merely run to an equal result.
    /// </summary>
    [Fact]
    public void An_unrelated_edit_runs_no_step_after_reading_the_declarations_of_100_maps()
    {
        var source = new System.Text.StringBuilder("using FlatGen;\n\nnamespace Demo;\n\n");
        for (int i = 0; i < 100; i++)
        {
            source.Append((i % 4) switch
            {
                0 => "[FlatMultiMap(16, 32)]",
                1 => "[FlatMultiMap(8, 16, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = [\"Host\", \"Accept\"])]",
                2 => "[FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 64)]",
                _ => "[FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 64, KnownKeys = [\"zone\"])]",
            }).Append(" public partial struct Map").Append(i).Append(";\n");
        }

        GeneratorRun first = GeneratorHarness.Run(source.ToString());
        Assert.Equal(100, first.Generator.GeneratedSources.Length);
        foreach (string name in new[] { TrackingNames.Settings, TrackingNames.KnownKeys, TrackingNames.Layouts, TrackingNames.MapSpecs })
        {
            Assert.True(first.Generator.TrackedSteps[name].SelectMany(s => s.Outputs).Count() == 100, $"Step {name} did not run once for every map.");
        }

        Compilation edited = first.Input.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Demo; internal static class Unrelated { internal const int Answer = 42; }", GeneratorHarness.ParseOptions(), "Other.cs"));
        GeneratorRunResult second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        var read = second.TrackedSteps[TrackingNames.Declarations].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(100, read.Count);
        Assert.All(read, o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        foreach (string name in TrackingNames.AfterDeclarations)
        {
            var outputs = second.TrackedSteps.TryGetValue(name, out var steps) ? steps.SelectMany(s => s.Outputs).ToList() : [];
            Assert.All(outputs, o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"Step {name} output {o.Value} was {o.Reason}, so it ran."));
        }
    }

    [Fact]
    public void Editing_one_map_regenerates_that_map_only()
    {
        GeneratorRun first = GeneratorHarness.Run(Source);
        SyntaxTree tree = first.Input.SyntaxTrees.Single();
        SyntaxTree changed = tree.WithChangedText(tree.GetText().Replace(Source.IndexOf("(16, 32)", StringComparison.Ordinal), "(16, 32)".Length, "(16, 64)"));

        GeneratorRunResult result = first.Driver.RunGenerators(first.Input.ReplaceSyntaxTree(tree, changed)).GetRunResult().Results.Single();

        var specs = result.TrackedSteps[TrackingNames.MapSpecs].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(4, specs.Count);
        var modified = Assert.Single(specs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("ValueCapacity = 64", modified.Value.ToString());
        Assert.All(specs.Where(o => o != modified), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void The_model_holds_no_symbol_syntax_node_or_compilation()
    {
        GeneratorRunResult result = GeneratorHarness.Run(Source).Generator;

        int visited = 0;
        foreach (string name in TrackingNames.All)
        {
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
            {
                foreach ((object value, _) in step.Outputs)
                {
                    AssertPlainData(value, new HashSet<object>(ReferenceEqualityComparer.Instance), ref visited);
                }
            }
        }

        Assert.True(visited > 50, $"Only {visited} objects were walked; the model was not reached.");
    }

    /// <summary>Every step ran (it had outputs), so the cached result means something.</summary>
    private static void AssertEveryStepCached(GeneratorRunResult result)
    {
        foreach (string name in TrackingNames.All)
        {
            Assert.NotEmpty(result.TrackedSteps[name].SelectMany(s => s.Outputs));
        }

        Assert.Equal(4, result.GeneratedSources.Length);
    }

    /// <summary>Walks an object graph: nothing in it may keep a compilation (or part of one) alive.</summary>
    private static void AssertPlainData(object? value, HashSet<object> seen, ref int visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        visited++;
        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location or AttributeData,
            $"The model holds a {value.GetType()}.");

        // Descriptors are static data shared by every run.
        if (value is DiagnosticDescriptor)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (object? item in items)
            {
                AssertPlainData(item, seen, ref visited);
            }
        }

        for (Type? type = value.GetType(); type is not null; type = type.BaseType)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertPlainData(field.GetValue(value), seen, ref visited);
            }
        }
    }
}

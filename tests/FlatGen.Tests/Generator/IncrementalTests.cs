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

using FlatGen.Generator;
using FlatGen.Generator.Helpers;
using FlatGen.Tests.Generator.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FlatGen.Tests.Generator;

/// <summary>
/// Declarations that are valid C# compile with their maps, whatever their names and nesting; and a map that makes
/// FlatGen fail costs that map alone, never the project's other maps.
/// </summary>
public sealed class IsolationTests
{
    [Fact]
    public void Private_protected_and_internal_maps_nested_in_partial_types_compile()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            namespace Demo
            {
                public partial class Outer
                {
                    [FlatGen.FlatMultiMap(2, 2)]
                    private partial struct Hidden;

                    [FlatGen.FlatMultiMap(2, 2, KnownKeys = ["a"])]
                    protected partial struct Inherited;

                    internal static int Use() { var m = new Hidden(); m.Add("k", "v"); var n = new Inherited(); n.AddA("x"); return m.Count + n.Count; }
                }

                internal static partial class Holder
                {
                    [FlatGen.FlatMultiMap(2, 2, Storage = FlatGen.FlatStorage.InlineUtf8, InlineBytes = 16)]
                    private partial struct InlineHidden;
                }
            }
            """);

        AssertCompiles(run, sources: 3);
    }

    [Fact]
    public void Names_that_need_an_at_sign_compile_and_get_hint_names_without_it()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            namespace X.@event
            {
                [FlatGen.FlatMultiMap(2, 2)]
                public partial struct @record;

                public partial class @class
                {
                    [FlatGen.FlatMultiMap(2, 2, KnownKeys = ["if"])]
                    public partial struct @struct;
                }
            }
            """);

        AssertCompiles(run, sources: 2);
        Assert.Equal(["X.event.class.struct.g.cs", "X.event.record.g.cs"], run.Generator.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Maps_whose_names_differ_only_in_case_get_one_file_each()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            namespace Demo
            {
                [FlatGen.FlatMultiMap(2, 2)] public partial struct Tags;
                [FlatGen.FlatMultiMap(2, 2)] public partial struct tags;
                [FlatGen.FlatMultiMap(2, 2)] public partial struct TAGS;
            }
            """);

        AssertCompiles(run, sources: 3);
        Assert.Equal(["Demo.TAGS.g.cs", "Demo.Tags.2.g.cs", "Demo.tags.3.g.cs"], run.Generator.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void User_types_named_like_FlatGen_internals_do_not_hide_them()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            namespace Demo
            {
                public class FlatGenCore { }
                public class FlatGenStorage { }
                public class FlatGenMatch { }
                public class FlatMultiMapCore { }
                public class Infrastructure { }

                [FlatGen.FlatMultiMap(4, 4, KnownKeys = ["Host"])]
                public partial struct Tags;
            }
            """);

        AssertCompiles(run, sources: 1);
    }

    [Fact]
    public void A_map_whose_code_FlatGen_fails_to_write_costs_that_map_alone()
    {
        var generator = new FlatMultiMapGenerator(spec => spec.TypeName == "Broken"
            ? throw new InvalidOperationException("simulated emitter bug")
            : FlatMultiMapGenerator.Emitter.Emit(spec));

        GeneratorRun run = GeneratorHarness.Run("""
            namespace Demo
            {
                [FlatGen.FlatMultiMap(2, 2)] public partial struct Before;
                [FlatGen.FlatMultiMap(2, 2)] public partial struct Broken;
                [FlatGen.FlatMultiMap(2, 2)] public partial struct After;
            }
            """, generator: generator);

        Assert.Null(run.Generator.Exception);
        Assert.Equal(["Demo.After.g.cs", "Demo.Before.g.cs"], run.Generator.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        Diagnostic failure = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("FLATGEN027", failure.Id);
        Assert.Contains("'Demo.Broken' (InvalidOperationException: simulated emitter bug)", failure.GetMessage());
    }

    [Fact]
    public void The_second_map_of_a_case_insensitive_name_is_numbered_from_two()
    {
        var names = new EquatableArray<string>(["A.b", "A.B", "A.c"]);

        Assert.Equal("A.B.g.cs", FlatMultiMapGenerator.UniqueHintName("A.B", names));
        Assert.Equal("A.b.2.g.cs", FlatMultiMapGenerator.UniqueHintName("A.b", names));
        Assert.Equal("A.c.g.cs", FlatMultiMapGenerator.UniqueHintName("A.c", names));
    }

    private static void AssertCompiles(GeneratorRun run, int sources)
    {
        Assert.Null(run.Generator.Exception);
        Assert.Empty(run.Result.Diagnostics);
        Assert.Equal(sources, run.Generator.GeneratedSources.Length);
        Assert.DoesNotContain(run.CompilationDiagnostics(), d => d.Id != "CS1591");
    }
}

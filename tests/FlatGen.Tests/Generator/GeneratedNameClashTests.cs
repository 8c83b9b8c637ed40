using FlatGen.Generator.Helpers;
using FlatGen.Tests.Generator.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FlatGen.Tests.Generator;

/// <summary>
/// A declaration that takes a name or an attribute FlatGen writes is a FLATGEN diagnostic at the user's line, or the
/// user's attribute wins; never a C# error inside a generated file. Each row is one declaration and what it gives.
/// </summary>
public sealed class GeneratedNameClashTests
{
    public static TheoryData<string, string[]> Declarations => new()
    {
        { "[FlatMultiMap(4, 8)] public partial struct A { public int Count => 0; }", ["FLATGEN031"] },
        { "[FlatMultiMap(4, 8)] public partial struct B { public static int Layout; }", ["FLATGEN031"] },
        { "[FlatMultiMap(4, 8)] public partial struct C { public void Add(string k, string v) { } }", ["FLATGEN031"] },
        { "[FlatMultiMap(4, 8)] public partial struct C2 { public void Add(int k) { } }", ["FLATGEN031"] },
        { "[FlatMultiMap(4, 8)] public partial struct D { public override string ToString() => \"\"; }", ["FLATGEN031"] },
        { "[FlatMultiMap(4, 8)] public partial struct E { private static int _keys; }", ["FLATGEN031"] },
        { "[FlatMultiMap(4, 8)] public partial struct F { private struct KeyBuffer { } }", ["FLATGEN031"] },
        { "[FlatMultiMap(4, 8)] public partial struct G2 { public static bool operator ==(G2 a, int b) => true; public static bool operator !=(G2 a, int b) => false; }", ["FLATGEN031", "FLATGEN031"] },
        { "[FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 64)] public partial struct I { public static int AsBytes() => 0; }", ["FLATGEN031"] },
        { "[FlatMultiMap(4, 8)] public partial struct P1; public partial struct P1 { public int ValueCount() => 0; }", ["FLATGEN031"] },
        { "[FlatMultiMap(4, 8)] public partial struct _count;", ["FLATGEN024"] },
        { "[FlatMultiMap(4, 8)] [System.Runtime.CompilerServices.InlineArray(4)] public partial struct H;", ["FLATGEN032"] },
        { "[FlatMultiMap(4, 8)] public partial struct Fine { public int TagCount => Count; public static string Describe() => \"tags\"; }", [] },
        { "[FlatMultiMap(4, 8)] [System.Text.Json.Serialization.JsonConverter(typeof(MyConverter))] public partial struct G;", [] },
        { "[FlatMultiMap(4, 8)] [System.Diagnostics.DebuggerDisplay(\"mine\")] public partial struct Shown;", [] },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void A_declaration_gives_its_diagnostic_at_the_users_line_or_a_clean_build(string declaration, string[] expected)
    {
        string source = "using FlatGen;\n\n" + declaration + "\n\n" + MyConverter;
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Null(run.Generator.Exception);
        Assert.Equal(expected, run.Result.Diagnostics.Select(d => d.Id).Order());
        Assert.All(run.Result.Diagnostics, d => Assert.Equal(GeneratorHarness.SourcePath, d.Location.SourceTree?.FilePath));

        // Never a C# error inside a generated file; with no FLATGEN diagnostic, no C# error at all.
        IReadOnlyList<Diagnostic> errors = [.. run.CompilationDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
        Assert.DoesNotContain(errors, d => d.Location.SourceTree?.FilePath != GeneratorHarness.SourcePath);
        if (expected.Length == 0)
        {
            Assert.Empty(errors);
            Assert.Single(run.Generator.GeneratedSources);
        }
    }

    [Fact]
    public void A_users_attribute_that_FlatGen_also_writes_wins_and_FlatGen_writes_none()
    {
        GeneratorRun run = GeneratorHarness.Run("using FlatGen;\n\n[FlatMultiMap(4, 8)] [System.Text.Json.Serialization.JsonConverter(typeof(MyConverter))] public partial struct G;\n\n" + MyConverter);

        string generated = run.Generator.GeneratedSources.Single().SourceText.ToString();
        Assert.DoesNotContain("JsonConverter(", generated);
        Assert.Contains("[global::System.Diagnostics.DebuggerDisplay(", generated);
        INamedTypeSymbol map = run.Output.GetTypeByMetadataName("G")!;
        AttributeData converter = Assert.Single(map.GetAttributes(), a => a.AttributeClass!.Name == "JsonConverterAttribute");
        Assert.Equal("MyConverter", ((INamedTypeSymbol)converter.ConstructorArguments[0].Value!).Name);
    }

    [Fact]
    public void The_reserved_names_are_read_from_what_the_emitter_writes()
    {
        // Public members, private fields, nested types and operators of both storages, and nothing of a known key's.
        Assert.Superset(
            new HashSet<string>(["Count", "Add", "TryGetValues", "ToString", "Equals", "GetHashCode", "op_Equality", "op_Inequality",
                "_keys", "_count", "_slots", "GetEnumerator", "KeyBuffer", "Layout", "AsBytes", "TryRead", "_arena", "ForgetReusedStrings", "GetStringValues"]),
            new HashSet<string>(GeneratedNames.Members));
        Assert.DoesNotContain("K", GeneratedNames.Members);
        Assert.DoesNotContain("AddK", GeneratedNames.Members);
        Assert.Contains("System.Text.Json.Serialization.JsonConverterAttribute", GeneratedNames.Attributes);
        Assert.Contains("System.Diagnostics.DebuggerDisplayAttribute", GeneratedNames.Attributes);
    }

    /// <summary>A converter of the user's own, for any type.</summary>
    private const string MyConverter = """
        public sealed class MyConverter : System.Text.Json.Serialization.JsonConverterFactory
        {
            public override bool CanConvert(System.Type typeToConvert) => true;

            public override System.Text.Json.Serialization.JsonConverter? CreateConverter(System.Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => null;
        }
        """;
}

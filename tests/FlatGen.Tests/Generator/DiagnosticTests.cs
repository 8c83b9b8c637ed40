using System.Runtime.CompilerServices;
using FlatGen.Tests.Generator.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlatGen.Tests.Generator;

/// <summary>
/// Every FLATGEN diagnostic, from the declaration that causes it: the text is locked by a snapshot, the ids are
/// asserted, and an error never comes with generated code (a warning does, and that code compiles).
/// </summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void FLATGEN001_not_partial() => VerifyErrors(["FLATGEN001"], """
        [FlatGen.FlatMultiMap(4, 4)]
        public struct Tags;
        """);

    [Fact]
    public void FLATGEN002_not_a_struct() => VerifyErrors(["FLATGEN002", "FLATGEN002", "FLATGEN002", "FLATGEN002"], """
        using FlatGen;

        [FlatMultiMap(4, 4)]
        public partial class AClass;

        [FlatMultiMap(4, 4)]
        public partial record ARecord;

        [FlatMultiMap(4, 4)]
        public partial interface IAnInterface;

        [FlatMultiMap(4, 4)]
        public partial record struct ARecordStruct;
        """, compilerReportsToo: true);

    [Fact]
    public void FLATGEN003_readonly_ref_or_file_local() => VerifyErrors(["FLATGEN003", "FLATGEN003", "FLATGEN003"], """
        using FlatGen;

        [FlatMultiMap(4, 4)]
        public readonly partial struct ReadOnlyTags;

        [FlatMultiMap(4, 4)]
        public ref partial struct RefTags;

        [FlatMultiMap(4, 4)]
        file partial struct FileTags;
        """);

    [Fact]
    public void FLATGEN004_generic() => VerifyErrors(["FLATGEN004", "FLATGEN004"], """
        using FlatGen;

        [FlatMultiMap(4, 4)]
        public partial struct Tags<T>;

        public partial class Outer<T>
        {
            [FlatMultiMap(4, 4)]
            public partial struct Inner;
        }
        """);

    [Fact]
    public void FLATGEN005_containing_type_not_partial() => VerifyErrors(["FLATGEN005"], """
        public class Outer
        {
            [FlatGen.FlatMultiMap(4, 4)]
            public partial struct Tags;
        }
        """);

    [Fact]
    public void FLATGEN006_instance_state() => VerifyErrors(["FLATGEN006", "FLATGEN006", "FLATGEN006", "FLATGEN006"], """
        using System;
        using FlatGen;

        [FlatMultiMap(4, 4)]
        public partial struct WithField
        {
            private int _extra;
            private static int s_shared;
            private const int Constant = 1;

            public int Extra => _extra + s_shared + Constant;
        }

        [FlatMultiMap(4, 4)]
        public partial struct WithAutoProperty
        {
            public int Name { get; set; }
        }

        [FlatMultiMap(4, 4)]
        public partial struct WithEvent
        {
            public event EventHandler? Changed;
        }

        [FlatMultiMap(4, 4)]
        public partial struct WithPrimaryConstructor(int size)
        {
            public readonly int Size() => size;
        }
        """, compilerReportsToo: true);

    [Fact]
    public void FLATGEN007_key_capacity_out_of_range() => VerifyErrors(["FLATGEN007", "FLATGEN007"], """
        using FlatGen;

        [FlatMultiMap(0, 4)]
        public partial struct NoKeys;

        [FlatMultiMap(4097, 65535)]
        public partial struct TooManyKeys;
        """);

    [Fact]
    public void FLATGEN008_value_capacity_out_of_range() => VerifyErrors(["FLATGEN008", "FLATGEN008"], """
        using FlatGen;

        [FlatMultiMap(4, -1)]
        public partial struct NoValues;

        [FlatMultiMap(4, 65536)]
        public partial struct TooManyValues;
        """);

    [Fact]
    public void FLATGEN009_value_capacity_below_key_capacity() => VerifyWarning("FLATGEN009", """
        [FlatGen.FlatMultiMap(8, 4)]
        public partial struct Tags;
        """);

    [Fact]
    public void FLATGEN010_larger_than_16_KiB() => VerifyWarning("FLATGEN010", """
        [FlatGen.FlatMultiMap(1024, 1024)]
        public partial struct Tags;
        """);

    [Fact]
    public void FLATGEN011_language_version_below_12() => VerifyErrors(["FLATGEN011"], """
        [FlatGen.FlatMultiMap(4, 4)]
        public partial struct Tags
        {
        }
        """, version: LanguageVersion.CSharp11);

    [Fact]
    public void FLATGEN012_unknown_key_comparison() => VerifyErrors(["FLATGEN012"], """
        using FlatGen;

        [FlatMultiMap(4, 4, KeyComparison = (FlatKeyComparison)7)]
        public partial struct Tags;
        """);

    [Fact]
    public void FLATGEN013_own_struct_layout() => VerifyErrors(["FLATGEN013"], """
        using System.Runtime.InteropServices;

        [FlatGen.FlatMultiMap(4, 4)]
        [StructLayout(LayoutKind.Sequential)]
        public partial struct Tags;
        """);

    [Fact]
    public void FLATGEN014_too_large_for_arrays() => VerifyWarning("FLATGEN014", """
        [FlatGen.FlatMultiMap(4096, 8192)]
        public partial struct Tags;
        """);

    [Fact]
    public void FLATGEN015_empty_known_key() => VerifyErrors(["FLATGEN015", "FLATGEN015"], """
        #nullable disable
        using FlatGen;

        [FlatMultiMap(4, 4, KnownKeys = ["Host", "", null])]
        public partial struct Tags;
        """);

    [Fact]
    public void FLATGEN016_duplicate_known_key() => VerifyErrors(["FLATGEN016", "FLATGEN016"], """
        using FlatGen;

        [FlatMultiMap(4, 4, KnownKeys = new[] { "region", "region" })]
        public partial struct Tags;

        [FlatMultiMap(4, 4, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = new[] { "Host", "HOST" })]
        public partial struct Headers;
        """);

    [Fact]
    public void FLATGEN017_known_key_without_a_valid_name() => VerifyErrors(["FLATGEN017", "FLATGEN017"], """
        using FlatGen;

        [FlatMultiMap(4, 4, KnownKeys = ["2fa-code", "--"])]
        public partial struct Claims;
        """);

    [Fact]
    public void FLATGEN018_known_key_accessor_collides() => VerifyErrors(["FLATGEN018", "FLATGEN018", "FLATGEN018", "FLATGEN018", "FLATGEN018"], """
        using FlatGen;

        [FlatMultiMap(8, 8, KnownKeys = ["count", "content-type", "Content_Type", "Tags", "region", "Add-Region", "shard"])]
        public partial struct Tags
        {
            public static int Shard() => 7;

            public static void RemoveRegion() { }
        }
        """);

    [Fact]
    public void FLATGEN019_more_known_keys_than_key_capacity() => VerifyErrors(["FLATGEN019"], """
        using FlatGen;

        [FlatMultiMap(2, 8, KnownKeys = ["Host", "Accept", "Content-Type"])]
        public partial struct Headers;
        """);

    [Fact]
    public void FLATGEN020_inline_bytes_out_of_range() => VerifyErrors(["FLATGEN020", "FLATGEN020"], """
        using FlatGen;

        [FlatMultiMap(4, 4, Storage = FlatStorage.InlineUtf8)]
        public partial struct Unsized;

        [FlatMultiMap(4, 4, Storage = FlatStorage.InlineUtf8, InlineBytes = 70000)]
        public partial struct TooLarge;
        """);

    [Fact]
    public void FLATGEN021_unknown_storage() => VerifyErrors(["FLATGEN021"], """
        using FlatGen;

        [FlatMultiMap(4, 4, Storage = (FlatStorage)3)]
        public partial struct Tags;
        """);

    [Fact]
    public void FLATGEN034_unknown_overflow_policy() => VerifyErrors(["FLATGEN034", "FLATGEN034"], """
        using FlatGen;

        [FlatMultiMap(4, 4, Overflow = (FlatOverflow)3)]
        public partial struct Tags;

        [FlatMultiMap(4, 4, Overflow = (FlatOverflow)7)]
        public partial struct Labels;
        """);

    [Fact]
    public void FLATGEN035_spill_on_an_inline_map() => VerifyErrors(["FLATGEN035"], """
        using FlatGen;

        [FlatMultiMap(4, 4, Storage = FlatStorage.InlineUtf8, InlineBytes = 64, Overflow = FlatOverflow.Spill)]
        public partial struct Tags;
        """);

    [Fact]
    public void FLATGEN022_setting_without_effect() => VerifyWarnings(["FLATGEN022", "FLATGEN022", "FLATGEN022"], """
        using FlatGen;

        [FlatMultiMap(4, 4, InlineBytes = 64)]
        public partial struct Tags;

        [FlatMultiMap(4, 4, Storage = FlatStorage.InlineUtf8, InlineBytes = 64, InternUnknownKeys = true)]
        public partial struct InlineTags;

        [FlatMultiMap(4, 4, Storage = FlatStorage.InlineUtf8, InlineBytes = 64, KnownKeys = ["a"], ReuseValueStrings = true)]
        public partial struct InlineReuse;
        """);

    [Fact]
    public void FLATGEN003_modifiers_on_another_partial_declaration() => VerifyErrors(["FLATGEN003", "FLATGEN003"], """
        using FlatGen;

        [FlatMultiMap(4, 4)]
        public partial struct ReadOnlyTags;

        public readonly partial struct ReadOnlyTags;

        [FlatMultiMap(4, 4)]
        public partial struct RefTags;

        public ref partial struct RefTags;
        """);

    [Fact]
    public void FLATGEN006_primary_constructor_on_another_partial_declaration() => VerifyErrors(["FLATGEN006"], """
        [FlatGen.FlatMultiMap(4, 4)]
        public partial struct Tags;

        public partial struct Tags(int capacity)
        {
            public int Capacity => capacity;
        }
        """);

    [Fact]
    public void FLATGEN023_nested_in_a_file_local_type() => VerifyErrors(["FLATGEN023"], """
        file partial class Handlers
        {
            [FlatGen.FlatMultiMap(4, 4)]
            partial struct Tags;
        }
        """);

    [Fact]
    public void FLATGEN024_named_like_a_generated_member() => VerifyErrors(["FLATGEN024", "FLATGEN024", "FLATGEN024"], """
        using FlatGen;

        namespace A { [FlatMultiMap(4, 4)] public partial struct Layout; }
        namespace B { [FlatMultiMap(4, 4)] public partial struct Count; }
        namespace C { [FlatMultiMap(4, 4)] public partial struct KeyBuffer; }
        """);

    [Fact]
    public void FLATGEN031_member_named_like_a_generated_member() => VerifyErrors(["FLATGEN031", "FLATGEN031", "FLATGEN031"], """
        using FlatGen;

        [FlatMultiMap(4, 4)]
        public partial struct Tags
        {
            public int Count => 0;

            public static int _keys;

            private struct KeyBuffer;
        }
        """);

    [Fact]
    public void FLATGEN032_inline_array() => VerifyErrors(["FLATGEN032"], """
        using FlatGen;

        [FlatMultiMap(4, 4)]
        [System.Runtime.CompilerServices.InlineArray(4)]
        public partial struct Tags;
        """, compilerReportsToo: true);

    [Fact]
    public void FLATGEN025_known_key_accessor_too_long() => VerifyErrors(["FLATGEN025"], $$"""
        [FlatGen.FlatMultiMap(4, 4, KnownKeys = ["Host", "{{new string('x', 1100)}}"])]
        public partial struct Tags;
        """);

    [Fact]
    public void FLATGEN030_inline_known_key_with_a_lone_surrogate() => VerifyErrors(["FLATGEN030"], """
        using FlatGen;

        [FlatMultiMap(4, 4, Storage = FlatStorage.InlineUtf8, InlineBytes = 64, KnownKeys = ["ok", "id\uD800", "grin\uD83D\uDE00"])]
        public partial struct Session;
        """);

    [Fact]
    public void FLATGEN026_known_key_larger_than_the_arena() => VerifyErrors(["FLATGEN026", "FLATGEN026"], """
        using FlatGen;

        [FlatMultiMap(4, 4, Storage = FlatStorage.InlineUtf8, InlineBytes = 8, KnownKeys = ["Host", "Content-Type", "Größe-ß"])]
        public partial struct Tags;
        """);

    [Fact]
    public void A_suppressed_warning_is_not_reported() =>
        Assert.Empty(GeneratorHarness.Run("""
            #pragma warning disable FLATGEN009
            [FlatGen.FlatMultiMap(8, 4)]
            public partial struct Tags;
            #pragma warning restore FLATGEN009
            """).Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

    private static void VerifyErrors(string[] ids, string source, LanguageVersion version = LanguageVersion.CSharp12, bool compilerReportsToo = false, [CallerMemberName] string testMethod = "")
    {
        GeneratorRun run = GeneratorHarness.Run(source, version);

        Assert.Null(run.Generator.Exception);
        Assert.Equal(ids, run.Result.Diagnostics.Select(d => d.Id).Order());
        Assert.All(run.Result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Empty(run.Generator.GeneratedSources);
        if (!compilerReportsToo)
        {
            // The declaration is fine C# apart from what FlatGen needs: the only errors are FlatGen's.
            // (These test types are public and undocumented, which is not the point here: CS1591 is ignored.)
            Assert.Empty(run.Input.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591"));
        }

        SnapshotVerifier.Verify(run, testMethod: testMethod);
    }

    private static void VerifyWarning(string id, string source, [CallerMemberName] string testMethod = "") =>
        VerifyWarnings([id], source, testMethod);

    /// <summary>Warnings come with code for every map, and the code compiles.</summary>
    private static void VerifyWarnings(string[] ids, string source, [CallerMemberName] string testMethod = "")
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Null(run.Generator.Exception);
        Assert.Equal(ids, run.Result.Diagnostics.Select(d => d.Id).Order());
        Assert.All(run.Result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(ids.Length, run.Generator.GeneratedSources.Length);
        Assert.Empty(run.CompilationDiagnostics());
        SnapshotVerifier.Verify(run, testMethod: testMethod);
    }
}

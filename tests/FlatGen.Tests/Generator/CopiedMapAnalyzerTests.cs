using System.Collections.Immutable;
using FlatGen.Generator.Analyzers;
using FlatGen.Tests.Generator.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlatGen.Tests.Generator;

/// <summary>
/// FLATGEN028 and FLATGEN029: a change to a map that C# makes on a silent copy is a warning, each kind of copy at
/// its own line (the snapshot locks the text); a change to a variable the code can write is not.
/// </summary>
public sealed class CopiedMapAnalyzerTests
{
    private const string Maps = """
        using System;
        using System.Collections.Generic;
        using FlatGen;

        [FlatMultiMap(4, 8, KnownKeys = ["Host"])]
        public partial struct Tags
        {
            public readonly int Lookup() => GetValues("k").Length + Count;

            public void AddTwice() { Add("k", "v"); this.Add("k", "w"); }
        }

        [FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 64)]
        public partial struct InlineTags;

        public readonly struct Frozen
        {
            public readonly Tags Map;
        }

        public record Holder(Tags Record)
        {
            public Tags Auto { get; set; }
        }

        public struct Wrapper
        {
            private Tags _tags;

            public void Fine() => _tags.Add("k", "v");
        }

        """;

    [Fact]
    public async Task Every_kind_of_silent_copy_is_a_warning_at_the_copied_value()
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(Maps + """
            public partial struct Tags
            {
                public readonly void AddInReadOnlyMember() => Add("k", "v");
            }

            public struct ReadOnlyToucher
            {
                private Tags _tags;

                public readonly void Touch() => _tags.Add("k", "v");
            }

            public class Lost
            {
                private readonly Tags _readonlyField;
                private static readonly Tags s_staticReadonly;
                private readonly InlineTags _inline;

                public void All(in Tags inParameter, ref readonly Tags refReadonlyParameter, List<Tags> list, Dictionary<string, Tags> dictionary,
                    Holder holder, Tags[] array, ReadOnlySpan<Tags> readOnlySpan, Frozen frozen, Tags? nullable, object boxed)
                {
                    _readonlyField.Add("k", "v");
                    s_staticReadonly.Clear();
                    inParameter.Add("k", "v");
                    refReadonlyParameter.Remove("k");
                    list[0].Add("k", "v");
                    dictionary["a"].AddHost("v");
                    holder.Auto.TryAdd("k", "v");
                    holder.Record.Add("k", "v");
                    foreach (var map in list) { map.Add("k", "v"); }
                    readOnlySpan[0].Add("k", "v");
                    frozen.Map.Add("k", "v");
                    nullable!.Value.Add("k", "v");
                    nullable?.Add("k", "v");
                    ((Tags)boxed).Add("k", "v");
                    ref readonly Tags readonlyRef = ref array[0];
                    readonlyRef.Add("k", "v");
                    _inline.Add("k"u8, "v"u8);
                }
            }
            """);

        Assert.Equal(18, diagnostics.Length);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "FLATGEN029"));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        SnapshotVerifier.VerifyDiagnostics(diagnostics, testMethod: nameof(Every_kind_of_silent_copy_is_a_warning_at_the_copied_value));
    }

    [Fact]
    public async Task Changes_to_variables_the_code_can_write_and_lookups_anywhere_are_not_warnings()
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(Maps + """
            public class Kept
            {
                private Tags _field;
                private static Tags s_static;
                private readonly Tags _readonlyField;
                private Wrapper _wrapper;

                public int All(ref Tags refParameter, Tags[] array, Span<Tags> span, Tags valueParameter, in Tags inParameter, List<Tags> list, FlatArena<InlineTags> arena)
                {
                    _field.Add("k", "v");
                    s_static.Add("k", "v");
                    refParameter.Add("k", "v");
                    array[0].Add("k", "v");
                    span[0].Add("k", "v");
                    valueParameter.Add("k", "v");
                    var local = new Tags();
                    local.AddHost("v");
                    ref Tags reference = ref array[0];
                    reference.Add("k", "v");
                    Action captured = () => local.Add("k", "v");
                    foreach (ref Tags map in span) { map.Add("k", "v"); }
                    arena[arena.Allocate()].Add("k", "v");
                    _wrapper.Fine();
                    local.AddTwice();
                    captured();

                    // Lookups are readonly members: no copy changes anything.
                    return _readonlyField.GetValues("k").Length + inParameter.Count + list[0].Lookup() + (_readonlyField.ContainsKey("k") ? 1 : 0);
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    /// <summary>Generates the maps, checks the whole compiles, and returns the analyzer's diagnostics on the user's code.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, [System.Runtime.CompilerServices.CallerMemberName] string testMethod = "")
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Empty(run.Result.Diagnostics);
        Assert.DoesNotContain(run.CompilationDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        return await run.Output.WithAnalyzers([new CopiedMapAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }
}

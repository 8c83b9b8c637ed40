using FlatGen.Tests.Generator.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlatGen.Tests.Generator;

/// <summary>
/// The generator never throws, whatever the state of the code being typed: every prefix of a file and every
/// single-token deletion runs without a generator exception (CS8785, AD0001), and whatever it writes parses.
/// </summary>
public sealed class RobustnessTests
{
    private const string Source = """
        using System.Runtime.InteropServices;
        using FlatGen;

        namespace Demo.Typing;

        [FlatMultiMap(16, 32, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
        public partial struct Headers;

        public static partial class Outer
        {
            [FlatMultiMap(keyCapacity: 4, valueCapacity: 8)]
            internal partial struct Inner
            {
                public static int Shared;
            }
        }

        [FlatMultiMap(0, 4)]
        public partial struct Broken;

        [FlatMultiMap(4, 4), StructLayout(LayoutKind.Auto)]
        public struct Wrong<T> { private int _x; }
        """;

    [Fact]
    public void Every_prefix_of_a_file_is_handled()
    {
        for (int length = 0; length <= Source.Length; length++)
        {
            AssertHandled(Source[..length]);
        }
    }

    [Fact]
    public void Every_single_token_deletion_is_handled()
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(Source);
        foreach (SyntaxToken token in tree.GetRoot().DescendantTokens())
        {
            AssertHandled(Source.Remove(token.SpanStart, token.Span.Length));
        }
    }

    [Theory]
    [InlineData("[FlatMultiMap] public partial struct A;")]
    [InlineData("[FlatMultiMap(4)] public partial struct A;")]
    [InlineData("[FlatMultiMap(\"4\", 4)] public partial struct A;")]
    [InlineData("[FlatMultiMap(4, 4, KeyComparison = 1)] public partial struct A;")]
    [InlineData("[FlatMultiMap(4, 4, Unknown = 1)] public partial struct A;")]
    [InlineData("[FlatMultiMap(int.MaxValue, int.MinValue)] public partial struct A;")]
    [InlineData("[FlatMultiMap(4, 4)] public partial struct A; [FlatMultiMap(4, 4)] public partial struct A;")]
    [InlineData("[FlatMultiMap(4, 4)][FlatMultiMap(8, 8)] public partial struct A;")]
    [InlineData("[FlatMultiMap(4, 4)] public partial struct A { public int Count => 0; }")]
    [InlineData("[FlatMultiMap(4, 4)] public partial struct A; public partial struct A { private int _late; }")]
    public void Malformed_declarations_are_handled(string declaration) => AssertHandled("using FlatGen;\n" + declaration);

    private static void AssertHandled(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Null(run.Generator.Exception);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id is "CS8785" or "AD0001");
        foreach (GeneratedSourceResult generated in run.Generator.GeneratedSources)
        {
            Assert.Empty(generated.SyntaxTree.GetDiagnostics());
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using FlatGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlatGen.Generator.Helpers;

/// <summary>
/// The names FlatGen writes into every map (members, fields, nested types, operators) and the attributes it puts on
/// the struct, which a user's declaration must not take. Read from what the emitter writes, once: the emitter is the
/// one source, so a member it gains is reserved with no list to keep in step by hand.
/// </summary>
internal static class GeneratedNames
{
    private const string Namespace = "FlatGenNames";
    private const string TypeName = "Map";

    /// <summary>A known key whose accessors the emitter writes in the sample maps; they are the key's, not every map's.</summary>
    private const string SampleKnownKey = "K";

    private static readonly Lazy<(HashSet<string> Members, HashSet<string> Attributes)> Names = new(Collect);

    /// <summary>The members every map has, in either storage, by their metadata names (<c>op_Equality</c> for <c>==</c>).</summary>
    public static IReadOnlyCollection<string> Members => Names.Value.Members;

    /// <summary>The full metadata names of the attributes FlatGen writes on every map's struct, such as <c>System.Diagnostics.DebuggerDisplayAttribute</c>.</summary>
    public static IReadOnlyCollection<string> Attributes => Names.Value.Attributes;

    /// <summary>Whether a member of a map may not be named <paramref name="name"/> (a metadata name).</summary>
    public static bool IsMember(string name) => Names.Value.Members.Contains(name);

    private static (HashSet<string> Members, HashSet<string> Attributes) Collect()
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        var attributes = new HashSet<string>(StringComparer.Ordinal);
        string[] knownKeyAccessors = KnownKeyAccessors(MemberNames.FromKey(SampleKnownKey));
        foreach (MapSpec spec in SampleSpecs())
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(FlatMultiMapGenerator.Emitter.Emit(spec), new CSharpParseOptions(LanguageVersion.CSharp12));
            TypeDeclarationSyntax declaration = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().First(t => t.Identifier.ValueText == TypeName);

            // Read from the syntax alone, by the names metadata gives them (op_Equality for ==): no compilation to bind.
            foreach (MemberDeclarationSyntax member in declaration.Members)
            {
                foreach (string name in MetadataNames(member))
                {
                    if (!knownKeyAccessors.Contains(name))
                    {
                        members.Add(name);
                    }
                }
            }

            foreach (AttributeSyntax attribute in declaration.AttributeLists.SelectMany(static list => list.Attributes))
            {
                string name = attribute.Name.ToString().Replace("global::", "");
                attributes.Add(name.EndsWith("Attribute", StringComparison.Ordinal) ? name : name + "Attribute");
            }
        }

        return (members, attributes);
    }

    /// <summary>
    /// The metadata names <paramref name="member"/> declares; none for an explicit interface implementation, which is
    /// named with its interface and so cannot clash. An operator the emitter starts to write needs a line here.
    /// </summary>
    private static IEnumerable<string> MetadataNames(MemberDeclarationSyntax member) => member switch
    {
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(static v => v.Identifier.ValueText),
        PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null } property => new[] { property.Identifier.ValueText },
        MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method => new[] { method.Identifier.ValueText },
        EventDeclarationSyntax { ExplicitInterfaceSpecifier: null } @event => new[] { @event.Identifier.ValueText },
        IndexerDeclarationSyntax { ExplicitInterfaceSpecifier: null } => new[] { "Item" },
        BaseTypeDeclarationSyntax type => new[] { type.Identifier.ValueText },
        OperatorDeclarationSyntax { ExplicitInterfaceSpecifier: null } op => new[]
        {
            op.OperatorToken.Kind() switch
            {
                SyntaxKind.EqualsEqualsToken => "op_Equality",
                SyntaxKind.ExclamationEqualsToken => "op_Inequality",
                SyntaxKind kind => throw new InvalidOperationException("No metadata name for the generated operator " + kind + "."),
            },
        },
        ConversionOperatorDeclarationSyntax { ExplicitInterfaceSpecifier: null } conversion => new[] { conversion.ImplicitOrExplicitKeyword.IsKind(SyntaxKind.ImplicitKeyword) ? "op_Implicit" : "op_Explicit" },
        _ => Array.Empty<string>(),
    };

    /// <summary>How many members each known key gets: <see cref="KnownKeyAccessors"/>, one bit each in <c>KnownKeySpec.OmittedAccessors</c>.</summary>
    public const int KnownKeyAccessorCount = 6;

    /// <summary>The members a known key named <paramref name="name"/> gets, in the order of the emitter's known-key members; see <see cref="FlatMultiMapGenerator.Checker"/>.</summary>
    public static string[] KnownKeyAccessors(string name) => new[] { name, name + "First", "Has" + name, "Add" + name, "Set" + name, "Remove" + name };

    /// <summary>One map of each storage and overflow policy with members of its own, with every optional member: a known key, the StringValues members, interning, reuse, eviction and spilling.</summary>
    private static IEnumerable<MapSpec> SampleSpecs()
    {
        var knownKeys = new EquatableArray<KnownKeySpec>(new[] { new KnownKeySpec(SampleKnownKey, MemberNames.FromKey(SampleKnownKey)) });
        foreach ((FlatStorage storage, FlatOverflow overflow) in new[]
        {
            (FlatStorage.References, FlatOverflow.EvictOldest),
            (FlatStorage.InlineUtf8, FlatOverflow.EvictOldest),
            (FlatStorage.References, FlatOverflow.Spill),
        })
        {
            bool inline = storage == FlatStorage.InlineUtf8;
            int inlineBytes = inline ? 64 : 0;
            yield return new MapSpec(
                Namespace: Namespace,
                TypeName: TypeName,
                FullyQualifiedName: "global::" + Namespace + "." + TypeName,
                DisplayName: Namespace + "." + TypeName,
                HintName: Namespace + "." + TypeName,
                ContainingTypes: EquatableArray<ContainingTypeSpec>.Empty,
                KeyCapacity: 4,
                ValueCapacity: 8,
                KeyComparison: FlatKeyComparison.OrdinalIgnoreCase,
                KnownKeys: knownKeys,
                InternUnknownKeys: !inline,
                ReuseValueStrings: !inline,
                Storage: storage,
                InlineBytes: inlineBytes,
                Layout: LayoutPlanner.Plan(4, 8, knownKeys.Count, storage, inlineBytes, "1;" + SampleKnownKey, spills: overflow == FlatOverflow.Spill),
                UserAttributes: EquatableArray<string>.Empty,
                HasStringValues: true,
                Overflow: overflow);
        }
    }
}

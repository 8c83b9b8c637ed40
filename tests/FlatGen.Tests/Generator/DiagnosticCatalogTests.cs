using System.Reflection;
using FlatGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using FlatGen.Tests.Infrastructure;

namespace FlatGen.Tests.Generator;

/// <summary>Every diagnostic has a unique id, a help link to its section in docs/diagnostics.md, and a release-tracking row.</summary>
public sealed class DiagnosticCatalogTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Ids_are_unique_and_sequential()
    {
        string[] ids = Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(1, ids.Length).Select(i => $"FLATGEN{i:000}"), ids);
    }

    [Fact]
    public void Every_diagnostic_links_to_its_section_in_the_docs()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));
        foreach (DiagnosticDescriptor descriptor in Descriptors)
        {
            Assert.EndsWith("/docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
            Assert.Contains("\n## " + descriptor.Id + "\n", docs);
            Assert.Contains($"| [{descriptor.Id}](#{descriptor.Id.ToLowerInvariant()}) | {descriptor.DefaultSeverity} | {descriptor.Title} |", docs);
        }
    }

    [Fact]
    public void Every_diagnostic_is_release_tracked()
    {
        string generator = Path.Combine(RepositoryPaths.Root, "src", "FlatGen.Generator");
        string tracked = File.ReadAllText(Path.Combine(generator, "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(generator, "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in Descriptors)
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", tracked);
        }
    }
}

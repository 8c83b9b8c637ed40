namespace FlatGen.Generator.Models;

/// <summary>The names a map's generated code is written under.</summary>
/// <param name="Namespace">The containing namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="TypeName">The struct's identifier as written, with any <c>@</c> escape.</param>
/// <param name="FullyQualifiedName">The struct's <c>global::</c>-qualified name.</param>
/// <param name="DisplayName">The struct's name for people: <c>Namespace.Outer.Type</c>.</param>
/// <param name="HintName">The generated file's hint name without its extension: <c>Namespace.Outer.Type</c>.</param>
internal sealed record MapNames(string? Namespace, string TypeName, string FullyQualifiedName, string DisplayName, string HintName);

using FlatGen.Generator.Helpers;

namespace FlatGen.Generator.Models;

/// <summary>Everything the emitter needs to write one map, as plain data (no symbols, syntax or compilation).</summary>
/// <param name="Namespace">The containing namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="TypeName">The struct's identifier as written, with any <c>@</c> escape.</param>
/// <param name="FullyQualifiedName">The struct's <c>global::</c>-qualified name.</param>
/// <param name="DisplayName">The struct's name for people: <c>Namespace.Outer.Type</c>.</param>
/// <param name="HintName">The generated file's hint name: <c>Namespace.Outer.Type.g.cs</c>.</param>
/// <param name="ContainingTypes">The types that contain the struct, outermost first.</param>
/// <param name="KeyCapacity">The most distinct keys.</param>
/// <param name="ValueCapacity">The most values in all.</param>
/// <param name="KeyComparison">How keys are compared.</param>
/// <param name="KnownKeys">The keys known at compile time, in declaration order; empty for none.</param>
/// <param name="InternUnknownKeys">Whether unknown keys added as spans are interned.</param>
/// <param name="ReuseValueStrings">Whether Clear keeps the value strings, to reuse one where an equal ASCII value is added as UTF-8 at the same place.</param>
/// <param name="Overflow">What the map does when an add or a set needs room it lacks.</param>
/// <param name="Storage">How keys and values are stored.</param>
/// <param name="InlineBytes">The inline arena's size in bytes, for <see cref="FlatStorage.InlineUtf8"/>; otherwise 0.</param>
/// <param name="Layout">The planned layout.</param>
/// <param name="UserAttributes">The attributes FlatGen would write on the struct that the user's declaration has already, by full metadata name: the user's win, and FlatGen writes none of them.</param>
/// <param name="HasStringValues">Whether the compilation references <c>Microsoft.Extensions.Primitives.StringValues</c>, so the map gets members that take and give it.</param>
internal sealed record MapSpec(
    string? Namespace,
    string TypeName,
    string FullyQualifiedName,
    string DisplayName,
    string HintName,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    int KeyCapacity,
    int ValueCapacity,
    FlatKeyComparison KeyComparison,
    EquatableArray<KnownKeySpec> KnownKeys,
    bool InternUnknownKeys,
    bool ReuseValueStrings,
    FlatStorage Storage,
    int InlineBytes,
    LayoutPlan Layout,
    EquatableArray<string> UserAttributes,
    bool HasStringValues = false,
    FlatOverflow Overflow = FlatOverflow.Refuse);

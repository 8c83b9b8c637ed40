using FlatGen.Generator.Diagnostics;
using FlatGen.Generator.Helpers;

namespace FlatGen.Generator.Models;

/// <summary>What the parser made of one <c>[FlatMultiMap]</c> declaration: a spec when it can be generated, and its diagnostics.</summary>
internal sealed record ParseResult(MapSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static ParseResult Nothing { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty);
}

namespace FlatGen.Generator.Models;

/// <summary>The generator's copy of <c>FlatGen.FlatKeyComparison</c>; the values must match.</summary>
internal enum KeyComparisonKind
{
    Ordinal = 0,
    OrdinalIgnoreCase = 1,
}

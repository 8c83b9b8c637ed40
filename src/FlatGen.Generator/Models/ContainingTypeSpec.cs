namespace FlatGen.Generator.Models;

/// <summary>A type that contains the map, re-declared as <c>partial {Keyword} {Name}</c> around the generated code.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The type's identifier as written, with any <c>@</c> escape.</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

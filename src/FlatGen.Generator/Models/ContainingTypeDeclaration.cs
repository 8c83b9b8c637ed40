namespace FlatGen.Generator.Models;

/// <summary>A type that contains the map, as declared around it.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The type's identifier as written, with any <c>@</c> escape.</param>
/// <param name="ValueText">The identifier without the escape, for messages.</param>
/// <param name="IsPartial">Whether this declaration is <c>partial</c>.</param>
/// <param name="IsFileLocal">Whether this declaration is <c>file</c>-local.</param>
internal sealed record ContainingTypeDeclaration(string Keyword, string Name, string ValueText, bool IsPartial, bool IsFileLocal);

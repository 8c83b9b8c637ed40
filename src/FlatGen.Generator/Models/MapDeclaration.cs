using FlatGen.Generator.Helpers;

namespace FlatGen.Generator.Models;

/// <summary>
/// The facts of one <c>[FlatMultiMap]</c> declaration, read from its symbol and syntax and nothing derived from them:
/// the one step that runs again on every edit of the compilation reads these, and every check, analysis and plan
/// after it stays cached while they are equal.
/// </summary>
/// <param name="Name">The struct's identifier without any <c>@</c>, for messages.</param>
/// <param name="Location">The struct's identifier.</param>
/// <param name="NotAStruct">How a message names the kind of a type that is not a plain struct (<c>a class</c>); <see langword="null"/> for a struct.</param>
/// <param name="Names">The names the generated code is written under.</param>
/// <param name="IsPartial">Whether the attributed declaration is <c>partial</c>.</param>
/// <param name="UnsupportedModifiers">Each of <c>readonly</c>, <c>ref</c> and <c>file</c> found on a partial declaration, at that declaration.</param>
/// <param name="IsGeneric">Whether the struct or a type around it has type parameters.</param>
/// <param name="ContainingTypes">The types around the struct, innermost first.</param>
/// <param name="InstanceState">The instance fields, auto-properties, field-like events and primary constructor parameters the user declared.</param>
/// <param name="HasStructLayout">Whether the struct has a <c>[StructLayout]</c> of its own.</param>
/// <param name="LanguageVersionBelow12">The language version's display text when it is below C# 12; otherwise <see langword="null"/>.</param>
/// <param name="DeclaredMembers">The members declared in every part of the struct, by metadata name (<c>op_Equality</c> for <c>==</c>), where each is declared; accessors and what the compiler declares are not among them.</param>
/// <param name="Attributes">The attributes on the struct other than <c>[FlatMultiMap]</c>, by their classes' full metadata names, where each is applied.</param>
/// <param name="Arguments">The attribute's arguments; <see langword="null"/> when its constructor arguments are not two <c>int</c> values.</param>
internal sealed record MapDeclaration(
    string Name,
    LocationInfo? Location,
    string? NotAStruct,
    MapNames Names,
    bool IsPartial,
    EquatableArray<LocatedText> UnsupportedModifiers,
    bool IsGeneric,
    EquatableArray<ContainingTypeDeclaration> ContainingTypes,
    EquatableArray<LocatedText> InstanceState,
    bool HasStructLayout,
    string? LanguageVersionBelow12,
    EquatableArray<LocatedText> DeclaredMembers,
    EquatableArray<LocatedText> Attributes,
    AttributeArguments? Arguments)
{
    /// <summary>The facts of a type that is not a plain struct: its kind and names, and nothing else, which no check reads.</summary>
    public static MapDeclaration NotAStructType(string name, LocationInfo? location, string kind, MapNames names) =>
        new(
            name,
            location,
            NotAStruct: kind,
            names,
            IsPartial: false,
            UnsupportedModifiers: EquatableArray<LocatedText>.Empty,
            IsGeneric: false,
            ContainingTypes: EquatableArray<ContainingTypeDeclaration>.Empty,
            InstanceState: EquatableArray<LocatedText>.Empty,
            HasStructLayout: false,
            LanguageVersionBelow12: null,
            DeclaredMembers: EquatableArray<LocatedText>.Empty,
            Attributes: EquatableArray<LocatedText>.Empty,
            Arguments: null);
}

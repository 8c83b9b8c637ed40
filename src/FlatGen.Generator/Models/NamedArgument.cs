namespace FlatGen.Generator.Models;

/// <summary>One named argument of the attribute, as written, before it is checked: an <c>int</c> (an enum's underlying value, a size) or a <c>bool</c>.</summary>
/// <param name="Name">The property it sets.</param>
/// <param name="Int32Value">Its value when it is an <c>int</c> or an enum; otherwise <see langword="null"/>.</param>
/// <param name="BooleanValue">Its value when it is a <c>bool</c>; otherwise <see langword="null"/>.</param>
internal sealed record NamedArgument(string Name, int? Int32Value, bool? BooleanValue);

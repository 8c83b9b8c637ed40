using FlatGen.Generator.Helpers;

namespace FlatGen.Generator.Models;

/// <summary>A piece of the user's declaration a diagnostic may name (a modifier, a member), with where it is written.</summary>
/// <param name="Text">How a message names it.</param>
/// <param name="Location">Where it is written.</param>
internal sealed record LocatedText(string Text, LocationInfo? Location);

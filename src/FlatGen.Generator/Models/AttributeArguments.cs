using FlatGen.Generator.Helpers;

namespace FlatGen.Generator.Models;

/// <summary>The <c>[FlatMultiMap]</c> attribute's arguments as written, before any is checked.</summary>
/// <param name="Location">The attribute.</param>
/// <param name="KeyCapacity">The first constructor argument.</param>
/// <param name="ValueCapacity">The second constructor argument.</param>
/// <param name="Named">The named arguments other than <c>KnownKeys</c>, in the order written.</param>
/// <param name="KnownKeys">The <c>KnownKeys</c> elements (a null element stays null); empty when there are none.</param>
/// <param name="KnownKeysLocation">The <c>KnownKeys</c> argument's expression, where it is written out.</param>
/// <param name="KnownKeyLocations">Each element of the <c>KnownKeys</c> array, where it is written as an array or collection of expressions.</param>
internal sealed record AttributeArguments(
    LocationInfo? Location,
    int KeyCapacity,
    int ValueCapacity,
    EquatableArray<NamedArgument> Named,
    EquatableArray<string?> KnownKeys,
    LocationInfo? KnownKeysLocation,
    EquatableArray<LocationInfo> KnownKeyLocations);

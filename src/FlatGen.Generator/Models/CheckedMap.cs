using FlatGen.Generator.Helpers;

namespace FlatGen.Generator.Models;

/// <summary>A declaration whose settings were checked, and, once analysed, its known keys.</summary>
/// <param name="Declaration">The declaration's facts.</param>
/// <param name="Settings">The checked settings.</param>
/// <param name="KnownKeys">The known keys that passed every check, in declaration order; empty before the analysis.</param>
internal sealed record CheckedMap(MapDeclaration Declaration, MapSettings Settings, EquatableArray<KnownKeySpec> KnownKeys);

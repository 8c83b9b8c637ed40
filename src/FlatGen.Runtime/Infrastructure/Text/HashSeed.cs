namespace FlatGen.Infrastructure;

/// <summary>The two words that seed a <see cref="FlatHash"/>: the first starts the state, the second keys every multiply.</summary>
internal readonly record struct HashSeed(ulong First, ulong Second);

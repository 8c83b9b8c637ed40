namespace FlatGen.Tests.Package;

/// <summary>Tests that build FlatGen.Runtime (its projects and outputs are shared): one at a time.</summary>
[CollectionDefinition(nameof(RuntimeBuildsCollection), DisableParallelization = true)]
public sealed class RuntimeBuildsCollection;

using System.Runtime.CompilerServices;

namespace FlatGen.Tests.Infrastructure;

/// <summary>The repository's folders, found from this source file's path at build time.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: this file is tests/FlatGen.Tests/Infrastructure/RepositoryPaths.cs.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}

using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using FlatGen.Infrastructure;
using FlatGen.Tests.Infrastructure;

namespace FlatGen.Tests.Package;

/// <summary>
/// The runtime's ReadyToRun build (<c>-p:FlatGenReadyToRun=true</c>), whose image holds the cores precompiled: crossgen2
/// compiles no method marked <see cref="MethodImplOptions.AggressiveOptimization"/>, so that build marks none, and it
/// names the instantiations of maps without known keys, which crossgen2 compiles only where the library names them. The
/// IL build, the one the package carries, keeps the entry points optimised from their first call.
/// </summary>
[Collection(nameof(RuntimeBuildsCollection))]
public sealed class ReadyToRunBuildTests
{
    [Fact]
    public void The_ReadyToRun_build_marks_no_method_for_the_JIT_and_names_the_instantiations()
    {
        string project = Path.Combine(RepositoryPaths.Root, "src", "FlatGen.Runtime");
        (int exitCode, string output) = DotnetCommand.Run(project, "build", "-c", "Release", "--no-restore", "-p:FlatGenReadyToRun=true", "-p:BuildProjectReferences=false");
        Assert.True(exitCode == 0, output);
        string image = Path.Combine(project, "bin", "readytorun", "Release", "net8.0", "FlatGen.Runtime.dll");

        (int optimized, bool roots) = Inspect(image);
        Assert.Equal(0, optimized);
        Assert.True(roots, "FlatReadyToRunRoots is missing from the ReadyToRun build");

        // The IL build, as the tests run it: the same entry points optimised from their first call, and no roots.
        (int ilOptimized, bool ilRoots) = Inspect(typeof(FlatMapShape).Assembly.Location);
        Assert.True(ilOptimized >= 60, $"{ilOptimized} methods of the IL build are AggressiveOptimization");
        Assert.False(ilRoots);
        MethodInfo add = typeof(FlatMapCore<byte, byte, FlatOrdinalComparer, FlatNoKnownKeys, FlatReferenceStorage<byte, byte, FlatOrdinalComparer, FlatNoKnownKeys>>)
            .GetMethod(nameof(FlatMapCore<byte, byte, FlatOrdinalComparer, FlatNoKnownKeys, FlatReferenceStorage<byte, byte, FlatOrdinalComparer, FlatNoKnownKeys>>.Add), [typeof(FlatMapFields<byte, byte>), typeof(string), typeof(string)])!;
        Assert.True(add.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));
    }

    /// <summary>How many methods an assembly marks <c>AggressiveOptimization</c>, and whether it has the ReadyToRun roots.</summary>
    private static (int Optimized, bool Roots) Inspect(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        MetadataReader metadata = reader.GetMetadataReader();
        int optimized = metadata.MethodDefinitions.Count(handle => metadata.GetMethodDefinition(handle).ImplAttributes.HasFlag(MethodImplAttributes.AggressiveOptimization));
        bool roots = metadata.TypeDefinitions.Any(handle => metadata.GetString(metadata.GetTypeDefinition(handle).Name) == "FlatReadyToRunRoots");
        return (optimized, roots);
    }
}

extern alias RegistrySample;

using RegistrySample::FlatGen.Samples.Registry;

namespace FlatGen.Tests.Samples;

/// <summary>The Registry sample's claim: fed any number of paths, it keeps the most recently used ones and allocates nothing.</summary>
public sealed class RegistrySampleTests
{
    [Fact]
    public void The_registry_keeps_the_newest_paths_and_the_one_in_use_and_allocates_nothing()
    {
        string[] paths = RegistryRun.Paths(20_000);
        RegistryRun.Feed(paths);

        RegistryRun.Result run = RegistryRun.Feed(paths);
        PathListeners registry = run.Registry;

        // 1,024 paths: the hot one, used all along, and the 1,023 registered last; every earlier path evicted.
        Assert.Equal(1_024, registry.PathCount);
        Assert.Equal(1_024, registry.ListenerCount);
        Assert.True(registry.Contains(RegistryRun.HotPath));
        Assert.Equal(["health-check"], registry.Use(RegistryRun.HotPath).ToArray());
        Assert.All(paths[^1_023..], path => Assert.True(registry.Contains(path), path));
        Assert.All(paths[..^1_023], path => Assert.False(registry.Contains(path), path));
        Assert.Equal(0, run.AllocatedBytes);
    }
}

namespace FlatGen.Samples.Registry;

/// <summary>Feeds a registry many distinct paths, as a server meets them, using one path all along.</summary>
public static class RegistryRun
{
    /// <summary>The path used every 100 registrations: least recently used eviction keeps it.</summary>
    public const string HotPath = "/health";

    /// <summary>What a run left: the registry, and the bytes it allocated while registering.</summary>
    public readonly record struct Result(PathListeners Registry, long AllocatedBytes, string[] Paths);

    /// <summary>The <paramref name="count"/> distinct paths a run registers, made before it starts.</summary>
    public static string[] Paths(int count) => Enumerable.Range(0, count).Select(i => "/orders/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/events").ToArray();

    /// <summary>Registers a listener for each of <paramref name="paths"/> in order, and uses <see cref="HotPath"/> every 100.</summary>
    public static Result Feed(string[] paths)
    {
        var registry = new PathListeners();
        registry.Listen(HotPath, "health-check");
        string[] listeners = ["audit", "billing", "search"];
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < paths.Length; i++)
        {
            registry.Listen(paths[i], listeners[i % listeners.Length]);
            if (i % 100 == 0)
            {
                registry.Use(HotPath);
            }
        }

        return new Result(registry, GC.GetAllocatedBytesForCurrentThread() - allocated, paths);
    }
}

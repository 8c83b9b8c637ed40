using System.Globalization;
using FlatGen.Samples.Registry;

// The seed's listener registry, bounded: 100,000 distinct paths through a registry of 1,024, which evicts the least
// recently used paths and keeps its memory where it started.
const int PathCount = 100_000;
string[] paths = RegistryRun.Paths(PathCount);
RegistryRun.Feed(paths); // Once to warm up: the second run's allocation is the code's, not the JIT's.

long before = GC.GetTotalMemory(forceFullCollection: true);
RegistryRun.Result run = RegistryRun.Feed(paths);
long after = GC.GetTotalMemory(forceFullCollection: true);
PathListeners registry = run.Registry;

Console.WriteLine(ListenerRegistry.Layout);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Registered {PathCount:N0} paths; the registry holds {registry.PathCount:N0} paths and {registry.ListenerCount:N0} listeners."));
int evicted = paths.Count(path => !registry.Contains(path));
int oldestKept = Array.FindIndex(paths, registry.Contains);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Evicted: {evicted:N0} paths, the oldest first: {paths[0]} to {paths[oldestKept - 1]}; kept: {paths[oldestKept]} to {paths[^1]}."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{RegistryRun.HotPath}, registered first and used every 100 paths: {(registry.Contains(RegistryRun.HotPath) ? "kept" : "evicted")}, listeners [{string.Join(", ", registry.Use(RegistryRun.HotPath).ToArray())}]."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Allocated while registering: {run.AllocatedBytes:N0} bytes. Memory held: {before:N0} bytes before the run, {after:N0} after (the paths themselves are {PathCount:N0} strings made beforehand)."));

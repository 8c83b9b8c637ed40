using System.Diagnostics;

namespace FlatGen.Samples.Tags;

/// <summary>
/// Collects tags per operation, flushes them to a sink, and reuses the same collection for the next operation:
/// once with a flat map, once with a <c>Dictionary&lt;string, List&lt;string&gt;&gt;</c> doing the same.
/// </summary>
public static class TagRun
{
    private static readonly string[] Operations = ["checkout", "search", "login", "cart.add", "cart.remove"];
    private static readonly string[] Regions = ["eu-west", "eu-north", "us-east"];
    private static readonly string[] Statuses = ["ok", "ok", "ok", "ok", "error"];

    /// <summary>What one run measured.</summary>
    /// <param name="Name">The collection used.</param>
    /// <param name="Checksum">What the sink saw, the same for both collections.</param>
    /// <param name="AllocatedBytes">Bytes allocated on the heap by the whole run.</param>
    /// <param name="Elapsed">The run's time.</param>
    public readonly record struct Result(string Name, long Checksum, long AllocatedBytes, TimeSpan Elapsed);

    public static Result WithFlatMap(int operations)
    {
        var tags = new OperationTags();
        long checksum = 0;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < operations; i++)
        {
            tags.Add("operation", Operations[i % Operations.Length]);
            tags.Add("region", Regions[i % Regions.Length]);
            tags.Add("status", Statuses[i % Statuses.Length]);
            if (i % 7 == 0)
            {
                tags.Add("retry", "1");
                tags.Add("retry", "2");
            }

            // Flush: the sink reads every tag, then the map is cleared for the next operation.
            foreach (FlatReferenceEntry tag in tags)
            {
                checksum += tag.Key.Length + tag.Values.Length + tag.Values[^1].Length;
            }

            tags.Clear();
        }

        return new Result("OperationTags (FlatGen)", checksum, GC.GetAllocatedBytesForCurrentThread() - allocated, Stopwatch.GetElapsedTime(started));
    }

    public static Result WithDictionary(int operations)
    {
        var tags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        long checksum = 0;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < operations; i++)
        {
            Add(tags, "operation", Operations[i % Operations.Length]);
            Add(tags, "region", Regions[i % Regions.Length]);
            Add(tags, "status", Statuses[i % Statuses.Length]);
            if (i % 7 == 0)
            {
                Add(tags, "retry", "1");
                Add(tags, "retry", "2");
            }

            foreach ((string key, List<string> values) in tags)
            {
                checksum += key.Length + values.Count + values[^1].Length;
            }

            tags.Clear();
        }

        return new Result("Dictionary<string, List<string>>", checksum, GC.GetAllocatedBytesForCurrentThread() - allocated, Stopwatch.GetElapsedTime(started));
    }

    private static void Add(Dictionary<string, List<string>> tags, string key, string value)
    {
        if (!tags.TryGetValue(key, out List<string>? values))
        {
            tags.Add(key, values = []);
        }

        values.Add(value);
    }
}

using System.Globalization;

namespace FlatGen.Samples.Cache;

/// <summary>The sample's run: a response cache measured as a dictionary cache and as a packed one, then kept in a file across runs.</summary>
public static class CacheRun
{
    /// <summary>The names middleware reads from a cached response: five, one usually absent.</summary>
    public static readonly string[] Reads = ["content-type", "cache-control", "set-cookie", "vary", "x-powered-by"];

    /// <summary>Runs the sample: reads back what an earlier run wrote to <paramref name="path"/>, measures, then writes <paramref name="responses"/> responses there.</summary>
    public static void Run(TextWriter output, string path, int responses)
    {
        if (File.Exists(path))
        {
            using FileStream input = File.OpenRead(path);
            (PackedResponseCache earlier, int skipped) = PackedResponseCache.ReadFrom(input);
            int equal = CountEqual(earlier, earlier.Count);
            output.WriteLine(Invariant($"Read back {earlier.Count:N0} responses packed by an earlier run ({skipped} not valid, skipped): {equal:N0} equal to their maps packed again."));
        }

        Memory memory = Measure(responses);
        output.WriteLine(Invariant($"{responses:N0} cached responses, kept per response (names shared, a string for each value; the cache's own slot included):"));
        output.WriteLine(Invariant($"  Dictionary<string, string[]>, ignoring case: {memory.Dictionary:N0} bytes"));
        output.WriteLine(Invariant($"  FlatGen map, ResponseHeaders ({ResponseHeaders.SizeInBytes:N0}-byte struct) with its strings: {memory.Map:N0} bytes"));
        output.WriteLine(Invariant($"  FlatPackedMap, one byte[] each: {memory.Packed:N0} bytes ({memory.Packed / memory.Dictionary:0.00}x the dictionary's)"));

        PackedResponseCache cache = Fill(responses);
        cache.TryGet(Responses.Url(0), out FlatPackedMap first);
        output.WriteLine("GET " + Responses.Url(0) + " from the cache: " + first);
        output.WriteLine(string.Join(", ", Reads.Select(name => name + ": " + (first.TryGetValues(name, out FlatPackedValues values) ? string.Join(" | ", values.ToArray()) : "(absent)"))));

        using (FileStream file = File.Create(path))
        {
            cache.WriteTo(file);
        }

        output.WriteLine(Invariant($"Wrote {cache.Count:N0} packed responses ({new FileInfo(path).Length:N0} bytes) to {path}; run again to read them back."));
    }

    /// <summary>Caches responses 0 to <paramref name="responses"/> - 1, each packed from a map reused.</summary>
    public static PackedResponseCache Fill(int responses)
    {
        var cache = new PackedResponseCache();
        var headers = default(ResponseHeaders);
        for (int i = 0; i < responses; i++)
        {
            Responses.Fill(i, ref headers);
            cache.Store(Responses.Url(i), ref headers);
            headers.Clear();
        }

        return cache;
    }

    /// <summary>How many of responses 0 to <paramref name="responses"/> - 1 <paramref name="cache"/> holds exactly as they pack now.</summary>
    public static int CountEqual(PackedResponseCache cache, int responses)
    {
        int equal = 0;
        var headers = default(ResponseHeaders);
        for (int i = 0; i < responses; i++)
        {
            Responses.Fill(i, ref headers);
            if (cache.TryGet(Responses.Url(i), out FlatPackedMap cached) && cached.Equals(headers.Pack()) && cached.AsBytes().SequenceEqual(headers.Pack().AsBytes()))
            {
                equal++;
            }

            headers.Clear();
        }

        return equal;
    }

    /// <summary>The bytes a response keeps in each cache: the heap's growth over the whole cache, after full collections, divided by the responses.</summary>
    public static Memory Measure(int responses)
    {
        double dictionary = Kept(responses, static i =>
        {
            var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            foreach ((string name, string value) in Responses.Lines(i))
            {
                headers[name] = headers.TryGetValue(name, out string[]? values) ? [.. values, value] : [value];
            }

            return headers;
        });
        double map = KeptMaps(responses);
        double packed = Kept(responses, static i =>
        {
            var headers = default(ResponseHeaders);
            Responses.Fill(i, ref headers);
            return headers.Pack();
        });
        return new Memory(dictionary, map, packed);
    }

    private static double Kept<T>(int responses, Func<int, T> keep)
    {
        long before = Heap();
        var cache = new T[responses];
        for (int i = 0; i < cache.Length; i++)
        {
            cache[i] = keep(i);
        }

        long after = Heap();
        GC.KeepAlive(cache);
        return (double)(after - before) / responses;
    }

    /// <summary>As <see cref="Kept{T}"/> for FlatGen maps, kept in place in the cache's array.</summary>
    private static double KeptMaps(int responses)
    {
        long before = Heap();
        var cache = new ResponseHeaders[responses];
        for (int i = 0; i < cache.Length; i++)
        {
            Responses.Fill(i, ref cache[i]);
        }

        long after = Heap();
        GC.KeepAlive(cache);
        return (double)(after - before) / responses;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Bytes kept per response by a dictionary cache, a cache of FlatGen maps and a packed cache.</summary>
    public readonly record struct Memory(double Dictionary, double Map, double Packed);
}

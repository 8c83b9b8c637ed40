using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;

namespace FlatGen.Benchmarks;

/// <summary>
/// What keeping many maps alive costs the garbage collector: 100,000 maps of 16 keys with 2 values each, held as
/// dictionaries of lists, as reference-storage FlatGen maps in an array, and as inline FlatGen maps in an array and
/// in a <see cref="FlatArena{T}"/>. For each, in one process and one after another, the pause of a full blocking
/// collection (the median of several, from <see cref="GC.GetTotalPauseDuration"/>) and the managed heap's size.
/// Not a BenchmarkDotNet benchmark: a collection's cost depends on everything alive, so each layout is measured
/// alone, with nothing else of the run's on the heap.
/// </summary>
public static class GcPause
{
    private const int KeysPerMap = 16;
    private const int ValuesPerKey = 2;

    /// <summary>The key names, one string each, shared by every map as a parser's known names would be.</summary>
    private static readonly string[] Keys = Enumerable.Range(0, KeysPerMap).Select(i => "tag-" + i.ToString("00", CultureInfo.InvariantCulture)).ToArray();

    public static int Run(string outputFolder, int maps, int collections)
    {
        var rows = new List<Row>
        {
            Measure("Nothing (the floor)", maps, collections, static _ => new object()),
            Measure("Dictionary<string, List<string>>[]", maps, collections, Dictionaries),
            Measure("FlatGen references, GcReferenceMap[]", maps, collections, ReferenceMaps),
            Measure("FlatGen InlineUtf8, GcInlineMap[]", maps, collections, InlineMaps),
            Measure("FlatGen InlineUtf8, FlatArena<GcInlineMap>", maps, collections, ArenaMaps),
        };

        string markdown = Markdown(rows, maps, collections);
        Directory.CreateDirectory(outputFolder);
        File.WriteAllText(Path.Combine(outputFolder, "gc.md"), markdown);
        Console.WriteLine(markdown);
        return 0;
    }

    private static Row Measure(string name, int maps, int collections, Func<int, object> build)
    {
        object alive = build(maps);
        for (int i = 0; i < 2; i++)
        {
            GC.Collect();
        }

        var pauses = new double[collections];
        for (int i = 0; i < collections; i++)
        {
            TimeSpan before = GC.GetTotalPauseDuration();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            pauses[i] = (GC.GetTotalPauseDuration() - before).TotalMilliseconds;
        }

        long heap = GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;
        long native = alive is FlatArena<GcInlineMap> arena ? (long)arena.Capacity * GcInlineMap.SizeInBytes : 0;
        GC.KeepAlive(alive);
        (alive as IDisposable)?.Dispose();
        alive = null!;
        GC.Collect();
        Array.Sort(pauses);
        return new Row(name, pauses[pauses.Length / 2], heap, native);
    }

    private static object Dictionaries(int maps)
    {
        var all = new Dictionary<string, List<string>>[maps];
        for (int m = 0; m < maps; m++)
        {
            var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            for (int k = 0; k < KeysPerMap; k++)
            {
                map[Keys[k]] = [.. Values(m, k)];
            }

            all[m] = map;
        }

        return all;
    }

    private static object ReferenceMaps(int maps)
    {
        var all = new GcReferenceMap[maps];
        for (int m = 0; m < maps; m++)
        {
            for (int k = 0; k < KeysPerMap; k++)
            {
                foreach (string value in Values(m, k))
                {
                    all[m].Add(Keys[k], value);
                }
            }
        }

        return all;
    }

    private static object InlineMaps(int maps)
    {
        var all = new GcInlineMap[maps];
        for (int m = 0; m < maps; m++)
        {
            Fill(ref all[m], m);
        }

        return all;
    }

    private static object ArenaMaps(int maps)
    {
        FlatArena<GcInlineMap> arena = FlatArena<GcInlineMap>.CreateNative(maps);
        for (int m = 0; m < maps; m++)
        {
            Fill(ref arena[arena.Allocate()], m);
        }

        return arena;
    }

    private static void Fill(ref GcInlineMap map, int m)
    {
        for (int k = 0; k < KeysPerMap; k++)
        {
            foreach (string value in Values(m, k))
            {
                map.Add(Keys[k], value);
            }
        }
    }

    /// <summary>Each map's own values, as a parser would make them: new strings.</summary>
    private static IEnumerable<string> Values(int map, int key)
    {
        for (int v = 0; v < ValuesPerKey; v++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"value-{map}-{key}-{v}");
        }
    }

    private static string Markdown(List<Row> rows, int maps, int collections)
    {
        Row dictionary = rows[1];
        var text = new StringBuilder();
        text.Append("# Full garbage collections with many maps alive\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Generated by `dotnet run -c Release --project bench/FlatGen.Benchmarks -- gc bench/results`: {maps:N0} maps of {KeysPerMap} keys ");
        text.Append(CultureInfo.InvariantCulture, $"with {ValuesPerKey} values each, kept alive one layout at a time; the pause is the median of {collections} forced, blocking gen-2 collections ");
        text.Append(CultureInfo.InvariantCulture, $"(`GC.GetTotalPauseDuration`), in one process ({(GCSettings.IsServerGC ? "server" : "workstation")} GC, .NET {Environment.Version}, {Environment.ProcessorCount} cores).\n\n");
        text.Append("| Maps held as | Full-GC pause | Ratio | Managed heap | Native memory |\n|---|---:|---:|---:|---:|\n");
        foreach (Row row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Name} | {row.PauseMilliseconds:F2} ms | {row.PauseMilliseconds / dictionary.PauseMilliseconds:F4}× | {row.HeapBytes / 1048576.0:F1} MiB | {row.NativeBytes / 1048576.0:F1} MiB |\n");
        }

        double arrayRatio = rows[3].PauseMilliseconds / dictionary.PauseMilliseconds;
        double arenaRatio = rows[4].PauseMilliseconds / dictionary.PauseMilliseconds;
        text.Append(CultureInfo.InvariantCulture, $"\nTarget: inline mode's full-GC pause at most 0.05× the dictionary's. In an array: {arrayRatio:F4}×, **{(arrayRatio <= 0.05 ? "met" : "missed")}**; ");
        text.Append(CultureInfo.InvariantCulture, $"in a FlatArena: {arenaRatio:F4}×, **{(arenaRatio <= 0.05 ? "met" : "missed")}**.\n");
        return text.ToString();
    }

    private sealed record Row(string Name, double PauseMilliseconds, long HeapBytes, long NativeBytes);
}

using System.Diagnostics;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// Maps are not thread-safe, but misuse from several threads must never hang, crash or read out of range: every
/// loop is bounded, and what the core detects is an <see cref="InvalidOperationException"/>, as in <c>Dictionary</c>.
/// </summary>
[Collection(nameof(ConcurrentMisuseTests))] // Two busy threads each: not beside other tests' threads.
[CollectionDefinition(nameof(ConcurrentMisuseTests), DisableParallelization = true)]
public sealed class ConcurrentMisuseTests
{
    private static readonly TimeSpan RaceTime = TimeSpan.FromMilliseconds(700);

    private static readonly string[] Keys = Enumerable.Range(0, 40).Select(static i => "key-" + i).ToArray();

    [Fact]
    public void Racing_adds_and_clears_on_a_reference_map_make_progress_and_throw_only_InvalidOperationException()
    {
        var shared = new Box<SmallMap>();
        Race(i => { if (!shared.Map.TryAdd(Keys[i % Keys.Length], "v")) { shared.Map.Clear(); } });
    }

    [Fact]
    public void Racing_adds_removes_and_lookups_on_a_reference_map_make_progress_and_throw_only_InvalidOperationException()
    {
        var shared = new Box<KnownHeadersMap>();
        string[] keys = [.. Keys, "Host", "Accept", "Content-Type", "X-Request-Id"];
        Race(i =>
        {
            string key = keys[i % keys.Length];
            switch (i % 5)
            {
                case 0 or 1:
                    shared.Map.TryAdd(key, "v");
                    break;
                case 2:
                    shared.Map.Remove(key);
                    break;
                case 3:
                    _ = shared.Map.GetValues(key).Length;
                    break;
                default:
                    foreach (var entry in shared.Map)
                    {
                        _ = entry.Values.Length;
                    }

                    break;
            }
        });
    }

    [Fact]
    public void Racing_adds_and_clears_on_an_inline_map_make_progress_and_throw_only_InvalidOperationException()
    {
        var shared = new Box<InlineMap>();
        Race(i => { if (!shared.Map.TryAdd(Keys[i % Keys.Length], "v")) { shared.Map.Clear(); } });
    }

    [Fact]
    public void Racing_adds_removes_and_lookups_on_an_inline_map_make_progress_and_throw_only_InvalidOperationException()
    {
        var shared = new Box<InlineKnownMap>();
        string[] keys = [.. Keys, "Host", "Content-Type", "Größe"];
        Race(i =>
        {
            string key = keys[i % keys.Length];
            switch (i % 5)
            {
                case 0 or 1:
                    shared.Map.TryAdd(key, "välue");
                    break;
                case 2:
                    shared.Map.Remove(key);
                    break;
                case 3:
                    _ = shared.Map.GetValues(key).Count;
                    break;
                default:
                    foreach (var entry in shared.Map)
                    {
                        _ = entry.GetKeyString();
                    }

                    break;
            }
        });
    }

    /// <summary>
    /// Runs <paramref name="step"/> on two threads for <see cref="RaceTime"/>. Each thread must finish (no hang),
    /// take many steps, and see no exception but <see cref="InvalidOperationException"/>; a map that threw is cleared
    /// by the thread that saw it, as a user would, and the race goes on.
    /// </summary>
    private static void Race(Action<int> step)
    {
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        long[] steps = new long[2];
        var threads = new Thread[2];
        for (int t = 0; t < threads.Length; t++)
        {
            int thread = t;
            threads[t] = new Thread(() =>
            {
                var clock = Stopwatch.StartNew();
                for (int i = thread; clock.Elapsed < RaceTime; i += 7)
                {
                    try
                    {
                        step(i);
                    }
                    catch (InvalidOperationException)
                    {
                    }
                    catch (Exception exception)
                    {
                        failures.Enqueue(exception);
                    }

                    steps[thread]++;
                }
            })
            { IsBackground = true };
        }

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "A thread hung: a probe or shift loop never ended.");
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} exceptions other than InvalidOperationException; the first: {failures.FirstOrDefault()}");
        Assert.All(steps, static count => Assert.True(count > 1000, $"Only {count} steps were taken."));
    }

    /// <summary>A map in a class field: the one place both threads write to.</summary>
    private sealed class Box<TMap>
        where TMap : struct
    {
        public TMap Map;
    }
}

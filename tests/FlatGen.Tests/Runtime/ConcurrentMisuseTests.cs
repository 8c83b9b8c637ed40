using System.Diagnostics;
using FlatGen.Infrastructure;
using FlatGen.Tests.Infrastructure;
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
    public void Racing_adds_removes_lookups_and_clears_on_a_spilling_map_make_progress_and_throw_only_InvalidOperationException()
    {
        var shared = new Box<SpillingMap>();
        Race(i =>
        {
            string key = Keys[(int)(unchecked((uint)i * 31u) % (uint)Keys.Length)];
            switch (i % 100)
            {
                case < 50:
                    shared.Map.TryAdd(key, "v");
                    break;
                case < 65:
                    shared.Map.Remove(key);
                    break;
                case < 75:
                    shared.Map.Set(key, "set");
                    break;
                case < 85:
                    _ = shared.Map.GetValues(key).Length + shared.Map.Count;
                    break;
                case < 98:
                    foreach (var entry in shared.Map)
                    {
                        _ = entry.Values.Length;
                    }

                    break;
                default:
                    shared.Map.Clear();
                    break;
            }
        });

        shared.Map.Clear();
        for (int k = 0; k < Keys.Length; k++)
        {
            shared.Map.Add(Keys[k], "v" + k);
        }

        Assert.True(shared.Map.IsSpilled);
        Assert.All(Enumerable.Range(0, Keys.Length), k => Assert.Equal(["v" + k], shared.Map.GetValues(Keys[k]).ToArray()));
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

    [Fact]
    public void A_reference_map_raced_by_adds_removes_lookups_and_clears_throws_only_InvalidOperationException_and_Clear_restores_it()
    {
        var shared = new Box<RaceMap>();
        string[] keys = [.. Enumerable.Range(0, 80).Select(static i => "race-" + i)];
        Race(i => RaceStep(ref shared.Map, keys, i), TimeSpan.FromSeconds(2));

        // One thread again: Clear is the documented way back, from whatever state the race left.
        shared.Map.Clear();
        Assert.Equal(0, shared.Map.Count);
        Assert.Equal(0, shared.Map.ValueCount);
        Assert.False(shared.Map.GetEnumerator().MoveNext());
        for (int k = 0; k < 64; k++)
        {
            shared.Map.Add(keys[k], "a" + k);
            shared.Map.Add(keys[k], "b" + k);
        }

        Assert.Equal(64, shared.Map.Count);
        Assert.All(Enumerable.Range(0, 64), k => Assert.Equal(["a" + k, "b" + k], shared.Map.GetValues(keys[k]).ToArray()));
        Assert.Equal(keys.Take(64), shared.Map.ToDictionary().Keys);
    }

    [Fact]
    public void An_inline_map_raced_by_adds_removes_lookups_and_clears_throws_only_InvalidOperationException_and_Clear_restores_it()
    {
        var shared = new Box<InlineRaceMap>();
        string[] keys = [.. Enumerable.Range(0, 80).Select(static i => "race-" + i)];
        Race(i => RaceStep(ref shared.Map, keys, i), TimeSpan.FromSeconds(2));

        shared.Map.Clear();
        Assert.Equal(0, shared.Map.Count);
        Assert.Equal(0, shared.Map.ValueCount);
        for (int k = 0; k < 64; k++)
        {
            shared.Map.Add(keys[k], "a" + k);
            shared.Map.Add(keys[k], "b" + k);
        }

        Assert.Equal(64, shared.Map.Count);
        Assert.All(Enumerable.Range(0, 64), k => Assert.Equal(["a" + k, "b" + k], shared.Map.GetValues(keys[k]).ToArray()));
        Assert.True(InlineRaceMap.TryRead(shared.Map.AsBytes(), out _));
    }

    /// <summary>
    /// A probe that meets, slot after slot with none empty, only keys of its hash that differ from it (a state only
    /// concurrent use makes) throws instead of probing forever: past the first such key the probe goes on out of its
    /// loop, comparing keys, and that part has a bound of its own.
    /// </summary>
    [Fact]
    public void A_probe_meeting_only_other_keys_of_its_hash_throws_instead_of_probing_forever()
    {
        var reference = new SmallMap();
        AssertProbeThrows(ref reference, SmallMap.Layout, probe => FlatHash.Ordinal(probe, FlatHash.ProcessSeed));

        var inline = new InlineMap();
        AssertProbeThrows(ref inline, InlineMap.Layout, probe => FlatHash.Ordinal(probe, FlatHash.InlineSeed(
            MapFields.Read<InlineMap, ulong>(ref inline, InlineMap.Layout, "_hashSeed")[0])));
    }

    /// <summary>
    /// A table with no empty slot and no key of the probe's hash: the loop that compares hashes has its own bound, since
    /// the table's slots are read there without a bounds check and nothing else would end it.
    /// </summary>
    [Fact]
    public void A_probe_meeting_only_keys_of_other_hashes_throws_instead_of_probing_forever()
    {
        var reference = new SmallMap();
        AssertProbeThrows(ref reference, SmallMap.Layout, probe => ~FlatHash.Ordinal(probe, FlatHash.ProcessSeed));

        var inline = new InlineMap();
        AssertProbeThrows(ref inline, InlineMap.Layout, probe => ~FlatHash.Ordinal(probe, FlatHash.InlineSeed(
            MapFields.Read<InlineMap, ulong>(ref inline, InlineMap.Layout, "_hashSeed")[0])));
    }

    /// <summary>
    /// A map that spills again copies each key of its overflow with its values; a key whose values a racing thread
    /// emptied between the copy's read and its write is detected as every such state is, not an index out of range
    /// (the spilling race above met it).
    /// </summary>
    [Fact]
    public void An_overflow_given_a_key_without_values_throws_InvalidOperationException()
    {
        var spill = new FlatSpill(8, nameof(SpillingMap));

        Assert.Throws<InvalidOperationException>(() => spill.AddKey("k", knownKey: -1, hash: 1, ReadOnlySpan<string>.Empty));
        Assert.Equal(0, spill.KeyCount);
    }

    /// <summary>Points every slot at key 1, whose stored hash becomes <paramref name="storedHash"/> of the probe, and looks the probe up.</summary>
    private static void AssertProbeThrows<TMap>(ref TMap map, FlatLayout layout, Func<string, uint> storedHash)
        where TMap : struct, IFlatMultiMap
    {
        map.Add("k", "1");
        map.Add("j", "2");

        // Every slot points at key 1, "j", whose stored hash becomes the given one. One byte a slot, so that a filled byte
        // is an entry below the count and the probe passes the count check to meet the keys.
        Assert.StartsWith("byte[", layout.Fields.Single(static f => f.Name == "_slots").TypeName, StringComparison.Ordinal);
        const string Probe = "p";
        MapFields.Bytes(ref map, layout, "_slots").Fill(2);
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(MapFields.Bytes(ref map, layout, "_keyHashes"))[1] = storedHash(Probe);

        TMap copy = map;
        var lookup = Task.Run(() => copy.ContainsKey(Probe));
        Assert.True(Task.WaitAny([lookup], TimeSpan.FromSeconds(30)) == 0, "The probe did not end.");
        Assert.IsType<InvalidOperationException>(lookup.Exception?.InnerException);
    }

    /// <summary>
    /// Clear is the way back from any state of a map's fields, not only those a race happened to leave here: every
    /// field but the references is filled with random bytes (counts past the arrays included), and Clear then gives an
    /// empty map that works.
    /// </summary>
    [Fact]
    public void Clear_restores_a_reference_map_whose_fields_hold_any_bytes()
    {
        var random = new Random(7);
        string[] keys = [.. Enumerable.Range(0, 64).Select(static i => "clear-" + i)];
        for (int round = 0; round < 200; round++)
        {
            var map = new RaceMap();
            for (int k = 0; k < round % 64; k++)
            {
                map.Add(keys[k], "v");
            }

            foreach (FlatField field in RaceMap.Layout.Fields.Where(f => !f.TypeName.StartsWith("string", StringComparison.Ordinal)))
            {
                random.NextBytes(MapFields.Bytes(ref map, RaceMap.Layout, field.Name));
            }

            map.Clear();

            Assert.Equal(0, map.Count);
            Assert.Equal(0, map.ValueCount);
            Assert.False(map.GetEnumerator().MoveNext());
            foreach (string key in keys)
            {
                map.Add(key, key);
            }

            Assert.All(keys, key => Assert.Equal([key], map.GetValues(key).ToArray()));
        }
    }

    [Fact]
    public void Clear_restores_an_inline_map_whose_bytes_are_any_bytes()
    {
        var random = new Random(7);
        string[] keys = [.. Enumerable.Range(0, 64).Select(static i => "clear-" + i)];
        for (int round = 0; round < 200; round++)
        {
            var map = new InlineRaceMap();
            random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref map, 1)));

            map.Clear();

            Assert.Equal(0, map.Count);
            Assert.Equal(0, map.ValueCount);
            Assert.True(InlineRaceMap.TryRead(map.AsBytes(), out _));
            foreach (string key in keys)
            {
                map.Add(key, key);
            }

            Assert.All(keys, key => Assert.Equal(1, map.GetValues(key).Count));
            Assert.True(InlineRaceMap.TryRead(map.AsBytes(), out InlineRaceMap read));
            Assert.Equal(64, read.Count);
        }
    }

    [Fact]
    public void Packing_maps_raced_by_adds_removes_and_clears_throws_only_InvalidOperationException()
    {
        var reference = new Box<RaceMap>();
        var inline = new Box<InlineRaceMap>();
        var spilling = new Box<SpillingMap>();
        Race(i =>
        {
            string key = Keys[(int)(unchecked((uint)i * 31u) % (uint)Keys.Length)];
            switch (i % 100)
            {
                case < 30:
                    reference.Map.TryAdd(key, "v");
                    inline.Map.TryAdd(key, "v");
                    spilling.Map.TryAdd(key, "v");
                    break;
                case < 50:
                    reference.Map.Remove(key);
                    inline.Map.Remove(key);
                    spilling.Map.Remove(key);
                    break;
                case < 98:
                    // Whatever a raced pack gives back reads without leaving its bytes.
                    Span<byte> buffer = stackalloc byte[4096];
                    _ = reference.Map.TryPack(buffer, out _) && inline.Map.TryPack(buffer, out _);
                    ReadAll((i & 1) == 0 ? spilling.Map.Pack() : inline.Map.Pack(), key);
                    break;
                default:
                    reference.Map.Clear();
                    inline.Map.Clear();
                    spilling.Map.Clear();
                    break;
            }
        });

        reference.Map.Clear();
        reference.Map.Add("a", "1");
        Assert.Equal("{ a: [1] }", reference.Map.Pack().ToString());
    }

    private static void ReadAll(FlatPackedMap packed, string key)
    {
        foreach (FlatPackedEntry entry in packed)
        {
            foreach (ReadOnlySpan<byte> value in entry.Values)
            {
                _ = value.Length;
            }
        }

        _ = packed.GetValues(key).Count + packed.Count;
    }

    /// <summary>The mix: TryAdd half the time, Remove three in ten, GetValues one in ten, Clear now and then.</summary>
    private static void RaceStep(ref RaceMap map, string[] keys, int i)
    {
        string key = keys[(int)(unchecked((uint)i * 31u) % (uint)keys.Length)]; // i * 31 outgrows int in a long race
        switch (i % 100)
        {
            case < 50: map.TryAdd(key, "v"); break;
            case < 80: map.Remove(key); break;
            case < 90: _ = map.GetValues(key).Length; break;
            case < 99: _ = map.ContainsKey(key); break;
            default: map.Clear(); break;
        }
    }

    private static void RaceStep(ref InlineRaceMap map, string[] keys, int i)
    {
        string key = keys[(int)(unchecked((uint)i * 31u) % (uint)keys.Length)]; // i * 31 outgrows int in a long race
        switch (i % 100)
        {
            case < 50: map.TryAdd(key, "v"); break;
            case < 80: map.Remove(key); break;
            case < 90: _ = map.GetValues(key).Count; break;
            case < 99: _ = map.ContainsKey(key); break;
            default: map.Clear(); break;
        }
    }

    /// <summary>
    /// Runs <paramref name="step"/> on two threads for <see cref="RaceTime"/>. Each thread must finish (no hang),
    /// take many steps, and see no exception but <see cref="InvalidOperationException"/>; a map that threw is cleared
    /// by the thread that saw it, as a user would, and the race goes on.
    /// </summary>
    private static void Race(Action<int> step) => Race(step, RaceTime);

    private static void Race(Action<int> step, TimeSpan raceTime)
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
                for (int i = thread; clock.Elapsed < raceTime; i += 7)
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

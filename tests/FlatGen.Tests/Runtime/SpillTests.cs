using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsCheck;
using FlatGen.Tests.Maps;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// <see cref="FlatOverflow.Spill"/>: a map that lacks room moves to a heap overflow and stays one map in every
/// operation. Random operations run on the maps and on an unbounded <see cref="MultiMapModel"/>, which must agree
/// after every step, in content, order, counts, lookups, equality, JSON and whether the map has spilled.
/// </summary>
public sealed class SpillTests
{
    private const int Iterations = 1500;

    public enum OperationKind
    {
        TryAdd,
        AddSpan,
        TryAddUtf8,
        AddAll,
        TrySet,
        SetSpan,
        Remove,
        RemoveValue,
        Get,
        Clear,
        Compare,
    }

    [Fact]
    public void Spilling_map_agrees_with_an_unbounded_model() => Check<SpillingMap>(StringComparer.Ordinal, KeyPools.Ordinal);

    [Fact]
    public void Spilling_map_with_known_keys_ignoring_case_agrees_with_an_unbounded_model() =>
        Check<SpillingKnownMap>(StringComparer.OrdinalIgnoreCase, KeyPools.WithKnownKeys(["Host", "Accept"], KeyPools.IgnoreCase), ["Host", "Accept"]);

    [Fact]
    public void An_add_that_does_not_fit_spills_and_keeps_the_order()
    {
        var map = new SpillingMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Add("b", "3");
        map.Add("c", "4");
        map.Add("d", "5");
        Assert.False(map.IsSpilled);

        map.Add("e", "6");
        map.Add("a", "7");
        map.Add(Encoding.UTF8.GetBytes("f"), Encoding.UTF8.GetBytes("ü"));

        Assert.True(map.IsSpilled);
        Assert.Equal([["a", "1", "7"], ["b", "2", "3"], ["c", "4"], ["d", "5"], ["e", "6"], ["f", "ü"]], map.Entries());
        Assert.Equal(6, map.Count);
        Assert.Equal(8, map.ValueCount);
        Assert.Equal(["1", "7"], map.GetValues("a").ToArray());
        Assert.Equal("ü", map.GetFirstOrDefault(Encoding.UTF8.GetBytes("f")));
        Assert.True(map.ContainsKey("e".AsSpan()));
        Assert.False(map.ContainsKey("g"));
        Assert.Equal("{ a: [1, 7], b: [2, 3], c: [4], d: [5], e: [6], f: [ü] }", map.ToString());
    }

    [Fact]
    public void Remove_set_and_remove_value_work_on_a_spilled_map()
    {
        var map = Spilled();

        Assert.True(map.Remove("b"));
        Assert.True(map.Remove("a", "7"));
        map.Set("c", "set");
        Assert.True(map.Remove(Encoding.UTF8.GetBytes("e")));
        Assert.False(map.Remove("b"));
        map.Add("b", "again");

        Assert.Equal([["a", "1"], ["c", "set"], ["d", "5"], ["b", "again"]], map.Entries());
        Assert.True(map.IsSpilled); // Until Clear, though it would fit again.
    }

    [Fact]
    public void Known_key_accessors_reach_the_overflow()
    {
        var map = new SpillingKnownMap();
        map.AddHost("example.com");
        map.Add("x-a", "1");
        map.Add("x-b", "2");
        map.Add("x-c", "3");
        map.Add("x-d", "4");
        map.Add("HOST", "second");
        map.SetAccept("*/*");

        Assert.True(map.IsSpilled);
        Assert.True(map.HasHost);
        Assert.Equal("example.com", map.HostFirst);
        Assert.Equal(["example.com", "second"], map.Host.ToArray());
        Assert.Equal(["*/*"], map.GetValues("accept").ToArray());
        Assert.Equal([["Host", "example.com", "second"], ["x-a", "1"], ["x-b", "2"], ["x-c", "3"], ["x-d", "4"], ["Accept", "*/*"]], map.Entries());
        Assert.True(map.RemoveHost());
        Assert.False(map.HasHost);
        Assert.Null(map.HostFirst);
    }

    [Fact]
    public void Two_spilling_maps_with_other_known_keys_each_find_their_own_in_the_overflow()
    {
        // A known key outgrows the fields in each map, so every key moves to the overflow under its declared spelling and
        // hash: each map hashes its own known keys, which another map of the same index types and comparison must not see.
        static (string Key, string[] Values)[] Lines(string known, string value, string other, string otherValue) =>
            [(known, [value]), (other, [otherValue]), ("x-1", ["1"]), ("x-2", ["2"]), (known.ToUpperInvariant(), [.. Enumerable.Range(1, 5).Select(i => value + i)])];

        var first = new SpillingKnownMap();
        foreach ((string key, string[] values) in Lines("Host", "h", "Accept", "a"))
        {
            first.Add(key, values);
        }

        var second = new OtherSpillingKnownMap();
        foreach ((string key, string[] values) in Lines("Accept", "a", "Via", "v"))
        {
            second.Add(key, values);
        }

        Assert.True(first.IsSpilled);
        Assert.True(second.IsSpilled);
        Assert.Equal(["h", "h1", "h2", "h3", "h4", "h5"], first.GetValues("host").ToArray());
        Assert.Equal(["a"], first.GetValues("ACCEPT").ToArray());
        Assert.Equal(["a", "a1", "a2", "a3", "a4", "a5"], second.GetValues("accept").ToArray());
        Assert.Equal(["v"], second.GetValues("VIA").ToArray());
        Assert.Equal(["a", "a1", "a2", "a3", "a4", "a5"], second.Accept.ToArray());
        Assert.True(second.Remove("Via"));
        Assert.False(second.ContainsKey("via"));
        var entries = new List<string[]>();
        foreach (var entry in second)
        {
            entries.Add([entry.Key, .. entry.Values]);
        }

        Assert.Equal([["Accept", "a", "a1", "a2", "a3", "a4", "a5"], ["x-1", "1"], ["x-2", "2"]], entries);
    }

    [Fact]
    public void Spilled_maps_holding_the_same_keys_in_other_parts_are_equal()
    {
        // Each map spills past 32 keys; in the other order, keys one holds in its overflow are in the other's fields,
        // a hashed map, where equality finds them by the hash the overflow stored.
        var forward = new WideSpillingMap();
        var backward = new WideSpillingMap();
        for (int i = 0; i < 40; i++)
        {
            forward.Add("key-" + i, "v" + i);
            backward.Add("key-" + (39 - i), "v" + (39 - i));
        }

        Assert.True(forward.IsSpilled);
        Assert.True(backward.IsSpilled);
        Assert.True(forward.Equals(backward));
        Assert.True(backward.Equals(forward));
        Assert.Equal(forward.GetHashCode(), backward.GetHashCode());

        backward.Set("key-35", "changed");

        Assert.False(forward.Equals(backward));
        Assert.False(backward.Equals(forward));
    }

    [Fact]
    public void Adding_several_values_at_once_never_refuses()
    {
        var map = new SpillingMap();
        map.Add("a", "1");

        Assert.True(map.TryAdd("b", new StringValues(["2", "3", "4", "5", "6", "7"])));

        Assert.True(map.IsSpilled);
        Assert.Equal([["a", "1"], ["b", "2", "3", "4", "5", "6", "7"]], map.Entries());
    }

    [Fact]
    public void Many_keys_and_values_fit()
    {
        var map = new SpillingMap();
        var model = new Dictionary<string, List<string>>();
        for (int i = 0; i < 5000; i++)
        {
            string key = "k" + (i % 700).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(map.TryAdd(key, "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            (model.TryGetValue(key, out var values) ? values : model[key] = []).Add("v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (i % 3 == 0)
            {
                string removed = "k" + ((i * 7) % 700).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(model.Remove(removed), map.Remove(removed));
            }
        }

        Assert.Equal(model.Count, map.Count);
        Assert.Equal(model.Values.Sum(v => v.Count), map.ValueCount);
        Assert.All(model, pair => Assert.Equal(pair.Value, map.GetValues(pair.Key).ToArray()));
    }

    [Fact]
    public void A_write_through_a_copy_makes_the_other_copy_throw_never_a_mixed_map()
    {
        var original = Spilled();
        List<string[]> before = original.Entries();
        var copy = original;

        copy.Add("new", "value");

        Assert.Throws<InvalidOperationException>(() => original.Count);
        Assert.Throws<InvalidOperationException>(() => original.GetValues("a").Length);
        Assert.Throws<InvalidOperationException>(() => original.TryAdd("x", "y"));
        Assert.Throws<InvalidOperationException>(() => original.Entries());
        Assert.Throws<InvalidOperationException>(() => original.IsSpilled);
        Assert.Equal([.. before, ["new", "value"]], copy.Entries());

        // Clear makes the stale copy an empty map of its own, and leaves the current copy whole.
        original.Clear();
        original.Add("own", "1");
        Assert.Equal([["own", "1"]], original.Entries());
        Assert.Equal([.. before, ["new", "value"]], copy.Entries());
    }

    [Theory]
    [InlineData("append")]
    [InlineData("set")]
    [InlineData("remove")]
    [InlineData("remove value")]
    public void A_write_through_a_copy_to_a_key_the_fields_kept_makes_the_other_copy_throw(string write)
    {
        // "b" stays in the fields when the map spills, which have room for one value more once "c" goes; "e" is in the overflow.
        var original = Spilled();
        Assert.True(original.Remove("c"));
        var copy = original;
        List<string[]> expected = write switch
        {
            "append" => [["a", "1", "7"], ["b", "2", "3", "8"], ["d", "5"], ["e", "6"]],
            "set" => [["a", "1", "7"], ["b", "8"], ["d", "5"], ["e", "6"]],
            "remove" => [["a", "1", "7"], ["d", "5"], ["e", "6"]],
            _ => [["a", "1", "7"], ["b", "3"], ["d", "5"], ["e", "6"]],
        };

        switch (write)
        {
            case "append":
                copy.Add("b", "8");
                break;
            case "set":
                copy.Set("b", "8");
                break;
            case "remove":
                Assert.True(copy.Remove("b"));
                break;
            default:
                Assert.True(copy.Remove("b", "2"));
                break;
        }

        Assert.Throws<InvalidOperationException>(() => original.GetValues("b").Length);
        Assert.Throws<InvalidOperationException>(() => original.Entries());
        Assert.Throws<InvalidOperationException>(() => original.TryAdd("b", "9"));
        Assert.Equal(expected, copy.Entries());
        Assert.Equal(expected.Count, copy.Count);
        Assert.True(copy.IsSpilled);
    }

    [Fact]
    public void A_key_of_the_fields_that_outgrows_them_moves_every_key_to_the_overflow_in_order_and_a_copy_keeps_its_map()
    {
        var original = Spilled(); // Its fields' six values are all in use.
        List<string[]> before = original.Entries();
        var copy = original;

        copy.Add("b", "8");
        copy.Add("f", "9");

        Assert.Equal([["a", "1", "7"], ["b", "2", "3", "8"], ["c", "4"], ["d", "5"], ["e", "6"], ["f", "9"]], copy.Entries());
        Assert.Equal(["2", "3", "8"], copy.GetValues("b").ToArray());
        Assert.Equal(6, copy.Count);
        Assert.Equal(9, copy.ValueCount);

        // The copy moved to an overflow of its own; the one the original holds, and its fields, are as they were.
        Assert.Equal(before, original.Entries());
        Assert.Equal(["2", "3"], original.GetValues("b").ToArray());
    }

    [Fact]
    public void Changing_the_overflow_through_a_copy_while_enumerating_throws()
    {
        var map = Spilled();
        var copy = map;

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var entry in map)
            {
                if (entry.Key == "e") // The overflow's key: the copy's add changes what the enumeration reads next.
                {
                    copy.Add("f", "9");
                }
            }
        });
    }

    [Fact]
    public void A_spill_leaves_the_fields_their_keys_and_allocates_for_the_rest_alone()
    {
        // The overflow a spill makes holds the keys that did not fit, so it is the same for a map of 4 keys as of 32.
        Assert.Equal(SpillOneKey<SpillingMap>(4), SpillOneKey<WideSpillingMap>(32));

        static long SpillOneKey<TMap>(int keys)
            where TMap : struct, ISpillingTestMap
        {
            string[] names = [.. Enumerable.Range(0, keys + 1).Select(i => "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            var map = new TMap();
            Fill(ref map, names); // Warm: every path compiled.
            map.Clear();
            Fill(ref map, names.AsSpan(0, keys));
            Assert.False(map.IsSpilled);
            long before = GC.GetAllocatedBytesForCurrentThread();
            map.Add(names[keys], "v");
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(map.IsSpilled);
            Assert.Equal(keys + 1, map.Count);
            Assert.Equal(names, map.Entries().Select(entry => entry[0]));
            return allocated;
        }

        static void Fill<TMap>(ref TMap map, ReadOnlySpan<string> names)
            where TMap : struct, ISpillingTestMap
        {
            foreach (string name in names)
            {
                map.Add(name, "v");
            }
        }
    }

    [Fact]
    public void A_copy_that_is_only_read_stays_valid_and_a_cleared_original_leaves_it_whole()
    {
        var original = Spilled();
        var copy = original;
        Assert.Equal(original.Entries(), copy.Entries());
        Assert.True(original == copy);

        original.Clear();

        Assert.Empty(original.Entries());
        Assert.True(copy.IsSpilled);
        Assert.Equal(Spilled().Entries(), copy.Entries());
    }

    [Fact]
    public void A_copy_made_before_the_spill_is_a_separate_map()
    {
        var original = new SpillingMap();
        original.Add("a", "1");
        var copy = original;

        for (int i = 0; i < 10; i++)
        {
            copy.Add("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "v");
        }

        Assert.False(original.IsSpilled);
        Assert.Equal([["a", "1"]], original.Entries());
        Assert.True(copy.IsSpilled);
        Assert.Equal(11, copy.Count);
    }

    [Fact]
    public void Changing_a_spilled_map_while_enumerating_throws()
    {
        var map = Spilled();

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var entry in map)
            {
                map.Add("more", entry.Key);
            }
        });
    }

    [Fact]
    public void Nothing_is_allocated_while_the_content_fits_even_after_a_spill_and_Clear()
    {
        var map = new SpillingKnownMap();
        Fill(ref map, 4); // Warm: every path compiled, every string made.
        map.Clear();

        long before = GC.GetAllocatedBytesForCurrentThread();
        Fill(ref map, 4);
        map.Clear();
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());

        Fill(ref map, 6);
        Assert.True(map.IsSpilled);
        Assert.NotEqual(before, GC.GetAllocatedBytesForCurrentThread()); // The overflow.
        map.Clear();
        Assert.False(map.IsSpilled);

        before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            Fill(ref map, 4);
            map.Clear();
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Json_round_trips_a_spilled_map()
    {
        var map = Spilled();

        string json = JsonSerializer.Serialize(map);
        var read = JsonSerializer.Deserialize<SpillingMap>(json);

        Assert.Equal("""{"a":["1","7"],"b":["2","3"],"c":["4"],"d":["5"],"e":["6"]}""", json);
        Assert.True(read.IsSpilled);
        Assert.Equal(map.Entries(), read.Entries());
        Assert.True(map.Equals(read));
    }

    [Fact]
    public void A_spilled_map_equals_a_map_of_the_same_content_that_has_not_spilled()
    {
        var spilled = new SpillingMap();
        for (int i = 0; i < 6; i++)
        {
            spilled.Add("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "v");
        }

        spilled.Remove("k0");
        spilled.Remove("k1");
        var fits = new SpillingMap();
        for (int i = 5; i >= 2; i--)
        {
            fits.Add("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "v");
        }

        Assert.True(spilled.IsSpilled);
        Assert.False(fits.IsSpilled);
        Assert.True(spilled.Equals(fits));
        Assert.True(fits.Equals(spilled));
        Assert.Equal(fits.GetHashCode(), spilled.GetHashCode());
        fits.Set("k2", "other");
        Assert.False(spilled.Equals(fits));
        Assert.False(fits.Equals(spilled));
    }

    [Fact]
    public void Invalid_UTF8_is_refused_in_a_spilled_map_and_changes_nothing()
    {
        var map = Spilled();
        List<string[]> before = map.Entries();

        Assert.Throws<ArgumentException>(() => map.TryAdd([0xFF], "v"u8));
        Assert.Throws<ArgumentException>(() => map.TryAdd("a"u8, [0xC0]));

        Assert.Equal(before, map.Entries());
        Assert.False(map.ContainsKey([0xFF]));
    }

    /// <summary>A map that has spilled: <c>{ a: [1, 7], b: [2, 3], c: [4], d: [5], e: [6] }</c>.</summary>
    private static SpillingMap Spilled()
    {
        var map = new SpillingMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Add("b", "3");
        map.Add("c", "4");
        map.Add("d", "5");
        map.Add("e", "6");
        map.Add("a", "7");
        return map;
    }

    private static readonly string[] FillKeys = ["x-a", "x-b", "x-c", "x-d", "x-e", "x-f"];

    /// <summary>Adds <paramref name="keys"/> keys with one value each, as a request adds its headers: from UTF-8 and as strings.</summary>
    private static void Fill(ref SpillingKnownMap map, int keys)
    {
        map.AddHost("example.com");
        for (int i = 1; i < keys; i++)
        {
            map.Add(FillKeys[i], "v");
        }
    }

    private static Gen<Operation> Operations(int keyCount) => Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.TryAdd, k, v))),
        (2, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.AddSpan, k, v))),
        (2, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.TryAddUtf8, k, v))),
        (1, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.AddAll, k, v))),
        (2, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.TrySet, k, v))),
        (1, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.SetSpan, k, v))),
        (2, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, 2], (k, form) => new Operation(OperationKind.Remove, k, form))),
        (1, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.RemoveValue, k, v))),
        (3, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, 2], (k, form) => new Operation(OperationKind.Get, k, form))),
        (1, Gen.Const(new Operation(OperationKind.Clear, 0, 0))),
        (1, Gen.Const(new Operation(OperationKind.Compare, 0, 0))));

    private static void Check<TMap>(StringComparer comparer, string[] keys, string[]? knownKeys = null)
        where TMap : struct, ISpillingTestMap =>
        Operations(keys.Length).Array[1, 80].Sample(operations => Run<TMap>(operations, comparer, keys, knownKeys), iter: Iterations);

    private static void Run<TMap>(Operation[] operations, StringComparer comparer, string[] keys, string[]? knownKeys)
        where TMap : struct, ISpillingTestMap
    {
        int keyCapacity = Capacity<TMap>("KeyCapacity");
        int valueCapacity = Capacity<TMap>("ValueCapacity");
        var map = new TMap();
        var model = new MultiMapModel(comparer, int.MaxValue, int.MaxValue, knownKeys);
        bool spilled = false;
        foreach (Operation operation in operations)
        {
            string key = keys[operation.Key];
            string value = KeyPools.Values[operation.Value % KeyPools.Values.Length];
            switch (operation.Kind)
            {
                case OperationKind.TryAdd:
                    model.Add(key, value);
                    Assert.True(map.TryAdd(key, value));
                    break;
                case OperationKind.AddSpan:
                    model.Add(key, value);
                    Assert.True(map.TryAdd(("<" + key + ">").AsSpan(1, key.Length), value));
                    break;
                case OperationKind.TryAddUtf8:
                    // A key with a lone surrogate has no UTF-8 form: its bytes (with U+FFFD for the surrogate) are another key.
                    string utf8Key = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(key));
                    model.Add(utf8Key, value);
                    Assert.True(map.TryAdd(Encoding.UTF8.GetBytes(utf8Key), Encoding.UTF8.GetBytes(value)));
                    break;
                case OperationKind.AddAll:
                    model.Add(key, value);
                    model.Add(key, "second");
                    Assert.True(AddAll(ref map, key, new StringValues([value, "second"])));
                    break;
                case OperationKind.TrySet:
                    model.Set(key, value);
                    Assert.True(map.TrySet(key, value));
                    break;
                case OperationKind.SetSpan:
                    model.Set(key, value);
                    Assert.True(map.TrySet(key.AsSpan(), value));
                    break;
                case OperationKind.Remove:
                    bool removed = model.Remove(key);
                    Assert.Equal(removed, operation.Value switch
                    {
                        0 => map.Remove(key),
                        1 => map.Remove(key.AsSpan()),
                        _ => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(key)) == key ? map.Remove(Encoding.UTF8.GetBytes(key)) : map.Remove(key),
                    });
                    break;
                case OperationKind.RemoveValue:
                    Assert.Equal(model.RemoveValue(key, value), map.Remove(key, value));
                    break;
                case OperationKind.Get:
                    string[]? expected = model.Get(key);
                    Assert.Equal(expected ?? [], map.GetValues(key.AsSpan()).ToArray());
                    Assert.Equal(expected is not null, map.TryGetValues(key.AsSpan(), out ReadOnlySpan<string> found));
                    Assert.Equal(expected ?? [], found.ToArray());
                    Assert.Equal(expected is not null, map.ContainsKey(key));
                    Assert.Equal(expected?[0], map.GetFirstOrDefault(key));
                    if (Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(key)) == key)
                    {
                        Assert.Equal(expected ?? [], map.GetValues(Encoding.UTF8.GetBytes(key)).ToArray());
                        Assert.Equal(expected is not null, map.ContainsKey(Encoding.UTF8.GetBytes(key).AsSpan()));
                    }

                    break;
                case OperationKind.Clear:
                    model.Clear();
                    map.Clear();
                    spilled = false;
                    break;
                case OperationKind.Compare:
                    // A map of the same content built anew (it spills only if the content does not fit) equals this one.
                    var rebuilt = new TMap();
                    foreach (string[] entry in Enumerable.Reverse(model.Entries()))
                    {
                        foreach (string entryValue in entry[1..])
                        {
                            Assert.True(rebuilt.TryAdd(entry[0], entryValue));
                        }
                    }

                    Assert.True(map.Equals(rebuilt));
                    Assert.True(rebuilt.Equals(map));
                    Assert.Equal(map.GetHashCode(), rebuilt.GetHashCode());
                    if (model.Entries().All(entry => entry.All(IsValidUtf16)))
                    {
                        // JSON writes a lone surrogate as U+FFFD, which is another key.
                        Assert.Equal(model.Entries(), JsonSerializer.Deserialize<TMap>(JsonSerializer.Serialize(map)).Entries());
                    }

                    Assert.Equal(model.Entries(), map.ToArray().Select(pair => (string[])[pair.Key, .. pair.Value]).ToList());
                    break;
            }

            spilled |= model.Count > keyCapacity || model.ValueCount > valueCapacity;
            Assert.Equal(model.Entries(), map.Entries());
            Assert.Equal(model.Count, map.Count);
            Assert.Equal(model.ValueCount, map.ValueCount);
            Assert.Equal(spilled, map.IsSpilled);
        }
    }

    private static bool AddAll<TMap>(ref TMap map, string key, StringValues values)
        where TMap : struct, ISpillingTestMap =>
        map switch
        {
            SpillingMap => Unsafe.As<TMap, SpillingMap>(ref map).TryAdd(key, values),
            SpillingKnownMap => Unsafe.As<TMap, SpillingKnownMap>(ref map).TryAdd(key, values),
            _ => throw new InvalidOperationException(typeof(TMap).Name),
        };

    private static bool IsValidUtf16(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) == text;

    private static int Capacity<TMap>(string name) => (int)typeof(TMap).GetField(name)!.GetRawConstantValue()!;

    public readonly record struct Operation(OperationKind Kind, int Key, int Value);
}

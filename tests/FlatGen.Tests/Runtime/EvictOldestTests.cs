using System.Globalization;
using System.Text;
using CsCheck;
using FlatGen.Infrastructure;
using FlatGen.Tests.Maps;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// <see cref="FlatOverflow.EvictOldest"/>: a map that lacks room for an add or a set removes its first-inserted keys,
/// never the one being added to, until it fits, and refuses unchanged when the key alone would not fit. Random
/// operations run on the maps and on <see cref="MultiMapModel"/>'s evicting adds and sets, which must agree after every step.
/// </summary>
public sealed class EvictOldestTests
{
    private const int Iterations = 1500;

    public enum OperationKind
    {
        TryAdd,
        AddSpan,
        TryAddUtf8,
        TrySet,
        SetSpan,
        Remove,
        Get,
        Clear,
        Touch,
    }

    [Fact]
    public void Evicting_map_agrees_with_the_evicting_model() => Check<EvictingMap>(StringComparer.Ordinal, KeyPools.Ordinal);

    [Fact]
    public void Evicting_map_with_known_keys_ignoring_case_agrees_with_the_evicting_model() =>
        Check<EvictingKnownMap>(StringComparer.OrdinalIgnoreCase, KeyPools.WithKnownKeys(["Host", "Accept"], KeyPools.IgnoreCase), ["Host", "Accept"]);

    [Fact]
    public void Evicting_inline_map_agrees_with_the_evicting_model()
    {
        // Keys with a UTF-8 form only: an inline map refuses the others with an exception, which is not what is tested here.
        string[] keys = KeyPools.WithKnownKeys(["host"], KeyPools.InlineOrdinal).Where(k => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(k)) == k).ToArray();
        Gen<Operation> operation = Operations(keys.Length);
        operation.Array[1, 60].Sample(operations => RunInline(operations, keys), iter: Iterations);
    }

    [Fact]
    public void A_new_key_in_a_full_map_evicts_the_first_inserted_key()
    {
        var map = new EvictingMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Add("c", "3");
        map.Add("d", "4");

        map.Add("e", "5");

        Assert.Equal([["b", "2"], ["c", "3"], ["d", "4"], ["e", "5"]], map.Entries());
    }

    [Fact]
    public void A_registry_fed_distinct_keys_keeps_the_newest_through_every_compaction()
    {
        Churn<EvictingRegistry64>(capacity: 64);
        Churn<EvictingRegistry300>(capacity: 300);
    }

    [Fact]
    public void The_oldest_key_behind_removed_keys_is_evicted_after_an_add_to_it_evicted_past_it()
    {
        var map = new EvictingMap();
        map.Add("a", "1");
        map.Add("b", "1");
        map.Add("c", "1");
        map.Add("d", "1");
        map.Remove("b");
        map.Remove("a"); // Holes before c, the oldest key now.
        map.Add("c", "2");
        map.Add("c", "3");
        map.Add("c", "4");
        map.Add("c", "5"); // Six values: full.

        map.Add("c", "6"); // c is being added to, so d goes.
        Assert.Equal([["c", "1", "2", "3", "4", "5", "6"]], map.Entries());

        map.Add("x", "1"); // Now c is the oldest, and it goes.
        Assert.Equal([["x", "1"]], map.Entries());
    }

    [Fact]
    public void The_key_being_added_to_is_never_evicted_even_when_it_is_the_oldest()
    {
        var map = new EvictingMap();
        map.Add("a", "1");
        map.Add("a", "2");
        map.Add("b", "3");
        map.Add("c", "4");
        map.Add("c", "5");
        map.Add("d", "6"); // Six values: full.

        Assert.True(map.TryAdd("a", "7"));

        Assert.Equal([["a", "1", "2", "7"], ["c", "4", "5"], ["d", "6"]], map.Entries());
    }

    [Fact]
    public void A_key_that_would_not_fit_alone_is_refused_and_nothing_is_evicted()
    {
        var map = new EvictingMap();
        for (int i = 0; i < 6; i++)
        {
            map.Add("a", "v" + i);
        }

        List<string[]> before = map.Entries();
        Assert.False(map.TryAdd("a", "one too many"));
        FlatMapFullException full = Assert.Throws<FlatMapFullException>(() => map.Add("a", "one too many"));

        Assert.Equal("ValueCapacity", full.CapacityName);
        Assert.Equal(before, map.Entries());
    }

    [Fact]
    public void An_inline_value_larger_than_the_arena_is_refused_and_nothing_is_evicted()
    {
        var map = new EvictingInlineMap();
        map.Add("a", "1");
        map.Add("b", "2");
        List<string[]> before = map.Entries();

        Assert.False(map.TryAdd("c", new string('x', EvictingInlineMap.InlineBytes)));

        Assert.Equal(before, map.Entries());
    }

    [Fact]
    public void An_inline_map_evicts_for_arena_bytes_as_for_slots()
    {
        var map = new EvictingInlineMap();
        map.Add("a", "0123456789"); // 11 bytes
        map.Add("b", "0123456789"); // 22
        map.Add("c", "0123456789"); // 33 of 40

        map.Add("d", "0123456789");

        Assert.Equal([["b", "0123456789"], ["c", "0123456789"], ["d", "0123456789"]], map.Entries());
        Assert.Equal(33, map.InlineBytesUsed);
    }

    [Fact]
    public void Set_keeps_the_key_s_place_and_lookups_do_not_change_the_order()
    {
        var map = new EvictingMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Add("c", "3");
        map.Add("d", "4");

        map.Set("a", "changed");
        Assert.Equal("changed", map.GetFirstOrDefault("a"));
        Assert.True(map.ContainsKey("a"));
        map.Add("e", "5");

        Assert.Equal([["b", "2"], ["c", "3"], ["d", "4"], ["e", "5"]], map.Entries());
    }

    [Fact]
    public void A_touched_key_is_evicted_last_with_its_values_in_order()
    {
        var map = new EvictingMap();
        map.Add("a", "1");
        map.Add("a", "2");
        map.Add("b", "3");
        map.Add("c", "4");
        map.Add("d", "5");

        Assert.True(map.Touch("a"));
        Assert.False(map.Touch("absent"));
        map.Add("e", "6");
        map.Add("f", "7");

        Assert.Equal([["d", "5"], ["a", "1", "2"], ["e", "6"], ["f", "7"]], map.Entries());
    }

    [Fact]
    public void Touch_moves_an_inline_key_and_a_known_key()
    {
        var map = new EvictingInlineMap();
        map.Add("host", "example.com");
        map.Add("b", "ü");
        map.Add("b", "2");
        map.Add("c", "3");

        Assert.True(map.Touch("host"));
        Assert.True(map.Touch("b"));

        Assert.Equal([["c", "3"], ["host", "example.com"], ["b", "ü", "2"]], map.Entries());
        Assert.Equal("example.com", map.HostFirst);
    }

    [Fact]
    public void Touch_allocates_nothing_once_warm()
    {
        var map = new EvictingMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Touch("a");
        map.Touch("b");

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            map.Touch("a");
            map.Touch("b");
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Known_key_accessors_evict_too()
    {
        var map = new EvictingKnownMap();
        map.Add("x-a", "1");
        map.Add("x-b", "2");
        map.Add("x-c", "3");
        map.Add("x-d", "4");

        map.AddHost("example.com");
        map.SetAccept("*/*");

        Assert.Equal([["x-c", "3"], ["x-d", "4"], ["Host", "example.com"], ["Accept", "*/*"]], map.Entries());
    }

    [Fact]
    public void Adding_several_values_at_once_evicts_until_all_fit()
    {
        var map = new EvictingMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Add("c", "3");
        map.Add("d", "4");
        map.Add("d", "5");

        Assert.True(map.TryAdd("e", new StringValues(["6", "7", "8"])));

        Assert.Equal([["c", "3"], ["d", "4", "5"], ["e", "6", "7", "8"]], map.Entries());
    }

    [Fact]
    public void Json_read_into_an_evicting_map_keeps_the_newest_keys()
    {
        EvictingMap map = System.Text.Json.JsonSerializer.Deserialize<EvictingMap>("""{"a":["1"],"b":["2"],"c":["3"],"d":["4"],"e":["5"]}""");
        EvictingInlineMap inline = System.Text.Json.JsonSerializer.Deserialize<EvictingInlineMap>("""{"a":["1"],"b":["2"],"c":["3"],"d":["4"],"e":["5"]}""");

        Assert.Equal([["b", "2"], ["c", "3"], ["d", "4"], ["e", "5"]], map.Entries());
        Assert.Equal([["b", "2"], ["c", "3"], ["d", "4"], ["e", "5"]], inline.Entries());
    }

    [Fact]
    public void A_map_that_refuses_still_refuses()
    {
        var map = new TinyMap();
        for (int i = 0; i < 4; i++)
        {
            map.Add("k" + i, "v");
        }

        Assert.False(map.TryAdd("new", "v"));
        Assert.Equal(4, map.Count);
    }

    [Fact]
    public void A_shape_refuses_an_overflow_that_is_not_a_member() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FlatMapShape.Create<byte, byte>(EvictingMap.Layout, 4, 6, overflow: (FlatOverflow)3));

    [Fact]
    public void A_shape_that_spills_needs_the_overflow_field() =>
        Assert.Contains("_spill", Assert.Throws<ArgumentException>(() => FlatMapShape.Create<byte, byte>(EvictingMap.Layout, 4, 6, overflow: FlatOverflow.Spill)).Message);

    /// <summary>
    /// Every key new, so every add past <paramref name="capacity"/> evicts the oldest: the holes gather at the front,
    /// and each compaction closes them all at once, renumbering every slot.
    /// </summary>
    private static void Churn<TMap>(int capacity)
        where TMap : struct, IFlatMultiMap
    {
        TMap map = default;
        string[] keys = Enumerable.Range(0, capacity * 12).Select(i => "/orders/" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < keys.Length; i++)
        {
            map.Add(keys[i], "v" + i.ToString(CultureInfo.InvariantCulture));

            int oldest = Math.Max(0, i + 1 - capacity);
            Assert.Equal(i + 1 - oldest, map.Count);
            Assert.Equal("v" + oldest.ToString(CultureInfo.InvariantCulture), map.GetFirstOrDefault(keys[oldest]));
            Assert.Equal("v" + i.ToString(CultureInfo.InvariantCulture), map.GetFirstOrDefault(keys[i]));
            if (oldest > 0)
            {
                Assert.Null(map.GetFirstOrDefault(keys[oldest - 1]));
            }
        }

        for (int i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i >= keys.Length - capacity ? "v" + i.ToString(CultureInfo.InvariantCulture) : null, map.GetFirstOrDefault(keys[i]));
        }
    }

    private static Gen<Operation> Operations(int keyCount) => Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.TryAdd, k, v))),
        (2, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.AddSpan, k, v))),
        (2, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.TryAddUtf8, k, v))),
        (2, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.TrySet, k, v))),
        (1, Gen.Select(Gen.Int[0, keyCount - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.SetSpan, k, v))),
        (2, Gen.Int[0, keyCount - 1].Select(k => new Operation(OperationKind.Remove, k, 0))),
        (2, Gen.Int[0, keyCount - 1].Select(k => new Operation(OperationKind.Get, k, 0))),
        (1, Gen.Const(new Operation(OperationKind.Clear, 0, 0))),
        (2, Gen.Int[0, keyCount - 1].Select(k => new Operation(OperationKind.Touch, k, 0))));

    private static void Check<TMap>(StringComparer comparer, string[] keys, string[]? knownKeys = null)
        where TMap : struct, IEvictingTestMap =>
        Operations(keys.Length).Array[1, 60].Sample(operations => Run<TMap>(operations, comparer, keys, knownKeys), iter: Iterations);

    private static void Run<TMap>(Operation[] operations, StringComparer comparer, string[] keys, string[]? knownKeys)
        where TMap : struct, IEvictingTestMap
    {
        var map = new TMap();
        var model = new MultiMapModel(comparer, Capacity<TMap>("KeyCapacity"), Capacity<TMap>("ValueCapacity"), knownKeys);
        foreach (Operation operation in operations)
        {
            string key = keys[operation.Key];
            string value = KeyPools.Values[operation.Value];
            List<string[]> before = map.Entries();
            switch (operation.Kind)
            {
                case OperationKind.TryAdd:
                    Assert.Equal(model.AddEvicting(key, value), map.TryAdd(key, value));
                    break;
                case OperationKind.AddSpan:
                    if (model.AddEvicting(key, value))
                    {
                        map.Add(("<" + key + ">").AsSpan(1, key.Length), value);
                    }
                    else
                    {
                        Assert.Throws<FlatMapFullException>(() => map.Add(("<" + key + ">").AsSpan(1, key.Length), value));
                    }

                    break;
                case OperationKind.TryAddUtf8:
                    // A key with a lone surrogate has no UTF-8 form: its bytes (with U+FFFD for the surrogate) are another key.
                    string utf8Key = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(key));
                    Assert.Equal(model.AddEvicting(utf8Key, value), map.TryAdd(Encoding.UTF8.GetBytes(utf8Key), Encoding.UTF8.GetBytes(value)));
                    break;
                case OperationKind.TrySet:
                    Assert.Equal(model.SetEvicting(key, value), map.TrySet(key, value));
                    break;
                case OperationKind.SetSpan:
                    if (model.SetEvicting(key, value))
                    {
                        map.Set(key.AsSpan(), value);
                    }
                    else
                    {
                        Assert.Throws<FlatMapFullException>(() => map.Set(key.AsSpan(), value));
                    }

                    break;
                case OperationKind.Remove:
                    Assert.Equal(model.Remove(key), map.Remove(key));
                    break;
                case OperationKind.Get:
                    Assert.Equal(model.Get(key) ?? [], map.GetValues(key.AsSpan()).ToArray());
                    Assert.Equal(before, map.Entries()); // A lookup changes no order.
                    break;
                case OperationKind.Touch:
                    Assert.Equal(model.Touch(key), operation.Value % 2 == 0 ? map.Touch(key) : map.Touch(("<" + key + ">").AsSpan(1, key.Length)));
                    break;
                case OperationKind.Clear:
                    model.Clear();
                    map.Clear();
                    break;
            }

            Assert.Equal(model.Entries(), map.Entries());
            Assert.Equal(model.Count, map.Count);
            Assert.Equal(model.ValueCount, map.ValueCount);
        }
    }

    private static void RunInline(Operation[] operations, string[] keys)
    {
        var map = new EvictingInlineMap();
        var model = new MultiMapModel(StringComparer.Ordinal, EvictingInlineMap.KeyCapacity, EvictingInlineMap.ValueCapacity, ["host"], EvictingInlineMap.InlineBytes);
        foreach (Operation operation in operations)
        {
            string key = keys[operation.Key];
            string value = KeyPools.Values[operation.Value];
            List<string[]> before = map.Entries();
            switch (operation.Kind)
            {
                case OperationKind.TryAdd:
                    Assert.Equal(model.AddEvicting(key, value), map.TryAdd(key.AsSpan(), value.AsSpan()));
                    break;
                case OperationKind.AddSpan:
                    if (model.AddEvicting(key, value))
                    {
                        map.Add(key.AsSpan(), value.AsSpan());
                    }
                    else
                    {
                        Assert.Throws<FlatMapFullException>(() => map.Add(key.AsSpan(), value.AsSpan()));
                    }

                    break;
                case OperationKind.TryAddUtf8:
                    Assert.Equal(model.AddEvicting(key, value), map.TryAdd(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value)));
                    break;
                case OperationKind.TrySet or OperationKind.SetSpan:
                    Assert.Equal(model.SetEvicting(key, value), map.TrySet(key, value));
                    break;
                case OperationKind.Remove:
                    Assert.Equal(model.Remove(key), map.Remove(key.AsSpan()));
                    break;
                case OperationKind.Get:
                    Assert.Equal(model.Get(key) ?? [], map.GetValues(key.AsSpan()).ToArray());
                    Assert.Equal(before, map.Entries());
                    break;
                case OperationKind.Touch:
                    Assert.Equal(model.Touch(key), map.Touch(key));
                    break;
                case OperationKind.Clear:
                    model.Clear();
                    map.Clear();
                    break;
            }

            Assert.Equal(model.Entries(), map.Entries());
            Assert.Equal(model.Count, map.Count);
            Assert.Equal(model.ValueCount, map.ValueCount);
            Assert.Equal(model.UsedBytes, map.InlineBytesUsed);
        }
    }

    private static int Capacity<TMap>(string name) => (int)typeof(TMap).GetField(name)!.GetRawConstantValue()!;

    public readonly record struct Operation(OperationKind Kind, int Key, int Value);
}

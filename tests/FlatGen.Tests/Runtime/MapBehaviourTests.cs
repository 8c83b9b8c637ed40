using System.Diagnostics;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

public sealed class MapBehaviourTests
{
    [Fact]
    public void Values_come_back_in_insertion_order_as_one_span_and_keys_enumerate_in_first_insertion_order()
    {
        var map = new SmallMap();
        map.Add("Accept", "text/html");
        map.Add("Host", "example.com");
        map.Add("Accept", "application/json");
        map.Add("Cookie", "a=1");
        map.Add("Accept", "*/*");

        Assert.Equal(3, map.Count);
        Assert.Equal(5, map.ValueCount);
        Assert.Equal(["text/html", "application/json", "*/*"], map.GetValues("Accept").ToArray());
        Assert.True(map.TryGetValues("Host", out ReadOnlySpan<string> host));
        Assert.Equal(["example.com"], host.ToArray());
        Assert.Equal(
            [["Accept", "text/html", "application/json", "*/*"], ["Host", "example.com"], ["Cookie", "a=1"]],
            map.Entries());
    }

    [Fact]
    public void Lookups_of_absent_keys_are_empty_and_false()
    {
        var map = new SmallMap();
        map.Add("a", "1");

        Assert.False(map.TryGetValues("b", out ReadOnlySpan<string> values));
        Assert.True(values.IsEmpty);
        Assert.True(map.GetValues("A").IsEmpty);
        Assert.False(map.ContainsKey("b"));
        Assert.False(map.Remove("b"));
        Assert.True(map.GetValues("").IsEmpty);
    }

    [Fact]
    public void Ordinal_maps_tell_case_apart_and_ignore_case_maps_do_not()
    {
        var ordinal = new OrdinalMap32();
        ordinal.Add("Content-Type", "a");
        ordinal.Add("content-type", "b");
        Assert.Equal(2, ordinal.Count);

        var ignoreCase = new IgnoreCaseMap32();
        ignoreCase.Add("Content-Type", "a");
        ignoreCase.Add("content-type", "b");
        ignoreCase.Add("STRASSE", "c");
        ignoreCase.Add("Straße", "d");
        Assert.Equal(3, ignoreCase.Count);
        Assert.Equal(["a", "b"], ignoreCase.GetValues("CONTENT-TYPE").ToArray());
        Assert.Equal("Content-Type", ignoreCase.Entries()[0][0]);
        Assert.True(ignoreCase.ContainsKey("straSSE"));
        Assert.True(ignoreCase.ContainsKey("STRAßE"));
    }

    [Fact]
    public void Remove_takes_the_key_and_all_its_values_and_keeps_the_order_of_the_rest()
    {
        var map = new SmallMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Add("c", "3");
        map.Add("b", "4");
        map.Add("a", "5");

        Assert.True(map.Remove("b"));

        Assert.Equal(2, map.Count);
        Assert.Equal(3, map.ValueCount);
        Assert.False(map.ContainsKey("b"));
        Assert.Equal([["a", "1", "5"], ["c", "3"]], map.Entries());
        map.Add("b", "6");
        Assert.Equal([["a", "1", "5"], ["c", "3"], ["b", "6"]], map.Entries());
    }

    [Fact]
    public void A_full_key_table_refuses_a_new_key_and_leaves_the_map_unchanged()
    {
        var map = new TinyMap();
        foreach (string key in new[] { "a", "b", "c", "d" })
        {
            map.Add(key, key + "1");
        }

        List<string[]> before = map.Entries();
        Assert.False(map.TryAdd("e", "e1"));
        var exception = Assert.Throws<FlatMapFullException>(() => map.Add("e", "e1"));
        Assert.Equal(before, map.Entries());
        Assert.Equal(4, map.Count);

        Assert.Equal("FlatGen.Tests.Maps.TinyMap", exception.MapName);
        Assert.Equal("KeyCapacity", exception.CapacityName);
        Assert.Equal(4, exception.Capacity);
        Assert.Equal("e", exception.Key);
        Assert.Contains("FlatGen.Tests.Maps.TinyMap", exception.Message);
        Assert.Contains("'e'", exception.Message);
        Assert.Contains("KeyCapacity", exception.Message);

        // An existing key still takes values while value slots remain.
        Assert.True(map.TryAdd("a", "a2"));
    }

    [Fact]
    public void A_full_value_table_refuses_any_value_and_leaves_the_map_unchanged()
    {
        var map = new ValueStarvedMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Add("a", "3");
        List<string[]> before = map.Entries();

        Assert.False(map.TryAdd("a", "4"));
        Assert.False(map.TryAdd("c", "5"));
        var exception = Assert.Throws<FlatMapFullException>(() => map.Add("b", "6"));

        Assert.Equal(before, map.Entries());
        Assert.Equal(3, map.ValueCount);
        Assert.Equal("ValueCapacity", exception.CapacityName);
        Assert.Equal(3, exception.Capacity);
        Assert.Equal("b", exception.Key);
    }

    [Fact]
    public void Null_keys_and_values_are_refused_with_ArgumentNullException()
    {
        var map = new SmallMap();
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => map.Add(null!, "v")).ParamName);
        string? nothing = null; // A literal null would also match the StringValues overloads.
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => map.Add("k", nothing!)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => map.TryAdd(null!, "v")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => map.TryAdd("k", nothing!)).ParamName);
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void Clear_empties_the_map_and_it_can_be_filled_again()
    {
        var map = new TinyMap();
        for (int round = 0; round < 3; round++)
        {
            map.Add("a", "1");
            map.Add("b", "2");
            map.Add("c", "3");
            map.Add("d", "4");
            Assert.False(map.TryAdd("e", "5"));
            map.Clear();
            Assert.Equal(0, map.Count);
            Assert.Equal(0, map.ValueCount);
            Assert.False(map.ContainsKey("a"));
            Assert.Empty(map.Entries());
        }
    }

    [Fact]
    public void ToDictionary_uses_the_map_comparison()
    {
        var map = new IgnoreCaseMap32();
        map.Add("Host", "example.com");
        map.Add("Accept", "a");
        map.Add("accept", "b");

        Dictionary<string, string[]> dictionary = map.ToDictionary();

        Assert.Same(StringComparer.OrdinalIgnoreCase, dictionary.Comparer);
        Assert.Equal(["a", "b"], dictionary["ACCEPT"]);
        Assert.Equal(2, dictionary.Count);
        Assert.Same(StringComparer.Ordinal, new SmallMap().ToDictionary().Comparer);
    }

    [Fact]
    public void ToString_shows_keys_and_values_and_the_debugger_sees_them_too()
    {
        var map = new SmallMap();
        Assert.Equal("{ }", map.ToString());
        map.Add("Host", "example.com");
        map.Add("Accept", "text/html");
        map.Add("Accept", "*/*");
        Assert.Equal("{ Host: [example.com], Accept: [text/html, */*] }", map.ToString());

        var display = (DebuggerDisplayAttribute)Attribute.GetCustomAttribute(typeof(SmallMap), typeof(DebuggerDisplayAttribute))!;
        Assert.Equal("Count = {Count}, ValueCount = {ValueCount}", display.Value);

        var proxy = (DebuggerTypeProxyAttribute)Attribute.GetCustomAttribute(typeof(SmallMap), typeof(DebuggerTypeProxyAttribute))!;
        Type proxyType = Type.GetType(proxy.ProxyTypeName, throwOnError: true)!;
        object view = Activator.CreateInstance(proxyType, map)!;
        var items = (KeyValuePair<string, string[]>[])proxyType.GetProperty("Items")!.GetValue(view)!;
        Assert.Equal(["Host", "Accept"], items.Select(i => i.Key));
        Assert.Equal(["text/html", "*/*"], items[1].Value);
    }

    [Fact]
    public void The_smallest_map_works_at_its_edges()
    {
        var map = new SingleKeyMap();
        Assert.True(map.TryAdd("only", "1"));
        Assert.False(map.TryAdd("other", "x"));
        Assert.True(map.TryAdd("only", "2"));
        Assert.False(map.TryAdd("only", "3"));
        Assert.Equal(["1", "2"], map.GetValues("only").ToArray());
        Assert.True(map.Remove("only"));
        Assert.True(map.TryAdd("other", "x"));
    }

    [Fact]
    public void Wide_maps_hold_their_whole_capacity_and_refuse_one_more()
    {
        var maps = new WideMap[1];
        ref WideMap map = ref maps[0];
        for (int i = 0; i < WideMap.KeyCapacity; i++)
        {
            map.Add("key-" + i, "v" + i);
        }

        for (int i = 0; map.ValueCount < WideMap.ValueCapacity; i++)
        {
            map.Add("key-" + (i % WideMap.KeyCapacity), "w" + i);
        }

        Assert.Equal(300, map.Count);
        Assert.Equal(700, map.ValueCount);
        Assert.False(map.TryAdd("key-0", "x"));
        Assert.False(map.TryAdd("new", "x"));
        Assert.Equal(["v7", "w7", "w307"], map.GetValues("key-7").ToArray());
        for (int i = 0; i < WideMap.KeyCapacity; i += 2)
        {
            Assert.True(map.Remove("key-" + i));
        }

        Assert.Equal(150, map.Count);
        Assert.Equal(["v7", "w7", "w307"], map.GetValues("key-7").ToArray());
        Assert.False(map.ContainsKey("key-8"));
    }

    [Fact]
    public void The_largest_map_holds_4096_keys_and_65535_values()
    {
        // Over 64 KiB a struct cannot be an array element (the runtime's limit), so it lives in a class field.
        var box = new System.Runtime.CompilerServices.StrongBox<LargestMap>();
        ref LargestMap map = ref box.Value;
        for (int i = 0; i < LargestMap.KeyCapacity; i++)
        {
            map.Add("Key-" + i, "v");
        }

        for (int i = map.ValueCount; i < LargestMap.ValueCapacity; i++)
        {
            map.Add("KEY-" + (LargestMap.KeyCapacity - 1), "v");
        }

        Assert.Equal(4096, map.Count);
        Assert.Equal(65535, map.ValueCount);
        Assert.False(map.TryAdd("key-0", "v"));
        Assert.Equal(65535 - 4095, map.GetValues("key-4095").Length);
        Assert.True(map.Remove("key-4095"));
        Assert.Equal(4095, map.ValueCount);
    }
}

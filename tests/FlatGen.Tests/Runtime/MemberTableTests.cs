using System.Text;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// The members every map has in both storage modes (<see cref="IFlatMultiMap"/>) and each known key's six members:
/// the same calls, the same results, whichever storage holds the map.
/// </summary>
public sealed class MemberTableTests
{
    [Fact]
    public void A_reference_map_s_known_key_members_read_add_set_and_remove_the_key() =>
        KnownKeyMembers(new KnownHeadersMap(), static (ref KnownHeadersMap m) => new KnownHost(m.HostFirst, m.HasHost, m.Host.ToArray()),
            static (ref KnownHeadersMap m, string v) => m.AddHost(v), static (ref KnownHeadersMap m, string v) => m.SetHost(v), static (ref KnownHeadersMap m) => m.RemoveHost());

    [Fact]
    public void An_inline_map_s_known_key_members_read_add_set_and_remove_the_key() =>
        KnownKeyMembers(new InlineKnownMap(), static (ref InlineKnownMap m) => new KnownHost(m.HostFirst, m.HasHost, m.Host.ToArray()),
            static (ref InlineKnownMap m, string v) => m.AddHost(v), static (ref InlineKnownMap m, string v) => m.SetHost(v), static (ref InlineKnownMap m) => m.RemoveHost());

    [Fact]
    public void A_map_passed_by_ref_as_IFlatMultiMap_is_changed_itself()
    {
        var reference = new SmallMap();
        var inline = new InlineMap();
        Fill(ref reference);
        Fill(ref inline);
        Assert.Equal(["a: 1", "b: 2|3"], Describe(ref reference));
        Assert.Equal(["a: 1", "b: 2|3"], Describe(ref inline));
    }

    [Fact]
    public void A_map_converted_to_IFlatMultiMap_is_a_boxed_copy()
    {
        var map = new SmallMap();
        IFlatMultiMap boxed = map;
        boxed.Add("a", "1");
        Assert.Equal(1, boxed.Count);
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void The_indexer_gets_the_first_value_and_sets_the_only_one()
    {
        var map = new InlineMap();
        Assert.Null(map["a"]);
        map.Add("a", "1");
        map.Add("a", "2");
        map.Add("b", "3");
        Assert.Equal("1", map["a"]);
        map["a"] = "x";
        Assert.Equal(["x"], map.GetValues("a").ToArray());
        Assert.Equal(["a", "b"], map.ToArray().Select(static pair => pair.Key));
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => map["a"] = null!).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => map[null!]).ParamName);
    }

    [Fact]
    public void Span_and_UTF8_forms_of_the_string_members_agree_on_both_storages()
    {
        var reference = new KnownHeadersMap();
        var inline = new InlineKnownMap();
        foreach ((string key, string value) in new[] { ("Host", "h"), ("x-a", "1"), ("x-a", "2"), ("Content-Type", "t") })
        {
            reference.Add(key, value);
            inline.Add(key, value);
        }

        Assert.Equal("1", reference.GetFirstOrDefault("X-A".AsSpan()));
        Assert.Equal("1", inline.GetFirstOrDefault("X-A".AsSpan()));
        Assert.Equal("t", reference.GetFirstOrDefault("content-type"u8));
        Assert.Equal("t", inline.GetFirstOrDefault("content-type"u8));
        Assert.False(reference.TryGetFirst("absent"u8, out string? absent));
        Assert.Null(absent);
        Assert.False(inline.TryGetFirst([0xFF], out absent));

        Assert.True(reference.Remove("x-a".AsSpan(), "1"));
        Assert.True(inline.Remove("x-a".AsSpan(), "1"));
        Assert.False(reference.Remove("x-a".AsSpan(), "1"));
        reference.Set("HOST".AsSpan(), "new");
        inline.Set("HOST".AsSpan(), "new");
        Assert.Equal(reference.ToString(), inline.ToString());
        Assert.Equal("{ Host: [new], x-a: [2], Content-Type: [t] }", reference.ToString());
    }

    private readonly record struct KnownHost(string? First, bool Has, string[] Values);

    private delegate KnownHost Read<TMap>(ref TMap map);

    private delegate void Write<TMap>(ref TMap map, string value);

    private delegate bool RemoveKey<TMap>(ref TMap map);

    private static void KnownKeyMembers<TMap>(TMap map, Read<TMap> read, Write<TMap> add, Write<TMap> set, RemoveKey<TMap> remove)
        where TMap : struct, IFlatMultiMap
    {
        Assert.Equal(new KnownHost(null, false, []), read(ref map), KnownHostComparer.Instance);
        map.Add("before", "0");
        add(ref map, "a");
        add(ref map, "b");
        map.Add("after", "9");
        Assert.Equal(new KnownHost("a", true, ["a", "b"]), read(ref map), KnownHostComparer.Instance);

        // Set keeps the key's place; the same key by its text sees the same values.
        set(ref map, "c");
        Assert.Equal(new KnownHost("c", true, ["c"]), read(ref map), KnownHostComparer.Instance);
        Assert.Equal(["before", "Host", "after"], map.ToArray().Select(static pair => pair.Key));
        Assert.Equal("c", map.GetFirstOrDefault("host"));

        Assert.True(remove(ref map));
        Assert.False(remove(ref map));
        Assert.Equal(new KnownHost(null, false, []), read(ref map), KnownHostComparer.Instance);
        Assert.False(map.ContainsKey("Host"));

        // Set adds an absent key, last; null is refused with the map unchanged.
        set(ref map, "d");
        Assert.Equal(["before", "after", "Host"], map.ToArray().Select(static pair => pair.Key));
        TMap copy = map;
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => set(ref copy, null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => add(ref copy, null!)).ParamName);
        Assert.Equal(map.ToDictionary().Count, copy.Count);
    }

    private static void Fill<TMap>(ref TMap map)
        where TMap : struct, IFlatMultiMap
    {
        map.Add("a", "1");
        map.Add("b"u8, "2"u8);
        map.TryAdd("b".AsSpan(), "3");
    }

    private static string[] Describe<TMap>(ref TMap map)
        where TMap : struct, IFlatMultiMap =>
        map.ToArray().Select(static pair => pair.Key + ": " + string.Join('|', pair.Value)).ToArray();

    private sealed class KnownHostComparer : IEqualityComparer<KnownHost>
    {
        public static readonly KnownHostComparer Instance = new();

        public bool Equals(KnownHost x, KnownHost y) => x.First == y.First && x.Has == y.Has && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(KnownHost obj) => obj.Values.Length;
    }
}

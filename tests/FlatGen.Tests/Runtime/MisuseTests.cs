using System.Runtime.CompilerServices;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// What a <c>Dictionary</c> user takes for granted: changing a map under an enumerator throws, null keys throw,
/// spans are views, messages stay short whatever the key.
/// </summary>
public sealed class MisuseTests
{
    [Fact]
    public void Every_kind_of_change_while_enumerating_makes_the_next_MoveNext_throw()
    {
        AssertChangeThrows<SmallMap>(static (ref m) => m.Remove("b"));
        AssertChangeThrows<SmallMap>(static (ref m) => m.Add("new", "x"));
        AssertChangeThrows<SmallMap>(static (ref m) => m.Add("a", "another value"));
        AssertChangeThrows<SmallMap>(static (ref m) => m.Add("zz".AsSpan(), "x"));
        AssertChangeThrows<SmallMap>(static (ref m) => m.Clear());
        AssertChangeThrows<KnownHeadersMap>(static (ref m) => m.AddHost("example.com"));
        AssertChangeThrows<KnownHeadersMap>(static (ref m) => m.Remove("a"));
        AssertChangeThrows<InlineMap>(static (ref m) => m.Remove("b"));
        AssertChangeThrows<InlineMap>(static (ref m) => m.Add("new"u8, "x"u8));
        AssertChangeThrows<InlineMap>(static (ref m) => m.Clear());
        AssertChangeThrows<InlineKnownMap>(static (ref m) => m.AddHost("example.com"));
    }

    [Fact]
    public void Removing_the_current_key_inside_foreach_throws_InvalidOperationException_not_an_index_exception()
    {
        var map = new SmallMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Add("c", "3");

        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var entry in map)
            {
                map.Remove(entry.Key);
            }
        });
        Assert.Contains("modified", exception.Message);
        Assert.Equal(2, map.Count); // The first removal happened; nothing else did.
    }

    [Fact]
    public void Lookups_refused_adds_and_absent_removes_while_enumerating_change_nothing_and_do_not_throw()
    {
        var map = new TinyMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Add("c", "3");
        map.Add("d", "4");
        var seen = new List<string>();
        foreach (var entry in map)
        {
            seen.Add(entry.Key);
            Assert.False(map.TryAdd("e", "5")); // Full: the map is unchanged, so enumeration goes on.
            Assert.False(map.Remove("absent"));
            Assert.True(map.ContainsKey(entry.Key));
        }

        Assert.Equal(["a", "b", "c", "d"], seen);
    }

    [Fact]
    public void A_span_from_a_lookup_is_a_view_that_a_later_change_changes()
    {
        var map = new SmallMap();
        map.Add("a", "1");
        map.Add("b", "2");
        ReadOnlySpan<string> a = map.GetValues("a");
        map.Remove("a");

        // Documented: the span is the map's own storage, which the removal cleared (a later add may fill it again).
        Assert.Null(a[0]);
        Assert.Equal(["2"], map.GetValues("b").ToArray());
    }

    [Fact]
    public void Null_string_keys_throw_and_never_reach_the_empty_key()
    {
        var map = new SmallMap();
        map.Add("", "empty");
        string? nothing = null;

        Assert.Throws<ArgumentNullException>("key", () => map.ContainsKey(nothing!));
        Assert.Throws<ArgumentNullException>("key", () => map.GetValues(nothing!).Length);
        Assert.Throws<ArgumentNullException>("key", () => map.TryGetValues(nothing!, out _));
        Assert.Throws<ArgumentNullException>("key", () => map.Remove(nothing!));
        Assert.Throws<ArgumentNullException>("key", () => map.Add(nothing!, "v"));
        Assert.Equal(["empty"], map.GetValues("").ToArray());

        var inline = new InlineMap();
        inline.Add("", "empty");
        Assert.Throws<ArgumentNullException>("key", () => inline.ContainsKey(nothing!));
        Assert.Throws<ArgumentNullException>("key", () => inline.GetValues(nothing!).Count);
        Assert.Throws<ArgumentNullException>("key", () => inline.TryGetValues(nothing!, out _));
        Assert.Throws<ArgumentNullException>("key", () => inline.Remove(nothing!));
        Assert.Throws<ArgumentNullException>("key", () => inline.Add(nothing!, "v"));
        Assert.Throws<ArgumentNullException>("key", () => inline.TryAdd(nothing!, "v"));
        Assert.Throws<ArgumentNullException>("value", () => inline.Add("k", nothing!));
        Assert.Equal(1, inline.Count);
        Assert.Equal(1, inline.ValueCount);
        Assert.True(inline.ContainsKey(""));
    }

    [Fact]
    public void A_full_map_quotes_at_most_64_characters_of_a_hostile_key()
    {
        var map = new SingleKeyMap();
        map.Add("a", "1");
        string key = new string('k', 100_000);

        FlatMapFullException exception = Assert.Throws<FlatMapFullException>(() => map.Add(key, "v"));
        Assert.Contains("'" + new string('k', 64) + "… (100000 characters)'", exception.Message);
        Assert.InRange(exception.Message.Length, 100, 400);
        Assert.Same(key, exception.Key);

        var inline = new InlineMap();
        FlatMapFullException inlineException = Assert.Throws<FlatMapFullException>(() => inline.Add(key, "v"));
        Assert.InRange(inlineException.Message.Length, 100, 400);
    }

    [Fact]
    public void A_quoted_key_never_ends_in_half_a_surrogate_pair()
    {
        string key = new string('a', 63) + "\U0001F600" + new string('b', 10);

        string quoted = FlatMapFullException.Quote(key);

        Assert.Equal(new string('a', 63) + "… (75 characters)", quoted);
        Assert.Equal("short", FlatMapFullException.Quote("short"));
        Assert.Equal(new string('c', 64), FlatMapFullException.Quote(new string('c', 64)));
    }

    private delegate void Change<TMap>(ref TMap map);

    private static void AssertChangeThrows<TMap>(Change<TMap> change)
        where TMap : struct
    {
        // Each map type fills itself with a, b, c through its own Add, then enumerates and changes itself midway.
        var map = new TMap();
        Fill(ref map);
        int visited = 0;
        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() => Enumerate(ref map, ref visited, change));
        Assert.Equal("The flat multi-map was modified after the enumerator was created; enumeration cannot continue.", exception.Message);
        Assert.Equal(1, visited);
    }

    private static void Fill<TMap>(ref TMap map)
        where TMap : struct
    {
        foreach (string key in new[] { "a", "b", "c" })
        {
            switch (map)
            {
                case SmallMap:
                    Unsafe.As<TMap, SmallMap>(ref map).Add(key, "v");
                    break;
                case KnownHeadersMap:
                    Unsafe.As<TMap, KnownHeadersMap>(ref map).Add(key, "v");
                    break;
                case InlineMap:
                    Unsafe.As<TMap, InlineMap>(ref map).Add(key, "v");
                    break;
                case InlineKnownMap:
                    Unsafe.As<TMap, InlineKnownMap>(ref map).Add(key, "v");
                    break;
                default:
                    throw new NotSupportedException(typeof(TMap).Name);
            }
        }
    }

    private static void Enumerate<TMap>(ref TMap map, ref int visited, Change<TMap> change)
        where TMap : struct
    {
        switch (map)
        {
            case SmallMap:
                foreach (var entry in Unsafe.As<TMap, SmallMap>(ref map))
                {
                    visited++;
                    change(ref map);
                }

                break;
            case KnownHeadersMap:
                foreach (var entry in Unsafe.As<TMap, KnownHeadersMap>(ref map))
                {
                    visited++;
                    change(ref map);
                }

                break;
            case InlineMap:
                foreach (var entry in Unsafe.As<TMap, InlineMap>(ref map))
                {
                    visited++;
                    change(ref map);
                }

                break;
            case InlineKnownMap:
                foreach (var entry in Unsafe.As<TMap, InlineKnownMap>(ref map))
                {
                    visited++;
                    change(ref map);
                }

                break;
        }
    }
}

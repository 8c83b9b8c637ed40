using CommunityToolkit.HighPerformance.Buffers;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// Interning through <c>StringPool.Shared</c>: a bounded, shared pool, so these run alone: other tests adding many
/// unknown span keys at the same time could evict an entry between the two adds, and some of these empty the pool.
/// </summary>
[Collection(nameof(InterningTests))]
[CollectionDefinition(nameof(InterningTests), DisableParallelization = true)]
public sealed class InterningTests
{
    [Fact]
    public void Unknown_span_keys_are_interned_when_the_map_asks_for_it()
    {
        var first = new KnownHeadersMap();
        var second = new KnownHeadersMap();
        first.Add("X-Interned-Key".ToCharArray(), "1");
        second.Add("<X-Interned-Key>".AsSpan(1, 14), "2");

        Assert.Same(first.Entries()[0][0], second.Entries()[0][0]);
    }

    [Fact]
    public void Unknown_UTF8_keys_are_interned_when_the_map_asks_for_it()
    {
        var first = new KnownHeadersMap();
        var second = new KnownHeadersMap();
        first.Add("X-Interned-Bytes"u8, "1"u8);
        second.Add("<X-Interned-Bytes>"u8[1..^1], "2"u8);

        Assert.Same(first.Entries()[0][0], second.Entries()[0][0]);
    }

    [Fact]
    public void A_map_that_also_reuses_value_strings_gets_its_unknown_key_strings_back_from_itself_after_Clear()
    {
        var map = new ReusingHeadersMap();
        map.Add("X-Kept-Bytes"u8, "1"u8);
        map.Add("Host"u8, "a"u8);
        map.Add("X-Kept-Chars".ToCharArray(), "2");
        string bytesKey = map.Entries()[0][0];
        string charsKey = map.Entries()[2][0];

        // The pool forgets both, so only the map can give them back.
        map.Clear();
        StringPool.Shared.Reset();
        map.Add("X-Kept-Bytes"u8, "1"u8);
        map.Add("HOST"u8, "a"u8);
        map.Add("<X-Kept-Chars>".AsSpan(1, 12), "2");
        Assert.Same(bytesKey, map.Entries()[0][0]);
        Assert.Same(charsKey, map.Entries()[2][0]);
        Assert.Equal([["X-Kept-Bytes", "1"], ["Host", "a"], ["X-Kept-Chars", "2"]], map.Entries());

        // Another spelling, or the kept key at another place, is another string: a key keeps the spelling it is added with.
        map.Clear();
        map.Add("x-kept-bytes"u8, "1"u8);
        map.Add("X-Kept-Chars"u8, "2"u8);
        Assert.Equal([["x-kept-bytes", "1"], ["X-Kept-Chars", "2"]], map.Entries());
        Assert.NotSame(bytesKey, map.Entries()[0][0]);
        Assert.True(map.ContainsKey("X-KEPT-BYTES"));
    }

    [Fact]
    public void ForgetReusedStrings_lets_go_of_the_kept_key_strings_too()
    {
        var map = new ReusingHeadersMap();
        map.Add("X-Forgotten"u8, "1"u8);
        string key = map.Entries()[0][0];
        map.Clear();
        map.ForgetReusedStrings();
        StringPool.Shared.Reset();

        map.Add("X-Forgotten"u8, "1"u8);
        Assert.NotSame(key, map.Entries()[0][0]);
        Assert.Equal("X-Forgotten", map.Entries()[0][0]);
    }
}

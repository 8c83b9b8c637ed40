using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// Interning through <c>StringPool.Shared</c>: a bounded, shared pool, so these run alone: other tests adding many
/// unknown span keys at the same time could evict an entry between the two adds.
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
}

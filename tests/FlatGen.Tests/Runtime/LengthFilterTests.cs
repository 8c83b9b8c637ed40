using FlatGen.Tests.Infrastructure;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// The length filter: one bit per length (in UTF-16 code units; 63 for 63 and longer) of the keys in the hashed
/// slots, read from the map's own field, so a lookup of another length returns before hashing.
/// </summary>
public sealed class LengthFilterTests
{
    [Fact]
    public void Hashed_keys_set_their_length_s_bit_known_keys_none_and_clear_resets_it()
    {
        var map = new KnownHeadersMap();
        map.Add("Host", "example.com");
        Assert.Equal(0UL, Filter(ref map, KnownHeadersMap.Layout));

        map.Add("x-a", "1");
        map.Add("a-key-longer-than-sixty-three-characters-so-it-takes-the-last-bit-of-the-filter", "2");
        Assert.Equal((1UL << 3) | (1UL << 63), Filter(ref map, KnownHeadersMap.Layout));
        Assert.True(map.ContainsKey("X-A"));
        Assert.False(map.ContainsKey("x-ab"));

        map.Clear();
        Assert.Equal(0UL, Filter(ref map, KnownHeadersMap.Layout));
    }

    /// <summary>A reference map keeps a removed key's bit (a superset costs a probe, not a wrong answer); an inline map's filter is exact, as its canonical bytes need.</summary>
    [Fact]
    public void A_removed_key_s_bit_stays_in_a_reference_map_and_goes_in_an_inline_map()
    {
        var reference = new SmallMap();
        reference.Add("abc", "1");
        reference.Add("abcd", "2");
        Assert.True(reference.Remove("abc"));
        Assert.Equal((1UL << 3) | (1UL << 4), Filter(ref reference, SmallMap.Layout));
        Assert.False(reference.ContainsKey("abc"));
        Assert.Equal(["2"], reference.GetValues("abcd").ToArray());

        var inline = new InlineMap();
        inline.Add("abc", "1");
        inline.Add("abcd", "2");
        inline.Add("ä", "3");
        Assert.Equal((1UL << 1) | (1UL << 3) | (1UL << 4), Filter(ref inline, InlineMap.Layout));
        Assert.True(inline.Remove("abc"));
        Assert.Equal((1UL << 1) | (1UL << 4), Filter(ref inline, InlineMap.Layout));
        Assert.True(inline.Remove("ä"u8));
        Assert.Equal(1UL << 4, Filter(ref inline, InlineMap.Layout));
        Assert.Equal(["2"], inline.GetValues("abcd").ToArray());
    }

    /// <summary>The filter is part of an inline map's bytes: any other value is refused on reading.</summary>
    [Fact]
    public void An_inline_map_whose_filter_is_not_its_keys_is_refused()
    {
        var map = new InlineMap();
        map.Add("abc", "1");
        int offset = InlineMap.Layout.Fields.Single(static f => f.Name == "_hashedKeyLengths").Offset;
        byte[] bytes = map.AsBytes().ToArray();
        Assert.True(InlineMap.TryRead(bytes, out _));
        foreach (ulong wrong in new[] { 0UL, (1UL << 3) | (1UL << 5), 1UL << 2 })
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(offset), wrong);
            Assert.False(InlineMap.TryRead(bytes, out _));
        }
    }

    private static ulong Filter<TMap>(ref TMap map, FlatLayout layout)
        where TMap : struct =>
        MapFields.Read<TMap, ulong>(ref map, layout, "_hashedKeyLengths")[0];
}

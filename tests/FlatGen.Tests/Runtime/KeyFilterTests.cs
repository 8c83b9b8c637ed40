using FlatGen.Tests.Infrastructure;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// The key filter (<c>_hashedKeyLengths</c>), read from the map's own field: one bit per length (in UTF-16 code units;
/// 63 for 63 and longer) of the keys in the hashed slots, so a lookup of another length returns before hashing; in a map
/// of at most 8 keys, which scans instead of hashing, also bit <c>32 + (unit + 8 × length) % 32</c> for each key's length
/// and last unit together (docs/layout.md).
/// </summary>
public sealed class KeyFilterTests
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

    [Fact]
    public void A_map_that_scans_keeps_each_key_s_length_and_its_length_and_last_unit_together()
    {
        string longKey = new string('k', 34) + "z";
        var ordinal = new TinyMap();
        ordinal.Add("abc1", "1");
        ordinal.Add("abcd", "2");
        ordinal.Add(longKey, "3");
        Assert.Equal(Length(4) | Length(35) | Pair(4, '1') | Pair(4, 'd') | Pair(35, 'z'), Filter(ref ordinal, TinyMap.Layout));

        // Ignoring case, a letter's two cases set one bit; a last unit outside ASCII sets none above (its fold is the runtime's).
        var ignoreCase = new TinyIgnoreCaseMap();
        ignoreCase.Add("abcD", "1");
        ignoreCase.Add("xyzÖ", "2");
        ignoreCase.Add("", "3");
        Assert.Equal(Length(4) | Length(0) | Pair(4, 'd') | Pair(0, '\0'), Filter(ref ignoreCase, TinyIgnoreCaseMap.Layout));
        Assert.Equal(["1"], ignoreCase.GetValues("ABCd").ToArray());
        Assert.Equal(["2"], ignoreCase.GetValues("XYZö").ToArray());

        ordinal.Clear();
        Assert.Equal(0UL, Filter(ref ordinal, TinyMap.Layout));

        static ulong Length(int length) => 1UL << Math.Min(length, 63);
        static ulong Pair(int length, char last) => 1UL << (32 + ((last + 8 * length) % 32));
    }

    /// <summary>
    /// A scan ends at the first key of the probe's length whose last unit differs, when the filter lacks the probe's
    /// length and last unit together: with the upper half cleared by hand, a key past such a key is no longer found.
    /// </summary>
    [Fact]
    public void A_scan_ends_at_a_key_of_the_probe_s_length_that_ends_otherwise_when_the_pair_s_bit_is_clear()
    {
        var map = new TinyMap();
        map.Add("abc1", "1");
        map.Add("abc2", "2");
        map.Add("xyz", "3");
        Assert.Equal(["2"], map.GetValues("abc2").ToArray());
        Assert.True(map.GetValues("abc3").IsEmpty);

        Span<byte> filter = MapFields.Bytes(ref map, TinyMap.Layout, "_hashedKeyLengths");
        filter[4..].Clear(); // The upper half, little-endian.
        Assert.True(map.GetValues("abc2").IsEmpty);
        Assert.Equal(["1"], map.GetValues("abc1").ToArray()); // The first key of its length: no other ends otherwise before it.
        Assert.Equal(["3"], map.GetValues("xyz").ToArray());

        filter[4..].Fill(0xFF);
        Assert.Equal(["2"], map.GetValues("abc2").ToArray());
    }

    /// <summary>
    /// What the filter of a map that scans relies on ignoring case: no UTF-16 unit outside ASCII equals one inside it, so a
    /// key ending outside ASCII is never the one a probe ending in ASCII looks for, and needs no bit of its last unit.
    /// </summary>
    [Fact]
    public void No_unit_outside_ASCII_equals_an_ASCII_unit_ignoring_case()
    {
        for (int unit = 0x80; unit <= char.MaxValue; unit++)
        {
            char other = (char)unit;
            for (char ascii = '\0'; ascii < 0x80; ascii++)
            {
                if (MemoryExtensions.Equals(new ReadOnlySpan<char>(in other), new ReadOnlySpan<char>(in ascii), StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Fail($"U+{unit:X4} equals '{ascii}' ignoring case.");
                }
            }
        }
    }

    private static ulong Filter<TMap>(ref TMap map, FlatLayout layout)
        where TMap : struct =>
        MapFields.Read<TMap, ulong>(ref map, layout, "_hashedKeyLengths")[0];
}

using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime.Packed;

/// <summary>
/// The packed format, byte for byte (docs/packed-format.md): golden bytes worked out by hand from the format and the
/// persisted hash's golden values (<see cref="KeyHashTests"/>), which a map must pack to and which must read back as
/// that map. <see cref="ScalarFallbackTests"/> runs this class again without <c>Vector128</c>: the same bytes there.
/// </summary>
public sealed class PackedFormatTests
{
    // Host [example.org], Content-Type [text/html], x-request-id-with-a-long-tail ["", z]. Header 02 (version), the
    // comparison, 03 keys, 04 values; 3 buckets, ends 03 03 03 (a key's bucket is its UTF-8 hash times 3, high word:
    // Host 0x0D357DA1, Content-Type 0x09BADBA7 and the long key 0x2D001884 all → 0); offsets in bucket order 13, 31,
    // 55; then the records from offset 13 in first-insertion order, each a length-prefixed key, a value count and
    // length-prefixed values.
    private const string OrdinalGolden =
        "02000304" + "030303" + "0D001F003700"
        + "04486F7374" + "01" + "0B6578616D706C652E6F7267"
        + "0C436F6E74656E742D54797065" + "01" + "09746578742F68746D6C"
        + "1D782D726571756573742D69642D776974682D612D6C6F6E672D7461696C" + "02" + "00" + "017A";

    // The same map ignoring case: Host 0x369B4D65 → 0, Content-Type 0xFB1ACCC6 → 2, the long key (all lower case) → 0;
    // ends 02 02 03; offsets 13, 55, 31.
    private const string IgnoreCaseGolden =
        "02010304" + "020203" + "0D0037001F00"
        + "04486F7374" + "01" + "0B6578616D706C652E6F7267"
        + "0C436F6E74656E742D54797065" + "01" + "09746578742F68746D6C"
        + "1D782D726571756573742D69642D776974682D612D6C6F6E672D7461696C" + "02" + "00" + "017A";

    [Fact]
    public void An_ordinal_map_packs_to_its_golden_bytes() =>
        Assert.Equal(OrdinalGolden, Convert.ToHexString(Fill<SmallMap>().Pack().AsBytes()));

    [Fact]
    public void A_map_that_ignores_case_packs_to_its_golden_bytes() =>
        Assert.Equal(IgnoreCaseGolden, Convert.ToHexString(Fill<IgnoreCaseMap32>().Pack().AsBytes()));

    [Fact]
    public void An_inline_map_packs_to_the_same_bytes_as_a_reference_map() =>
        Assert.Equal(OrdinalGolden, Convert.ToHexString(Fill<InlineWideMap>().Pack().AsBytes()));

    [Theory]
    [InlineData(OrdinalGolden, false)]
    [InlineData(IgnoreCaseGolden, true)]
    public void Golden_bytes_read_back_as_the_map(string hex, bool ignoreCase)
    {
        FlatPackedMap map = FlatPackedMap.Read(Convert.FromHexString(hex));

        Assert.Equal(ignoreCase ? FlatKeyComparison.OrdinalIgnoreCase : FlatKeyComparison.Ordinal, map.KeyComparison);
        Assert.Equal(3, map.Count);
        Assert.Equal(4, map.ValueCount);
        Assert.Equal("{ Host: [example.org], Content-Type: [text/html], x-request-id-with-a-long-tail: [, z] }", map.ToString());
        Assert.Equal(["example.org"], map.GetValues("Host").ToArray());
        Assert.Equal(["text/html"], map.GetValues("Content-Type"u8).ToArray());
        Assert.Equal(["", "z"], map.GetValues("x-request-id-with-a-long-tail".AsSpan()).ToArray());
        Assert.Equal(ignoreCase, map.ContainsKey("HOST"));
        Assert.Equal(ignoreCase, map.ContainsKey("X-REQUEST-ID-WITH-A-LONG-TAIL"));
        Assert.False(map.ContainsKey("Hosts"));
    }

    [Theory]
    [InlineData("01000304", "the first version")]
    [InlineData("03000304", "a later version")]
    [InlineData("02020304", "an unknown comparison")]
    [InlineData("0200", "no counts")]
    public void A_header_packing_could_not_write_is_refused(string header, string reason)
    {
        byte[] bytes = Convert.FromHexString(OrdinalGolden);
        Convert.FromHexString(header).CopyTo(bytes, 0);
        if (header.Length / 2 < 4)
        {
            bytes = bytes[..(header.Length / 2)];
        }

        Assert.False(FlatPackedMap.TryRead(bytes, out FlatPackedMap map), reason);
        Assert.Equal(default, map);
        Assert.Throws<FlatFormatException>(() => FlatPackedMap.Read(bytes));
    }

    [Fact]
    public void A_count_not_in_its_shortest_form_is_refused()
    {
        // The empty map: no keys, no values, one bucket ending at 0. Then its key count 0 written in two bytes.
        Assert.Equal("0200000000", Convert.ToHexString(default(SmallMap).Pack().AsBytes()));
        Assert.True(FlatPackedMap.TryRead(Convert.FromHexString("0200000000"), out _));

        Assert.False(FlatPackedMap.TryRead(Convert.FromHexString("020080000000"), out _));
    }

    [Fact]
    public void A_key_in_another_bucket_is_refused()
    {
        // End bucket 0 after Host, so that bucket 1 claims the records of Content-Type and the long key, whose hashes
        // say bucket 0: every count still rises to 3.
        byte[] bytes = Convert.FromHexString(OrdinalGolden);
        bytes[4] = 1;

        Assert.False(FlatPackedMap.TryRead(bytes, out _));
    }

    [Fact]
    public void Two_keys_equal_ignoring_case_are_refused()
    {
        // Respell the second key as the first in another case: valid text, but two keys equal under the comparison.
        var map = default(IgnoreCaseMap32);
        map.Add("Host", "a");
        map.Add("Hosu", "b"); // Same length: the record can be respelled in place.
        byte[] bytes = map.Pack().AsBytes().ToArray();
        int at = bytes.AsSpan().IndexOf("Hosu"u8);
        "HOST"u8.CopyTo(bytes.AsSpan(at));

        Assert.False(FlatPackedMap.TryRead(bytes, out _));
    }

    private static TMap Fill<TMap>()
        where TMap : struct, IFlatMultiMap
    {
        var map = default(TMap);
        map.Add("Host", "example.org");
        map.Add("Content-Type", "text/html");
        map.Add("x-request-id-with-a-long-tail", "");
        map.Add("x-request-id-with-a-long-tail", "z");
        return map;
    }
}

using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime.Packed;

/// <summary>
/// The packed format, byte for byte (docs/packed-format.md): golden bytes worked out by hand from the format and the
/// persisted hash's golden values (<see cref="KeyHashTests"/>), which a map must pack to and which must read back as
/// that map. <see cref="ScalarFallbackTests"/> runs this class again without <c>Vector128</c>: the same bytes there.
/// </summary>
public sealed class PackedFormatTests
{
    // Host [example.org], Content-Type [text/html], x-request-id-with-a-long-tail ["", z]. Header 01 (version), the
    // comparison, 03 keys, 04 values; 3 buckets, ends 00 02 03 (a key's bucket is its hash times 3, high word: Host
    // 0xF1B7C319 → 2, Content-Type 0x9B0AD1FB → 1, the long key 0x8D097342 → 1); offsets in bucket order 31, 55, 13;
    // then the records from offset 13 in first-insertion order, each a length-prefixed key, a value count and
    // length-prefixed values.
    private const string OrdinalGolden =
        "01000304" + "000203" + "1F0037000D00"
        + "04486F7374" + "01" + "0B6578616D706C652E6F7267"
        + "0C436F6E74656E742D54797065" + "01" + "09746578742F68746D6C"
        + "1D782D726571756573742D69642D776974682D612D6C6F6E672D7461696C" + "02" + "00" + "017A";

    // The same map ignoring case: Host 0x7A3A3F22 → 1, Content-Type 0x39F7F283 → 0, the long key (all lower case) → 1;
    // ends 01 03 03; offsets 31, 13, 55.
    private const string IgnoreCaseGolden =
        "01010304" + "010303" + "1F000D003700"
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
    [InlineData("02000304", "another version")]
    [InlineData("01020304", "an unknown comparison")]
    [InlineData("0100", "no counts")]
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
        Assert.Equal("0100000000", Convert.ToHexString(default(SmallMap).Pack().AsBytes()));
        Assert.True(FlatPackedMap.TryRead(Convert.FromHexString("0100000000"), out _));

        Assert.False(FlatPackedMap.TryRead(Convert.FromHexString("010080000000"), out _));
    }

    [Fact]
    public void A_key_in_another_bucket_is_refused()
    {
        // Swap the bucket ends so that Host's bucket claims Content-Type's record: every count still rises to 3.
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

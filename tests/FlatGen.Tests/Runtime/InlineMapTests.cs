using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>What the inline storage mode promises beyond the model: no references, UTF-8 in and out, typed known keys, zero allocation.</summary>
public sealed class InlineMapTests
{
    [Fact]
    public void An_inline_map_holds_no_reference_and_a_reference_map_does()
    {
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<InlineMap>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<InlineKnownMap>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<InlineWideMap>());
        Assert.True(RuntimeHelpers.IsReferenceOrContainsReferences<SmallMap>());
    }

    [Fact]
    public void Keys_and_values_go_in_and_out_as_UTF_16_or_UTF_8()
    {
        var map = new InlineKnownMap();
        map.Add("host"u8, "example.com"u8);
        map.AddContentType("text/html");
        map.Add("X-Size", "ä");
        map.Add("x-size"u8, "ö"u8);
        map.Add("GRÖßE"u8, "groß"u8);

        Assert.Equal("example.com", map.Host.GetString(0));
        Assert.True("example.com"u8.SequenceEqual(map.GetValues("HOST"u8)[0]));
        Assert.Equal(["text/html"], map.GetValues("content-type").ToArray());
        Assert.Equal(["ä", "ö"], map.GetValues("X-SIZE").ToArray());
        Assert.Equal(["groß"], map.GetValues("größe").ToArray());
        Assert.Equal(
            [["Host", "example.com"], ["Content-Type", "text/html"], ["X-Size", "ä", "ö"], ["Größe", "groß"]],
            map.Entries());
        Assert.Equal("{ Host: [example.com], Content-Type: [text/html], X-Size: [ä, ö], Größe: [groß] }", map.ToString());
    }

    /// <summary>
    /// How a non-ASCII key folds ignoring case depends on the runtime's Unicode tables, so its hash could not mean the
    /// same on every machine that reads the bytes: an inline map ignoring case refuses such a new key, changing nothing,
    /// and finds none. A known key is stored by its index, so a non-ASCII one is kept; an ordinal map takes any key.
    /// </summary>
    [Fact]
    public void An_inline_map_ignoring_case_refuses_a_new_key_that_is_not_ASCII()
    {
        var map = new InlineKnownMap();
        map.Add("x-a", "v");
        byte[] before = map.AsBytes().ToArray();

        foreach (string key in new[] { "X-Größe", "é", "\U0001F600", "a-long-ascii-key-with-one-non-ascii-character-at-the-end-é" })
        {
            Assert.Equal("key", Assert.Throws<ArgumentException>(() => map.TryAdd(key, "v")).ParamName);
            Assert.Equal("key", Assert.Throws<ArgumentException>(() => map.Add(key, "v")).ParamName);
            Assert.Equal("key", Assert.Throws<ArgumentException>(() => map.TryAdd(Encoding.UTF8.GetBytes(key), "v"u8)).ParamName);
            Assert.Equal("key", Assert.Throws<ArgumentException>(() => map.TrySet(key, "v")).ParamName);
            Assert.False(map.ContainsKey(key));
            Assert.False(map.Remove(key));
            Assert.Equal(before, map.AsBytes().ToArray());
        }

        Assert.Throws<ArgumentException>(() => map.Add("GRÖSSE", "v")); // Not the known key: OrdinalIgnoreCase keeps ß apart from SS.
        map.Add("grÖße", "the known key");
        Assert.Equal(["the known key"], map.GetValues("Größe").ToArray());

        var ordinal = new InlineMap();
        ordinal.Add("X-Größe", "v");
        Assert.Equal(["v"], ordinal.GetValues("X-Größe").ToArray());
    }

    [Fact]
    public void Invalid_text_is_refused_with_an_argument_exception_and_changes_nothing()
    {
        var map = new InlineMap();
        map.Add("k", "v");
        byte[] before = map.AsBytes().ToArray();

        Assert.Equal("key", Assert.Throws<ArgumentException>(() => map.Add("bad\uD800", "v")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => map.TryAdd("k", "\uDC00")).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => map.Add([0xC3, 0x28], "v"u8)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => map.TryAdd("k"u8, [0xFF])).ParamName);
        Assert.Equal(before, map.AsBytes().ToArray());
        Assert.False(map.ContainsKey([0xC3, 0x28]));
    }

    [Fact]
    public void A_full_arena_refuses_the_add_naming_InlineBytes()
    {
        var map = new InlineMap();
        map.Add("key", new string('x', InlineMap.InlineBytes - 3));
        byte[] before = map.AsBytes().ToArray();

        FlatMapFullException full = Assert.Throws<FlatMapFullException>(() => map.Add("key", "y"));
        Assert.Equal("InlineBytes", full.CapacityName);
        Assert.Equal(InlineMap.InlineBytes, full.Capacity);
        Assert.Contains("96-byte inline arena", full.Message);
        Assert.False(map.TryAdd("other"u8, "y"u8));
        Assert.Equal(before, map.AsBytes().ToArray());
    }

    [Fact]
    public void Clear_zeroes_everything_but_the_layout_id_and_the_version()
    {
        var map = new InlineKnownMap();
        map.AddHost("example.com");
        map.Add("x-one", "1");
        map.Clear();

        byte[] bytes = map.AsBytes().ToArray();
        Assert.Equal(InlineKnownMap.LayoutId, BitConverter.ToUInt64(bytes));
        FlatField version = InlineKnownMap.Layout.Fields.Single(static f => f.Name == "_version");
        Assert.Equal(3u, BitConverter.ToUInt32(bytes, version.Offset)); // Two adds and the clear.
        bytes.AsSpan(version.Offset, version.Size).Clear();
        Assert.False(bytes.AsSpan(8).ContainsAnyExcept((byte)0));
        Assert.True(map.Host.IsEmpty);
    }

    [Fact]
    public void The_bytes_are_the_map_itself_not_a_copy()
    {
        var map = new InlineMap();
        map.Add("k", "v");
        ReadOnlySpan<byte> bytes = map.AsBytes();
        map.Add("k", "w");

        Assert.True(InlineMap.TryRead(bytes, out InlineMap read));
        Assert.Equal([["k", "v", "w"]], read.Entries());
        Assert.Equal(InlineMap.SizeInBytes, bytes.Length);
    }

    [Fact]
    public void Adds_lookups_enumeration_AsBytes_and_TryRead_allocate_nothing()
    {
        string[] keys = Enumerable.Range(0, 5).Select(i => "Key-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        byte[][] utf8Keys = keys.Select(Encoding.UTF8.GetBytes).ToArray();
        var map = new InlineKnownMap();
        int checksum = 0;
        for (int i = 0; i < 10; i++)
        {
            checksum = Workload(ref map, keys, utf8Keys);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int measured = Workload(ref map, keys, utf8Keys);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(checksum, measured);
        Assert.True(measured > 20);

        static int Workload(ref InlineKnownMap map, string[] keys, byte[][] utf8Keys)
        {
            map.Clear();
            map.AddHost("example.com");
            map.Add("content-type"u8, "text/plain"u8);
            for (int i = 0; i < 3; i++)
            {
                map.Add(keys[i], "v");
                map.Add(utf8Keys[i], "w"u8);
            }

            int found = map.Host.Count + map.GetValues("CONTENT-TYPE").Count;
            for (int i = 0; i < keys.Length; i++)
            {
                found += map.GetValues(keys[i]).Count + map.GetValues(utf8Keys[i]).Count + (map.ContainsKey(keys[i]) ? 1 : 0);
            }

            found += map.EnumerateAll();
            found += InlineKnownMap.TryRead(map.AsBytes(), out InlineKnownMap copy) ? copy.Count : -100;
            found += map.Remove(keys[0]) ? 1 : 0;
            return found;
        }
    }

    [Fact]
    public void A_full_arena_says_whether_the_new_key_or_a_value_did_not_fit_and_how_many_bytes_are_free()
    {
        var map = new TinyArenaMap();
        map.Add("zz", "1");

        // The known key's 8 bytes do not fit beside the 3 in use: it is the key, not a value, that is refused.
        FlatMapFullException key = Assert.Throws<FlatMapFullException>(() => map.Add("exactly8", ""));
        Assert.Equal("InlineBytes", key.CapacityName);
        Assert.Equal("exactly8", key.Key);
        Assert.Contains("8-byte inline arena has 5 bytes free", key.Message);
        Assert.Contains("the bytes of the new key 'exactly8' and its value do not fit", key.Message);
        Assert.DoesNotContain("a new value for", key.Message);

        // A present key's value that does not fit: the value is named.
        map.Add("zz", "23456");
        FlatMapFullException value = Assert.Throws<FlatMapFullException>(() => map.Add("zz", "6"));
        Assert.Contains("8-byte inline arena has 0 bytes free", value.Message);
        Assert.Contains("the bytes of a new value for the key 'zz' do not fit", value.Message);
        Assert.Equal(["1", "23456"], map.GetValues("zz").ToArray().Select(v => v.ToString()));
    }

    [Fact]
    public void Entries_of_both_storage_modes_deconstruct_and_give_their_key_as_a_string()
    {
        var inline = new InlineMap();
        inline.Add("zone", "eu");
        inline.Add("zone", "us");
        var reference = new SmallMap();
        reference.Add("zone", "eu");
        reference.Add("zone", "us");

        var fromInline = new List<string>();
        foreach (var (key, values) in inline)
        {
            fromInline.Add($"{System.Text.Encoding.UTF8.GetString(key)}={values.GetString(0)},{values.GetString(1)}");
        }

        foreach (FlatInlineEntry entry in inline)
        {
            fromInline.Add($"{entry.GetKeyString()}:{entry.Values.Count}");
        }

        var fromReference = new List<string>();
        foreach (var (key, values) in reference)
        {
            fromReference.Add($"{key}={values[0]},{values[1]}");
        }

        foreach (FlatReferenceEntry entry in reference)
        {
            fromReference.Add($"{entry.GetKeyString()}:{entry.Values.Length}");
        }

        Assert.Equal(["zone=eu,us", "zone:2"], fromInline);
        Assert.Equal(fromInline, fromReference);
    }
}

using System.Runtime.CompilerServices;
using System.Text;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// Keys and values as UTF-8 bytes into a map of strings, as a server parses a request: known keys matched on their
/// bytes, value strings reused with <c>ReuseValueStrings</c>, and nothing allocated for a request seen before.
/// </summary>
public sealed class Utf8InputTests
{
    [Fact]
    public void A_value_added_as_the_same_ASCII_bytes_where_an_equal_one_was_is_that_string_across_Clear()
    {
        var map = new ReusingHeadersMap();
        map.Add("accept-encoding"u8, "gzip, br"u8);
        map.Add("X-Unknown"u8, "1"u8);
        map.Add("X-Unknown"u8, "2"u8);
        string[] kept = [map.AcceptEncoding[0], .. map.GetValues("x-unknown")];

        // The same request again: known and unknown keys, and a repeated key's values, get the kept strings.
        map.Clear();
        map.Add("ACCEPT-ENCODING"u8, "gzip, br"u8);
        map.Add("x-unknown"u8, "1"u8);
        map.Add("x-unknown"u8, "2"u8);
        Assert.Same(kept[0], map.AcceptEncoding[0]);
        Assert.Same(kept[1], map.GetValues("X-Unknown")[0]);
        Assert.Same(kept[2], map.GetValues("X-Unknown")[1]);

        // Other text is a new string, kept from then on.
        map.Clear();
        map.Add("Accept-Encoding"u8, "gzip"u8);
        string other = map.AcceptEncoding[0];
        Assert.NotSame(kept[0], other);
        Assert.Equal("gzip", other);
        map.Clear();
        map.Add("Accept-Encoding"u8, "gzip"u8);
        Assert.Same(other, map.AcceptEncoding[0]);
        Assert.Equal(["gzip"], map.GetValues("accept-encoding"u8).ToArray());
    }

    [Fact]
    public void Only_ASCII_values_appended_last_in_maps_that_ask_are_reused()
    {
        var map = new ReusingHeadersMap();
        map.Add("User-Agent"u8, "Grüße"u8);
        map.Add("Host"u8, "a"u8);
        map.Add("User-Agent"u8, "b"u8);
        string[] first = [.. map.UserAgent, .. map.Host];

        map.Clear();
        map.Add("User-Agent"u8, "Grüße"u8);
        map.Add("Host"u8, "a"u8);
        map.Add("User-Agent"u8, "b"u8);
        Assert.Equal(["Grüße", "b"], map.UserAgent.ToArray());
        Assert.NotSame(first[0], map.UserAgent[0]); // not ASCII
        Assert.NotSame(first[1], map.UserAgent[1]); // inserted before Host's value, not after all values

        var plain = new KnownHeadersMap();
        plain.Add("Host"u8, "example.com"u8);
        string before = plain.Host[0];
        plain.Clear();
        plain.Add("Host"u8, "example.com"u8);
        Assert.NotSame(before, plain.Host[0]);
    }

    [Fact]
    public void ForgetReusedStrings_lets_the_collector_have_the_kept_strings_and_changes_no_content()
    {
        var box = new StrongBox<ReusingHeadersMap>();
        WeakReference kept = AddTwoAndClear(box);
        Collect();
        Assert.True(kept.IsAlive, "ReuseValueStrings keeps the values across Clear");

        box.Value.Add("Via"u8, "1.1 proxy"u8);
        box.Value.ForgetReusedStrings();
        Assert.Equal(["1.1 proxy"], box.Value.Via.ToArray());
        Collect();
        Assert.False(kept.IsAlive, "ForgetReusedStrings left a kept string reachable");
    }

    [Fact]
    public void Invalid_UTF8_is_refused_and_a_full_map_names_the_decoded_key()
    {
        var map = new TinyMap();
        ArgumentException invalid = Assert.Throws<ArgumentException>(() => map.Add([0xC3], "v"u8));
        Assert.Equal("key", invalid.ParamName);
        Assert.Equal(0, map.Count);

        while (map.TryAdd(Encoding.UTF8.GetBytes("k" + map.Count), "v"u8))
        {
        }

        FlatMapFullException full = Assert.Throws<FlatMapFullException>(() => map.Add("schlüssel"u8, "v"u8));
        Assert.Equal("schlüssel", full.Key);
    }

    [Fact]
    public void A_request_seen_before_allocates_nothing_from_bytes_with_repeated_and_unknown_headers()
    {
        (byte[] Name, byte[] Value)[] request =
        [
            ("Host"u8.ToArray(), "shop.example.com"u8.ToArray()),
            ("User-Agent"u8.ToArray(), "Mozilla/5.0 (X11; Linux x86_64)"u8.ToArray()),
            ("accept-encoding"u8.ToArray(), "gzip, deflate, br"u8.ToArray()),
            ("Referer"u8.ToArray(), "https://shop.example.com/"u8.ToArray()),
            ("TE"u8.ToArray(), "trailers"u8.ToArray()),
            ("Via"u8.ToArray(), "1.1 edge"u8.ToArray()),
            ("Via"u8.ToArray(), "1.1 origin"u8.ToArray()),
            ("Sec-Fetch-Mode"u8.ToArray(), "cors"u8.ToArray()),
        ];

        var map = new ReusingHeadersMap();
        int checksum = 0;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            checksum = Cycle(ref map, request);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round > 0)
            {
                Assert.Equal(0, allocated);
            }
        }

        Assert.Equal(request.Length + 6, checksum);
    }

    private static int Cycle(ref ReusingHeadersMap map, (byte[] Name, byte[] Value)[] request)
    {
        foreach ((byte[] name, byte[] value) in request)
        {
            map.Add(name, value);
        }

        int checksum = map.GetValues("HOST"u8).Length + map.Via.Length + (map.ContainsKey("te"u8) ? 1 : 0)
            + map.GetValues("Referer").Length + (map.TryGetValues("User-Agent"u8, out ReadOnlySpan<string> agent) ? agent.Length : 0)
            + (map.ContainsKey("accept-ENCODING"u8) ? 1 : 0) + map.Count;
        map.Clear();
        return checksum;
    }

    /// <summary>Adds two values and clears; returns the second, which a later add of one value does not overwrite.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AddTwoAndClear(StrongBox<ReusingHeadersMap> box)
    {
        box.Value.Add("Via"u8, "1.0 a proxy"u8);
        box.Value.Add("Host"u8, "a host"u8);
        var kept = new WeakReference(box.Value.Host[0]);
        box.Value.Clear();
        return kept;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

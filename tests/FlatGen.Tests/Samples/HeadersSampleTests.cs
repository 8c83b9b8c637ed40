using FlatGen.Samples.Headers;
using FlatGen.Tests.Infrastructure;

namespace FlatGen.Tests.Samples;

/// <summary>The README's first command runs this sample; this keeps what it prints true.</summary>
public sealed class HeadersSampleTests
{
    [Fact]
    public void The_sample_reports_the_request_it_ships_with()
    {
        byte[] request = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "samples", "FlatGen.Samples.Headers", "request.http"));
        var output = new StringWriter { NewLine = "\n" };

        RequestReport.Write(output, request);

        string report = output.ToString();
        Assert.StartsWith("GET /api/v2/orders\n", report);
        Assert.Contains(RequestHeaders.Layout.ToString(), report);
        Assert.Contains("17 header names, 20 values (known names under their declared spelling):\n", report);
        Assert.Contains("  X-Forwarded-For: 203.0.113.7 | 198.51.100.23\n", report);
        Assert.Contains("  Cookie: session=abc123; theme=dark | consent=yes\n", report);
        Assert.Contains("  Sec-Fetch-Mode: cors\n", report);
        Assert.Contains("  headers.Host           -> shop.example.com\n", report);
        Assert.Contains("  headers.XForwardedFor  -> 203.0.113.7 | 198.51.100.23\n", report);
        Assert.Contains("  GetValues(\"sec-fetch-mode\") -> cors\n", report);
        Assert.Contains("Query: { status: [open], page: [2] }\n", report);
        Assert.Contains("  GetValues(\"COOKIE\"u8)   -> session=abc123; theme=dark | consent=yes\n", report);
        Assert.Contains("Storing these 20 header lines from bytes, for a request seen before, allocated:\n", report);
        Assert.Contains(" bytes in a Dictionary<string, List<string>> (a string per name and per value)\n", report);
        Assert.Contains("       0 bytes in RequestHeaders (1,312 bytes: names matched or interned, value strings reused from the last request)\n", report);
        Assert.Contains("       0 bytes in StoredRequestHeaders (2,752 bytes, InlineUtf8: the bytes are copied, no string is made)", report);
    }

    [Fact]
    public void A_request_of_more_names_than_the_maps_hold_is_refused_by_one_and_spilled_by_the_other_which_then_allocates_nothing_again()
    {
        string folder = Path.Combine(RepositoryPaths.Root, "samples", "FlatGen.Samples.Headers");
        var output = new StringWriter { NewLine = "\n" };

        RequestReport.WriteTail(output, File.ReadAllBytes(Path.Combine(folder, "request.http")), File.ReadAllBytes(Path.Combine(folder, "tail-request.http")));

        string report = output.ToString();
        Assert.Contains("A tail request: 40 header lines, 37 names, more than the maps' 32.\n", report);
        Assert.Contains("RequestHeaders (Overflow = FlatOverflow.Refuse, the default) refused 5 of the lines: TryAdd returned false", report);
        Assert.Contains("SpillingRequestHeaders (Overflow = FlatOverflow.Spill) took them all:\n", report);
        Assert.Contains("  IsSpilled -> True, and still one map, in the order the lines came: Host, User-Agent ... CF-Connecting-IP\n", report);
        Assert.Contains("  headers.Host               -> shop.example.com\n", report);
        Assert.Contains("  GetValues(\"TRACEPARENT\"u8)  -> 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\n", report);
        Assert.Contains("  after Clear: IsSpilled -> False, and the usual request again allocates 0 bytes.", report);

        // The spilled request allocates, but less than the dictionary's string per name and value and list per name.
        System.Text.RegularExpressions.Match bytes = System.Text.RegularExpressions.Regex.Match(report, @"  ([\d,]+) bytes allocated for it .*, against ([\d,]+) in a Dictionary");
        Assert.True(bytes.Success, report);
        long spilled = long.Parse(bytes.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        long dictionary = long.Parse(bytes.Groups[2].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(spilled, 1, dictionary - 1);
    }
}

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
}

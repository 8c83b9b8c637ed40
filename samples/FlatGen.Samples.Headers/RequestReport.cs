using System.Globalization;

namespace FlatGen.Samples.Headers;

/// <summary>Parses a raw HTTP/1.1 request into flat multi-maps and writes what they hold.</summary>
public static class RequestReport
{
    /// <summary>Writes the report for <paramref name="request"/>, the bytes of a request head as text.</summary>
    public static void Write(TextWriter output, string request)
    {
        string[] lines = request.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        string target = requestLine[1];

        // Header names are added as spans of the request text: a known name allocates nothing.
        var headers = new RequestHeaders();
        foreach (HeaderLine line in HeaderLines(request))
        {
            headers.Add(line.Name(request), line.Value(request));
        }

        var query = new QueryParameters();
        int question = target.IndexOf('?');
        if (question >= 0)
        {
            foreach (string pair in target[(question + 1)..].Split('&'))
            {
                int equals = pair.IndexOf('=');
                query.Add(pair[..equals], pair[(equals + 1)..]);
            }
        }

        output.WriteLine($"{requestLine[0]} {target[..(question < 0 ? target.Length : question)]}");
        output.WriteLine();
        output.WriteLine(RequestHeaders.Layout);
        output.WriteLine($"{headers.Count} header names, {headers.ValueCount} values (known names under their declared spelling):");
        foreach (FlatMultiMapEntry header in headers)
        {
            output.WriteLine($"  {header.Key}: {string.Join(" | ", header.Values.ToArray())}");
        }

        output.WriteLine();
        output.WriteLine("Typed accessors for known names, and lookups that ignore case:");
        output.WriteLine($"  headers.Host           -> {string.Join(" | ", headers.Host.ToArray())}");
        output.WriteLine($"  headers.XForwardedFor  -> {string.Join(" | ", headers.XForwardedFor.ToArray())}");
        output.WriteLine($"  headers.Accept         -> {string.Join(" | ", headers.Accept.ToArray())}");
        output.WriteLine($"  GetValues(\"sec-fetch-mode\") -> {string.Join(" | ", headers.GetValues("sec-fetch-mode").ToArray())}");
        output.WriteLine($"  If-None-Match present? {headers.ContainsKey("If-None-Match")}");
        output.WriteLine();
        output.WriteLine($"Query: {query}");
        output.WriteLine();
        output.WriteLine(AllocationReport(request));
    }

    /// <summary>
    /// Stores the same header lines in a <c>Dictionary&lt;string, List&lt;string&gt;&gt;</c> (which needs a string for
    /// each name) and in <see cref="RequestHeaders"/> (from spans of the request), and compares the bytes allocated.
    /// The values are strings made beforehand for both, so only storing is counted.
    /// </summary>
    private static string AllocationReport(string request)
    {
        HeaderLine[] lines = HeaderLines(request).ToArray();
        string[] values = lines.Select(line => line.Value(request)).ToArray();

        // Twice: the first round warms up (and interns the unknown names), the second is measured.
        long dictionaryBytes = 0;
        long flatBytes = 0;
        for (int round = 0; round < 2; round++)
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            var dictionary = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < lines.Length; i++)
            {
                string name = lines[i].Name(request).ToString();
                if (!dictionary.TryGetValue(name, out List<string>? list))
                {
                    dictionary[name] = list = [];
                }

                list.Add(values[i]);
            }

            dictionaryBytes = GC.GetAllocatedBytesForCurrentThread() - start;
            GC.KeepAlive(dictionary);

            start = GC.GetAllocatedBytesForCurrentThread();
            var headers = new RequestHeaders();
            for (int i = 0; i < lines.Length; i++)
            {
                headers.Add(lines[i].Name(request), values[i]);
            }

            flatBytes = GC.GetAllocatedBytesForCurrentThread() - start;
        }

        return string.Create(CultureInfo.InvariantCulture, $"Storing these {lines.Length} header lines allocated {dictionaryBytes:N0} bytes in a Dictionary<string, List<string>> and {flatBytes:N0} bytes in RequestHeaders ({RequestHeaders.SizeInBytes:N0} bytes, inline).");
    }

    /// <summary>The header lines of a request head: from the line after the request line to the first empty line.</summary>
    private static IEnumerable<HeaderLine> HeaderLines(string request)
    {
        int start = request.IndexOf("\r\n", StringComparison.Ordinal) + 2;
        for (int end = request.IndexOf("\r\n", start, StringComparison.Ordinal); end > start; end = request.IndexOf("\r\n", start, StringComparison.Ordinal))
        {
            int colon = request.IndexOf(':', start, end - start);
            yield return new HeaderLine(start, colon, end);
            start = end + 2;
        }
    }

    /// <summary>Where a header line's name and value are in the request text.</summary>
    private readonly record struct HeaderLine(int Start, int Colon, int End)
    {
        public ReadOnlySpan<char> Name(string request) => request.AsSpan(Start, Colon - Start);

        public string Value(string request) => request.AsSpan(Colon + 1, End - Colon - 1).Trim().ToString();
    }
}

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

        var headers = new RequestHeaders();
        foreach (string line in lines.Skip(1).TakeWhile(l => l.Length != 0))
        {
            int colon = line.IndexOf(':');
            headers.Add(line[..colon], line[(colon + 1)..].Trim());
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
        output.WriteLine($"{headers.Count} header names, {headers.ValueCount} values:");
        foreach (FlatMultiMapEntry header in headers)
        {
            output.WriteLine($"  {header.Key}: {string.Join(" | ", header.Values.ToArray())}");
        }

        output.WriteLine();
        output.WriteLine("Lookups ignore case, and repeated headers keep every value in order:");
        output.WriteLine($"  host            -> {string.Join(" | ", headers.GetValues("host").ToArray())}");
        output.WriteLine($"  X-FORWARDED-FOR -> {string.Join(" | ", headers.GetValues("X-FORWARDED-FOR").ToArray())}");
        output.WriteLine($"  accept          -> {string.Join(" | ", headers.GetValues("accept").ToArray())}");
        output.WriteLine($"  If-None-Match present? {headers.ContainsKey("If-None-Match")}");
        output.WriteLine();
        output.WriteLine($"Query: {query}");
        output.WriteLine();
        output.WriteLine(AllocationReport(lines));
    }

    /// <summary>Stores the same header lines in a dictionary of lists and in the flat map, and compares the bytes allocated.</summary>
    private static string AllocationReport(string[] lines)
    {
        var parsed = lines.Skip(1).TakeWhile(l => l.Length != 0)
            .Select(l => (Name: l[..l.IndexOf(':')], Value: l[(l.IndexOf(':') + 1)..].Trim()))
            .ToArray();

        // Once each to warm up, then measured: only the storing is counted, not the parsing.
        long dictionaryBytes = 0;
        long flatBytes = 0;
        for (int round = 0; round < 2; round++)
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            var dictionary = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach ((string name, string value) in parsed)
            {
                if (!dictionary.TryGetValue(name, out List<string>? values))
                {
                    dictionary[name] = values = [];
                }

                values.Add(value);
            }

            dictionaryBytes = GC.GetAllocatedBytesForCurrentThread() - start;
            GC.KeepAlive(dictionary);

            start = GC.GetAllocatedBytesForCurrentThread();
            var headers = new RequestHeaders();
            foreach ((string name, string value) in parsed)
            {
                headers.Add(name, value);
            }

            flatBytes = GC.GetAllocatedBytesForCurrentThread() - start;
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Storing these {parsed.Length} header lines allocated {dictionaryBytes:N0} bytes in a Dictionary<string, List<string>> and {flatBytes:N0} bytes in RequestHeaders ({RequestHeaders.SizeInBytes:N0} bytes, inline).");
    }
}

using System.Globalization;
using System.Text;

namespace FlatGen.Samples.Headers;

/// <summary>Parses a raw HTTP/1.1 request head, as bytes, into flat multi-maps and writes what they hold.</summary>
public static class RequestReport
{
    /// <summary>Writes the report for <paramref name="request"/>, the bytes of a request head.</summary>
    public static void Write(TextWriter output, ReadOnlySpan<byte> request)
    {
        HeaderLine[] lines = HeaderLines(request);
        string requestLine = Encoding.ASCII.GetString(request[..request.IndexOf("\r\n"u8)]);
        string target = requestLine.Split(' ')[1];

        // Names and values go in as bytes of the request: a known name is matched on its bytes, with no string.
        var headers = new RequestHeaders();
        Fill(ref headers, request, lines);

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

        output.WriteLine($"{requestLine.Split(' ')[0]} {target[..(question < 0 ? target.Length : question)]}");
        output.WriteLine();
        output.WriteLine(RequestHeaders.Layout);
        output.WriteLine($"{headers.Count} header names, {headers.ValueCount} values (known names under their declared spelling):");
        foreach (FlatReferenceEntry header in headers)
        {
            output.WriteLine($"  {header.Key}: {string.Join(" | ", header.Values.ToArray())}");
        }

        output.WriteLine();
        output.WriteLine("Typed accessors for known names, and lookups that ignore case:");
        output.WriteLine($"  headers.Host           -> {string.Join(" | ", headers.Host.ToArray())}");
        output.WriteLine($"  headers.XForwardedFor  -> {string.Join(" | ", headers.XForwardedFor.ToArray())}");
        output.WriteLine($"  headers.Accept         -> {string.Join(" | ", headers.Accept.ToArray())}");
        output.WriteLine($"  GetValues(\"sec-fetch-mode\") -> {string.Join(" | ", headers.GetValues("sec-fetch-mode").ToArray())}");
        output.WriteLine($"  GetValues(\"COOKIE\"u8)   -> {string.Join(" | ", headers.GetValues("COOKIE"u8).ToArray())}");
        output.WriteLine($"  If-None-Match present? {headers.ContainsKey("If-None-Match")}");
        output.WriteLine();
        output.WriteLine($"Query: {query}");
        output.WriteLine();
        output.WriteLine(AllocationReport(request, lines));
    }

    /// <summary>
    /// Stores the same header lines, from the request's bytes, in a <c>Dictionary&lt;string, List&lt;string&gt;&gt;</c>
    /// (which needs a string for each name and each value), in <see cref="RequestHeaders"/> (known names matched on
    /// their bytes, other names interned, value strings reused from the last request) and in <see cref="StoredRequestHeaders"/> (no strings
    /// at all), and compares the bytes each allocates for a request seen before, as a server sees the next one.
    /// </summary>
    private static string AllocationReport(ReadOnlySpan<byte> request, HeaderLine[] lines)
    {
        long dictionaryBytes = 0;
        long flatBytes = 0;
        long inlineBytes = 0;
        var dictionary = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var headers = new RequestHeaders();
        var stored = new StoredRequestHeaders();

        // Twice: the first request warms up (and leaves values to reuse), the second is measured.
        for (int round = 0; round < 2; round++)
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            Fill(dictionary, request, lines);
            dictionaryBytes = GC.GetAllocatedBytesForCurrentThread() - start;

            start = GC.GetAllocatedBytesForCurrentThread();
            headers.Clear();
            Fill(ref headers, request, lines);
            flatBytes = GC.GetAllocatedBytesForCurrentThread() - start;

            start = GC.GetAllocatedBytesForCurrentThread();
            stored.Clear();
            foreach (HeaderLine line in lines)
            {
                stored.Add(line.Name(request), line.Value(request));
            }

            inlineBytes = GC.GetAllocatedBytesForCurrentThread() - start;
        }

        return string.Create(CultureInfo.InvariantCulture, $"""
            Storing these {lines.Length} header lines from bytes, for a request seen before, allocated:
              {dictionaryBytes,6:N0} bytes in a Dictionary<string, List<string>> (a string per name and per value)
              {flatBytes,6:N0} bytes in RequestHeaders ({RequestHeaders.SizeInBytes:N0} bytes: names matched or interned, value strings reused from the last request)
              {inlineBytes,6:N0} bytes in StoredRequestHeaders ({StoredRequestHeaders.SizeInBytes:N0} bytes, InlineUtf8: the bytes are copied, no string is made)
            """);
    }

    /// <summary>
    /// Writes what the header maps do with a request of more names than their 32 (<paramref name="tail"/>), after the
    /// <paramref name="usual"/> one: <see cref="RequestHeaders"/> refuses the names past 32, as a server that answers
    /// 431 wants; <see cref="SpillingRequestHeaders"/> spills to the heap and stays one map, and after <c>Clear</c> the
    /// usual request allocates nothing again.
    /// </summary>
    public static void WriteTail(TextWriter output, ReadOnlySpan<byte> usual, ReadOnlySpan<byte> tail)
    {
        HeaderLine[] usualLines = HeaderLines(usual);
        HeaderLine[] tailLines = HeaderLines(tail);

        var refusing = new RequestHeaders();
        int refused = 0;
        foreach (HeaderLine line in tailLines)
        {
            refused += refusing.TryAdd(line.Name(tail), line.Value(tail)) ? 0 : 1;
        }

        // Each request once first, as a server has seen them before: the code runs warm, and values are there to reuse.
        var dictionary = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var headers = new SpillingRequestHeaders();
        Fill(dictionary, tail, tailLines);
        Fill(ref headers, tail, tailLines);
        headers.Clear();
        Fill(ref headers, usual, usualLines);
        headers.Clear();

        long start = GC.GetAllocatedBytesForCurrentThread();
        Fill(dictionary, tail, tailLines);
        long dictionaryBytes = GC.GetAllocatedBytesForCurrentThread() - start;
        start = GC.GetAllocatedBytesForCurrentThread();
        Fill(ref headers, tail, tailLines);
        long tailBytes = GC.GetAllocatedBytesForCurrentThread() - start;

        KeyValuePair<string, string[]>[] entries = headers.ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            A tail request: {tailLines.Length} header lines, {headers.Count} names, more than the maps' {RequestHeaders.KeyCapacity}.
            RequestHeaders (Overflow = FlatOverflow.Refuse, the default) refused {refused} of the lines: TryAdd returned false, as a server answering 431 wants.
            SpillingRequestHeaders (Overflow = FlatOverflow.Spill) took them all:
              IsSpilled -> {headers.IsSpilled}, and still one map, in the order the lines came: {entries[0].Key}, {entries[1].Key} ... {entries[^1].Key}
              headers.Host               -> {string.Join(" | ", headers.Host.ToArray())}
              GetValues("TRACEPARENT"u8)  -> {string.Join(" | ", headers.GetValues("TRACEPARENT"u8).ToArray())}
              {tailBytes:N0} bytes allocated for it (the overflow, and strings for the values past the fields), against {dictionaryBytes:N0} in a Dictionary<string, List<string>>
            """));

        headers.Clear();
        start = GC.GetAllocatedBytesForCurrentThread();
        Fill(ref headers, usual, usualLines);
        long usualBytes = GC.GetAllocatedBytesForCurrentThread() - start;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  after Clear: IsSpilled -> {headers.IsSpilled}, and the usual request again allocates {usualBytes:N0} bytes."));
    }

    /// <summary>Adds the header lines to <paramref name="headers"/> from the request's bytes.</summary>
    private static void Fill(ref RequestHeaders headers, ReadOnlySpan<byte> request, HeaderLine[] lines)
    {
        foreach (HeaderLine line in lines)
        {
            headers.Add(line.Name(request), line.Value(request));
        }
    }

    /// <summary>Adds the header lines to <paramref name="headers"/> from the request's bytes; a map that spills takes any number.</summary>
    private static void Fill(ref SpillingRequestHeaders headers, ReadOnlySpan<byte> request, HeaderLine[] lines)
    {
        foreach (HeaderLine line in lines)
        {
            headers.Add(line.Name(request), line.Value(request));
        }
    }

    /// <summary>Clears <paramref name="dictionary"/> and adds the header lines, a string per name and per value.</summary>
    private static void Fill(Dictionary<string, List<string>> dictionary, ReadOnlySpan<byte> request, HeaderLine[] lines)
    {
        dictionary.Clear();
        foreach (HeaderLine line in lines)
        {
            string name = Encoding.ASCII.GetString(line.Name(request));
            if (!dictionary.TryGetValue(name, out List<string>? list))
            {
                dictionary[name] = list = [];
            }

            list.Add(Encoding.ASCII.GetString(line.Value(request)));
        }
    }

    /// <summary>The header lines of a request head: from the line after the request line to the first empty line.</summary>
    private static HeaderLine[] HeaderLines(ReadOnlySpan<byte> request)
    {
        var lines = new List<HeaderLine>();
        int start = request.IndexOf("\r\n"u8) + 2;
        for (int length = request[start..].IndexOf("\r\n"u8); length > 0; length = request[start..].IndexOf("\r\n"u8))
        {
            int colon = request.Slice(start, length).IndexOf((byte)':');
            lines.Add(new HeaderLine(start, start + colon, start + length));
            start += length + 2;
        }

        return [.. lines];
    }

    /// <summary>Where a header line's name and value are in the request bytes.</summary>
    private readonly record struct HeaderLine(int Start, int Colon, int End)
    {
        public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> request) => request[Start..Colon];

        public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> request) => request[(Colon + 1)..End].Trim((byte)' ');
    }
}

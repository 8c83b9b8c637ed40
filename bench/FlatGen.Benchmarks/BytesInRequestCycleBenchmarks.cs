using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>
/// What a server really does per request: take the 20 header lines of <see cref="RequestCycleBenchmarks"/> as the
/// bytes they arrive in, add each (name and value), read 5 headers by name as an application does, and reset for the
/// next request on the connection. Kestrel's own <c>HttpRequestHeaders</c> is the baseline; every collection is kept
/// across requests.
/// </summary>
public class BytesInRequestCycleBenchmarks
{
    private static readonly (byte[] Name, byte[] Value)[] Lines = [.. RequestCycleBenchmarks.Lines.Select(static line =>
        (Encoding.ASCII.GetBytes(line.Name), Encoding.ASCII.GetBytes(line.Value)))];

    private static readonly string[] Reads = RequestCycleBenchmarks.ReadNames;

    private readonly IHeaderDictionary _kestrel = KestrelRequestHeaders.Create(reuseHeaderValues: true);
    private readonly Dictionary<string, StringValues> _stringValues = new(StringComparer.OrdinalIgnoreCase);
    private BytesInHeaderMap _map;
    private InlineBytesInHeaderMap _inline;

    [Benchmark(Baseline = true)]
    public int Kestrel() => BytesInCycle.Kestrel(_kestrel, Lines, Reads);

    /// <summary>A plain dictionary: each name and value decoded to a new string, as a server without known headers must.</summary>
    [Benchmark]
    public int DictionaryOfStringValues()
    {
        foreach ((byte[] name, byte[] value) in Lines)
        {
            string key = Encoding.ASCII.GetString(name);
            string text = Encoding.ASCII.GetString(value);
            _stringValues[key] = _stringValues.TryGetValue(key, out StringValues values) ? StringValues.Concat(values, text) : new StringValues(text);
        }

        int read = 0;
        foreach (string name in Reads)
        {
            read += _stringValues.TryGetValue(name, out StringValues values) ? values.Count : 0;
        }

        _stringValues.Clear();
        return read;
    }

    /// <summary>A reference map with 16 of the names known and <c>ReuseValueStrings</c>, fed the bytes.</summary>
    [Benchmark]
    public int FlatGen() => BytesInCycle.Run(ref _map, Lines, Reads);

    /// <summary>An inline map with the same known names: the bytes are copied in, and no string is made at all.</summary>
    [Benchmark]
    public int FlatGenInline()
    {
        foreach ((byte[] name, byte[] value) in Lines)
        {
            _inline.Add(name, value);
        }

        int read = 0;
        foreach (string name in Reads)
        {
            read += _inline.GetValues(name).Count;
        }

        _inline.Clear();
        return read;
    }
}

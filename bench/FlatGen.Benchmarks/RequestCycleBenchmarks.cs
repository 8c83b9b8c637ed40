using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>
/// What a server does per request: fill the headers of a real request (20 lines, names compared ignoring case),
/// read 5 of them, clear. Every competitor is kept across requests and cleared, as a server keeps its
/// per-connection header collection.
/// </summary>
public class RequestCycleBenchmarks
{
    /// <summary>The request's header lines, in order; <see cref="BytesInRequestCycleBenchmarks"/> takes them as bytes.</summary>
    internal static readonly (string Name, string Value)[] Lines =
    [
        ("Host", "shop.example.com"),
        ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
        ("Accept", "application/json"),
        ("Accept", "text/plain;q=0.9"),
        ("Accept-Language", "en-GB,en;q=0.7,de;q=0.3"),
        ("Accept-Encoding", "gzip, deflate, br, zstd"),
        ("Referer", "https://shop.example.com/orders"),
        ("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl"),
        ("X-Request-ID", "7f3c2a1e-9b4d-4e8a-a5f6-0c1d2e3f4a5b"),
        ("X-Forwarded-For", "203.0.113.7"),
        ("x-forwarded-for", "198.51.100.23"),
        ("Connection", "keep-alive"),
        ("Cookie", "session=abc123; theme=dark"),
        ("Cookie", "consent=yes"),
        ("Sec-Fetch-Dest", "empty"),
        ("Sec-Fetch-Mode", "cors"),
        ("Sec-Fetch-Site", "same-origin"),
        ("Priority", "u=4"),
        ("Cache-Control", "no-cache"),
        ("Pragma", "no-cache"),
    ];

    protected static readonly (string Name, string Value)[] Request = Lines;

    /// <summary>What the application reads, in the case it happens to write them: separate instances from the parsed names.</summary>
    internal static readonly string[] ReadNames = ["host", "Accept", "user-agent", "COOKIE", "x-request-id"];

    // What the application reads, in the case it happens to write them: separate instances from the parsed names.
    protected static readonly string[] Reads = ReadNames;

    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string[]> _arrays = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, StringValues> _stringValues = new(StringComparer.OrdinalIgnoreCase);
    private RequestHeaderMap _map;
    private FixedHeaderTable _fixedTable;

    [Benchmark(Baseline = true)]
    public int DictionaryOfLists()
    {
        foreach ((string name, string value) in Request)
        {
            if (!_lists.TryGetValue(name, out List<string>? values))
            {
                _lists.Add(name, values = []);
            }

            values.Add(value);
        }

        int read = 0;
        foreach (string name in Reads)
        {
            read += _lists.TryGetValue(name, out List<string>? values) ? values.Count : 0;
        }

        _lists.Clear();
        return read;
    }

    [Benchmark]
    public int DictionaryOfArrays()
    {
        foreach ((string name, string value) in Request)
        {
            _arrays[name] = _arrays.TryGetValue(name, out string[]? values) ? [.. values, value] : [value];
        }

        int read = 0;
        foreach (string name in Reads)
        {
            read += _arrays.TryGetValue(name, out string[]? values) ? values.Length : 0;
        }

        _arrays.Clear();
        return read;
    }

    [Benchmark]
    public int DictionaryOfStringValues()
    {
        foreach ((string name, string value) in Request)
        {
            _stringValues[name] = _stringValues.TryGetValue(name, out StringValues values) ? StringValues.Concat(values, value) : new StringValues(value);
        }

        int read = 0;
        foreach (string name in Reads)
        {
            read += _stringValues.TryGetValue(name, out StringValues values) ? values.Count : 0;
        }

        _stringValues.Clear();
        return read;
    }

    /// <summary>The floor: the least work a fixed-capacity map of names does (<see cref="FixedHeaderTable"/>), each name hashed once.</summary>
    [Benchmark]
    public int FixedTable() => _fixedTable.Cycle(Request, Reads, writesOut: false);

    [Benchmark]
    public virtual int FlatGen() => Cycle(ref _map);

    // Each row's loop is a method of its own, as each competitor's loop is its benchmark method: inlined into the
    // one-line benchmark method, it would share that method's inlining budget (a multiple of its own size), and the
    // map's members ran out of it and stayed calls in some processes (bench/results/analysis.md).
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected static int Cycle<TMap>(ref TMap map)
        where TMap : struct, IBenchMap
    {
        foreach ((string name, string value) in Request)
        {
            map.Add(name, value);
        }

        int read = 0;
        foreach (string name in Reads)
        {
            read += map.GetValues(name).Length;
        }

        map.Clear();
        return read;
    }
}

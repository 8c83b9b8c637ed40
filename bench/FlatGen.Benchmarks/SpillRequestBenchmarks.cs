using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using CommunityToolkit.HighPerformance.Buffers;
using Microsoft.AspNetCore.Http;

namespace FlatGen.Benchmarks;

/// <summary>
/// #25's tail request: the bytes-in request cycle (add every header line from its bytes, read 5 by name, reset) on a
/// 32-key map that spills, fed the usual 20 header lines and a request of 40 (37 names: the 20, then 20 more a proxy,
/// a tracer and a browser add), which does not fit. Against a reused dictionary of lists filled with one lookup an
/// add, and Kestrel's own headers, from the same bytes; beside the same cycle on a map of 64 keys, which takes the 40
/// lines without spilling (what FlatGen's adds cost with no overflow to move to), and a floor row: that cycle plus what
/// any spill must make anew in every request, since <c>Clear</c> dropped the overflow that held it.
/// </summary>
public class SpillRequestBenchmarks
{
    /// <summary>The 20 more lines of the 40-header request, each a name of its own.</summary>
    internal static readonly (string Name, string Value)[] TailLines =
    [
        ("sec-ch-ua", "\"Chromium\";v=\"128\", \"Not;A=Brand\";v=\"24\""),
        ("sec-ch-ua-mobile", "?0"),
        ("sec-ch-ua-platform", "\"Linux\""),
        ("Upgrade-Insecure-Requests", "1"),
        ("DNT", "1"),
        ("TE", "trailers"),
        ("X-Correlation-ID", "c0ffee00-1234-4abc-9def-0123456789ab"),
        ("X-B3-TraceId", "80f198ee56343ba864fe8b2a57d3eff7"),
        ("X-B3-SpanId", "e457b5a2e4d86bd1"),
        ("X-B3-Sampled", "1"),
        ("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
        ("tracestate", "congo=t61rcWkgMzE"),
        ("baggage", "userId=alice,serverNode=DF%2028"),
        ("X-Forwarded-Proto", "https"),
        ("X-Forwarded-Host", "shop.example.com"),
        ("X-Real-IP", "203.0.113.7"),
        ("Via", "1.1 proxy.example.net"),
        ("Forwarded", "for=203.0.113.7;proto=https;by=198.51.100.1"),
        ("X-Amzn-Trace-Id", "Root=1-67891233-abcdef012345678912345678"),
        ("CF-Connecting-IP", "203.0.113.7"),
    ];

    private static readonly string[] Reads = RequestCycleBenchmarks.ReadNames;

    private (byte[] Name, byte[] Value)[] _lines = [];
    private (byte[] Name, byte[] Value)[] _spilledLines = [];
    private string[] _spilledStrings = []; // The floor's strings of the last request, held as a map holds them until the next.
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.OrdinalIgnoreCase);
    private readonly IHeaderDictionary _kestrel = KestrelRequestHeaders.Create(reuseHeaderValues: true);
    private SpillingHeaderMap _map;
    private WideHeaderMap _wide;

    /// <summary>The header lines of the request: 20 fit the map, 40 do not.</summary>
    [Params(20, 40)]
    public int Headers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _lines = [.. RequestCycleBenchmarks.Lines.Concat(TailLines).Take(Headers).Select(static line => (Encoding.ASCII.GetBytes(line.Name), Encoding.ASCII.GetBytes(line.Value)))];

        // The lines the 32-key map cannot hold: those whose name comes after its 32nd (names compare ignoring case).
        var names = new List<string>();
        var spilled = new List<(byte[] Name, byte[] Value)>();
        foreach ((byte[] Name, byte[] Value) line in _lines)
        {
            string name = Encoding.ASCII.GetString(line.Name);
            int index = names.FindIndex(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                index = names.Count;
                names.Add(name);
            }

            if (index >= SpillingHeaderMap.KeyCapacity)
            {
                spilled.Add(line);
            }
        }

        _spilledLines = [.. spilled];

        // The floor makes the strings of exactly the lines the map spills: as many names as the map holds past its fields.
        foreach ((byte[] name, byte[] value) in _lines)
        {
            _map.Add(name, value);
        }

        int spilledNames = spilled.Select(static line => Encoding.ASCII.GetString(line.Name)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        bool agrees = _map.IsSpilled == (spilledNames > 0) && Math.Max(0, _map.Count - SpillingHeaderMap.KeyCapacity) == spilledNames;
        _map.Clear();
        if (!agrees)
        {
            throw new InvalidOperationException($"The floor's {spilled.Count} spilled lines are not the {Headers}-line request's spill.");
        }
    }

    /// <summary>A dictionary kept across requests, one lookup an add, a new string per name and value and a list per name.</summary>
    [Benchmark(Baseline = true)]
    public int DictionaryOfLists()
    {
        foreach ((byte[] name, byte[] value) in _lines)
        {
            ref List<string>? values = ref CollectionsMarshal.GetValueRefOrAddDefault(_lists, Encoding.ASCII.GetString(name), out _);
            (values ??= new List<string>(1)).Add(Encoding.ASCII.GetString(value));
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
    public int Kestrel() => BytesInCycle.Kestrel(_kestrel, _lines, Reads);

    /// <summary>The 32-key map that spills, with the bytes-in map's 16 known names, interning and value reuse.</summary>
    [Benchmark]
    public int FlatGen() => BytesInCycle.Run(ref _map, _lines, Reads);

    /// <summary>The map with room for 64 names, so that it never spills.</summary>
    [Benchmark]
    public int FlatGenUnbounded() => BytesInCycle.Run(ref _wide, _lines, Reads);

    /// <summary>
    /// The floor: the 64-name map's cycle, plus what a spill makes anew in every request, because <c>Clear</c> dropped
    /// the overflow that held it: for each line the 32-key map cannot hold, its value as a new string and its name
    /// through <c>StringPool.Shared</c> (the map's <c>InternUnknownKeys</c>), both kept in new storage. Not a map: no
    /// hash, no lookup, no order; a request within 32 names does the 64-name map's cycle alone.
    /// </summary>
    [Benchmark]
    public int FloorSpill()
    {
        int read = BytesInCycle.Run(ref _wide, _lines, Reads);
        if (_spilledLines.Length > 0)
        {
            string[] strings = new string[2 * _spilledLines.Length];
            Span<char> name = stackalloc char[64];
            for (int i = 0; i < _spilledLines.Length; i++)
            {
                (byte[] nameBytes, byte[] value) = _spilledLines[i];
                strings[2 * i] = StringPool.Shared.GetOrAdd(name[..Encoding.ASCII.GetChars(nameBytes, name)]);
                strings[(2 * i) + 1] = Encoding.ASCII.GetString(value);
            }

            _spilledStrings = strings;
        }

        return read;
    }
}

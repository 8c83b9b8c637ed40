using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>
/// Real traffic: every header set of the corpus (<see cref="HeaderCorpus"/>) through one server cycle, against
/// <c>Dictionary&lt;string, StringValues&gt;</c> at its strongest (kept across cycles, one lookup an add). A request
/// cycle adds every line, reads six names (one usually absent), clears; a response cycle adds every line, reads five as
/// middleware does (one usually absent), writes every header out, clears. Names compare ignoring case. Kestrel's own
/// collections run the same cycles the way Kestrel fills them: request headers from the lines' bytes, as its parser
/// adds them; response headers from the strings, as middleware sets them.
/// </summary>
public class RealTrafficBenchmarks
{
    private readonly Dictionary<string, StringValues> _stringValues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.OrdinalIgnoreCase);
    private readonly IHeaderDictionary _kestrelRequest = KestrelRequestHeaders.Create(reuseHeaderValues: true);
    private readonly IHeaderDictionary _kestrelResponse = KestrelResponseHeaders.Create();
    private (string Name, string Value)[][] _sets = [];
    private (byte[] Name, byte[] Value)[][] _setBytes = [];
    private string[] _reads = [];
    private bool _writesOut;
    private TrafficHeaderMap _map;
    private KnownTrafficHeaderMap _known;
    private FixedHeaderTable _fixedTable;

    [Params("Request", "Response")]
    public string Cycle { get; set; } = "Request";

    [GlobalSetup]
    public void Setup()
    {
        bool request = Cycle == "Request";
        _sets = request ? HeaderCorpus.Requests : HeaderCorpus.Responses;
        _reads = request ? HeaderCorpus.RequestReads : HeaderCorpus.ResponseReads;
        _writesOut = !request;
        _setBytes = [.. _sets.Select(static set => set.Select(static line => (Encoding.ASCII.GetBytes(line.Name), Encoding.ASCII.GetBytes(line.Value))).ToArray())];

        // Every row does the same work: each must read the same values back (the dry run in the tests runs this).
        int expected = DictionaryOfStringValues();
        if (DictionaryOfLists() != expected || FixedTable() != expected || Kestrel() != expected || FlatGen() != expected || FlatGenKnownKeys() != expected)
        {
            throw new InvalidOperationException($"The {Cycle} cycle's rows read different totals.");
        }
    }

    [Benchmark(Baseline = true)]
    public int DictionaryOfStringValues()
    {
        int total = 0;
        foreach ((string Name, string Value)[] set in _sets)
        {
            foreach ((string name, string value) in set)
            {
                ref StringValues values = ref CollectionsMarshal.GetValueRefOrAddDefault(_stringValues, name, out bool exists);
                values = exists ? StringValues.Concat(values, value) : new StringValues(value);
            }

            foreach (string name in _reads)
            {
                total += _stringValues.TryGetValue(name, out StringValues values) ? values.Count : 0;
            }

            if (_writesOut)
            {
                foreach (KeyValuePair<string, StringValues> pair in _stringValues)
                {
                    total += pair.Key.Length + pair.Value.Count;
                }
            }

            _stringValues.Clear();
        }

        return total;
    }

    [Benchmark]
    public int DictionaryOfLists()
    {
        int total = 0;
        foreach ((string Name, string Value)[] set in _sets)
        {
            foreach ((string name, string value) in set)
            {
                ref List<string>? values = ref CollectionsMarshal.GetValueRefOrAddDefault(_lists, name, out _);
                (values ??= []).Add(value);
            }

            foreach (string name in _reads)
            {
                total += _lists.TryGetValue(name, out List<string>? values) ? values.Count : 0;
            }

            if (_writesOut)
            {
                foreach (KeyValuePair<string, List<string>> pair in _lists)
                {
                    total += pair.Key.Length + pair.Value.Count;
                }
            }

            _lists.Clear();
        }

        return total;
    }

    /// <summary>The floor: the least work a fixed-capacity map does (<see cref="FixedHeaderTable"/>).</summary>
    [Benchmark]
    public int FixedTable()
    {
        int total = 0;
        foreach ((string Name, string Value)[] set in _sets)
        {
            total += _fixedTable.Cycle(set, _reads, _writesOut);
        }

        return total;
    }

    /// <summary>
    /// Kestrel's own headers: a request's from its bytes (<c>Append</c>, <c>OnHeadersComplete</c>, values reused across
    /// requests), a response's set by name, each one lookup (<see cref="KestrelResponseHeaders.AddValueFast"/>) unless
    /// repeated; both reset between cycles.
    /// </summary>
    [Benchmark]
    public int Kestrel() => _writesOut ? KestrelResponse() : KestrelRequest();

    private int KestrelRequest()
    {
        int total = 0;
        foreach ((byte[] Name, byte[] Value)[] set in _setBytes)
        {
            total += BytesInCycle.Kestrel(_kestrelRequest, set, _reads);
        }

        return total;
    }

    private int KestrelResponse()
    {
        int total = 0;
        IHeaderDictionary headers = _kestrelResponse;
        foreach ((string Name, string Value)[] set in _sets)
        {
            foreach ((string name, string value) in set)
            {
                if (!KestrelResponseHeaders.AddValueFast(headers, name, value))
                {
                    headers[name] = StringValues.Concat(headers[name], value);
                }
            }

            foreach (string name in _reads)
            {
                total += headers.TryGetValue(name, out StringValues values) ? values.Count : 0;
            }

            foreach (KeyValuePair<string, StringValues> pair in headers)
            {
                total += pair.Key.Length + pair.Value.Count;
            }

            KestrelResponseHeaders.Reset(headers);
        }

        return total;
    }

    [Benchmark]
    public int FlatGen() => Run(ref _map);

    /// <summary>The map with the common names as known keys.</summary>
    [Benchmark]
    public int FlatGenKnownKeys() => Run(ref _known);

    // Each row's loop is a method of its own, as each competitor's loop is its benchmark method: inlined into the
    // one-line benchmark method, it would share that method's inlining budget (a multiple of its own size), and the
    // map's members ran out of it and stayed calls in some processes (bench/results/analysis.md).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Run<TMap>(ref TMap map)
        where TMap : struct, IBenchMap
    {
        int total = 0;
        foreach ((string Name, string Value)[] set in _sets)
        {
            foreach ((string name, string value) in set)
            {
                map.Add(name, value);
            }

            foreach (string name in _reads)
            {
                total += map.GetValues(name).Length;
            }

            if (_writesOut)
            {
                total += map.EnumerateAll();
            }

            map.Clear();
        }

        return total;
    }
}

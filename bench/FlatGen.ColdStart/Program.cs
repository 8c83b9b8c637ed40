using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using FlatGen;
using FlatGen.ColdStart;
using Microsoft.Extensions.Primitives;

// dotnet FlatGen.ColdStart.dll types maps|dictionaries     : each of 100 types used once; the JIT's work per new type
// dotnet FlatGen.ColdStart.dll types known-maps            : the same for 8 map types with known keys
// dotnet FlatGen.ColdStart.dll requests flatgen|flatgen-known|dictionary [cycles] : the first 8,192 (or more) request cycles of a fresh process
// Prints one line of JSON; the benchmark program's `coldstart` mode runs this many times and publishes the medians.
return args switch
{
    ["types", "maps"] => Types("maps", Uses.Maps),
    ["types", "dictionaries"] => Types("dictionaries", Uses.Dictionaries),
    ["types", "known-maps"] => Types("known-maps", KnownUses.Maps),
    ["requests", "flatgen", .. var more] => Requests("flatgen", FlatGenCycle, Cycles(more)),
    ["requests", "flatgen-known", .. var more] => Requests("flatgen-known", FlatGenKnownCycle, Cycles(more)),
    ["requests", "dictionary", .. var more] => Requests("dictionary", DictionaryCycle, Cycles(more)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: FlatGen.ColdStart (types maps|dictionaries|known-maps) | (requests flatgen|flatgen-known|dictionary [cycles])");
    return 2;
}

// Each use's JIT work: methods compiled and time spent compiling, on every thread (tiering compiles in the background).
static int Types(string mode, Func<int>[] uses)
{
    var methods = new long[uses.Length];
    var milliseconds = new double[uses.Length];
    int checksum = 0;
    for (int i = 0; i < uses.Length; i++)
    {
        long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        TimeSpan timeBefore = System.Runtime.JitInfo.GetCompilationTime();
        checksum += uses[i]();
        methods[i] = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
        milliseconds[i] = (System.Runtime.JitInfo.GetCompilationTime() - timeBefore).TotalMilliseconds;
    }

    // "Once two have been used": the first uses also compile what every map or dictionary shares.
    Console.WriteLine(Json(
        ("mode", mode),
        ("checksum", checksum),
        ("methodsPerNewType", Median(methods.Skip(2).Select(m => (double)m))),
        ("msPerNewType", Median(milliseconds.Skip(2))),
        ("processMethods", System.Runtime.JitInfo.GetCompiledMethodCount()),
        ("processJitMs", System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds),
        ("processMs", (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds),
        ("openSslLoaded", OpenSslLoaded())));
    return 0;
}

static int Cycles(string[] more) => more.Length > 0 ? int.Parse(more[0], CultureInfo.InvariantCulture) : 8192;

static int Requests(string mode, Func<int> cycle, int cycles)
{
    int checksum = 0;
    long start = Stopwatch.GetTimestamp();
    for (int i = 0; i < cycles; i++)
    {
        checksum += cycle();
    }

    double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    Console.WriteLine(Json(("mode", mode), ("checksum", checksum), ("cycles", cycles), ("ms", elapsed), ("jitMs", System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds)));
    return 0;
}

// A request's 20 header lines (Kestrel's sample request, the suite's request-cycle workload), 5 read back, then reset.
static int FlatGenCycle()
{
    ref RequestMap map = ref State.Map;
    foreach ((string name, string value) in Request.Headers)
    {
        map.Add(name, value);
    }

    int found = 0;
    foreach (string name in Request.Reads)
    {
        found += map.GetValues(name).Length;
    }

    map.Clear();
    return found;
}

// The same cycle on a map that declares the common request headers as known keys (its own matcher, jitted in this program).
static int FlatGenKnownCycle()
{
    ref KnownRequestMap map = ref State.KnownMap;
    foreach ((string name, string value) in Request.Headers)
    {
        map.Add(name, value);
    }

    int found = 0;
    foreach (string name in Request.Reads)
    {
        found += map.GetValues(name).Length;
    }

    map.Clear();
    return found;
}

static int DictionaryCycle()
{
    Dictionary<string, StringValues> map = State.Dictionary;
    foreach ((string name, string value) in Request.Headers)
    {
        ref StringValues values = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(map, name, out bool exists);
        values = exists ? StringValues.Concat(values, value) : new StringValues(value);
    }

    int found = 0;
    foreach (string name in Request.Reads)
    {
        found += map.TryGetValue(name, out StringValues values) ? values.Count : 0;
    }

    map.Clear();
    return found;
}

// Whether the process mapped OpenSSL (on Linux, what RandomNumberGenerator loads): milliseconds a first use need not pay.
static string OpenSslLoaded() =>
    File.Exists("/proc/self/maps")
        ? File.ReadLines("/proc/self/maps").Any(line => line.Contains("Cryptography.Native.OpenSsl", StringComparison.Ordinal) || line.Contains("libssl", StringComparison.Ordinal)) ? "yes" : "no"
        : "unknown";

static double Median(IEnumerable<double> values)
{
    double[] sorted = [.. values.Order()];
    return sorted[sorted.Length / 2];
}

static string Json(params (string Name, object Value)[] fields) =>
    "{" + string.Join(", ", fields.Select(f => "\"" + f.Name + "\": " + (f.Value is string text ? "\"" + text + "\"" : Convert.ToString(f.Value, CultureInfo.InvariantCulture)))) + "}";

[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
internal partial struct RequestMap;

[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys =
    ["Host", "Connection", "Cache-Control", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Cookie",
     "If-None-Match", "If-Modified-Since", "Upgrade-Insecure-Requests", "Content-Type", "Content-Length", "Authorization"])]
internal partial struct KnownRequestMap;

/// <summary>The maps a server keeps and reuses across requests.</summary>
internal static class State
{
    public static RequestMap Map;
    public static KnownRequestMap KnownMap;
    public static readonly Dictionary<string, StringValues> Dictionary = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A browser's request headers, as strings a parser made.</summary>
internal static class Request
{
    public static readonly (string Name, string Value)[] Headers =
    [
        ("Host", "example.com"), ("Connection", "keep-alive"), ("Cache-Control", "max-age=0"),
        ("sec-ch-ua", "\"Chromium\";v=\"124\", \"Not-A.Brand\";v=\"99\""), ("sec-ch-ua-mobile", "?0"), ("sec-ch-ua-platform", "\"Linux\""),
        ("Upgrade-Insecure-Requests", "1"), ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"),
        ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), ("Sec-Fetch-Site", "none"), ("Sec-Fetch-Mode", "navigate"),
        ("Sec-Fetch-User", "?1"), ("Sec-Fetch-Dest", "document"), ("Accept-Encoding", "gzip, deflate, br"), ("Accept-Language", "en-GB,en;q=0.9"),
        ("Cookie", "session=abc123"), ("Cookie", "theme=dark"), ("If-None-Match", "\"5d8c72a5edda8\""), ("If-Modified-Since", "Tue, 01 Oct 2024 10:00:00 GMT"),
        ("X-Request-Id", "7f3a9c1e-4b2d-4e8f-9a6b-1c2d3e4f5a6b"),
    ];

    public static readonly string[] Reads = ["host", "user-agent", "accept", "cookie", "x-forwarded-for"];
}

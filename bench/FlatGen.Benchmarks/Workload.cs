using System.Globalization;

namespace FlatGen.Benchmarks;

/// <summary>
/// The data every benchmark uses, the same on every run (fixed seed): real header and tag names of 4 to 30
/// characters, 1 to 3 values per key, and probe keys that are separate string instances from the stored ones,
/// so no lookup wins by reference equality.
/// </summary>
public sealed class Workload
{
    private const int Seed = 20261123;

    private static readonly string[] HeaderNames =
    [
        "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Accept-Ranges", "Access-Control-Allow-Origin",
        "Age", "Allow", "Authorization", "Cache-Control", "Connection", "Content-Disposition", "Content-Encoding",
        "Content-Language", "Content-Length", "Content-Location", "Content-Range", "Content-Security-Policy",
        "Content-Type", "Cookie", "Date", "ETag", "Expect", "Expires", "Forwarded", "From", "Host", "If-Match",
        "If-Modified-Since", "If-None-Match", "If-Range", "If-Unmodified-Since", "Keep-Alive", "Last-Modified", "Link",
        "Location", "Max-Forwards", "Origin", "Pragma", "Priority", "Proxy-Authorization", "Range", "Referer",
        "Retry-After", "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-User", "Sec-CH-UA",
        "Sec-CH-UA-Mobile", "Sec-CH-UA-Platform", "Server", "Set-Cookie", "Strict-Transport-Security", "Trailer",
        "Transfer-Encoding", "Upgrade", "Upgrade-Insecure-Requests", "User-Agent", "Vary", "Via", "WWW-Authenticate",
        "X-Content-Type-Options", "X-Correlation-ID", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
        "X-Frame-Options", "X-Request-ID", "X-Requested-With", "traceparent", "tracestate", "baggage",
    ];

    private static readonly string[] TagNames =
    [
        "http.request.method", "http.response.status_code", "http.route", "url.scheme", "url.path", "url.query",
        "server.address", "server.port", "client.address", "network.protocol.version", "user_agent.original",
        "db.system", "db.namespace", "db.operation.name", "db.collection.name", "messaging.system",
        "messaging.destination.name", "messaging.operation", "rpc.system", "rpc.service", "rpc.method", "error.type",
        "service.name", "service.version", "service.instance.id", "deployment.environment", "host.name", "host.arch",
        "os.type", "process.pid", "thread.id", "code.function", "code.namespace", "exception.type",
        "cloud.region", "cloud.provider", "k8s.pod.name", "k8s.namespace.name", "container.id", "peer.service",
    ];

    private static readonly string[] Words =
    [
        "tenant", "region", "shard", "cache", "queue", "retry", "batch", "span", "session", "order", "basket", "price",
        "feature", "flag", "build", "commit", "client", "route", "zone", "user", "device", "locale", "trace", "quota",
    ];

    private Workload(string[] keys, (string Key, string Value)[] pairs, string[] hitProbes, string[] missProbes, string[] sameLengthMissProbes)
    {
        Keys = keys;
        Pairs = pairs;
        HitProbes = hitProbes;
        MissProbes = missProbes;
        SameLengthMissProbes = sameLengthMissProbes;
    }

    /// <summary>The distinct keys, in the order they are first added.</summary>
    public string[] Keys { get; }

    /// <summary>Every key with each of its 1 to 3 values, in add order: a key's values follow one another.</summary>
    public (string Key, string Value)[] Pairs { get; }

    /// <summary>One probe per key, a separate instance; for ignore-case workloads, in another case.</summary>
    public string[] HitProbes { get; }

    /// <summary>One probe per key that is in no map, of the same kind and lengths.</summary>
    public string[] MissProbes { get; }

    /// <summary>
    /// One probe per key that is in no map and has that key's length (its last character replaced), so that a filter
    /// on lengths passes it: the miss that must be hashed and probed.
    /// </summary>
    public string[] SameLengthMissProbes { get; }

    public static Workload Create(int keyCount, bool ignoreCase)
    {
        var random = new Random(Seed + keyCount);
        string[] names = Names(random);
        string[] keys = names[..keyCount];
        string[] misses = names[keyCount..(2 * keyCount)];

        var pairs = new List<(string, string)>();
        foreach (string key in keys)
        {
            int values = random.Next(1, 4);
            for (int i = 0; i < values; i++)
            {
                pairs.Add((key, "value-" + random.Next(100_000).ToString(CultureInfo.InvariantCulture)));
            }
        }

        string[] hits = keys.Select((key, i) => ignoreCase ? ChangeCase(key, i) : new string(key.AsSpan())).ToArray();
        string[] missProbes = misses.Select((key, i) => ignoreCase ? ChangeCase(key, i) : key).ToArray();

        // '#' is in no name, so a key with its last character replaced is absent, and of a stored key's length.
        string[] sameLength = keys.Select((key, i) => key[..^1] + "#").Select((key, i) => ignoreCase ? ChangeCase(key, i) : key).ToArray();
        return new Workload(keys, [.. pairs], hits, missProbes, sameLength);
    }

    /// <summary>Real names first, then made-up ones of the same shapes, distinct ignoring case, shuffled.</summary>
    private static string[] Names(Random random)
    {
        var names = new List<string>(HeaderNames.Concat(TagNames));
        var seen = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        while (names.Count < 512)
        {
            string first = Words[random.Next(Words.Length)];
            string second = Words[random.Next(Words.Length)];
            string name = random.Next(2) == 0 ? $"X-{Title(first)}-{Title(second)}" : $"app.{first}.{second}_id";
            if (name.Length is >= 4 and <= 30 && seen.Add(name))
            {
                names.Add(name);
            }
        }

        string[] shuffled = [.. names];
        random.Shuffle(shuffled);
        return shuffled;
    }

    private static string Title(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string ChangeCase(string key, int index) => index % 2 == 0 ? key.ToUpperInvariant() : key.ToLowerInvariant();
}

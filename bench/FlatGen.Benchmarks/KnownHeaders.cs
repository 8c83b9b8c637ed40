using System.Globalization;

namespace FlatGen.Benchmarks;

/// <summary>
/// The known-key workloads' data: the 20 request header names of <see cref="KnownHeaderMap"/> (what a server
/// declares as known), values for them, hit probes (separate instances, another case when ignoring case) and
/// miss probes (20 real header names that are not known).
/// </summary>
public static class KnownHeaders
{
    /// <summary>The known keys, as declared on the maps.</summary>
    public static readonly string[] Names =
    [
        "Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding", "Referer", "Authorization", "X-Request-ID",
        "X-Forwarded-For", "Connection", "Cookie", "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Priority",
        "Cache-Control", "Pragma", "Content-Type", "Content-Length", "Origin",
    ];

    /// <summary>Real header names outside <see cref="Names"/>, of similar lengths.</summary>
    public static readonly string[] Unknown =
    [
        "Date", "Accept-Charset", "Expect", "Range", "If-Match", "If-None-Match", "If-Modified-Since", "Forwarded",
        "Max-Forwards", "Upgrade", "Via", "Warning", "X-Correlation-ID", "X-Forwarded-Host", "X-Forwarded-Proto",
        "traceparent", "tracestate", "baggage", "Sec-CH-UA", "Keep-Alive",
    ];

    public static (string Key, string Value)[] Pairs() =>
        Names.Select((name, i) => (name, "value-" + i.ToString(CultureInfo.InvariantCulture))).ToArray();

    /// <summary>One probe per known key: a separate instance, upper-cased when ignoring case.</summary>
    public static string[] HitProbes(bool ignoreCase) =>
        Names.Select(name => ignoreCase ? name.ToUpperInvariant() : new string(name.AsSpan())).ToArray();

    public static string[] MissProbes(bool ignoreCase) =>
        Unknown.Select(name => ignoreCase ? name.ToUpperInvariant() : new string(name.AsSpan())).ToArray();
}

using FlatGen;

namespace FlatGen.Samples.Headers;

/// <summary>
/// The headers of one HTTP request: up to 32 names and 64 values, names compared as HTTP compares them (ignoring
/// case). The common request headers are known keys: each has a fixed slot, a typed accessor (<c>Host</c>,
/// <c>AddHost</c>…) and is found by a generated matcher, without hashing and without a string for its name.
/// Other names are hashed, and interned when added from a span. Filling and reading it allocates nothing.
/// </summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, InternUnknownKeys = true, KnownKeys =
[
    "Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control", "Connection",
    "Content-Length", "Content-Type", "Cookie", "If-Modified-Since", "If-None-Match", "Origin", "Pragma", "Referer",
    "X-Forwarded-For", "X-Request-ID",
])]
public partial struct RequestHeaders;

/// <summary>The query string's parameters, compared ordinally as most web frameworks do.</summary>
[FlatMultiMap(8, 16)]
public partial struct QueryParameters;

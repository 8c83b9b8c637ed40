using FlatGen;

namespace FlatGen.Samples.Headers;

/// <summary>
/// The headers of one HTTP request: up to 32 names and 64 values, names compared as HTTP compares them (ignoring
/// case). The common request headers are known keys: each has a fixed slot, a typed accessor (<c>Host</c>,
/// <c>AddHost</c>…) and is found by a generated matcher, on UTF-16 or on UTF-8 bytes, without hashing and without a
/// string for its name; the last value of each is kept and reused when the next request sends the same bytes, as
/// Kestrel does. Other names are hashed, and interned when added from a span.
/// </summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, InternUnknownKeys = true, ReuseValueStrings = true, KnownKeys =
[
    "Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control", "Connection",
    "Content-Length", "Content-Type", "Cookie", "If-Modified-Since", "If-None-Match", "Origin", "Pragma", "Referer",
    "X-Forwarded-For", "X-Request-ID",
])]
public partial struct RequestHeaders;

/// <summary>
/// The same headers for a server that takes a request of any size: the names and values past 32 and 64 go to a heap
/// overflow until <c>Clear</c>, after the ones the map holds (<c>Overflow = FlatOverflow.Spill</c>), where
/// <see cref="RequestHeaders"/> refuses them.
/// </summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, InternUnknownKeys = true, ReuseValueStrings = true, Overflow = FlatOverflow.Spill, KnownKeys =
[
    "Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control", "Connection",
    "Content-Length", "Content-Type", "Cookie", "If-Modified-Since", "If-None-Match", "Origin", "Pragma", "Referer",
    "X-Forwarded-For", "X-Request-ID",
])]
public partial struct SpillingRequestHeaders;

/// <summary>The same headers as UTF-8 bytes in the struct itself: no string and no reference at all.</summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, Storage = FlatStorage.InlineUtf8, InlineBytes = 2048, KnownKeys =
[
    "Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control", "Connection",
    "Content-Length", "Content-Type", "Cookie", "If-Modified-Since", "If-None-Match", "Origin", "Pragma", "Referer",
    "X-Forwarded-For", "X-Request-ID",
])]
public partial struct StoredRequestHeaders;

/// <summary>The query string's parameters, compared ordinally as most web frameworks do.</summary>
[FlatMultiMap(8, 16)]
public partial struct QueryParameters;

using FlatGen;

namespace FlatGen.Benchmarks;

// One map per size and comparison: 1 to 3 values per key, so three value slots per key.

[FlatMultiMap(8, 24)]
public partial struct OrdinalMap8 : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

[FlatMultiMap(32, 96)]
public partial struct OrdinalMap32 : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

[FlatMultiMap(128, 384)]
public partial struct OrdinalMap128 : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

[FlatMultiMap(8, 24, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct IgnoreCaseMap8 : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

[FlatMultiMap(32, 96, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct IgnoreCaseMap32 : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

[FlatMultiMap(128, 384, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct IgnoreCaseMap128 : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>The headers of one request, as a server keeps them: names compared ignoring case.</summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct RequestHeaderMap : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>A request's headers with the 20 common names known, ignoring case; other names are hashed.</summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding", "Referer", "Authorization", "X-Request-ID", "X-Forwarded-For", "Connection", "Cookie", "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Priority", "Cache-Control", "Pragma", "Content-Type", "Content-Length", "Origin"])]
public partial struct KnownHeaderMap : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>The same known names, compared ordinally.</summary>
[FlatMultiMap(32, 64, KnownKeys = ["Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding", "Referer", "Authorization", "X-Request-ID", "X-Forwarded-For", "Connection", "Cookie", "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Priority", "Cache-Control", "Pragma", "Content-Type", "Content-Length", "Origin"])]
public partial struct KnownHeaderOrdinalMap : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>The garbage-collection workload's map in reference storage: 16 keys, 2 values each.</summary>
[FlatMultiMap(16, 32)]
public partial struct GcReferenceMap;

/// <summary>The same map in inline storage: no reference, so the collector never scans it.</summary>
[FlatMultiMap(16, 32, Storage = FlatStorage.InlineUtf8, InlineBytes = 768)]
public partial struct GcInlineMap;

/// <summary>
/// The bytes-in request cycle's reference map: 16 of the request's 20 header names known (the four Sec-Fetch and
/// Priority lines are not), unknown names interned, each known header's last value string reused.
/// </summary>
[FlatMultiMap(32, 48, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, InternUnknownKeys = true, ReuseValueStrings = true,
    KnownKeys = ["Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding", "Referer", "Authorization", "X-Request-ID", "X-Forwarded-For", "Connection", "Cookie", "Cache-Control", "Pragma", "Content-Type", "Content-Length", "Origin"])]
public partial struct BytesInHeaderMap : IBytesInMap;

/// <summary>The bytes-in map that spills (#25): a request with more than 32 names moves to a heap overflow until <c>Clear</c>.</summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, InternUnknownKeys = true, ReuseValueStrings = true, Overflow = FlatOverflow.Spill,
    KnownKeys = ["Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding", "Referer", "Authorization", "X-Request-ID", "X-Forwarded-For", "Connection", "Cookie", "Cache-Control", "Pragma", "Content-Type", "Content-Length", "Origin"])]
public partial struct SpillingHeaderMap : IBytesInMap;

/// <summary>The spilling request's map with room for 64 names and values, so that 40 lines never spill (its floor row's map).</summary>
[FlatMultiMap(64, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, InternUnknownKeys = true, ReuseValueStrings = true,
    KnownKeys = ["Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding", "Referer", "Authorization", "X-Request-ID", "X-Forwarded-For", "Connection", "Cookie", "Cache-Control", "Pragma", "Content-Type", "Content-Length", "Origin"])]
public partial struct WideHeaderMap : IBytesInMap;

/// <summary>The bytes-in request cycle's inline map: the same known names, keys and values as UTF-8 in a 1,536-byte arena.</summary>
[FlatMultiMap(32, 48, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, Storage = FlatStorage.InlineUtf8, InlineBytes = 1536,
    KnownKeys = ["Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding", "Referer", "Authorization", "X-Request-ID", "X-Forwarded-For", "Connection", "Cookie", "Cache-Control", "Pragma", "Content-Type", "Content-Length", "Origin"])]
public partial struct InlineBytesInHeaderMap;

// Full maps for removal and chosen keys: one value per key. They are large (FLATGEN010) or too large for arrays (FLATGEN014); the
// benchmark classes hold them in fields.
#pragma warning disable FLATGEN010, FLATGEN014

[FlatMultiMap(1024, 1024)]
public partial struct OrdinalMap1024 : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

[FlatMultiMap(4096, 4096)]
public partial struct OrdinalMap4096 : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

[FlatMultiMap(4096, 4096, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct IgnoreCaseMap4096 : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

#pragma warning restore FLATGEN010, FLATGEN014

/// <summary>The real-traffic benchmarks' map: a request's or a response's headers, names compared ignoring case.</summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct TrafficHeaderMap : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>As <see cref="TrafficHeaderMap"/>, with the names common in requests and responses as known keys.</summary>
[FlatMultiMap(48, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = [
    "Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding", "Connection", "Cookie", "Referer", "Origin",
    "Authorization", "Content-Type", "Content-Length", "Cache-Control", "Pragma", "Priority", "Upgrade-Insecure-Requests",
    "Sec-Fetch-Site", "Sec-Fetch-Mode", "Sec-Fetch-Dest", "Sec-Fetch-User", "If-None-Match", "If-Modified-Since",
    "X-Forwarded-For", "X-Request-ID", "Date", "Server", "Set-Cookie", "Vary", "ETag", "Last-Modified", "Expires",
    "Location", "Strict-Transport-Security", "X-Content-Type-Options", "Content-Encoding", "Access-Control-Allow-Origin"])]
public partial struct KnownTrafficHeaderMap : IBenchMap
{
    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

// The listener registry of the eviction churn: 1,024 paths; twice 2,048 values would pass 65,535 bytes (FLATGEN014).
#pragma warning disable FLATGEN010 // 45 KB: a field of its benchmark object, never copied.
[FlatMultiMap(1024, 2048, Overflow = FlatOverflow.EvictOldest)]
public partial struct ListenerRegistryMap;
#pragma warning restore FLATGEN010

/// <summary>A response's headers kept for long as an inline map: no references, room for a large response's bytes.</summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, Storage = FlatStorage.InlineUtf8, InlineBytes = 4096)]
public partial struct KeptInlineHeaderMap;

namespace FlatGen.Samples.Cache;

/// <summary>A response's headers as a server builds them: names compared ignoring case, the common ones known.</summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase,
    KnownKeys = ["Date", "Content-Type", "Content-Length", "Cache-Control", "Set-Cookie", "Vary", "ETag", "Server"])]
public partial struct ResponseHeaders;

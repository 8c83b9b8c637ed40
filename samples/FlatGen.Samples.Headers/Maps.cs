using FlatGen;

namespace FlatGen.Samples.Headers;

/// <summary>
/// The headers of one HTTP request: up to 32 names and 64 values, names compared as HTTP compares them
/// (ignoring case). Everything lives inside this struct; filling and reading it allocates nothing.
/// </summary>
[FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct RequestHeaders;

/// <summary>The query string's parameters, compared ordinally as most web frameworks do.</summary>
[FlatMultiMap(8, 16)]
public partial struct QueryParameters;

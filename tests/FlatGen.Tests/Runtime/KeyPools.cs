using FlatGen.Infrastructure;

namespace FlatGen.Tests.Runtime;

/// <summary>Keys and values that probe the maps' edges: case, non-ASCII, surrogates and true hash collisions.</summary>
internal static class KeyPools
{
    public static readonly string[] Values = ["v0", "v1", "v2", "v3", "", "ü", "値", "\U0001F600"];

    private static readonly string[] Interesting =
    [
        "", "a", "A", "b", "B", "Host", "host", "HOST", "Content-Type", "content-type", "x-request-id", "X-Request-ID",
        "é", "É", "straße", "STRASSE", "STRAßE", "σ", "Σ", "ς", "ı", "I", "i", "İ", "K", "k", "\u212A", "ſ", "s", "S",
        "\U00010400", "\U00010428", "\uD800", "\uDC00", "k\0", "@", "`", "[", "{", "^", "~",
        "a-header-name-long-enough-to-take-several-words", "A-HEADER-NAME-LONG-ENOUGH-TO-TAKE-SEVERAL-WORDS",
    ];

    /// <summary>The interesting keys plus pairs of distinct keys whose ordinal hashes are equal in a reference map (this process's seed).</summary>
    public static readonly string[] Ordinal = [.. Interesting, .. FindCollisions(k => FlatHash.Ordinal(k, FlatHash.ProcessSeed), pairs: 3)];

    /// <summary>The interesting keys plus pairs of keys, distinct ignoring case, whose ignore-case hashes are equal in a reference map.</summary>
    public static readonly string[] IgnoreCase = [.. Interesting, .. FindCollisions(k => FlatHash.ProcessOrdinalIgnoreCase(k), pairs: 3)];

    /// <summary>As <see cref="Ordinal"/>, with collisions of an inline map's hash (the persisted seed).</summary>
    public static readonly string[] InlineOrdinal = [.. Interesting, .. FindCollisions(k => FlatHash.Ordinal(k, FlatHash.PersistedSeed), pairs: 3)];

    /// <summary>As <see cref="IgnoreCase"/>, with collisions of an inline map's hash (which stores only ASCII keys; the others it must refuse).</summary>
    public static readonly string[] InlineIgnoreCase = [.. Interesting, .. FindCollisions(k => FlatHash.TryOrdinalIgnoreCaseAscii(k, FlatHash.PersistedSeed, out uint hash) ? hash : throw new InvalidOperationException(k), pairs: 3)];

    /// <summary>
    /// For a map with known keys: each known key, in upper and lower case, with its last character changed, cut off
    /// or doubled (same-length near misses and neighbouring lengths), beside the ordinary pool.
    /// </summary>
    public static string[] WithKnownKeys(IReadOnlyList<string> knownKeys, string[] pool) =>
    [
        .. knownKeys.SelectMany(known => new[]
        {
            known,
            known.ToUpperInvariant(),
            known.ToLowerInvariant(),
            known[..^1] + (char)(known[^1] + 1),
            known[..^1],
            known + known[^1],
        }).Distinct(),
        .. pool,
    ];

    /// <summary>A birthday search over the real hash: about one pair per 90,000 keys of a 32-bit hash.</summary>
    private static IEnumerable<string> FindCollisions(Func<string, uint> hash, int pairs)
    {
        var seen = new Dictionary<uint, string>();
        var found = new List<string>();
        for (int i = 0; found.Count < 2 * pairs; i++)
        {
            string key = "tag-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (seen.TryGetValue(hash(key), out string? other))
            {
                found.Add(other);
                found.Add(key);
            }
            else
            {
                seen.Add(hash(key), key);
            }
        }

        return found;
    }
}

namespace FlatGen;

/// <summary>Specifies how the keys of a generated flat multi-map are compared and hashed.</summary>
public enum FlatKeyComparison
{
    /// <summary>Keys are compared by their UTF-16 code units, as <see cref="System.StringComparison.Ordinal"/> does.</summary>
    Ordinal = 0,

    /// <summary>
    /// Keys are compared ignoring case, exactly as <see cref="System.StringComparison.OrdinalIgnoreCase"/> does,
    /// for all of Unicode; ASCII keys take a fast path.
    /// </summary>
    OrdinalIgnoreCase = 1,
}

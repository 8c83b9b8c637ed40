namespace FlatGen;

/// <summary>
/// The version of the inline maps' byte format, compiled into the generator (which builds it into every inline
/// layout id) and into the runtime (whose key hash it versions): written once, here.
/// </summary>
internal static class FlatInlineFormat
{
    /// <summary>
    /// The format version. 2 added the version field (a count of changes); 3 folded only ASCII letters in the
    /// ignore-case hash; 4 is the folded-multiply hash of short keys, and ASCII-only keys in maps that ignore case.
    /// Raise it with any change to what the bytes mean that the fields alone do not show; the golden hashes in the
    /// tests fail on any change to the hash.
    /// </summary>
    public const int Version = 4;
}

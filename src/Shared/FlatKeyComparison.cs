// One contract, compiled into the runtime (public, what users name in [FlatMultiMap]) and into the generator
// (internal, what it reads the attribute's argument as): the values are written once, here.
#if FLATGEN_GENERATOR
namespace FlatGen.Generator.Models;
#else
namespace FlatGen;
#endif

/// <summary>Specifies how the keys of a generated flat multi-map are compared and hashed.</summary>
#if FLATGEN_GENERATOR
internal
#else
public
#endif
enum FlatKeyComparison
{
    /// <summary>Keys are compared by their UTF-16 code units, as <see cref="System.StringComparison.Ordinal"/> does.</summary>
    Ordinal = 0,

    /// <summary>
    /// Keys are compared ignoring case, exactly as <see cref="System.StringComparison.OrdinalIgnoreCase"/> does,
    /// for all of Unicode; ASCII keys take a fast path.
    /// </summary>
    OrdinalIgnoreCase = 1,
}

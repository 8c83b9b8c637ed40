// One contract, compiled into the runtime (public, what users name in [FlatMultiMap]) and into the generator
// (internal, what it reads the attribute's argument as): the values are written once, here.
#if FLATGEN_GENERATOR
namespace FlatGen.Generator.Models;
#else
namespace FlatGen;
#endif

/// <summary>Specifies how a generated flat multi-map stores its keys and values.</summary>
#if FLATGEN_GENERATOR
internal
#else
public
#endif
enum FlatStorage
{
    /// <summary>
    /// Keys and values are <see cref="string"/> references held inline. Adding a string stores the reference;
    /// lookups return spans of the strings.
    /// </summary>
    References = 0,

    /// <summary>
    /// Keys and values are UTF-8 bytes in an inline arena of <see cref="FlatMultiMapAttribute.InlineBytes"/> bytes:
    /// the struct holds no reference, so the garbage collector never scans it, it can live in native or
    /// memory-mapped memory, and its bytes are its serialised form (little-endian).
    /// </summary>
    InlineUtf8 = 1,
}

// One contract, compiled into the runtime (public, what users name in [FlatMultiMap]) and into the generator
// (internal, what it reads the attribute's argument as): the values are written once, here.
#if FLATGEN_GENERATOR
namespace FlatGen.Generator.Models;
#else
namespace FlatGen;
#endif

/// <summary>Specifies what a generated flat multi-map does when an add or a set needs room it lacks.</summary>
#if FLATGEN_GENERATOR
internal
#else
public
#endif
enum FlatOverflow
{
    /// <summary>
    /// The map refuses: <c>TryAdd</c> and <c>TrySet</c> return <see langword="false"/>, <c>Add</c> and <c>Set</c> throw
    /// <c>FlatMapFullException</c>, and the map is unchanged. The default.
    /// </summary>
    Refuse = 0,

    // 1 is kept for spilling to the heap, which is not built yet.

    /// <summary>
    /// The map removes whole keys, the first-inserted first and never the key being added to or set, until the add
    /// or set fits; it refuses, unchanged, as <see cref="Refuse"/> does, when the key alone with its values would not
    /// fit. Lookups do not change the order, and a set keeps a key's place. Both storages.
    /// </summary>
    EvictOldest = 2,
}

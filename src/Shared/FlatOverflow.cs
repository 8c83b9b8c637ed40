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

    /// <summary>
    /// What does not fit goes to a heap overflow, allocated at the first add that does not fit and dropped by
    /// <c>Clear</c>, after the keys the map holds: the map holds any number of keys and values, allocates nothing while
    /// its content fits, and stays one map in every operation. <c>TryAdd</c> never returns <see langword="false"/> for want of room. A copy of a
    /// spilled map that is no longer the current one throws <see cref="System.InvalidOperationException"/> at its
    /// next use. Reference storage only: an inline map's bytes are its whole serialised form.
    /// </summary>
    Spill = 1,

    /// <summary>
    /// The map removes whole keys, the first-inserted first and never the key being added to or set, until the add
    /// or set fits; it refuses, unchanged, as <see cref="Refuse"/> does, when the key alone with its values would not
    /// fit. Lookups do not change the order, and a set keeps a key's place. Both storages.
    /// </summary>
    EvictOldest = 2,
}

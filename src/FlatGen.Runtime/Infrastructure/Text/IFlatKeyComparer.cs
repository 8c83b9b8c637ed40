using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FlatGen.Infrastructure;

/// <summary>
/// How a generated flat multi-map hashes and compares its keys; implemented by empty structs so that the JIT
/// specialises the map's algorithms for each comparison.
/// </summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFlatKeyComparer
{
    /// <summary>Hashes <paramref name="key"/> for a map that lives in this process (seeded per process); keys that are equal under <see cref="KeyEquals"/> hash equally.</summary>
    static abstract uint Hash(ReadOnlySpan<char> key);

    /// <summary>
    /// Hashes <paramref name="key"/> for a map whose bytes are persisted, from the <paramref name="seed"/> those bytes
    /// store: the same hash in every process and on every machine; keys that are equal under <see cref="KeyEquals"/> hash equally.
    /// </summary>
    /// <returns><see langword="false"/> if the key has no such hash (under ignore-case, a key that is not ASCII), and so cannot be stored.</returns>
    static abstract bool TryHashPersisted(ReadOnlySpan<char> key, ulong seed, out uint hash);

    /// <summary>
    /// Returns whether a stored key equals a probed key, where a lookup compares once: a comparison too large to inline
    /// everywhere (ignoring case) is one call to code a process compiles once, not a copy in every core that compares.
    /// </summary>
    static abstract bool KeyEquals(ReadOnlySpan<char> storedKey, ReadOnlySpan<char> key);

    /// <summary>
    /// <see cref="KeyEquals"/> inlined into its caller with no call, for a loop that compares with many stored keys (the
    /// scan of a small map, whose loop then keeps its index in a register); <see langword="null"/> where deciding takes a call (ignoring
    /// case, a key that is not ASCII).
    /// </summary>
    static abstract bool? KeyEqualsWithoutCall(ReadOnlySpan<char> storedKey, ReadOnlySpan<char> key);

    /// <summary>
    /// Returns <see langword="false"/> only if keys of one length whose characters at one position are
    /// <paramref name="stored"/> and <paramref name="key"/> cannot be equal: a test of one character before <see cref="KeyEquals"/>.
    /// </summary>
    static abstract bool MayEqual(char stored, char key);

    /// <summary>
    /// The unit a filter of keys records for <paramref name="unit"/>: two units that may be equal (<see cref="MayEqual"/>)
    /// record the same one, or -1 where one unit does not decide (ignoring case, a unit that is not ASCII).
    /// </summary>
    static abstract int FilterUnit(char unit);

    /// <summary>Gets the comparison this comparer implements.</summary>
    static abstract FlatKeyComparison Comparison { get; }

    /// <summary>Gets the <see cref="StringComparer"/> that agrees with <see cref="KeyEquals"/>.</summary>
    static abstract IEqualityComparer<string> StringComparer { get; }
}

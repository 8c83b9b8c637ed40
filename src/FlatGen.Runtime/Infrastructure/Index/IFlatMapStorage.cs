using System;
using System.ComponentModel;
using System.Numerics;

namespace FlatGen.Infrastructure;

/// <summary>
/// The fields every generated flat multi-map has, whatever its storage: the index (hashed slots, known keys, the
/// lengths of the hashed keys) and the runs of values, which <see cref="FlatIndex{TMap, TKeyIndex, TValueIndex, TEntries}"/>
/// works on for both storage modes. Each accessor returns a span over one field; its length is the field's constant length.
/// </summary>
/// <typeparam name="TSelf">The generated struct.</typeparam>
/// <typeparam name="TKeyIndex">The narrowest unsigned integer that holds the key capacity.</typeparam>
/// <typeparam name="TValueIndex">The narrowest unsigned integer that holds the value capacity.</typeparam>
/// <remarks>
/// <para>Invariants, with <c>n</c> the key count:</para>
/// <list type="bullet">
/// <item><description>Keys <c>0..n-1</c> are in first-insertion order; key <c>i</c>'s hash is <c>KeyHashes[i]</c>.</description></item>
/// <item><description>A slot holds 0 (empty) or a key index plus one; linear probing from the key's home slot (<c>FlatHash.HomeSlot</c>: the top bits of its hash) finds every key,
/// and at least half the slots are empty, so every probe ends.</description></item>
/// <item><description>Known key <c>k</c> is present when bit <c>k</c> of <c>KnownPresence</c> is set; it is then key <c>KnownSlots[k]</c>, whose
/// <c>KeyHashes</c> entry is <c>k</c>. Known keys are never in the hashed slots; an absent known key's slot is zero.</description></item>
/// <item><description>Bit <c>min(length, 63)</c> of <c>HashedKeyLengths</c> is set for the length in UTF-16 code units of every key in the hashed slots, so a
/// lookup of a length whose bit is clear needs no hash.</description></item>
/// </list>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFlatMapStorage<TSelf, TKeyIndex, TValueIndex>
    where TSelf : struct, IFlatMapStorage<TSelf, TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
{
    /// <summary>Gets the map's type name, for exception messages.</summary>
    static abstract string MapName { get; }

    /// <summary>Gets the hashed key slots: a power-of-two table of key indices plus one.</summary>
    static abstract Span<TKeyIndex> GetSlots(ref TSelf map);

    /// <summary>Gets the stored hash of each key (a known key's index for a known key).</summary>
    static abstract Span<uint> GetKeyHashes(ref TSelf map);

    /// <summary>Gets the length filter of the hashed keys: bit <c>min(length, 63)</c> for each one's length in UTF-16 code units.</summary>
    static abstract ref ulong GetHashedKeyLengths(ref TSelf map);

    /// <summary>Gets the start of each key's run of values.</summary>
    static abstract Span<TValueIndex> GetValueStarts(ref TSelf map);

    /// <summary>Gets the length of each key's run of values.</summary>
    static abstract Span<TValueIndex> GetValueCounts(ref TSelf map);

    /// <summary>Gets the number of keys.</summary>
    static abstract ref TKeyIndex GetCount(ref TSelf map);

    /// <summary>Gets the number of values.</summary>
    static abstract ref TValueIndex GetValueCount(ref TSelf map);

    /// <summary>Gets the map's version: changed by every add, remove and clear, so an enumerator can tell that the map changed under it.</summary>
    static abstract ref uint GetVersion(ref TSelf map);

    /// <summary>Gets the map's known keys, in declaration order; empty when it has none.</summary>
    static virtual ReadOnlySpan<string> KnownKeys => default;

    /// <summary>
    /// Gets the number of known keys, <see cref="KnownKeys"/>' length, as a constant: the JIT folds a literal where
    /// the length of the static array behind <see cref="KnownKeys"/> is read only after it has chosen what to inline.
    /// </summary>
    static virtual int KnownKeyCount => 0;

    /// <summary>Returns the index of the known key equal to <paramref name="key"/> under the map's comparison, or -1.</summary>
    static virtual int MatchKnownKey(ReadOnlySpan<char> key) => -1;

    /// <summary>
    /// Returns the index of the known key equal to UTF-8 <paramref name="key"/> under the map's comparison, or -1;
    /// agrees with <see cref="MatchKnownKey"/> on the key's UTF-16 form, and is -1 for invalid UTF-8.
    /// </summary>
    static virtual int MatchKnownKeyUtf8(ReadOnlySpan<byte> key) => -1;

    /// <summary>Gets the key index of each known key; zero where its presence bit is clear.</summary>
    static virtual Span<TKeyIndex> GetKnownSlots(ref TSelf map) => default;

    /// <summary>Gets the presence bit mask of the known keys: bit <c>k % 64</c> of word <c>k / 64</c> for known key <c>k</c>.</summary>
    static virtual Span<ulong> GetKnownPresence(ref TSelf map) => default;
}

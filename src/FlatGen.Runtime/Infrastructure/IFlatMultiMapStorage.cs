using System;
using System.ComponentModel;
using System.Numerics;

namespace FlatGen.Infrastructure;

/// <summary>
/// Binds a generated flat multi-map's fields to the algorithms in <see cref="FlatMultiMapCore{TMap, TKeyIndex, TValueIndex, TComparer}"/>.
/// Each accessor returns a span over one inline-array field; its length is the field's constant length.
/// </summary>
/// <typeparam name="TSelf">The generated struct.</typeparam>
/// <typeparam name="TKeyIndex">The narrowest unsigned integer that holds the key capacity.</typeparam>
/// <typeparam name="TValueIndex">The narrowest unsigned integer that holds the value capacity.</typeparam>
/// <remarks>
/// <para>Invariants, with <c>n</c> the key count and <c>m</c> the value count:</para>
/// <list type="bullet">
/// <item><description>Keys <c>0..n-1</c> are in first-insertion order; key <c>i</c>'s hash is <c>KeyHashes[i]</c>.</description></item>
/// <item><description>A slot holds 0 (empty) or a key index plus one; linear probing from the key's home slot (<c>FlatHash.HomeSlot</c>: the top bits of its hash) finds every key,
/// and at least half the slots are empty, so every probe ends.</description></item>
/// <item><description>Key <c>i</c>'s values are <c>Values[ValueStarts[i] .. ValueStarts[i] + ValueCounts[i]]</c>; the runs are contiguous,
/// in key order, and cover <c>Values[0..m-1]</c>. Every other value reference is null, except, in a map that reuses value strings,
/// those a <c>Clear</c> kept.</description></item>
/// <item><description>Known key <c>k</c> is present when bit <c>k</c> of <c>KnownPresence</c> is set; it is then key <c>KnownSlots[k]</c>, whose
/// <c>Keys</c> entry is null and whose <c>KeyHashes</c> entry is <c>k</c>. Known keys are never in the hashed slots; an absent known key's slot is
/// zero. Every key reference past <c>n</c> is null.</description></item>
/// </list>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFlatMultiMapStorage<TSelf, TKeyIndex, TValueIndex>
    where TSelf : struct, IFlatMultiMapStorage<TSelf, TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
{
    /// <summary>Gets the map's type name, for exception messages.</summary>
    static abstract string MapName { get; }

    /// <summary>Gets the hashed key slots: a power-of-two table of key indices plus one.</summary>
    static abstract Span<TKeyIndex> GetSlots(ref TSelf map);

    /// <summary>Gets the keys, in first-insertion order.</summary>
    static abstract Span<string?> GetKeys(ref TSelf map);

    /// <summary>Gets the stored hash of each key.</summary>
    static abstract Span<uint> GetKeyHashes(ref TSelf map);

    /// <summary>Gets the start of each key's run of values.</summary>
    static abstract Span<TValueIndex> GetValueStarts(ref TSelf map);

    /// <summary>Gets the length of each key's run of values.</summary>
    static abstract Span<TValueIndex> GetValueCounts(ref TSelf map);

    /// <summary>Gets the values, in runs per key.</summary>
    static abstract Span<string?> GetValues(ref TSelf map);

    /// <summary>Gets the number of keys.</summary>
    static abstract ref TKeyIndex GetCount(ref TSelf map);

    /// <summary>Gets the number of values.</summary>
    static abstract ref TValueIndex GetValueCount(ref TSelf map);

    /// <summary>Gets the map's version: changed by every add, remove and clear, so an enumerator can tell that the map changed under it.</summary>
    static abstract ref uint GetVersion(ref TSelf map);

    /// <summary>Gets the map's known keys, in declaration order; empty when it has none.</summary>
    static virtual ReadOnlySpan<string> KnownKeys => default;

    /// <summary>Gets whether an unknown key added as a span becomes a string through <c>StringPool.Shared</c>.</summary>
    static virtual bool InternUnknownKeys => false;

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

    /// <summary>
    /// Gets whether <c>Clear</c> keeps the value references past the count, so that a UTF-8 value appended where an equal
    /// ASCII one was reuses that string.
    /// </summary>
    static virtual bool ReuseValueStrings => false;
}

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
/// <para>The invariants of <see cref="IFlatMapStorage{TSelf, TKeyIndex, TValueIndex}"/> hold, with <c>n</c> the entries in use (<c>Count</c>)
/// and <c>m</c> the values in use (<c>ValueCount</c>), and:</para>
/// <list type="bullet">
/// <item><description>An entry is a key, or a hole a removal left: a null key with a <c>ValueCounts</c> entry of zero, in no slot. <c>KeyHoles</c>
/// counts the holes and <c>ValueHoles</c> the values they gave up; the last entry is never a hole. A map holds <c>n - KeyHoles</c> keys and
/// <c>m - ValueHoles</c> values, at most <see cref="KeyCapacity"/> and <see cref="ValueCapacity"/>.</description></item>
/// <item><description>The entries and the values are more than the capacities (spares), so that a full map that removes one key and adds another
/// closes the holes once per spare's worth of removals, not at every add.</description></item>
/// <item><description>Key <c>i</c>'s values are <c>Values[ValueStarts[i] .. ValueStarts[i] + ValueCounts[i]]</c>; the runs are in entry order and
/// do not overlap, within <c>Values[0..m-1]</c>; what lies between them is null. Every other value reference is null, except, in a map that reuses
/// value strings, those a <c>Clear</c> kept.</description></item>
/// <item><description>A known key's <c>Keys</c> entry is null. Every key reference past <c>n</c> is null, except, in a map that reuses value
/// strings and interns unknown keys, those a <c>Clear</c> kept.</description></item>
/// <item><description><c>HashedKeyLengths</c> may also hold bits of hashed keys removed since the last <c>Clear</c>: a reference map is not
/// persisted, and a superset only costs a probe.</description></item>
/// </list>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFlatMultiMapStorage<TSelf, TKeyIndex, TValueIndex> : IFlatMapStorage<TSelf, TKeyIndex, TValueIndex>
    where TSelf : struct, IFlatMultiMapStorage<TSelf, TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
{
    /// <summary>Gets the most keys the map holds; <see cref="GetKeys"/> has spare entries past it.</summary>
    static abstract int KeyCapacity { get; }

    /// <summary>Gets the most values the map holds; <see cref="GetValues"/> has spare values past it.</summary>
    static abstract int ValueCapacity { get; }

    /// <summary>Gets the keys, in first-insertion order.</summary>
    static abstract Span<string?> GetKeys(ref TSelf map);

    /// <summary>Gets the values, in runs per key.</summary>
    static abstract Span<string?> GetValues(ref TSelf map);

    /// <summary>Gets the number of holes removals left among the entries below the count.</summary>
    static abstract ref TKeyIndex GetKeyHoles(ref TSelf map);

    /// <summary>Gets the number of values those holes gave up, below the value count.</summary>
    static abstract ref TValueIndex GetValueHoles(ref TSelf map);

    /// <summary>Gets whether an unknown key added as a span becomes a string through <c>StringPool.Shared</c>.</summary>
    static virtual bool InternUnknownKeys => false;

    /// <summary>
    /// Gets whether <c>Clear</c> keeps the value references past the count, so that a UTF-8 value appended where an equal
    /// ASCII one was reuses that string.
    /// </summary>
    static virtual bool ReuseValueStrings => false;
}

using System;
using System.ComponentModel;
using System.Numerics;

namespace FlatGen.Infrastructure;

/// <summary>
/// Binds a generated inline flat multi-map's fields to the algorithms in
/// <see cref="FlatInlineMapCore{TMap, TKeyIndex, TValueIndex, TComparer}"/>. Each accessor returns a span over one
/// field; its length is the field's constant length.
/// </summary>
/// <typeparam name="TSelf">The generated struct, which holds no reference.</typeparam>
/// <typeparam name="TKeyIndex">The narrowest unsigned integer that holds the key capacity.</typeparam>
/// <typeparam name="TValueIndex">The narrowest unsigned integer that holds the value capacity.</typeparam>
/// <remarks>
/// <para>
/// The invariants of <see cref="IFlatMultiMapStorage{TSelf, TKeyIndex, TValueIndex}"/> hold for the slots, hashes,
/// runs and known keys, with each key and value a range of the arena (<c>KeyOffsets</c>/<c>KeyLengths</c>,
/// <c>ValueOffsets</c>/<c>ValueLengths</c>) instead of a reference, and a known key's range holding its declared
/// spelling. The state is canonical, so equal contents in equal history give equal bytes:
/// </para>
/// <list type="bullet">
/// <item><description>The arena holds, for each key in order, the key's bytes and then its values' bytes in order, from offset 0
/// to <c>ArenaUsed</c>, every range valid UTF-8; every byte past <c>ArenaUsed</c> is zero.</description></item>
/// <item><description>Every table entry past the key count or value count, every absent known key's slot, and every unused
/// presence bit is zero; the hashed slots are exactly those of inserting the unknown keys in key order; <c>HashedKeyLengths</c>
/// holds exactly the bits of the unknown keys' lengths.</description></item>
/// <item><description><c>HashSeed</c> is zero unless adding a key met a probe longer than <c>FlatInlineMapCore.LongProbe</c> slots (chosen keys,
/// almost never random ones): the map then took a random seed and rehashed its keys, so its bytes depend on more than its history.
/// With a seed of zero no probe is that long; with no hashed key the seed is zero.</description></item>
/// <item><description><c>LayoutId</c> is the generated layout's id once the map has been written, and zero only in a map that is all zeros.</description></item>
/// </list>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFlatInlineMapStorage<TSelf, TKeyIndex, TValueIndex> : IFlatMapStorage<TSelf, TKeyIndex, TValueIndex>
    where TSelf : unmanaged, IFlatInlineMapStorage<TSelf, TKeyIndex, TValueIndex>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
{
    /// <summary>Gets the id of the map's layout, generated from it; never zero.</summary>
    static abstract ulong LayoutId { get; }

    /// <summary>Gets where the last field ends: the struct's bytes past it are padding, which is kept zero.</summary>
    static abstract int FieldBytes { get; }

    /// <summary>Gets the stored layout id.</summary>
    static abstract ref ulong GetLayoutId(ref TSelf map);

    /// <summary>Gets the stored hash seed: zero for the persisted seed, a random word after chosen keys made a probe long.</summary>
    static abstract ref ulong GetHashSeed(ref TSelf map);

    /// <summary>Gets where each key's bytes start in the arena.</summary>
    static abstract Span<ushort> GetKeyOffsets(ref TSelf map);

    /// <summary>Gets the length of each key's bytes.</summary>
    static abstract Span<ushort> GetKeyLengths(ref TSelf map);

    /// <summary>Gets where each value's bytes start in the arena.</summary>
    static abstract Span<ushort> GetValueOffsets(ref TSelf map);

    /// <summary>Gets the length of each value's bytes.</summary>
    static abstract Span<ushort> GetValueLengths(ref TSelf map);

    /// <summary>Gets the arena of UTF-8 bytes.</summary>
    static abstract Span<byte> GetArena(ref TSelf map);

    /// <summary>Gets the number of arena bytes in use.</summary>
    static abstract ref ushort GetArenaUsed(ref TSelf map);
}

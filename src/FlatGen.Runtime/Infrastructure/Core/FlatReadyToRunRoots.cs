#if FLATGEN_READYTORUN
using System;

namespace FlatGen.Infrastructure;

/// <summary>
/// Names the instantiations every map runs, with known keys or without, so that crossgen2 compiles them into the
/// ReadyToRun image: it places an instantiation in a library's image only when the library names it, and a map's own
/// members name them from the user's assembly. Taking each entry point's address makes a body of its own, which a map's
/// members call until tier 1 inlines them; so do the shared core's members that a map with known keys calls once its
/// matcher has spoken (<see cref="IFlatStorage{TKeyIndex, TValueIndex}"/>), which the image's own code inlines. Never
/// called.
/// </summary>
internal static unsafe class FlatReadyToRunRoots
{
    /// <summary>Every pair of index types the generator picks, with both comparisons, in both storages, for maps with and without known keys.</summary>
    internal static nint Root() =>
        Kinds<FlatNoKnownKeys>() + Kinds<FlatKnownKeys>() + Helpers<byte, byte>() + Helpers<byte, ushort>() + Helpers<ushort, ushort>();

    private static nint Kinds<TKnownKeys>()
        where TKnownKeys : struct, IFlatKnownKeyMatcher =>
        Reference<byte, byte, FlatOrdinalComparer, TKnownKeys>() + Reference<byte, byte, FlatOrdinalIgnoreCaseComparer, TKnownKeys>()
        + Reference<byte, ushort, FlatOrdinalComparer, TKnownKeys>() + Reference<byte, ushort, FlatOrdinalIgnoreCaseComparer, TKnownKeys>()
        + Reference<ushort, ushort, FlatOrdinalComparer, TKnownKeys>() + Reference<ushort, ushort, FlatOrdinalIgnoreCaseComparer, TKnownKeys>()
        + Inline<byte, byte, FlatOrdinalComparer, TKnownKeys>() + Inline<byte, byte, FlatOrdinalIgnoreCaseComparer, TKnownKeys>()
        + Inline<byte, ushort, FlatOrdinalComparer, TKnownKeys>() + Inline<byte, ushort, FlatOrdinalIgnoreCaseComparer, TKnownKeys>()
        + Inline<ushort, ushort, FlatOrdinalComparer, TKnownKeys>() + Inline<ushort, ushort, FlatOrdinalIgnoreCaseComparer, TKnownKeys>();

    /// <summary>
    /// The helpers over one pair of index types that a map's jitted members call at tier 0, before they inline them: the
    /// shape's construction, the index conversions, a run of values.
    /// </summary>
    private static nint Helpers<TKeyIndex, TValueIndex>()
    {
        delegate*<FlatLayout, int, int, FlatKnownKeyMatcher?, bool, bool, ulong, FlatOverflow, FlatMapShape> create = &FlatMapShape.Create<TKeyIndex, TValueIndex>;
        delegate*<TKeyIndex, int> keyToInt32 = &FlatInteger.ToInt32<TKeyIndex>;
        delegate*<TValueIndex, int> valueToInt32 = &FlatInteger.ToInt32<TValueIndex>;
        delegate*<int, TKeyIndex> keyFromInt32 = &FlatInteger.FromInt32<TKeyIndex>;
        delegate*<int, TValueIndex> valueFromInt32 = &FlatInteger.FromInt32<TValueIndex>;
        delegate*<TValueIndex, bool> valueIsZero = &FlatInteger.IsZero<TValueIndex>;
        delegate*<in FlatMapShape, ReadOnlySpan<string?>, int, int, ReadOnlySpan<string>> run = &FlatReferenceEnumerator<TKeyIndex, TValueIndex>.Run;
        return (nint)create + (nint)keyToInt32 + (nint)valueToInt32 + (nint)keyFromInt32 + (nint)valueFromInt32 + (nint)valueIsZero + (nint)run;
    }

    private static nint Reference<TKeyIndex, TValueIndex, TComparer, TKnownKeys>()
        where TComparer : struct, IFlatKeyComparer
        where TKnownKeys : struct, IFlatKnownKeyMatcher =>
        BothStorages<TKeyIndex, TValueIndex, TComparer, TKnownKeys, FlatReferenceStorage<TKeyIndex, TValueIndex, TComparer, TKnownKeys>>()
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, string, ReadOnlySpan<string>>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.GetValues
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<char>, ReadOnlySpan<string>>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.GetValues
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<byte>, ReadOnlySpan<string>>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.GetValues
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, string, out ReadOnlySpan<string>, bool>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.TryGetValues
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<char>, out ReadOnlySpan<string>, bool>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.TryGetValues
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<byte>, out ReadOnlySpan<string>, bool>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.TryGetValues
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, int, string, FlatAddStatus>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.AddKnownCore
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, int, ReadOnlySpan<byte>, FlatAddStatus>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.AddKnownUtf8
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, string, ReadOnlySpan<byte>, FlatAddStatus>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.AddKeptKeyUtf8
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, void>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.ClearEntries
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, int, void>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.RemoveKeyAt
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, int, ReadOnlySpan<string>>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.Run
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, int, string>)&FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.KeyAt;

    private static nint Inline<TKeyIndex, TValueIndex, TComparer, TKnownKeys>()
        where TComparer : struct, IFlatKeyComparer
        where TKnownKeys : struct, IFlatKnownKeyMatcher =>
        BothStorages<TKeyIndex, TValueIndex, TComparer, TKnownKeys, FlatInlineStorage<TKeyIndex, TValueIndex, TComparer, TKnownKeys>>()
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, int, in FlatUtf8Text, FlatAddStatus>)&FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.AddKnownCore
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<char>, in FlatUtf8Text, in FlatUtf8Text, FlatAddStatus>)&FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.AddUnknown
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, void>)&FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.ClearEntries
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, int, void>)&FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.RemoveKeyAt
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, int, FlatInlineValues>)&FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.Values;

    /// <summary>The entry points both storages share.</summary>
    private static nint BothStorages<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>()
        where TComparer : struct, IFlatKeyComparer
        where TKnownKeys : struct, IFlatKnownKeyMatcher
        where TStorage : struct, IFlatStorage<TKeyIndex, TValueIndex> =>
        (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, string, string, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.TryAdd
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, string, string, void>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.Add
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<char>, string, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.TryAdd
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<char>, string, void>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.Add
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<byte>, ReadOnlySpan<byte>, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.TryAdd
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<byte>, ReadOnlySpan<byte>, void>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.Add
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, string, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.ContainsKey
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<char>, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.ContainsKey
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<byte>, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.ContainsKey
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, string, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.Remove
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<char>, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.Remove
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, string, out string?, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.TryGetFirst
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<char>, out string?, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.TryGetFirst
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<byte>, out string?, bool>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.TryGetFirst
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, string, string?>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.GetFirstOrDefault
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, ReadOnlySpan<char>, string?>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.GetFirstOrDefault
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, string, string, void>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.Set
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, int>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.Count
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, int>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.ValueCount
        + (nint)(delegate*<FlatMapFields<TKeyIndex, TValueIndex>, void>)&FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>.Clear;
}
#endif

using FlatGen.Infrastructure;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// A reference map of at most <c>FlatIndex.ScanKeyCapacity</c> keys finds a key by comparing it with each stored key,
/// as <c>FrozenDictionary</c> does for few keys, and a larger one by its hash. The model-based tests hold maps of both
/// sizes to the same results; these show which way each size goes.
/// </summary>
public sealed class KeyScanTests
{
    [Fact]
    public void A_map_of_few_keys_finds_them_without_its_slots_and_a_larger_map_does_not()
    {
        var tiny = new TinyIgnoreCaseMap();
        tiny.Add("Accept", "a");
        tiny.Add("x-request-id", "b");
        tiny.Add("Größe", "c");
        tiny.Add("gone", "d");
        tiny.Remove("gone");
        tiny.Add("Via", "e");

        // What a hashed lookup reads: with it empty, only a scan finds the keys.
        Slots<TinyIgnoreCaseMap, byte, byte>(ref tiny).Clear();
        Assert.Equal(["a"], tiny.GetValues("ACCEPT").ToArray());
        Assert.Equal(["b"], tiny.GetValues("X-Request-ID").ToArray());
        Assert.Equal(["c"], tiny.GetValues("GRÖßE").ToArray());
        Assert.Equal(["e"], tiny.GetValues("via").ToArray());
        Assert.True(tiny.GetValues("gone").IsEmpty); // a hole holds no key
        Assert.True(tiny.GetValues("Accepts").IsEmpty);
        Assert.True(tiny.GetValues("Accepu").IsEmpty); // the same length, another key

        // Keys of one length whose last characters are equal ignoring case, or not ASCII, are compared whole.
        tiny.Add("sizÖ", "f");
        tiny.Add("code@", "g");
        Slots<TinyIgnoreCaseMap, byte, byte>(ref tiny).Clear();
        Assert.Equal(["f"], tiny.GetValues("SIZö").ToArray());
        Assert.True(tiny.GetValues("SIZo").IsEmpty);
        Assert.Equal(["g"], tiny.GetValues("CODE@").ToArray());
        Assert.True(tiny.GetValues("code`").IsEmpty); // '@' and '`' differ only in the case bit, and are not letters

        var ordinal = new TinyMap();
        ordinal.Add("key1", "a");
        ordinal.Add("key2", "b");
        Slots<TinyMap, byte, byte>(ref ordinal).Clear();
        Assert.Equal(["b"], ordinal.GetValues("key2").ToArray());
        Assert.True(ordinal.GetValues("key3").IsEmpty);
        Assert.True(ordinal.GetValues("KEY1").IsEmpty);

        var small = new SmallMap();
        small.Add("Accept", "a");
        Slots<SmallMap, byte, byte>(ref small).Clear();
        Assert.True(small.GetValues("Accept").IsEmpty);
    }

    /// <summary>
    /// A candidate that is not ASCII is compared by a call, and the scan goes on past it when it is not the key; the empty
    /// key, which has no last character to test, is found too.
    /// </summary>
    [Fact]
    public void A_scan_goes_on_past_a_candidate_compared_by_a_call_and_finds_the_empty_key()
    {
        var tiny = new TinyIgnoreCaseMap();
        tiny.Add("añx", "a");
        tiny.Add("abx", "b");
        tiny.Add("", "e");
        Slots<TinyIgnoreCaseMap, byte, byte>(ref tiny).Clear();
        Assert.Equal(["b"], tiny.GetValues("ABX").ToArray());
        Assert.Equal(["a"], tiny.GetValues("AÑX").ToArray());
        Assert.True(tiny.GetValues("acx").IsEmpty);
        Assert.Equal(["e"], tiny.GetValues("").ToArray());

        var ordinal = new TinyMap();
        ordinal.Add("key1", "a");
        Slots<TinyMap, byte, byte>(ref ordinal).Clear();
        Assert.True(ordinal.GetValues("").IsEmpty);
        ordinal.Add("", "e");
        Slots<TinyMap, byte, byte>(ref ordinal).Clear();
        Assert.Equal(["e"], ordinal.GetValues("").ToArray());
        Assert.Equal(["a"], ordinal.GetValues("key1").ToArray());
    }

    private static Span<TKeyIndex> Slots<TMap, TKeyIndex, TValueIndex>(ref TMap map)
        where TMap : struct, IFlatMap<TMap>
        where TKeyIndex : unmanaged, System.Numerics.IBinaryInteger<TKeyIndex>
        where TValueIndex : unmanaged, System.Numerics.IBinaryInteger<TValueIndex> =>
        FlatMapFields<TKeyIndex, TValueIndex>.Of(ref map).Slots;
}

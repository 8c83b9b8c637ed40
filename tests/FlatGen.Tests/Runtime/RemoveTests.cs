using FlatGen.Tests.Infrastructure;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// A reference map's removal leaves a hole instead of moving every later key (and renumbering every slot): the
/// other keys keep their entries, first-insertion order stays, and the holes close only when an add needs the room.
/// </summary>
public sealed class RemoveTests
{
    [Fact]
    public void Removing_a_key_moves_no_other_key()
    {
        var map = new SmallMap();
        foreach (string key in new[] { "a", "b", "c", "d" })
        {
            map.Add(key, key + "1");
        }

        map.Add("b", "b2");
        uint[] before = Hashes(ref map);

        Assert.True(map.Remove("b"));

        uint[] after = Hashes(ref map);
        Assert.Equal(before[0], after[0]);
        Assert.Equal(0u, after[1]); // The hole.
        Assert.Equal(before[2], after[2]);
        Assert.Equal(before[3], after[3]);
        Assert.Equal(3, map.Count);
        Assert.Equal(3, map.ValueCount);
        Assert.Equal([["a", "a1"], ["c", "c1"], ["d", "d1"]], map.Entries());
        Assert.Equal(["c1"], map.GetValues("c").ToArray());
    }

    [Fact]
    public void Holes_close_when_an_add_needs_their_room_and_order_stays()
    {
        var map = new SmallMap(); // 16 keys, 32 values.
        var expected = new List<string>();
        for (int i = 0; i < 16; i++)
        {
            map.Add("k" + i, "v" + i);
            expected.Add("k" + i);
        }

        // Remove every other key, then fill the map again: the entries run out at once, so the holes close.
        for (int i = 0; i < 16; i += 2)
        {
            Assert.True(map.Remove("k" + i));
            expected.Remove("k" + i);
        }

        for (int i = 16; i < 24; i++)
        {
            map.Add("k" + i, "v" + i);
            expected.Add("k" + i);
        }

        Assert.Equal(16, map.Count);
        Assert.Equal(expected, map.Entries().Select(e => e[0]));
        Assert.All(expected, key => Assert.Equal(["v" + key[1..]], map.GetValues(key).ToArray()));
        Assert.False(map.TryAdd("one-more", "v"));

        // A value appended to a key when the values ran out into holes.
        Assert.True(map.Remove("k1"));
        for (int i = 0; i < 17; i++)
        {
            map.Add("k3", "x" + i);
        }

        Assert.Equal(18, map.GetValues("k3").Length);
        Assert.Equal(32, map.ValueCount);
        Assert.False(map.TryAdd("k3", "full"));
    }

    [Fact]
    public void Removing_the_last_keys_leaves_no_hole_behind()
    {
        var map = new SmallMap();
        map.Add("a", "1");
        map.Add("b", "2");
        map.Add("c", "3");
        Assert.True(map.Remove("b"));
        Assert.True(map.Remove("c")); // Now b's hole is at the end too.
        Assert.Equal(1, map.Count);
        Assert.Equal(1, Entries(ref map, "_count"));
        Assert.Equal(0, Entries(ref map, "_keyHoles"));
        Assert.Equal(0, Entries(ref map, "_valueHoles"));
    }

    private static uint[] Hashes(ref SmallMap map) => MapFields.Read<SmallMap, uint>(ref map, SmallMap.Layout, "_keyHashes").ToArray();

    private static int Entries(ref SmallMap map, string name) => MapFields.Read<SmallMap, byte>(ref map, SmallMap.Layout, name)[0];
}

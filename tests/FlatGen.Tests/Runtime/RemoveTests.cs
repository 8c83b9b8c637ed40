using FlatGen.Tests.Infrastructure;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// A reference map's removal leaves a hole instead of moving every later key (and renumbering every slot): the
/// other keys keep their entries, first-insertion order stays, and the holes close only when an add finds no entry or
/// value left at the end, past the spare ones.
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

    [Fact]
    public void The_last_keys_own_string_is_that_key_only_while_it_is_the_last_entry()
    {
        // An add whose key is the same string as the last entry's appends without a probe; every way the last entry
        // can change must send the same string through the probe again.
        var map = new KnownOrdinalMap();
        string tenant = new("tenant".AsSpan()), zone = new("zone".AsSpan()), region = new("region".AsSpan());
        map.Add(tenant, "t1");
        map.Add(zone, "z1");
        map.Add(zone, "z2");
        Assert.True(map.Remove(zone)); // Its hole is given back: tenant is the last entry again.
        map.Add(zone, "z3");
        map.Add(tenant, "t2"); // Not the last entry: probed.
        map.Add(region, "r1"); // A known key: its entry holds no string.
        map.Add(region, "r2");
        map.Add(zone, "z4");
        Assert.Equal([["tenant", "t1", "t2"], ["zone", "z3", "z4"], ["region", "r1", "r2"]], map.Entries());

        Assert.True(map.Remove(zone, "z4"));
        Assert.True(map.Remove(zone, "z3")); // Its last value: the key goes, and region's entry is the last.
        map.Add(zone, "z5");
        Assert.Equal([["tenant", "t1", "t2"], ["region", "r1", "r2"], ["zone", "z5"]], map.Entries());

        map.Clear();
        map.Add(zone, "z6");
        Assert.Equal([["zone", "z6"]], map.Entries());
        Assert.Equal(1, map.Count);
        Assert.Equal(1, map.ValueCount);
    }

    [Fact]
    public void A_full_map_that_removes_and_adds_closes_its_holes_once_per_spare_entries()
    {
        // The entries past the key capacity are the spares: a quarter of it.
        int entries = OrdinalMap128.Layout.Fields.Single(f => f.Name == "_keys").Size / IntPtr.Size;
        int spares = entries - OrdinalMap128.KeyCapacity;
        Assert.Equal(OrdinalMap128.KeyCapacity / 4, spares);

        var map = new OrdinalMap128();
        var expected = new List<string>();
        for (int i = 0; i < OrdinalMap128.KeyCapacity; i++)
        {
            map.Add("k" + i, "v" + i);
            expected.Add("k" + i);
        }

        // Remove a key from anywhere and add it back, as the Remove benchmark does. Without a close, only the removed
        // key's entry (now a hole) and the one after the last change; a close moves the later keys down.
        const int Cycles = 1000;
        int closes = 0;
        for (int cycle = 0, next = 0; cycle < Cycles; cycle++)
        {
            next = (next + 53) % OrdinalMap128.KeyCapacity;
            string key = expected[next];
            uint[] before = EntryHashes(ref map);
            Assert.True(map.Remove(key));
            map.Add(key, "v" + key[1..]);
            expected.RemoveAt(next);
            expected.Add(key);
            uint[] after = EntryHashes(ref map);
            closes += before.Where((hash, i) => after[i] != hash).Count() > 2 ? 1 : 0;
            Assert.Equal(OrdinalMap128.KeyCapacity, map.Count);
        }

        Assert.InRange(closes, 1, Cycles / spares + 1);
        var keys = new List<string>();
        foreach (FlatReferenceEntry entry in map)
        {
            keys.Add(entry.Key);
        }

        Assert.Equal(expected, keys);
        Assert.All(expected, key => Assert.Equal(["v" + key[1..]], map.GetValues(key).ToArray()));
        Assert.False(map.TryAdd("one-more", "v"));
    }

    [Fact]
    public void Closing_several_holes_renumbers_known_and_hashed_keys_alike()
    {
        var map = new KnownOrdinalMap(); // 8 keys (10 entries with the spares), 12 values.
        foreach (string key in new[] { "a", "region", "b", "shard", "c", "k", "d", "ab" })
        {
            map.Add(key, key + "1");
        }

        // Two holes, two adds into the spares, two more holes: the next add finds no entry at the end and closes four.
        Assert.True(map.Remove("a"));
        Assert.True(map.Remove("b"));
        map.Add("e", "e1");
        map.Add("shard", "shard2");
        map.Add("f", "f1");
        Assert.True(map.Remove("c"));
        Assert.True(map.Remove("d"));
        map.Add("g", "g1");
        map.Add("k", "k2");

        Assert.Equal(
            [["region", "region1"], ["shard", "shard1", "shard2"], ["k", "k1", "k2"], ["ab", "ab1"], ["e", "e1"], ["f", "f1"], ["g", "g1"]],
            map.Entries());
        foreach (string[] entry in map.Entries())
        {
            Assert.Equal(entry[1..], map.GetValues(entry[0]).ToArray());
        }

        Assert.False(map.ContainsKey("c"));
        Assert.Equal(7, map.Count);
        Assert.Equal(9, map.ValueCount);
    }

    private static uint[] EntryHashes(ref OrdinalMap128 map) => MapFields.Read<OrdinalMap128, uint>(ref map, OrdinalMap128.Layout, "_keyHashes").ToArray();

    private static uint[] Hashes(ref SmallMap map) => MapFields.Read<SmallMap, uint>(ref map, SmallMap.Layout, "_keyHashes").ToArray();

    private static int Entries(ref SmallMap map, string name) => MapFields.Read<SmallMap, byte>(ref map, SmallMap.Layout, name)[0];
}

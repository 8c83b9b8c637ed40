using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FlatGen.Infrastructure;
using FlatGen.Tests.Infrastructure;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// Chosen keys cannot make a full map much slower than random keys (at most 10×). The cost is counted, not timed:
/// looking up each of a map's keys probes, per key, one slot more than the key's distance from its home slot, which
/// these tests read from the map's own slots and stored hashes. A reference map's seed is random per process; an
/// inline map's is published, so keys can be chosen against it, and the map takes a random seed when they make a
/// probe long.
/// </summary>
public sealed class ChosenKeyTests
{
    private const double Bound = 10;

    public static TheoryData<string> Attacks => new() { "caret-tilde", "at-backtick", "emoji", "persisted-seed-bucket", "old-mixer-differential" };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void A_full_ordinal_map_of_chosen_keys_costs_at_most_ten_times_random_keys(string attack)
    {
        AssertBounded<OrdinalMap128>(128, attack, ignoreCase: false);
        AssertBounded<OrdinalMap4096>(4096, attack, ignoreCase: false);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void A_full_ignore_case_map_of_chosen_keys_costs_at_most_ten_times_random_keys(string attack)
    {
        AssertBounded<IgnoreCaseMap128>(128, attack, ignoreCase: true);
        AssertBounded<IgnoreCaseMap4096>(4096, attack, ignoreCase: true);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void A_full_inline_map_of_chosen_keys_costs_at_most_ten_times_random_keys(string attack)
    {
        AssertBounded<InlineOrdinalMap128>(128, attack, ignoreCase: false);
        if (attack is not ("emoji" or "old-mixer-differential"))
        {
            // 4,096 keys of 12 emoji or 52 characters do not fit in the largest arena; an inline map ignoring case
            // stores ASCII keys only.
            AssertBounded<InlineOrdinalMap4096>(4096, attack, ignoreCase: false);
            AssertBounded<InlineIgnoreCaseMap4096>(4096, attack, ignoreCase: true);
        }
    }

    /// <summary>
    /// Keys that collide under the published seed make an inline map take a random one: the keys then spread, every
    /// one is found, and the bytes read back with their seed. Random keys leave the seed at zero, so the bytes are
    /// those of the map's history alone.
    /// </summary>
    [Fact]
    public void An_inline_map_takes_a_random_seed_for_chosen_keys_and_keeps_the_published_one_for_random_keys()
    {
        var chosen = new StrongBox<InlineOrdinalMap4096>();
        string[] keys = ChosenKeys("persisted-seed-bucket", 4096, ignoreCase: false);
        Fill(ref chosen.Value, keys);
        ulong seed = HashSeed(ref chosen.Value, InlineOrdinalMap4096.Layout);
        Assert.NotEqual(0UL, seed);
        Assert.All(keys, key => Assert.Equal(["v"], chosen.Value.GetValues(key).ToArray()));
        Assert.True(InlineOrdinalMap4096.TryRead(chosen.Value.AsBytes(), out InlineOrdinalMap4096 read));
        Assert.Equal(seed, HashSeed(ref read, InlineOrdinalMap4096.Layout));
        Assert.All(keys.Take(100), key => Assert.True(read.ContainsKey(key)));

        // Two maps of the same chosen keys take different random seeds, yet are equal and hash alike.
        var other = new StrongBox<InlineOrdinalMap4096>();
        Fill(ref other.Value, keys);
        Assert.NotEqual(seed, HashSeed(ref other.Value, InlineOrdinalMap4096.Layout));
        Assert.True(chosen.Value == other.Value);
        Assert.Equal(chosen.Value.GetHashCode(), other.Value.GetHashCode());

        // Removing every hashed key, or clearing, brings the published seed back.
        foreach (string key in keys)
        {
            Assert.True(chosen.Value.Remove(key));
        }

        Assert.Equal(0UL, HashSeed(ref chosen.Value, InlineOrdinalMap4096.Layout));

        var random = new StrongBox<InlineOrdinalMap4096>();
        Fill(ref random.Value, Enumerable.Range(0, 4096).Select(i => "r" + i.ToString("x5", CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal(0UL, HashSeed(ref random.Value, InlineOrdinalMap4096.Layout));
    }

    /// <summary>A stored seed is part of the bytes: one that the keys' hashes do not follow, or one without hashed keys, is refused.</summary>
    [Fact]
    public void An_inline_map_whose_seed_its_keys_do_not_explain_is_refused()
    {
        int offset = InlineMap.Layout.Fields.Single(static f => f.Name == "_hashSeed").Offset;
        var map = new InlineMap();
        map.Add("abc", "1");
        byte[] withKey = map.AsBytes().ToArray();
        map.Remove("abc");
        byte[] empty = map.AsBytes().ToArray();
        Assert.True(InlineMap.TryRead(withKey, out _));
        Assert.True(InlineMap.TryRead(empty, out _));

        foreach (byte[] bytes in new[] { withKey, empty })
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(offset), 0x1234_5678_9ABC_DEF0UL);
            Assert.False(InlineMap.TryRead(bytes, out _));
        }
    }

    /// <summary>The measure itself can fail: keys that all share a home slot cost far more than ten times random ones.</summary>
    [Fact]
    public void Keys_that_share_a_home_slot_exceed_the_bound()
    {
        var box = new StrongBox<OrdinalMap128>();
        string[] keys = FindKeys(128, key => FlatHash.HomeSlot(FlatHash.Ordinal(key, FlatHash.ProcessSeed), 256) == 7);
        Fill(ref box.Value, keys);
        double chosen = ProbeCost(ref box.Value, OrdinalMap128.Layout);
        Assert.True(chosen / RandomCost<OrdinalMap128>(128) > Bound, $"{chosen}");
    }

    private static void AssertBounded<TMap>(int capacity, string attack, bool ignoreCase)
        where TMap : struct, IChosenKeyMap
    {
        string[] keys = ChosenKeys(attack, capacity, ignoreCase);
        Assert.Equal(capacity, keys.Distinct(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal).Count());
        var box = new StrongBox<TMap>();
        Fill(ref box.Value, keys);
        double chosen = ProbeCost(ref box.Value, TMap.Layout);
        double random = RandomCost<TMap>(capacity);
        Assert.True(chosen <= Bound * random, $"{attack} at {capacity}: {chosen} probes for chosen keys, {random} for random ones");
    }

    private static double RandomCost<TMap>(int capacity)
        where TMap : struct, IChosenKeyMap
    {
        var random = new Random(capacity);
        var box = new StrongBox<TMap>();
        Fill(ref box.Value, Enumerable.Range(0, capacity).Select(i => "r" + i.ToString("x", CultureInfo.InvariantCulture) + "-" + random.Next(0x10000).ToString("x", CultureInfo.InvariantCulture)).ToArray());
        return ProbeCost(ref box.Value, TMap.Layout);
    }

    /// <summary>
    /// Keys an attacker can make without this process's seed: sets a looser fold or an earlier hash merged, and keys
    /// that collide under the published persisted seed (top 8 bits of the hash alike).
    /// </summary>
    private static string[] ChosenKeys(string attack, int count, bool ignoreCase)
    {
        int bits = BitOperations.Log2((uint)count);
        string Combination(int index, string zero, string one) =>
            string.Concat(Enumerable.Range(0, bits).Select(i => (index >> i & 1) == 0 ? zero : one));
        return attack switch
        {
            "caret-tilde" => Enumerable.Range(0, count).Select(i => Combination(i, "^", "~")).ToArray(),
            "at-backtick" => Enumerable.Range(0, count).Select(i => Combination(i, "@", "`")).ToArray(),
            "emoji" => Enumerable.Range(0, count).Select(i => Combination(i, "\U0001F600", "\U0001F601")).ToArray(),
            "persisted-seed-bucket" => FindKeys(count, key => (ignoreCase
                ? (FlatHash.TryOrdinalIgnoreCaseAscii(key, FlatHash.PersistedSeed, out uint hash) ? hash : 0)
                : FlatHash.Ordinal(key, FlatHash.PersistedSeed)) >> 24 == 0),
            "old-mixer-differential" => Enumerable.Range(0, count).Select(i =>
            {
                // The previous mixer's seed-independent collision: bit 15 of the character at 3 mod 4 and bit 4 of the next.
                char[] key = Enumerable.Repeat('a', 4 * bits + 4).ToArray();
                for (int j = 0; j < bits; j++)
                {
                    if ((i >> j & 1) != 0)
                    {
                        key[(4 * j) + 3] ^= '\u8000';
                        key[(4 * j) + 4] ^= '\u0010';
                    }
                }

                return new string(key);
            }).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };
    }

    private static string[] FindKeys(int count, Func<string, bool> chosen)
    {
        var keys = new List<string>(count);
        for (long i = 0; keys.Count < count; i++)
        {
            string key = "c" + i.ToString(CultureInfo.InvariantCulture);
            if (chosen(key))
            {
                keys.Add(key);
            }
        }

        return [.. keys];
    }

    private static void Fill<TMap>(ref TMap map, string[] keys)
        where TMap : struct, IChosenKeyMap
    {
        foreach (string key in keys)
        {
            map.Add(key, "v");
        }
    }

    private static ulong HashSeed<TMap>(ref TMap map, FlatLayout layout)
        where TMap : struct =>
        MapFields.Read<TMap, ulong>(ref map, layout, "_hashSeed")[0];

    /// <summary>Probes to find every key once, from the map's slots and stored hashes: distance from the home slot plus one, summed.</summary>
    private static double ProbeCost<TMap>(ref TMap map, FlatLayout layout)
        where TMap : struct
    {
        FlatField slotsField = layout.Fields.Single(static f => f.Name == "_slots");
        ReadOnlySpan<byte> byteSlots = MapFields.Read<TMap, byte>(ref map, layout, "_slots");
        ReadOnlySpan<ushort> ushortSlots = MapFields.Read<TMap, ushort>(ref map, layout, "_slots");
        ReadOnlySpan<uint> hashes = MapFields.Read<TMap, uint>(ref map, layout, "_keyHashes");
        bool wide = slotsField.TypeName.StartsWith("ushort", StringComparison.Ordinal);
        int slotCount = wide ? ushortSlots.Length : byteSlots.Length;
        long probes = 0;
        for (int slot = 0; slot < slotCount; slot++)
        {
            int entry = wide ? ushortSlots[slot] : byteSlots[slot];
            if (entry != 0)
            {
                int home = FlatHash.HomeSlot(hashes[entry - 1], slotCount);
                probes += ((slot - home) & (slotCount - 1)) + 1;
            }
        }

        return probes;
    }
}

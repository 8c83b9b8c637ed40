using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FlatGen.Infrastructure;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// Chosen keys cannot make a full reference map much slower than random keys (at most 10×). The cost is counted,
/// not timed: building a map and looking up each of its keys probes, per key, one slot more than the key's distance
/// from its home slot, which these tests read from the map's own slots and stored hashes.
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
        Fill(ref box.Value, Enumerable.Range(0, capacity).Select(i => "r" + random.NextInt64().ToString("x", CultureInfo.InvariantCulture) + i).ToArray());
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

    /// <summary>Probes to find every key once, from the map's slots and stored hashes: distance from the home slot plus one, summed.</summary>
    private static double ProbeCost<TMap>(ref TMap map, FlatLayout layout)
        where TMap : struct
    {
        Span<byte> bytes = MemoryMarshal.CreateSpan(ref Unsafe.As<TMap, byte>(ref map), Unsafe.SizeOf<TMap>());
        FlatField slotsField = layout.Fields.Single(static f => f.Name == "_slots");
        FlatField hashesField = layout.Fields.Single(static f => f.Name == "_keyHashes");
        int slotCount = int.Parse(slotsField.TypeName[(slotsField.TypeName.IndexOf('[') + 1)..^1], CultureInfo.InvariantCulture);
        int slotSize = slotsField.Size / slotCount;
        ReadOnlySpan<uint> hashes = MemoryMarshal.Cast<byte, uint>(bytes.Slice(hashesField.Offset, hashesField.Size));
        long probes = 0;
        for (int slot = 0; slot < slotCount; slot++)
        {
            int entry = slotSize == 1 ? bytes[slotsField.Offset + slot] : BitConverter.ToUInt16(bytes.Slice(slotsField.Offset + (2 * slot)));
            if (entry != 0)
            {
                int home = FlatHash.HomeSlot(hashes[entry - 1], slotCount);
                probes += ((slot - home) & (slotCount - 1)) + 1;
            }
        }

        return probes;
    }
}

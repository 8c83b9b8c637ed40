using System.Runtime.CompilerServices;
using System.Text;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// Hostile bytes: flipped, truncated, extended and random bytes of valid inline maps. <c>TryRead</c> must only
/// ever refuse them or accept a map that is exactly a valid one: the map built by adding its entries again, in
/// order, to an empty map has the same bytes. It never throws, and <c>Read</c> throws only <see cref="FlatFormatException"/>.
/// </summary>
public sealed class InlineBytesMutationTests
{
    private const int Mutations = 120_000;

    [Fact]
    public void Mutated_bytes_are_refused_or_read_as_an_equal_valid_map() => Mutate<InlineKnownMap>(seed: 17, BuildKnown);

    [Fact]
    public void Mutated_bytes_of_an_ordinal_map_are_refused_or_read_as_an_equal_valid_map() => Mutate<InlineMap>(seed: 23, BuildOrdinal);

    [Fact]
    public void Random_bytes_are_refused()
    {
        var random = new Random(5);
        byte[] bytes = new byte[Unsafe.SizeOf<InlineKnownMap>()];
        for (int i = 0; i < 10_000; i++)
        {
            random.NextBytes(bytes);
            Assert.False(InlineKnownMap.TryRead(bytes, out _));
        }

        // With the right layout id, random contents are still refused.
        for (int i = 0; i < 10_000; i++)
        {
            random.NextBytes(bytes);
            BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), InlineKnownMap.LayoutId);
            Assert.False(InlineKnownMap.TryRead(bytes, out _));
        }
    }

    [Fact]
    public void A_slot_table_with_no_empty_slot_is_refused_without_probing_forever()
    {
        // Every slot points at the second key: probing for the first would never meet an empty slot.
        var map = new InlineMap();
        map.Add("k", "v");
        map.Add("j", "w");
        byte[] bytes = map.AsBytes().ToArray();
        FlatField slots = InlineMap.Layout.Fields.Single(f => f.Name == "_slots");
        bytes.AsSpan(slots.Offset, slots.Size).Fill(2);

        Assert.False(InlineMap.TryRead(bytes, out _));
    }

    [Fact]
    public void Read_throws_a_format_exception_that_says_why()
    {
        var map = BuildKnown(new Random(1));
        byte[] bytes = map.AsBytes().ToArray();
        bytes[^1] ^= 1;

        FlatFormatException exception = Assert.Throws<FlatFormatException>(() => InlineKnownMap.Read(bytes));
        Assert.Contains("not a valid 'FlatGen.Tests.Maps.InlineKnownMap'", exception.Message);
        Assert.Contains("unused storage is not zero", exception.Message);
        Assert.Throws<FlatFormatException>(() => InlineKnownMap.Read(bytes.AsSpan(1)));
    }

    [Fact]
    public void A_default_map_reads_as_an_empty_map_and_another_layout_does_not()
    {
        Assert.True(InlineMap.TryRead(new byte[Unsafe.SizeOf<InlineMap>()], out InlineMap empty));
        Assert.Equal(0, empty.Count);

        // The layout id comes first: another map's id in otherwise empty bytes is refused.
        byte[] bytes = new byte[Unsafe.SizeOf<InlineMap>()];
        BitConverter.TryWriteBytes(bytes, InlineKnownMap.LayoutId);
        Assert.False(InlineMap.TryRead(bytes, out _));
        BitConverter.TryWriteBytes(bytes, InlineMap.LayoutId);
        Assert.True(InlineMap.TryRead(bytes, out _));
    }

    private static void Mutate<TMap>(int seed, Func<Random, TMap> build)
        where TMap : struct, IInlineTestMap<TMap>
    {
        var random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < Mutations; i++)
        {
            TMap original = build(random);
            byte[] bytes = original.AsBytes().ToArray();
            byte[] mutated = random.Next(10) switch
            {
                0 => bytes[..random.Next(bytes.Length)],
                1 => [.. bytes, .. new byte[random.Next(1, 9)]],
                _ => Flip(bytes, random),
            };

            if (TMap.TryRead(mutated, out TMap read))
            {
                accepted++;
                Assert.Equal(mutated, Rebuild(read));
            }
            else if (i % 16 == 0)
            {
                Assert.Throws<FlatFormatException>(() => TMap.Read(mutated));
            }
        }

        // Flips inside a value's text that keep it valid UTF-8 make another valid map: some are accepted.
        Assert.InRange(accepted, 1, Mutations / 2);
    }

    /// <summary>One to three flipped bits, or one byte set to a random value.</summary>
    private static byte[] Flip(byte[] bytes, Random random)
    {
        byte[] copy = [.. bytes];
        if (random.Next(4) == 0)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
            return copy;
        }

        for (int flips = random.Next(1, 4); flips > 0; flips--)
        {
            int bit = random.Next(copy.Length * 8);
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
        }

        return copy;
    }

    /// <summary>The bytes of the map made by adding <paramref name="read"/>'s entries, in order, to an empty map.</summary>
    private static byte[] Rebuild<TMap>(TMap read)
        where TMap : struct, IInlineTestMap<TMap>
    {
        var rebuilt = new TMap();
        foreach (string[] entry in read.Entries())
        {
            foreach (string value in entry[1..])
            {
                rebuilt.Add(Encoding.UTF8.GetBytes(entry[0]), Encoding.UTF8.GetBytes(value));
            }
        }

        if (read.Count == 0 && !read.AsBytes().ContainsAnyExcept((byte)0))
        {
            return new byte[Unsafe.SizeOf<TMap>()];
        }

        // The version counts changes and is not content: any value reads back, so the rebuilt map takes the read one's.
        byte[] bytes = rebuilt.AsBytes().ToArray();
        FlatField version = TMap.Layout.Fields.Single(static f => f.Name == "_version");
        read.AsBytes().Slice(version.Offset, version.Size).CopyTo(bytes.AsSpan(version.Offset));
        return bytes;
    }

    private static InlineKnownMap BuildKnown(Random random)
    {
        string[] keys = ["Host", "content-type", "größe", "GRÖßE", "x-a", "X-B", "X-A", "x-c"];
        var map = new InlineKnownMap();
        for (int i = random.Next(1, 9); i > 0; i--)
        {
            map.TryAdd(keys[random.Next(keys.Length)], "v" + random.Next(100) + (random.Next(3) == 0 ? "é" : ""));
        }

        if (random.Next(3) == 0)
        {
            map.Remove(keys[random.Next(keys.Length)]);
        }

        return map;
    }

    private static InlineMap BuildOrdinal(Random random)
    {
        var map = new InlineMap();
        for (int i = random.Next(1, 8); i > 0; i--)
        {
            map.TryAdd("k" + random.Next(6), "value" + random.Next(10));
        }

        if (random.Next(3) == 0)
        {
            map.Remove("k" + random.Next(6));
        }

        return map;
    }
}

using System.Text;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime.Packed;

/// <summary>
/// Any map packs into a <see cref="FlatPackedMap"/> that is the same map, read-only: random operations build maps of
/// both storages, both comparisons, with known keys, spilled and evicting; each is packed and the packed map must agree
/// with the map it came from in counts, comparison, first-insertion order, every lookup (present and absent, in every
/// key form, case variants included), text, equality with the same content added in another order, and bytes read back.
/// </summary>
public sealed class PackedMapTests
{
    private const int Seeds = 300;

    /// <summary>
    /// Keys with case variants, lengths across the hash's paths and the bounds of a lookup's narrowed words (4, 8, 16,
    /// 17, 32 and 33 units; "abcd" beside "abé", as many bytes), non-ASCII keys whose case variants differ in UTF-8
    /// length (U+023A and U+2C65), the empty key, and "é" beside "Ã©", whose two code units are é's two UTF-8 bytes.
    /// </summary>
    private static readonly string[] Keys =
    [
        "Host", "host", "HOST", "Content-Type", "content-type", "Accept", "accept-encoding", "Accept-Encoding", "X-Request-Id",
        "x-request-id-with-a-long-tail", "X-REQUEST-ID-WITH-A-LONG-TAIL", "a", "A", "", "Größe", "GRÖßE", "größe", "\u2C65-Key",
        "\u023A-key", "\U0001F600x", "k", "region", "x-id", "X-ID", "ETag", "etag", "a-key-with-a-name-longer-than-thirty-two-characters",
        "Ab", "ab", "Abc", "Via", "TE", "te", "Referer", "User-Agent", "\u00E9", "\u00C3\u00A9", "x-\u00E9-header", "x-\u00C3\u00A9-header", "X-\u00C3\u00A9-HEADER",
        "x-powerd", "X-POWERD", "x-correlation-id", "X-Correlation-ID", "x-correlation-id1", "x-forwarded-for-of-the-first-hop",
        "X-FORWARDED-FOR-OF-THE-FIRST-HOP", "x-forwarded-for-of-the-first-hops", "ab\u00E9", "abcd",
    ];

    /// <summary>Values: empty, ASCII, non-ASCII, one longer than 127 bytes (a two-byte length), and one of 100 units whose UTF-8 needs a two-byte length where its units would need one.</summary>
    private static readonly string[] Values = ["", "v", "example.org", "text/html", "ünïcødé", "\U0001F600", new string('x', 130), "gzip, deflate, br", new string('é', 100)];

    public static TheoryData<string> MapNames() =>
    [
        nameof(SmallMap), nameof(IgnoreCaseMap32), nameof(KnownHeadersMap), nameof(KnownOrdinalMap), nameof(ReusingHeadersMap),
        nameof(TinyMap), nameof(SpillingMap), nameof(SpillingKnownMap), nameof(EvictingMap), nameof(EvictingKnownMap),
        nameof(InlineMap), nameof(InlineKnownMap), nameof(InlineWideMap),
    ];

    [Theory]
    [MemberData(nameof(MapNames))]
    public void A_packed_map_is_the_map_it_came_from(string mapName)
    {
        for (int seed = 0; seed < Seeds; seed++)
        {
            switch (mapName)
            {
                case nameof(SmallMap): Check<SmallMap>(seed, FlatKeyComparison.Ordinal); break;
                case nameof(IgnoreCaseMap32): Check<IgnoreCaseMap32>(seed, FlatKeyComparison.OrdinalIgnoreCase); break;
                case nameof(KnownHeadersMap): Check<KnownHeadersMap>(seed, FlatKeyComparison.OrdinalIgnoreCase); break;
                case nameof(KnownOrdinalMap): Check<KnownOrdinalMap>(seed, FlatKeyComparison.Ordinal); break;
                case nameof(ReusingHeadersMap): Check<ReusingHeadersMap>(seed, FlatKeyComparison.OrdinalIgnoreCase); break;
                case nameof(TinyMap): Check<TinyMap>(seed, FlatKeyComparison.Ordinal); break;
                case nameof(SpillingMap): Check<SpillingMap>(seed, FlatKeyComparison.Ordinal); break;
                case nameof(SpillingKnownMap): Check<SpillingKnownMap>(seed, FlatKeyComparison.OrdinalIgnoreCase); break;
                case nameof(EvictingMap): Check<EvictingMap>(seed, FlatKeyComparison.Ordinal); break;
                case nameof(EvictingKnownMap): Check<EvictingKnownMap>(seed, FlatKeyComparison.OrdinalIgnoreCase); break;
                case nameof(InlineMap): Check<InlineMap>(seed, FlatKeyComparison.Ordinal); break;
                case nameof(InlineKnownMap): Check<InlineKnownMap>(seed, FlatKeyComparison.OrdinalIgnoreCase); break;
                case nameof(InlineWideMap): Check<InlineWideMap>(seed, FlatKeyComparison.Ordinal); break;
                default: throw new ArgumentOutOfRangeException(nameof(mapName), mapName, null);
            }
        }
    }

    /// <summary>
    /// A map of one key has one bucket, so every probe is compared with that key: a probe that differs from it at any
    /// one position, of any length across the narrowed words' forms, misses; one that differs only in the case of that
    /// position hits exactly when the map ignores case.
    /// </summary>
    [Fact]
    public void A_probe_that_differs_from_the_key_at_any_one_position_misses()
    {
        for (int length = 1; length <= 40; length++)
        {
            string key = new([.. Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 % 26)))]);
            var ordinal = default(SmallMap);
            var ignoreCase = default(IgnoreCaseMap32);
            ordinal.Add(key, "v");
            ignoreCase.Add(key, "v");
            FlatPackedMap[] packed = [ordinal.Pack(), ignoreCase.Pack()];
            for (int position = 0; position < length; position++)
            {
                foreach (char unit in new[] { '#', 'A', '\u00E9' })
                {
                    char[] units = key.ToCharArray();
                    units[position] = unit == 'A' ? char.ToUpperInvariant(key[position]) : unit;
                    string probe = new(units);
                    bool caseOnly = unit == 'A';
                    Assert.False(packed[0].ContainsKey(probe), $"ordinal '{probe}' for '{key}'");
                    Assert.False(packed[0].ContainsKey(Encoding.UTF8.GetBytes(probe)), $"ordinal UTF-8 '{probe}' for '{key}'");
                    Assert.True(caseOnly == packed[1].ContainsKey(probe), $"ignoring case '{probe}' for '{key}'");
                    Assert.True(caseOnly == packed[1].ContainsKey(Encoding.UTF8.GetBytes(probe)), $"ignoring case UTF-8 '{probe}' for '{key}'");
                }
            }

            Assert.True(packed[0].ContainsKey(key) && packed[1].ContainsKey(key.ToUpperInvariant()), key);
        }
    }

    [Fact]
    public void Wide_maps_take_wide_tables_and_offsets()
    {
        // 300 keys: two-byte bucket counts. Over 64 KiB: four-byte offsets. Both read back as the map.
        var map = default(WideMap);
        for (int i = 0; i < 300; i++)
        {
            map.Add("key-" + i, new string((char)('a' + (i % 26)), 220));
        }

        for (int i = 0; map.ValueCount < 700; i++)
        {
            map.Add("key-" + (i % 300), new string('z', 1 + (i % 200)));
        }

        FlatPackedMap packed = map.Pack();

        Assert.True(packed.ByteCount > ushort.MaxValue, $"{packed.ByteCount} bytes");
        AssertSame(ref map, packed, FlatKeyComparison.Ordinal, "wide");
    }

    [Theory]
    [InlineData(3, 200)] // A two-byte value count in the header: the header's general reading.
    [InlineData(127, 127)] // The most keys and values a one-byte header holds.
    [InlineData(128, 128)] // One more of each.
    public void Maps_on_both_sides_of_the_one_byte_header_read_back(int keys, int values)
    {
        var map = default(WideMap);
        for (int i = 0; i < values; i++)
        {
            map.Add("key-" + (i % keys).ToString(System.Globalization.CultureInfo.InvariantCulture), "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        FlatPackedMap packed = map.Pack();

        Assert.Equal(keys, packed.Count);
        Assert.Equal(values, packed.ValueCount);
        AssertSame(ref map, packed, FlatKeyComparison.Ordinal, $"{keys} keys, {values} values");
        Assert.All(Enumerable.Range(0, keys), i => Assert.True(packed.ContainsKey("key-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void A_packed_map_reads_a_slice_and_native_memory_in_place()
    {
        var map = default(IgnoreCaseMap32);
        map.Add("Host", "example.org");
        map.Add("Accept", "text/html");
        byte[] packed = map.Pack().AsBytes().ToArray();

        // A slice of a larger array: read where it is, not copied.
        byte[] store = new byte[packed.Length + 10];
        packed.CopyTo(store, 7);
        FlatPackedMap sliced = FlatPackedMap.Read(new ReadOnlyMemory<byte>(store, 7, packed.Length));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(sliced.AsMemory(), out ArraySegment<byte> segment));
        Assert.Same(store, segment.Array);
        Assert.Equal(7, segment.Offset);
        Assert.Equal(["example.org"], sliced.GetValues("HOST").ToArray());

        // Native memory, as a memory-mapped file gives it: the map's bytes are those bytes.
        using var native = new NativeMemoryManager(packed);
        FlatPackedMap mapped = FlatPackedMap.Read(native.Memory);
        unsafe
        {
            fixed (byte* first = mapped.AsBytes())
            {
                Assert.Equal(native.Address, (nint)first);
            }
        }

        Assert.Equal(["text/html"], mapped.GetValues("accept"u8).ToArray());
        Assert.Equal(map.Pack(), mapped);
        Assert.Equal(map.Pack(), sliced);
    }

    [Fact]
    public void Many_threads_read_one_packed_map_at_once()
    {
        var map = default(IgnoreCaseMap32);
        for (int i = 0; i < 24; i++)
        {
            map.Add("X-Header-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "value " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        FlatPackedMap packed = map.Pack();
        int wrong = 0;
        Parallel.For(0, 100_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            int k = i % 24;
            string expected = "value " + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (packed.GetValues("x-header-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetString(0) != expected || packed.Count != 24)
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void An_empty_map_and_the_default_packed_map_are_empty()
    {
        var map = default(SmallMap);
        FlatPackedMap packed = map.Pack();
        FlatPackedMap none = default;

        Assert.Equal(0, packed.Count);
        Assert.False(packed.ContainsKey("a"));
        Assert.Equal(0, none.Count);
        Assert.Equal(0, none.ByteCount);
        Assert.False(none.ContainsKey("a"));
        Assert.True(none.GetValues("a").IsEmpty);
        Assert.Equal("{ }", none.ToString());
        Assert.Equal(none, packed);
        Assert.False(FlatPackedMap.TryRead(Array.Empty<byte>(), out _));
    }

    [Fact]
    public void A_lone_surrogate_cannot_be_packed_and_the_map_is_unchanged()
    {
        var map = default(SmallMap);
        map.Add("a", "ok");
        map.Add("b\uD800", "x");

        Assert.Throws<InvalidOperationException>(() => map.PackedByteCount);
        Assert.Throws<InvalidOperationException>(() => map.Pack());
        Assert.Throws<InvalidOperationException>(() => map.TryPack(new byte[256], out _));
        Assert.Equal(2, map.Count);
        Assert.Equal("x", map.GetFirstOrDefault("b\uD800"));
    }

    [Fact]
    public void Null_keys_and_bytes_are_refused()
    {
        FlatPackedMap packed = default(SmallMap).Pack();

        Assert.Throws<ArgumentNullException>(() => packed.ContainsKey((string)null!));
        Assert.Throws<ArgumentNullException>(() => packed.GetValues((string)null!));
        Assert.Throws<ArgumentNullException>(() => packed.TryGetValues((string)null!, out _));
        Assert.Throws<ArgumentNullException>(() => FlatPackedMap.Read((byte[])null!));
        Assert.Throws<ArgumentNullException>(() => FlatPackedMap.TryRead((byte[])null!, out _));
    }

    [Fact]
    public void A_value_index_outside_the_values_throws()
    {
        var map = default(SmallMap);
        map.Add("a", "1");
        map.Add("a", "2");
        FlatPackedMap packed = map.Pack();

        Assert.Equal("2", packed.GetValues("a").GetString(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => packed.GetValues("a")[2].Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed.GetValues("a")[-1].Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed.GetValues("absent")[0].Length);
    }

    private static void Check<TMap>(int seed, FlatKeyComparison comparison)
        where TMap : struct, IFlatMultiMap
    {
        var random = new Random(seed);
        var map = default(TMap);
        int steps = random.Next(0, 48);
        for (int step = 0; step < steps; step++)
        {
            string key = Keys[random.Next(Keys.Length)];
            string value = Values[random.Next(Values.Length)];
            try
            {
                switch (random.Next(10))
                {
                    case < 5: map.TryAdd(key, value); break;
                    case 5: map.TryAdd(key.AsSpan(), value); break;
                    case 6: map.TryAdd(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value)); break;
                    case 7: map.TrySet(key, value); break;
                    case 8: map.Remove(key); break;
                    default: map.Remove(key, value); break;
                }
            }
            catch (ArgumentException)
            {
                // An inline map that ignores case refuses a new key that is not ASCII; it is unchanged.
            }
        }

        AssertSame(ref map, map.Pack(), comparison, $"{typeof(TMap).Name}, seed {seed}");
    }

    private static void AssertSame<TMap>(ref TMap map, FlatPackedMap packed, FlatKeyComparison comparison, string context)
        where TMap : struct, IFlatMultiMap
    {
        KeyValuePair<string, string[]>[] pairs = map.ToArray();
        Dictionary<string, string[]> byKey = map.ToDictionary();

        Assert.Equal(map.PackedByteCount, packed.ByteCount);
        Assert.Equal(comparison, packed.KeyComparison);
        Assert.Equal(map.Count, packed.Count);
        Assert.Equal(map.ValueCount, packed.ValueCount);
        Assert.Equal(map.ToString(), packed.ToString());

        // First-insertion order, each key's values in order, as bytes and as strings.
        int index = 0;
        foreach (FlatPackedEntry entry in packed)
        {
            Assert.True(index < pairs.Length, context);
            Assert.Equal(pairs[index].Key, entry.GetKeyString());
            Assert.True(entry.Key.SequenceEqual(Encoding.UTF8.GetBytes(pairs[index].Key)), context);
            Assert.Equal(pairs[index].Value, entry.Values.ToArray());
            index++;
        }

        Assert.Equal(pairs.Length, index);

        // Every probe, present or not, in every key form, as the map answers it.
        foreach (string probe in Keys.Concat(pairs.Select(pair => pair.Key)).Append("absent").Append("Hosts"))
        {
            bool present = map.ContainsKey(probe);
            byte[] utf8 = Encoding.UTF8.GetBytes(probe);
            Assert.True(present == packed.ContainsKey(probe), $"{context}: '{probe}' present {present}");
            Assert.Equal(present, packed.ContainsKey(probe.AsSpan()));
            Assert.Equal(present, packed.ContainsKey(utf8));
            Assert.Equal(present, packed.TryGetValues(probe, out FlatPackedValues values));
            string[] expected = present ? byKey[probe] : [];
            Assert.Equal(expected, values.ToArray());
            Assert.Equal(expected, packed.GetValues(probe.AsSpan()).ToArray());
            Assert.Equal(expected, packed.GetValues(utf8).ToArray());
            Assert.Equal(expected.Length, packed.GetValues(probe).Count);
        }

        // The bytes stand alone, and writing them anywhere gives the same bytes.
        byte[] bytes = packed.AsBytes().ToArray();
        FlatPackedMap read = FlatPackedMap.Read(bytes);
        Assert.Equal(packed, read);
        Assert.Equal(packed.GetHashCode(), read.GetHashCode());
        byte[] buffer = new byte[bytes.Length + 3];
        Assert.True(map.TryPack(buffer, out int written));
        Assert.Equal(bytes.Length, written);
        Assert.True(buffer.AsSpan(0, written).SequenceEqual(bytes), context);
        Assert.False(map.TryPack(buffer.AsSpan(0, bytes.Length - 1), out written));
        Assert.Equal(0, written);

        // The same content added in the reverse key order packs to an equal map; one value more to a different one.
        var reversed = default(TMap);
        foreach (KeyValuePair<string, string[]> pair in pairs.Reverse())
        {
            foreach (string value in pair.Value)
            {
                Assert.True(reversed.TryAdd(pair.Key, value), context);
            }
        }

        FlatPackedMap reversedPacked = reversed.Pack();
        Assert.True(packed.Equals(reversedPacked), context);
        Assert.True(packed == reversedPacked);
        Assert.Equal(packed.GetHashCode(), reversedPacked.GetHashCode());
        if (pairs.Length > 0 && reversed.TryAdd(pairs[0].Key, "one more"))
        {
            Assert.NotEqual(packed, reversed.Pack());
            Assert.True(packed != reversed.Pack());
        }
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using CsCheck;
using FlatGen.Infrastructure;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// The key hashes: the ignore-case hash gives equal hashes to keys that <see cref="StringComparison.OrdinalIgnoreCase"/>
/// calls equal, for all of Unicode (otherwise lookups of such keys miss); the persisted hash is a fixed function
/// (golden values, and a plain re-implementation of its definition); chosen keys do not collide.
/// </summary>
public sealed class KeyHashTests
{
    private static readonly HashSeed OtherSeed = new(0x4528_21E6_38D0_1377, 0xBE54_66CF_34E9_0C6C);

    [Fact]
    public void No_ASCII_character_equals_a_non_ASCII_one_ignoring_case_and_equal_BMP_characters_hash_equally()
    {
        // The ignore-case hash takes ASCII keys one way and the others another, which is only sound if a key's
        // ASCII-ness cannot change between two keys equal ignoring case. Grouping by the runtime's own ignore-case
        // hash code finds every equal pair without comparing all 2^32 pairs.
        var groups = new Dictionary<int, List<char>>();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            int code = string.GetHashCode(new ReadOnlySpan<char>(in Unsafe.As<int, char>(ref c)), StringComparison.OrdinalIgnoreCase);
            if (!groups.TryGetValue(code, out List<char>? group))
            {
                groups[code] = group = [];
            }

            group.Add((char)c);
        }

        int equalPairs = 0;
        foreach (List<char> group in groups.Values)
        {
            foreach (char a in group)
            {
                foreach (char b in group)
                {
                    if (a != b && string.Equals(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase))
                    {
                        equalPairs++;
                        Assert.True(a < 0x80 == b < 0x80, $"U+{(int)a:X4} and U+{(int)b:X4} mix ASCII and non-ASCII.");
                        Assert.Equal(FlatHash.ProcessOrdinalIgnoreCase("key-" + a), FlatHash.ProcessOrdinalIgnoreCase("key-" + b));
                    }
                }
            }
        }

        Assert.True(equalPairs > 2000, $"Only {equalPairs} case pairs were found; the grouping is wrong.");
    }

    [Fact]
    public void Supplementary_characters_equal_ignoring_case_hash_equally()
    {
        int casePairs = 0;
        for (int codePoint = 0x10000; codePoint <= 0x10FFFF; codePoint++)
        {
            string text = char.ConvertFromUtf32(codePoint);
            foreach (string other in new[] { text.ToUpperInvariant(), text.ToLowerInvariant() })
            {
                if (other != text && string.Equals(text, other, StringComparison.OrdinalIgnoreCase))
                {
                    casePairs++;
                    Assert.Equal(FlatHash.ProcessOrdinalIgnoreCase(text), FlatHash.ProcessOrdinalIgnoreCase(other));
                }
            }
        }

        Assert.True(casePairs > 100, $"Only {casePairs} supplementary case pairs were found.");
    }

    /// <summary>Folding more than case merges keys OrdinalIgnoreCase keeps apart, which chosen keys can exploit.</summary>
    [Fact]
    public void ASCII_characters_fold_together_exactly_when_they_are_equal_ignoring_case()
    {
        for (char a = '\0'; a < 0x80; a++)
        {
            for (char b = '\0'; b < 0x80; b++)
            {
                bool equal = string.Equals(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase);
                Assert.True(equal == (FlatHash.FoldLetters(a) == FlatHash.FoldLetters(b)), $"U+{(int)a:X4} and U+{(int)b:X4}");
                Assert.True(equal == (FlatHash.FoldLetters((ulong)a << 48) == FlatHash.FoldLetters((ulong)b << 48)), $"U+{(int)a:X4} and U+{(int)b:X4} in the top lane");
            }
        }
    }

    /// <summary>
    /// Keys that an earlier hash sent to one value: every 12-character string of '^' and '~', and of '@' and '`' (a
    /// looser fold), and emoji (every surrogate folded to one code). Each set of distinct keys must get almost as many
    /// hashes as it has keys, under both seeds.
    /// </summary>
    [Fact]
    public void Keys_that_earlier_folds_merged_get_distinct_ignore_case_hashes()
    {
        static string[] Combinations(string zero, string one) =>
            Enumerable.Range(0, 4096).Select(bits => string.Concat(Enumerable.Range(0, 12).Select(i => (bits >> i & 1) == 0 ? zero : one))).ToArray();

        foreach (string[] keys in new[] { Combinations("^", "~"), Combinations("@", "`"), Combinations("\U0001F600", "\U0001F601") })
        {
            Assert.Equal(4096, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.True(keys.Select(k => FlatHash.ProcessOrdinalIgnoreCase(k)).Distinct().Count() >= 4090, keys[1]);
            if (FlatHash.TryOrdinalIgnoreCaseAscii(keys[0], FlatHash.PersistedSeed, out _))
            {
                Assert.True(keys.Select(k => PersistedIgnoreCase(k)).Distinct().Count() >= 4090, keys[1]);
            }
        }
    }

    /// <summary>
    /// A differential that broke the previous mixer for any seed: flipping bit 63 of one 8-byte word and bit 4 of the
    /// next gave equal hashes. No such pair, nor any single-character change, may collide now.
    /// </summary>
    [Fact]
    public void Keys_one_bit_pattern_apart_do_not_collide()
    {
        int pairs = 0;
        foreach (HashSeed seed in new[] { FlatHash.PersistedSeed, FlatHash.ProcessSeed, OtherSeed })
        {
            for (int length = 1; length <= 40; length++)
            {
                for (int sample = 0; sample < 20; sample++)
                {
                    char[] key = Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 + sample * 13) % 26)).ToArray();
                    uint hash = FlatHash.Ordinal(key, seed);
                    for (int at = 0; at < length; at++)
                    {
                        foreach (int flip in new[] { 0x8000, 0x0010, 0x0001 })
                        {
                            char[] other = (char[])key.Clone();
                            other[at] = (char)(other[at] ^ flip);
                            if (at % 4 == 3 && at + 1 < length)
                            {
                                other[at + 1] = (char)(other[at + 1] ^ 0x0010);
                            }

                            pairs++;
                            Assert.True(hash != FlatHash.Ordinal(other, seed), $"length {length}, at {at}, flip {flip:X4}, seed {seed}, key {new string(key)}");
                        }
                    }
                }
            }
        }

        Assert.True(pairs > 50_000);
    }

    /// <summary>
    /// The persisted hash is part of the inline format: these values were computed when format version 4 was defined,
    /// by this test's own re-implementation of the definition. If one changes, the inline format changed: raise
    /// <c>FlatInlineFormat.Version</c> and write the new values here.
    /// </summary>
    [Theory]
    [InlineData("", 0xB8360D13u, 0xB8360D13u)]
    [InlineData("a", 0x76931859u, 0x76931859u)]
    [InlineData("Host", 0xF1B7C319u, 0x7A3A3F22u)]
    [InlineData("Content-Type", 0x9B0AD1FBu, 0x39F7F283u)]
    [InlineData("x-request-id-with-a-long-tail", 0x8D097342u, 0x8D097342u)]
    [InlineData("http.request.header.accept-encoding.and-more-after-that", 0x66F8DDD4u, 0x66F8DDD4u)]
    public void The_persisted_hash_keeps_its_golden_values(string key, uint ordinal, uint ignoreCase)
    {
        Assert.Equal(ordinal, FlatHash.Ordinal(key, FlatHash.PersistedSeed));
        Assert.Equal(ignoreCase, PersistedIgnoreCase(key));
        Assert.Equal(ordinal, SpecHash(key, 0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, ignoreCase: false));
        Assert.Equal(ignoreCase, SpecHash(key, 0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, ignoreCase: true));
    }

    /// <summary>
    /// Every length and both comparisons, ASCII and not, against the definition written out plainly (byte arrays, 128-bit
    /// products): over UTF-16 code units, and over UTF-8 bytes as the packed format hashes.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_hash_is_its_definition_for_every_length_and_seed(bool utf8)
    {
        var random = new Random(utf8 ? 12 : 11);
        foreach (HashSeed seed in new[] { FlatHash.PersistedSeed, FlatHash.ProcessSeed, OtherSeed })
        {
            for (int length = 0; length <= 100; length++)
            {
                for (int sample = 0; sample < 5; sample++)
                {
                    string key = new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x7F)).ToArray());
                    string wide = new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0xD7FF)).ToArray());
                    foreach (string text in new[] { key, wide })
                    {
                        Assert.Equal(
                            utf8 ? SpecUtf8Hash(text, seed.First, seed.Second, ignoreCase: false) : SpecHash(text, seed.First, seed.Second, ignoreCase: false),
                            utf8 ? FlatHash.Utf8(Encoding.UTF8.GetBytes(text), seed) : FlatHash.Ordinal(text, seed));
                    }

                    Assert.True(utf8 ? FlatHash.TryUtf8IgnoreCaseAscii(Encoding.UTF8.GetBytes(key), seed, out uint hash) : FlatHash.TryOrdinalIgnoreCaseAscii(key, seed, out hash));
                    Assert.Equal(utf8 ? SpecUtf8Hash(key, seed.First, seed.Second, ignoreCase: true) : SpecHash(key, seed.First, seed.Second, ignoreCase: true), hash);
                }
            }
        }
    }

    /// <summary>
    /// The ASCII check covers every code unit (UTF-16) or byte (UTF-8), whichever load (and overlapping load, or a
    /// short UTF-8 key's three bytes) reads it.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_persisted_ignore_case_hash_refuses_a_unit_that_is_not_ASCII_at_any_position(bool utf8)
    {
        ushort[] notAscii = utf8 ? [0x80, 0xC3, 0xE4, 0xFF] : [0x80, 0xE9, 0x4E00, 0xD83D, 0xFFFF];
        for (int length = 1; length <= 70; length++)
        {
            for (int at = 0; at < length; at++)
            {
                foreach (ushort unit in notAscii)
                {
                    ushort[] key = Enumerable.Repeat((ushort)'k', length).ToArray();
                    key[at] = unit;
                    Assert.False(TryPersistedIgnoreCase(key, utf8), $"length {length}, 0x{unit:X4} at {at}");
                }
            }

            Assert.True(TryPersistedIgnoreCase(Enumerable.Repeat((ushort)0x7F, length).ToArray(), utf8));
        }
    }

    private static bool TryPersistedIgnoreCase(ushort[] units, bool utf8) => utf8
        ? FlatHash.TryUtf8IgnoreCaseAscii(units.Select(unit => (byte)unit).ToArray(), FlatHash.PersistedSeed, out _)
        : FlatHash.TryOrdinalIgnoreCaseAscii(new string(units.Select(unit => (char)unit).ToArray()), FlatHash.PersistedSeed, out _);

    /// <summary>
    /// The packed format's hash (<see cref="FlatHash.Utf8"/>, format version 2): values computed when that version was
    /// defined, by this test's own re-implementation. If one changes, the packed format changed: raise
    /// <c>FlatPackedFormat.Version</c> and write the new values here and in the packed golden bytes.
    /// </summary>
    [Theory]
    [InlineData("", 0xB8360D13u, 0xB8360D13u)]
    [InlineData("a", 0x0700C795u, 0x0700C795u)]
    [InlineData("ab", 0x23DEB7BCu, 0x23DEB7BCu)]
    [InlineData("abc", 0x4CBE980Cu, 0x4CBE980Cu)]
    [InlineData("Host", 0x0D357DA1u, 0x369B4D65u)]
    [InlineData("Content-Type", 0x09BADBA7u, 0xFB1ACCC6u)]
    [InlineData("x-request-id-with-a-long-tail", 0x2D001884u, 0x2D001884u)]
    [InlineData("http.request.header.accept-encoding.and-more-after-that", 0xF80389E8u, 0xF80389E8u)]
    public void The_UTF8_hash_keeps_its_golden_values(string key, uint ordinal, uint ignoreCase)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(key);
        Assert.Equal(ordinal, FlatHash.Utf8(bytes, FlatHash.PersistedSeed));
        Assert.True(FlatHash.TryUtf8IgnoreCaseAscii(bytes, FlatHash.PersistedSeed, out uint folded));
        Assert.Equal(ignoreCase, folded);
        Assert.Equal(ordinal, SpecUtf8Hash(key, 0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, ignoreCase: false));
        Assert.Equal(ignoreCase, SpecUtf8Hash(key, 0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, ignoreCase: true));
    }

    /// <summary>The byte-lane fold merges exactly the ASCII bytes that are equal ignoring case, in every lane.</summary>
    [Fact]
    public void ASCII_bytes_fold_together_exactly_when_they_are_equal_ignoring_case()
    {
        for (byte a = 0; a < 0x80; a++)
        {
            for (byte b = 0; b < 0x80; b++)
            {
                bool equal = string.Equals(((char)a).ToString(), ((char)b).ToString(), StringComparison.OrdinalIgnoreCase);
                for (int lane = 0; lane < 8; lane++)
                {
                    Assert.True(equal == (FlatHash.FoldLetterBytes((ulong)a << (8 * lane)) == FlatHash.FoldLetterBytes((ulong)b << (8 * lane))), $"0x{a:X2} and 0x{b:X2} in lane {lane}");
                }

                Assert.True(equal == (FlatHash.FoldLetters(Vector128.Create(a)) == FlatHash.FoldLetters(Vector128.Create(b))), $"0x{a:X2} and 0x{b:X2} in a vector");
            }
        }
    }

    /// <summary>
    /// A reference map's ignore-case hash: an ASCII key of up to 32 units is hashed as its UTF-8 bytes (the packed
    /// format's function, by this test's own re-implementation, under this process's seed), any other key by its units.
    /// Keys of every length to 40, ASCII and with one unit that is not at any position, both cases.
    /// </summary>
    [Fact]
    public void The_in_process_ignore_case_hash_hashes_short_ASCII_keys_by_their_bytes_and_others_by_their_units()
    {
        var random = new Random(32);
        HashSeed seed = FlatHash.ProcessSeed;
        int byBytes = 0;
        for (int length = 0; length <= 40; length++)
        {
            string ascii = new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x7F)).ToArray());
            var keys = new List<string> { ascii, ascii.ToUpperInvariant(), ascii.ToLowerInvariant() };
            for (int at = 0; at < length; at++)
            {
                keys.Add(string.Concat(ascii.AsSpan(0, at), "é", ascii.AsSpan(at + 1)));
            }

            foreach (string key in keys)
            {
                // Without vector hardware only the keys of up to 3 units are narrowed.
                bool narrowed = Ascii.IsValid(key) && (length < 4 || (length <= 32 && Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian));
                byBytes += narrowed ? 1 : 0;
                uint expected = narrowed ? SpecUtf8Hash(key, seed.First, seed.Second, ignoreCase: true) : FlatHash.OrdinalIgnoreCase(key, seed);
                Assert.Equal(expected, FlatHash.ProcessOrdinalIgnoreCase(key));
                Assert.Equal(expected, FlatOrdinalIgnoreCaseComparer.Hash(key));
            }
        }

        Assert.True(byBytes >= 3 * 4, $"{byBytes} keys hashed by their bytes");
    }

    [Fact]
    public void Reference_maps_hash_with_this_process_s_seed_and_inline_maps_with_the_persisted_one()
    {
        Assert.NotEqual(FlatHash.PersistedSeed, FlatHash.ProcessSeed);
        foreach (string key in new[] { "", "Host", "x-request-id", "Größe" })
        {
            Assert.Equal(FlatHash.Ordinal(key, FlatHash.ProcessSeed), FlatReferenceMapCore<byte, byte, FlatOrdinalComparer, FlatNoKnownKeys>.Hash(key));
            Assert.Equal(FlatHash.ProcessOrdinalIgnoreCase(key), FlatReferenceMapCore<byte, byte, FlatOrdinalIgnoreCaseComparer, FlatNoKnownKeys>.Hash(key));
            Assert.True(FlatOrdinalComparer.TryHashPersisted(key, 0, out uint persisted));
            Assert.Equal(FlatHash.Ordinal(key, FlatHash.PersistedSeed), persisted);
        }
    }

    /// <summary>
    /// Keys anyone can find, with the published function and seed, that share one home slot of a 4,096-key map's
    /// 8,192 slots: a reference map's hash, seeded per process, spreads them like random keys.
    /// </summary>
    [Fact]
    public void Keys_chosen_to_share_a_slot_under_a_known_seed_spread_under_the_process_seed()
    {
        const int slots = 8192;
        var chosen = new List<string>();
        for (int i = 0; chosen.Count < 300; i++)
        {
            string key = "k" + i.ToString(CultureInfo.InvariantCulture);
            if (FlatHash.HomeSlot(FlatHash.Ordinal(key, FlatHash.PersistedSeed), slots) == 0)
            {
                chosen.Add(key);
            }
        }

        Assert.Single(chosen.Select(k => FlatHash.HomeSlot(FlatHash.Ordinal(k, FlatHash.PersistedSeed), slots)).Distinct());
        foreach (HashSeed seed in new[] { FlatHash.ProcessSeed, OtherSeed })
        {
            // 300 random keys take about 295 of 8,192 slots.
            int spread = chosen.Select(k => FlatHash.HomeSlot(FlatHash.Ordinal(k, seed), slots)).Distinct().Count();
            Assert.True(spread >= 280, $"{spread} slots for 300 keys");
        }
    }

    [Fact]
    public void Random_strings_equal_ignoring_case_hash_equally()
    {
        Gen<char> interesting = Gen.OneOf(
            Gen.Char['A', 'z'],
            Gen.Char['\u00C0', '\u024F'],
            Gen.Char['\u0370', '\u03FF'],
            Gen.Char['\u0400', '\u04FF'],
            Gen.OneOf('ß', 'ſ', 'ı', 'İ', '\u212A', '\u2126', 'ǅ', '-', '@', '`', '\uD801', '\uDC00'));
        int equal = 0;
        Gen.String[interesting, 0, 40].Sample(text =>
        {
            foreach (string other in new[] { text.ToUpperInvariant(), text.ToLowerInvariant(), SwapAsciiCase(text) })
            {
                if (string.Equals(text, other, StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref equal);
                    Assert.Equal(FlatHash.ProcessOrdinalIgnoreCase(text), FlatHash.ProcessOrdinalIgnoreCase(other));
                }
            }
        }, iter: 20_000);

        Assert.True(equal > 20_000);
    }

    [Fact]
    public void Ascii_keys_hash_alike_in_any_case_and_a_trailing_non_ascii_character_changes_the_hash()
    {
        // Keys of every length class (two loads, four loads, rounds of 32 bytes); the trailing 'é' sends the key
        // to the runtime's hash, which must still tell it apart.
        foreach (string key in new[] { "a", "Host", "Content-Type", "X-Forwarded-For", "accept-encoding-extra", "a-header-name-long-enough-to-take-several-rounds" })
        {
            Assert.Equal(FlatHash.ProcessOrdinalIgnoreCase(key), FlatHash.ProcessOrdinalIgnoreCase(key.ToUpperInvariant()));
            Assert.Equal(PersistedIgnoreCase(key), PersistedIgnoreCase(key.ToUpperInvariant()));
            Assert.NotEqual(FlatHash.ProcessOrdinalIgnoreCase(key), FlatHash.ProcessOrdinalIgnoreCase(key + "é"));
        }
    }

    [Fact]
    public void The_hash_reads_only_the_span_it_is_given()
    {
        const string text = "xxContent-Type-and-a-tail-that-goes-past-32-bytesyy";
        for (int length = 0; length <= text.Length - 4; length++)
        {
            ReadOnlySpan<char> slice = text.AsSpan(2, length);
            Assert.Equal(FlatHash.Ordinal(slice.ToString(), FlatHash.PersistedSeed), FlatHash.Ordinal(slice, FlatHash.PersistedSeed));
            Assert.Equal(PersistedIgnoreCase(slice.ToString().ToLowerInvariant()), PersistedIgnoreCase(slice.ToString()));
        }
    }

    [Fact]
    public void Realistic_keys_spread_over_the_hash_space_and_the_slots()
    {
        var keys = new List<string>();
        foreach (string prefix in new[] { "x-", "X-Custom-", "tag.", "http.request.header." })
        {
            for (int i = 0; i < 2500; i++)
            {
                keys.Add(prefix + i.ToString(CultureInfo.InvariantCulture));
            }
        }

        foreach (Func<string, uint> hash in new Func<string, uint>[] { k => FlatHash.Ordinal(k, FlatHash.PersistedSeed), PersistedIgnoreCase, k => FlatHash.Ordinal(k, FlatHash.ProcessSeed) })
        {
            Assert.True(keys.Select(hash).Distinct().Count() >= keys.Count - 2);

            // With 64 slots, every slot should get roughly 10,000 / 64 = 156 keys.
            int[] perSlot = new int[64];
            foreach (string key in keys)
            {
                perSlot[FlatHash.HomeSlot(hash(key), perSlot.Length)]++;
            }

            Assert.InRange(perSlot.Min(), 100, 156);
            Assert.InRange(perSlot.Max(), 156, 220);
        }
    }

    /// <summary>
    /// Numbered keys under a shared prefix differ in a few low bits of one load: under every seed they must spread
    /// over 64 slots like random keys (about 39 a slot, 68 at most in 200 seeds' worst slot). A single folded
    /// multiply left up to 192 in one slot under some seeds.
    /// </summary>
    [Fact]
    public void Numbered_keys_under_a_shared_prefix_spread_under_every_seed()
    {
        var random = new Random(64);
        foreach (string prefix in new[] { "x-", "X-Custom-", "tag.", "http.request.header." })
        {
            string[] keys = Enumerable.Range(0, 2500).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            for (int s = 0; s < 200; s++)
            {
                var seed = new HashSeed((ulong)random.NextInt64() << 1 ^ (ulong)random.Next(2), (ulong)random.NextInt64() << 1 ^ (ulong)random.Next(2));
                int[] perSlot = new int[64];
                foreach (string key in keys)
                {
                    perSlot[FlatHash.HomeSlot(FlatHash.Ordinal(key, seed), perSlot.Length)]++;
                }

                Assert.True(perSlot.Max() <= 80, $"{perSlot.Max()} of {keys.Length} keys such as {keys[7]} in one of 64 slots under seed {seed}");
            }
        }
    }

    private static uint PersistedIgnoreCase(string key) =>
        FlatHash.TryOrdinalIgnoreCaseAscii(key, FlatHash.PersistedSeed, out uint hash) ? hash : throw new ArgumentException("Not ASCII.", nameof(key));

    /// <summary>
    /// The definition of the hash, written out plainly: the key's UTF-16LE bytes (ASCII letters lowered under
    /// ignore-case), <c>state = seed.First + byte length</c>, folded multiplies <c>hi(a*b) ^ lo(a*b)</c>, and a last
    /// folded multiply of the halves of the short keys' product or of the long keys' two lanes.
    /// </summary>
    private static uint SpecHash(string key, ulong first, ulong second, bool ignoreCase) =>
        SpecHashOf(Encoding.Unicode.GetBytes(ignoreCase ? Lowered(key) : key), first, second, utf8: false);

    /// <summary>
    /// The packed format's hash, written out plainly: <see cref="SpecHash"/> over the key's UTF-8 bytes, where a key of
    /// 1 to 3 bytes is read as its first, middle and last byte.
    /// </summary>
    private static uint SpecUtf8Hash(string key, ulong first, ulong second, bool ignoreCase) =>
        SpecHashOf(Encoding.UTF8.GetBytes(ignoreCase ? Lowered(key) : key), first, second, utf8: true);

    private static string Lowered(string key) => new(key.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c).ToArray());

    private static uint SpecHashOf(byte[] bytes, ulong first, ulong second, bool utf8)
    {
        int n = bytes.Length;
        ulong Read(int offset, int size) => size switch
        {
            8 => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset)),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)),
            _ => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)),
        };
        static ulong Fold(ulong a, ulong b)
        {
            UInt128 product = (UInt128)a * b;
            return (ulong)(product >> 64) ^ (ulong)product;
        }

        ulong state = first + (ulong)n;
        if (n <= 16)
        {
            (ulong a, ulong b) = n >= 8 ? (Read(0, 8), Read(n - 8, 8)) : n >= 4 ? (Read(0, 4), Read(n - 4, 4))
                : n == 0 ? (0UL, 0UL) : utf8 ? (bytes[0] | ((ulong)bytes[n / 2] << 8) | ((ulong)bytes[n - 1] << 16), 0UL) : (Read(0, 2), 0UL);
            UInt128 product = (UInt128)(state ^ a) * (second ^ b);
            state = Fold((ulong)product ^ 0xA409_3822_299F_31D0, (ulong)(product >> 64) ^ 0x082E_FA98_EC4E_6C89);
        }
        else
        {
            ulong lane0 = state, lane1 = state ^ 0xA409_3822_299F_31D0;
            int offset = 0;
            for (; offset + 32 < n; offset += 32)
            {
                lane0 = Fold(lane0 ^ Read(offset, 8), second ^ Read(offset + 8, 8));
                lane1 = Fold(lane1 ^ Read(offset + 16, 8), second ^ Read(offset + 24, 8));
            }

            int tail = offset == 0 ? 0 : n - 32;
            lane0 = Fold(lane0 ^ Read(tail, 8), second ^ Read(tail + 8, 8));
            lane1 = Fold(lane1 ^ Read(n - 16, 8), second ^ Read(n - 8, 8));
            state = Fold(lane0 ^ 0xA409_3822_299F_31D0, lane1 ^ 0x082E_FA98_EC4E_6C89);
        }

        return (uint)(state >> 32);
    }

    private static string SwapAsciiCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(c is >= 'a' and <= 'z' ? (char)(c - 32) : c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }

        return builder.ToString();
    }
}

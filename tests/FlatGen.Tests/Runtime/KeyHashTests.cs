using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using CsCheck;
using FlatGen.Infrastructure;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// The ignore-case hash must give equal hashes to keys that <see cref="StringComparison.OrdinalIgnoreCase"/> calls
/// equal, for all of Unicode; otherwise lookups of such keys miss. These tests prove it exhaustively per character.
/// </summary>
public sealed class KeyHashTests
{
    [Fact]
    public void Every_pair_of_BMP_characters_equal_ignoring_case_folds_to_the_same_code()
    {
        // OrdinalIgnoreCase-equal characters have equal OrdinalIgnoreCase hash codes, so grouping by that code
        // finds every equal pair without comparing all 2^32 pairs.
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
                        Assert.True(FlatHash.FoldCase(a) == FlatHash.FoldCase(b), $"U+{(int)a:X4} and U+{(int)b:X4} are equal ignoring case but fold differently.");
                        Assert.True(a < 0x80 == b < 0x80, $"U+{(int)a:X4} and U+{(int)b:X4} mix ASCII and non-ASCII.");
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
                    Assert.Equal(FlatHash.OrdinalIgnoreCase(text), FlatHash.OrdinalIgnoreCase(other));
                }
            }
        }

        Assert.True(casePairs > 100, $"Only {casePairs} supplementary case pairs were found.");
    }

    /// <summary>Folding more than case merges keys OrdinalIgnoreCase keeps apart, which chosen keys can exploit.</summary>
    [Fact]
    public void ASCII_characters_that_differ_ignoring_case_fold_apart()
    {
        for (char a = '\0'; a < 0x80; a++)
        {
            for (char b = '\0'; b < 0x80; b++)
            {
                bool equal = string.Equals(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase);
                Assert.True(equal == (FlatHash.FoldCase(a) == FlatHash.FoldCase(b)), $"U+{(int)a:X4} and U+{(int)b:X4}");
            }
        }

    }

    /// <summary>
    /// Chosen keys that a looser fold sent to one hash: every 12-character string of '^' and '~', and of '@' and '`'.
    /// Each set of 4,096 distinct keys must get almost as many hashes as random keys do.
    /// </summary>
    [Fact]
    public void Keys_made_of_characters_a_looser_fold_merges_get_distinct_ignore_case_hashes()
    {
        static string[] Combinations(char zero, char one) =>
            Enumerable.Range(0, 4096).Select(bits => new string(Enumerable.Range(0, 12).Select(i => (bits >> i & 1) == 0 ? zero : one).ToArray())).ToArray();

        foreach (string[] keys in new[] { Combinations('^', '~'), Combinations('@', '`') })
        {
            Assert.Equal(4096, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            int distinct = keys.Select(k => FlatHash.OrdinalIgnoreCase(k)).Distinct().Count();
            Assert.True(distinct >= 4090, $"{distinct} distinct hashes for 4,096 keys such as {keys[1]}");
        }
    }

    [Fact]
    public void Reference_maps_hash_with_this_process_s_seed_and_inline_maps_with_the_persisted_one()
    {
        Assert.NotEqual(FlatHash.PersistedSeed, FlatHash.ProcessSeed);
        foreach (string key in new[] { "", "Host", "x-request-id", "Größe" })
        {
            Assert.Equal(FlatHash.Ordinal(key, FlatHash.ProcessSeed), FlatMultiMapCore<Maps.SmallMap, byte, byte, FlatOrdinalComparer>.Hash(key));
            Assert.Equal(FlatHash.OrdinalIgnoreCase(key, FlatHash.ProcessSeed), FlatMultiMapCore<Maps.KnownHeadersMap, byte, byte, FlatOrdinalIgnoreCaseComparer>.Hash(key));
            Assert.Equal(FlatHash.Ordinal(key), FlatInlineMapCore<Maps.InlineMap, byte, byte, FlatOrdinalComparer>.Hash(key));
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
            if (FlatHash.HomeSlot(FlatHash.Ordinal(key), slots) == 0)
            {
                chosen.Add(key);
            }
        }

        Assert.Single(chosen.Select(k => FlatHash.HomeSlot(FlatHash.Ordinal(k), slots)).Distinct());
        int spread = chosen.Select(k => FlatHash.HomeSlot(FlatHash.Ordinal(k, FlatHash.ProcessSeed), slots)).Distinct().Count();
        // Random keys would take about 295 slots. This hash's weak mixing leaves keys chosen this way partly correlated
        // under another seed (262 slots seen in one process), so the bound only proves the attack is broken: from one
        // slot to at least a third of the keys' number. A stronger mixer is the index-engine issue's to build.
        Assert.True(spread >= 100, $"{spread} slots for 300 keys");
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
                    Assert.Equal(FlatHash.OrdinalIgnoreCase(text), FlatHash.OrdinalIgnoreCase(other));
                }
            }
        }, iter: 20_000);

        Assert.True(equal > 20_000);
    }

    [Fact]
    public void Ascii_keys_hash_alike_in_any_case_and_a_trailing_non_ascii_character_changes_the_hash()
    {
        // Keys of every length class (one word, a word and a tail, several words) on the word-at-a-time path;
        // the trailing 'é' sends the key down the per-character path, which must still tell it apart.
        foreach (string key in new[] { "a", "Host", "Content-Type", "X-Forwarded-For", "accept-encoding-extra" })
        {
            Assert.Equal(FlatHash.OrdinalIgnoreCase(key), FlatHash.OrdinalIgnoreCase(key.ToUpperInvariant()));
            Assert.NotEqual(FlatHash.OrdinalIgnoreCase(key), FlatHash.OrdinalIgnoreCase(key + "é"));
        }
    }

    [Fact]
    public void The_hash_reads_only_the_span_it_is_given()
    {
        const string text = "xxContent-Typeyy";
        ReadOnlySpan<char> slice = text.AsSpan(2, 12);
        Assert.Equal(FlatHash.Ordinal("Content-Type"), FlatHash.Ordinal(slice));
        Assert.Equal(FlatHash.OrdinalIgnoreCase("content-type"), FlatHash.OrdinalIgnoreCase(slice));
        for (int length = 0; length <= 9; length++)
        {
            Assert.Equal(FlatHash.Ordinal(text.Substring(0, length)), FlatHash.Ordinal(text.AsSpan(0, length)));
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

        foreach (Func<string, uint> hash in new Func<string, uint>[] { k => FlatHash.Ordinal(k), k => FlatHash.OrdinalIgnoreCase(k) })
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

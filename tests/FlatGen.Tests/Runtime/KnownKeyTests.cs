using System.Text;
using System.Globalization;
using System.Reflection;
using FlatGen.Generator;
using FlatGen.Generator.Helpers;
using FlatGen.Infrastructure;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>Known keys: typed accessors, the generated matcher, span adds, interning, and what they allocate.</summary>
public sealed class KnownKeyTests
{
    /// <summary>The shape a map hands its core carries the declared known keys, in declaration order.</summary>
    [Fact]
    public void The_shape_carries_the_declared_known_keys_in_order()
    {
        Assert.Equal(12, KnownKeyCount<KnownHeadersMap>());
        Assert.Equal(8, KnownKeyCount<KnownOrdinalMap>());
        Assert.Equal(8, KnownKeyCount<ReusingHeadersMap>());
        Assert.Equal(3, KnownKeyCount<InlineKnownMap>());
        Assert.Equal(70, KnownKeyCount<ManyKnownKeysMap>());
        Assert.Equal(0, KnownKeyCount<SmallMap>());
    }

    private static int KnownKeyCount<TMap>()
        where TMap : struct, IFlatMap<TMap>
    {
        // The shape hands the core the declared spellings, in declaration order: a known key's index is its position.
        Assert.Equal(typeof(TMap).GetCustomAttribute<FlatMultiMapAttribute>()!.KnownKeys ?? [], TMap.Shape.KnownKeyNames);
        return TMap.Shape.KnownKeyNames.Length;
    }

    [Fact]
    public void Maps_sharing_a_core_with_other_known_keys_each_match_their_own()
    {
        // One compiled core serves both (MapShapeTests holds that); each matches through the matcher its own shape holds.
        var headers = new KnownHeadersMap();
        var other = new OtherSpillingKnownMap();

        foreach (string name in (string[])["via", "host", "ACCEPT"])
        {
            headers.Add(name, name + "-value");
            other.Add(name, name + "-value");
        }

        // "host" is known only to the first map, "via" only to the second: each enumerates its own known keys under
        // their declared spellings and keeps the other names as they were added.
        Assert.Equal(["via", "Host", "Accept"], [.. headers.ToArray().Select(static pair => pair.Key)]);
        Assert.Equal(["Via", "host", "Accept"], [.. other.ToArray().Select(static pair => pair.Key)]);
        Assert.Equal(["via-value"], headers.GetValues("VIA").ToArray());
        Assert.Equal(["host-value"], other.GetValues("HOST").ToArray());
        Assert.True(headers.Remove("Via"));
        Assert.True(other.Remove("Host"));
        Assert.Equal(["Host", "Accept"], [.. headers.ToArray().Select(static pair => pair.Key)]);
        Assert.Equal(["Via", "Accept"], [.. other.ToArray().Select(static pair => pair.Key)]);
    }

    /// <summary>Characters that stress a packed comparison: case pairs, neighbours of the 0x20 bit, non-ASCII look-alikes.</summary>
    private const string Substitutes = "aAzZ@`[{^~-_ \0\u00e9\u00c9\u0131\u0130\u017f\u212a\u00df\u03c3\u03a3\uffff\ud800";

    [Fact]
    public void Typed_accessors_read_and_add_the_same_values_as_the_string_members()
    {
        var map = new KnownHeadersMap();
        map.AddContentType("text/html");
        map.Add("content-type", "charset=utf-8");
        map.Add("X-Custom".AsSpan(), "1");
        map.AddHost("example.com");

        Assert.Equal(["text/html", "charset=utf-8"], map.ContentType.ToArray());
        Assert.Equal(["text/html", "charset=utf-8"], map.GetValues("CONTENT-TYPE").ToArray());
        Assert.Equal(["example.com"], map.Host.ToArray());
        Assert.True(map.Accept.IsEmpty);
        Assert.Equal(3, map.Count);
        Assert.Equal(4, map.ValueCount);

        Assert.True(map.Remove("content-TYPE"));
        Assert.True(map.ContentType.IsEmpty);
        Assert.Equal(["example.com"], map.Host.ToArray());
        Assert.Equal(["1"], map.GetValues("x-custom").ToArray());
    }

    [Fact]
    public void Known_keys_enumerate_in_first_insertion_order_under_their_declared_spelling()
    {
        var map = new KnownHeadersMap();
        map.Add("x-first", "1");
        map.Add("HOST", "h");
        map.Add("größe", "g");
        map.Add("x-last", "2");

        Assert.Equal(
            [["x-first", "1"], ["Host", "h"], ["Größe", "g"], ["x-last", "2"]],
            map.Entries());
        Assert.Equal("{ x-first: [1], Host: [h], Größe: [g], x-last: [2] }", map.ToString());
    }

    [Fact]
    public void Ordinal_known_keys_that_differ_in_case_are_different_keys()
    {
        var map = new KnownOrdinalMap();
        map.Add("x-id", "lower");
        map.Add("X-ID", "upper");
        map.Add("X-Id", "unknown");

        Assert.Equal(["lower"], map.XId.ToArray());
        Assert.Equal(["upper"], map.XID.ToArray());
        Assert.Equal(3, map.Count);
    }

    [Fact]
    public void A_known_key_add_into_a_full_map_throws_naming_the_key_and_changes_nothing()
    {
        var map = new KnownHeadersMap();
        for (int i = 0; i < KnownHeadersMap.ValueCapacity; i++)
        {
            map.AddAccept("v" + i.ToString(CultureInfo.InvariantCulture));
        }

        List<string[]> before = map.Entries();
        FlatMapFullException full = Assert.Throws<FlatMapFullException>(() => map.AddContentType("late"));

        Assert.Equal("ValueCapacity", full.CapacityName);
        Assert.Equal("Content-Type", full.Key);
        Assert.Equal(before, map.Entries());
        Assert.False(map.TryAdd("content-type".AsSpan(), "late"));
        Assert.Equal(before, map.Entries());
    }

    [Fact]
    public void A_null_value_is_refused_by_every_add()
    {
        var map = new KnownHeadersMap();
        Assert.Throws<ArgumentNullException>(() => map.AddHost(null!));
        Assert.Throws<ArgumentNullException>(() => map.Add("Host".AsSpan(), null!));
        Assert.Throws<ArgumentNullException>(() => map.TryAdd("x-unknown".AsSpan(), null!));
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void Unknown_span_keys_become_new_strings_otherwise()
    {
        var first = new SmallMap();
        var second = new SmallMap();
        first.Add("X-Own-Key".ToCharArray(), "1");
        second.Add("X-Own-Key".ToCharArray(), "2");

        Assert.Equal("X-Own-Key", first.Entries()[0][0]);
        Assert.NotSame(first.Entries()[0][0], second.Entries()[0][0]);
    }

    [Fact]
    public void Span_adds_of_known_and_present_keys_and_known_key_reads_allocate_nothing()
    {
        char[] buffer = "Host: a\r\ncontent-type: b\r\nX-Seen: c\r\n".ToCharArray();
        var map = new KnownHeadersMap();
        map.Add("X-Seen", "first");
        int checksum = 0;
        for (int i = 0; i < 10; i++)
        {
            checksum += Workload(ref map, buffer);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        checksum += Workload(ref map, buffer);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(11 * 5, checksum);

        static int Workload(ref KnownHeadersMap map, char[] buffer)
        {
            map.Add(buffer.AsSpan(0, 4), "a");
            map.Add(buffer.AsSpan(9, 12), "b");
            map.Add(buffer.AsSpan(26, 6), "c");
            map.AddAccept("*/*");
            int found = map.Host.Length + map.ContentType.Length + map.GetValues(buffer.AsSpan(26, 6)).Length + (map.ContainsKey("accept") ? 1 : 0);
            map.Remove("Host");
            map.Remove("Content-Type");
            map.Remove("Accept");
            map.Remove("X-Seen");
            map.Add("X-Seen", "first");
            return found;
        }
    }

    [Fact]
    public void The_ignore_case_matcher_is_exact_for_case_variants_near_misses_and_look_alikes() =>
        AssertMatcherAgrees<KnownHeadersMap>(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void The_ordinal_matcher_is_exact_for_case_variants_near_misses_and_look_alikes() =>
        AssertMatcherAgrees<KnownOrdinalMap>(StringComparer.Ordinal);

    [Fact]
    public void The_character_switch_matcher_is_exact_for_case_variants_near_misses_and_look_alikes() =>
        AssertMatcherAgrees<ManyKnownKeysMap>(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void The_matchers_are_exact_for_non_ASCII_keys_whose_case_variants_differ_in_UTF8_length() =>
        AssertMatcherAgrees<ReusingHeadersMap>(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void The_UTF8_matcher_refuses_invalid_UTF8_and_lone_surrogate_keys()
    {
        // "Größe" with its 'ö' cut in half, and bytes that are not UTF-8 at all, equal no key.
        byte[] gr = Encoding.UTF8.GetBytes("Größe");
        Assert.Equal(4, MatchUtf8<ReusingHeadersMap>(gr));
        Assert.Equal(-1, MatchUtf8<ReusingHeadersMap>(gr.AsSpan(0, 3)));
        Assert.Equal(-1, MatchUtf8<ReusingHeadersMap>([.. gr[..2], 0xFF, .. gr[3..]]));
        Assert.Equal(-1, MatchUtf8<ReusingHeadersMap>([0xC8, 0xBA, 0xFF, .. "Key"u8]));

        // A known key with a lone surrogate has no UTF-8 form; its replacement-character spelling is another key.
        Assert.Equal(-1, MatchUtf8<LoneSurrogateKnownMap>(Encoding.UTF8.GetBytes("a\uD800")));
        Assert.Equal(0, MatchUtf16<LoneSurrogateKnownMap>("a\uD800"));
    }

    /// <summary>
    /// What lets the ignore-case matcher compare ASCII keys as packed words with a 0x20 mask: no character outside
    /// ASCII equals an ASCII character under OrdinalIgnoreCase (not the Kelvin sign, not the dotless i, not long s).
    /// </summary>
    [Fact]
    public void No_non_ASCII_character_equals_an_ASCII_one_ignoring_case()
    {
        var offenders = new List<int>();
        for (int c = 0x80; c <= 0xFFFF; c++)
        {
            string text = ((char)c).ToString();
            if (Enumerable.Range(0, 0x80).Any(a => string.Equals(text, ((char)a).ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                offenders.Add(c);
            }
        }

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData(typeof(SmallMap))]
    [InlineData(typeof(InlineMap))]
    public void Every_generated_member_name_is_reserved_from_known_key_accessors(Type map)
    {
        // A map without known keys: everything it declares is generated, except the tests' own two helpers.
        string[] declared = map
            .GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => m.Name)
            .Where(name => !name.StartsWith('_') && !name.StartsWith("get_", StringComparison.Ordinal) && !name.StartsWith("set_", StringComparison.Ordinal) && !name.StartsWith("op_", StringComparison.Ordinal) && !name.Contains('.') && name is not (".ctor" or ".cctor" or "<Layout>k__BackingField"))
            .Except(["Entries", "EnumerateAll"])
            .Distinct()
            .ToArray();

        Assert.NotEmpty(declared);
        Assert.Empty(declared.Except(GeneratedNames.Members));
    }

    private static int MatchUtf8<TMap>(ReadOnlySpan<byte> key)
        where TMap : struct, IFlatMap<TMap> => Matcher<TMap, Utf8Match>("MatchUtf8")?.Invoke(key) ?? -1;

    private static int MatchUtf16<TMap>(ReadOnlySpan<char> key)
        where TMap : struct, IFlatMap<TMap> => Matcher<TMap, Utf16Match>("Match")?.Invoke(key) ?? -1;

    private delegate int Utf16Match(ReadOnlySpan<char> key);

    private delegate int Utf8Match(ReadOnlySpan<byte> key);

    /// <summary>A method of the map's generated known-key matcher, a private nested class; null for a map without known keys.</summary>
    private static TDelegate? Matcher<TMap, TDelegate>(string name)
        where TDelegate : Delegate =>
        typeof(TMap).GetNestedType("KnownKeyMatcher", BindingFlags.NonPublic) is Type matcher
            ? matcher.GetMethod(name, BindingFlags.Public | BindingFlags.Instance)!.CreateDelegate<TDelegate>(Activator.CreateInstance(matcher))
            : null;

    private static void AssertMatcherAgrees<TMap>(StringComparer comparer)
        where TMap : struct, IFlatMap<TMap>
    {
        string[] known = typeof(TMap).GetCustomAttribute<FlatMultiMapAttribute>()!.KnownKeys!;
        var probes = new HashSet<string>(StringComparer.Ordinal) { "", "x", "unknown-key" };
        foreach (string key in known)
        {
            probes.Add(key);
            probes.Add(key.ToUpperInvariant());
            probes.Add(key.ToLowerInvariant());
            probes.Add(key[..^1]);
            probes.Add(key + "x");
            for (int i = 0; i < key.Length; i++)
            {
                foreach (char substitute in Substitutes.Append((char)(key[i] ^ 0x20)).Append((char)(key[i] + 1)))
                {
                    probes.Add(string.Concat(key.AsSpan(0, i), substitute.ToString(), key.AsSpan(i + 1)));
                }
            }
        }

        int matched = 0;
        foreach (string probe in probes)
        {
            int expected = Array.FindIndex(known, k => comparer.Equals(k, probe));
            Assert.True(expected == MatchUtf16<TMap>(probe), $"'{probe}' matched {MatchUtf16<TMap>(probe)}, expected {expected}");
            matched += expected >= 0 ? 1 : 0;

            // The byte matcher agrees on every probe that has a UTF-8 form, read from an unaligned slice of a buffer.
            if (Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(probe)) == probe)
            {
                byte[] buffer = Encoding.UTF8.GetBytes("<" + probe + ">");
                ReadOnlySpan<byte> utf8 = buffer.AsSpan(1, buffer.Length - 2);
                Assert.True(expected == MatchUtf8<TMap>(utf8), $"UTF-8 '{probe}' matched {MatchUtf8<TMap>(utf8)}, expected {expected}");
            }
        }

        Assert.True(matched >= known.Length, "Every known key must be among the probes.");
    }
}

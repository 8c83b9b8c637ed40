using FlatGen.Infrastructure;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// The ignore-case key comparison compares ASCII keys inline by the hash's letter fold and hands any other key to the
/// runtime: both must agree with <see cref="StringComparison.OrdinalIgnoreCase"/> everywhere, at every length class
/// (1 code unit, 2 to 3 in two 4-byte loads, 4 and more in 8-byte words with an overlapping last one), in both its
/// forms: the call a lookup makes (<c>KeyEquals</c>) and the one without a call a small map's scan makes
/// (<c>KeyEqualsWithoutCall</c>, which leaves a key that is not ASCII to the call). The ordinal comparison without a
/// call is the same loads, with no fold.
/// </summary>
public sealed class KeyComparisonTests
{
    /// <summary>
    /// The one-character test a scan makes before comparing keys passes every pair the comparison can find equal: every
    /// pair of ASCII characters equal ignoring case (a pair with any other character always passes), and only equal
    /// pairs ordinally; and it rejects letters that differ beyond their case, or it would test nothing.
    /// </summary>
    [Fact]
    public void The_one_character_test_before_a_comparison_never_rejects_characters_that_can_be_equal()
    {
        for (char a = '\0'; a < 0x80; a++)
        {
            for (char b = '\0'; b < 0x80; b++)
            {
                bool equal = a.ToString().Equals(b.ToString(), StringComparison.OrdinalIgnoreCase);
                Assert.True(!equal || FlatOrdinalIgnoreCaseComparer.MayEqual(a, b), $"U+{(int)a:X4} and U+{(int)b:X4}");
                Assert.Equal(a == b, FlatOrdinalComparer.MayEqual(a, b));
            }
        }

        foreach ((char a, char b) in new[] { ('\u00D6', '\u00F6'), ('\u212A', 'k'), ('\u0131', 'I'), ('\u017F', 's'), ('\uFFFF', 'x') })
        {
            Assert.True(FlatOrdinalIgnoreCaseComparer.MayEqual(a, b));
            Assert.True(FlatOrdinalIgnoreCaseComparer.MayEqual(b, a));
        }

        Assert.False(FlatOrdinalIgnoreCaseComparer.MayEqual('a', 'b'));
        Assert.False(FlatOrdinalIgnoreCaseComparer.MayEqual('1', 'A'));
        Assert.False(FlatOrdinalComparer.MayEqual('a', 'A'));
    }

    /// <summary>Every pair of ASCII characters, at every position of keys of 1 to 17 characters (two 16-byte steps and an overlapping last one).</summary>
    [Fact]
    public void Ascii_keys_compare_as_ordinal_ignore_case_does_at_every_position_and_length()
    {
        for (int length = 1; length <= 17; length++)
        {
            for (int position = 0; position < length; position++)
            {
                char[] left = Enumerable.Repeat('k', length).ToArray();
                char[] right = Enumerable.Repeat('K', length).ToArray();
                for (char a = '\0'; a < 0x80; a++)
                {
                    for (char b = '\0'; b < 0x80; b++)
                    {
                        left[position] = a;
                        right[position] = b;
                        bool expected = left.AsSpan().Equals(right, StringComparison.OrdinalIgnoreCase);
                        AssertComparesIgnoringCase(expected, left, right, $"U+{(int)a:X4} and U+{(int)b:X4} at {position} of {length}");
                    }
                }
            }
        }
    }

    /// <summary>Keys with a character outside ASCII anywhere, against their case variants and near misses.</summary>
    [Theory]
    [InlineData("café", "CAFÉ")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("K", "\u212A")]
    [InlineData("x-ÄÖÜ-header-name", "X-äöü-HEADER-NAME")]
    [InlineData("x-äöü-header-name", "X-äöü-HEADER-NAMF")]
    [InlineData("\U0001F600-key", "\U0001F600-KEY")]
    [InlineData("\U0001F600-key", "\U0001F601-key")]
    [InlineData("ascii-prefix-then-ı", "ASCII-PREFIX-THEN-I")]
    [InlineData("ǅ", "ǆ")]
    public void Keys_outside_ascii_compare_as_the_runtime_does(string left, string right)
    {
        foreach ((string a, string b) in new[] { (left, right), (right, left), (left, left), (left, left.ToUpperInvariant()) })
        {
            AssertComparesIgnoringCase(string.Equals(a, b, StringComparison.OrdinalIgnoreCase), a, b, $"'{a}' and '{b}'");
        }
    }

    /// <summary>Random keys of 0 to 40 characters drawn mostly from letters, some punctuation and a few non-ASCII characters, against case variants with one character changed.</summary>
    [Fact]
    public void Random_keys_and_their_variants_compare_as_ordinal_ignore_case_does()
    {
        const string Alphabet = "abcxyzABCXYZ@[`{^~_-.0189 éÉıİ\u212A";
        var random = new Random(20261202);
        int equal = 0;
        for (int i = 0; i < 100_000; i++)
        {
            char[] left = new char[random.Next(41)];
            for (int j = 0; j < left.Length; j++)
            {
                left[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            char[] right = left.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray();
            if (right.Length > 0 && random.Next(2) == 0)
            {
                right[random.Next(right.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            bool expected = left.AsSpan().Equals(right, StringComparison.OrdinalIgnoreCase);
            equal += expected ? 1 : 0;
            AssertComparesIgnoringCase(expected, left, right, $"'{new string(left)}' and '{new string(right)}'");
        }

        // Both outcomes are exercised in bulk.
        Assert.InRange(equal, 30_000, 90_000);
    }

    [Fact]
    public void Keys_of_different_lengths_are_never_equal()
    {
        AssertComparesIgnoringCase(false, "abc", "ABCD", "a prefix");
        AssertComparesIgnoringCase(false, "", "a", "the empty key and another");
        AssertComparesIgnoringCase(true, "", "", "two empty keys");
    }

    /// <summary>
    /// The ordinal comparison without a call finds every difference: keys of 0 to 40 code units (no 16-byte step, one,
    /// and several with an overlapping last one; 2-, 4- and 8-byte loads below), equal, then with one unit changed at
    /// each position, in its low byte and in its high byte.
    /// </summary>
    [Fact]
    public void Ordinal_keys_compare_as_ordinal_does_at_every_position_and_length()
    {
        var random = new Random(20261207);
        for (int length = 0; length <= 40; length++)
        {
            char[] left = Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x3000)).ToArray();
            Assert.Equal(true, FlatOrdinalComparer.KeyEqualsWithoutCall(left, left.ToArray()));
            for (int position = 0; position < length; position++)
            {
                foreach (int change in new[] { 0x0001, 0x0100 })
                {
                    char[] right = left.ToArray();
                    right[position] = (char)(right[position] ^ change);
                    Assert.True(FlatOrdinalComparer.KeyEqualsWithoutCall(left, right) == false, $"unit {position} of {length}, 0x{change:X4}");
                    Assert.False(FlatOrdinalComparer.KeyEquals(left, right));
                }
            }
        }
    }

    /// <summary>The ordinal comparison's two forms are the runtime's ordinal equality.</summary>
    [Theory]
    [InlineData("content-type", "content-type")]
    [InlineData("content-type", "Content-Type")]
    [InlineData("content-type", "content-typf")]
    [InlineData("", "")]
    [InlineData("a", "")]
    public void Ordinal_keys_compare_as_ordinal_does(string left, string right)
    {
        bool expected = string.Equals(left, right, StringComparison.Ordinal);
        Assert.Equal(expected, FlatOrdinalComparer.KeyEquals(left, right));
        Assert.Equal(expected, FlatOrdinalComparer.KeyEqualsWithoutCall(left, right));
    }

    private static void AssertComparesIgnoringCase(bool expected, ReadOnlySpan<char> left, ReadOnlySpan<char> right, string pair)
    {
        Assert.True(expected == FlatOrdinalIgnoreCaseComparer.KeyEquals(left, right), $"KeyEquals: {pair}");

        // Without a call: the answer for ASCII keys, or for keys of different lengths; no answer only for keys that are not ASCII.
        bool? withoutCall = FlatOrdinalIgnoreCaseComparer.KeyEqualsWithoutCall(left, right);
        bool ascii = System.Text.Ascii.IsValid(left) && System.Text.Ascii.IsValid(right);
        Assert.True(withoutCall == expected || (withoutCall is null && !ascii && left.Length == right.Length), $"KeyEqualsWithoutCall: {pair}");
    }
}

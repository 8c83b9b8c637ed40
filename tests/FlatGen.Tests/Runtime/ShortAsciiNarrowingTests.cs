using System.Runtime.Intrinsics;
using System.Text;
using FlatGen.Infrastructure;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// <c>FlatUtf8.TryNarrowShortAscii</c>, the packer's inline narrowing of short text: at every length it takes, ASCII
/// text comes out as its bytes and nothing outside them is written; a unit that is not ASCII, at any position, and text
/// longer than it takes are refused. Its words, which a packed map's lookup hashes and compares, are those of the bytes. <see cref="ScalarFallbackTests"/> runs this class again without <c>Vector128</c>,
/// where it refuses everything and the packer takes the runtime's path.
/// </summary>
public sealed class ShortAsciiNarrowingTests
{
    private const byte Guard = 0xA5; // Not an ASCII byte: a write that reaches past the text's bytes shows.

    [Fact]
    public void Ascii_text_is_written_as_its_bytes_and_nothing_past_them()
    {
        for (int length = 0; length <= FlatUtf8.ShortAsciiLength; length++)
        {
            AsciiTextIsWrittenAsItsBytes(length);
        }
    }

    private static void AsciiTextIsWrittenAsItsBytes(int length)
    {
        // Every ASCII unit, the extremes among them, across the lengths.
        string text = new([.. Enumerable.Range(0, length).Select(i => (char)((i * 37 + length) % 128))]);
        byte[] buffer = Enumerable.Repeat(Guard, length + 16).ToArray();

        bool narrowed = FlatUtf8.TryNarrowShortAscii(text, ref buffer[8]);

        if (!Vector128.IsHardwareAccelerated)
        {
            Assert.False(narrowed); // The scalar run: the caller's path does it.
            return;
        }

        Assert.True(narrowed);
        Assert.Equal(Encoding.ASCII.GetBytes(text), buffer[8..(8 + length)]);
        Assert.All(buffer[..8], b => Assert.Equal(Guard, b));
        Assert.All(buffer[(8 + length)..], b => Assert.Equal(Guard, b));
    }

    [Fact]
    public void A_unit_that_is_not_ascii_is_refused_at_every_position_of_every_length()
    {
        for (int length = 1; length <= FlatUtf8.ShortAsciiLength; length++)
        {
            UnitsThatAreNotAsciiAreRefused(length);
        }
    }

    private static void UnitsThatAreNotAsciiAreRefused(int length)
    {
        foreach (char unit in new[] { '\u0080', '\u00E9', '\u00FF', '\u0100', '\u2C65', '\uD83D', '\uFFFF' })
        {
            for (int position = 0; position < length; position++)
            {
                char[] units = Enumerable.Repeat('a', length).ToArray();
                units[position] = unit;
                byte[] buffer = new byte[length];

                Assert.False(FlatUtf8.TryNarrowShortAscii(new string(units), ref buffer.AsSpan().GetPinnableReference()), $"U+{(int)unit:X4} at {position} of {length}");
            }
        }
    }

    /// <summary>
    /// The packed map's lookup narrows a probe into words and loads a stored key's bytes into words; the hash of the
    /// words must be the hash of the bytes, and the words of text and of its bytes must be the same, at every length and
    /// in both comparisons, or lookups miss keys that are there.
    /// </summary>
    [Fact]
    public void Narrowed_words_are_the_words_of_the_bytes_and_hash_as_the_bytes_do()
    {
        var random = new Random(32);
        for (int length = 4; length <= FlatUtf8.ShortAsciiLength; length++)
        {
            for (int sample = 0; sample < 20; sample++)
            {
                string text = new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0, 0x80))]);
                NarrowedWordsAreTheBytesWords(text);
            }
        }
    }

    private static void NarrowedWordsAreTheBytesWords(string text)
    {
        if (!FlatUtf8.TryNarrowShortAsciiWords(text, out Vector128<byte> head, out Vector128<byte> tail))
        {
            Assert.False(Vector128.IsHardwareAccelerated); // The scalar run: lookups take the bytes' path.
            return;
        }

        byte[] bytes = Encoding.ASCII.GetBytes(text);
        FlatUtf8.LoadShortAsciiWords(ref bytes[0], (nuint)bytes.Length, out Vector128<byte> loadedHead, out Vector128<byte> loadedTail);
        Assert.Equal(loadedHead, head);
        Assert.Equal(loadedTail, tail);
        Assert.Equal(FlatHash.Utf8(bytes, FlatHash.PersistedSeed), FlatHash.Utf8Words(head, tail, text.Length, FlatHash.PersistedSeed));
        Assert.True(FlatHash.TryUtf8IgnoreCaseAscii(bytes, FlatHash.PersistedSeed, out uint folded));
        Assert.Equal(folded, FlatHash.Utf8Words(FlatHash.FoldLetters(head), FlatHash.FoldLetters(tail), text.Length, FlatHash.PersistedSeed));
    }

    [Fact]
    public void Words_are_refused_for_text_shorter_or_longer_than_they_take_and_for_text_that_is_not_ascii()
    {
        foreach (string text in new[] { "", "abc", new string('a', FlatUtf8.ShortAsciiLength + 1), "ab\u00E9d", "abcdefgh\u0100" })
        {
            Assert.False(FlatUtf8.TryNarrowShortAsciiWords(text, out _, out _), text);
        }
    }

    [Fact]
    public void Text_longer_than_it_takes_is_refused()
    {
        byte[] buffer = new byte[FlatUtf8.ShortAsciiLength + 8];

        Assert.False(FlatUtf8.TryNarrowShortAscii(new string('a', FlatUtf8.ShortAsciiLength + 1), ref buffer[0]));
        Assert.All(buffer, b => Assert.Equal(0, b));
    }
}

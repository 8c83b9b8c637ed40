using System.Text;
using FlatGen.Infrastructure;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// <c>FlatUtf8.TryNarrowShortAscii</c>, the packer's inline narrowing of short text: at every length it takes, ASCII
/// text comes out as its bytes and nothing outside them is written; a unit that is not ASCII, at any position, and text
/// longer than it takes are refused. <see cref="ScalarFallbackTests"/> runs this class again without <c>Vector128</c>,
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

        if (!System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
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

    [Fact]
    public void Text_longer_than_it_takes_is_refused()
    {
        byte[] buffer = new byte[FlatUtf8.ShortAsciiLength + 8];

        Assert.False(FlatUtf8.TryNarrowShortAscii(new string('a', FlatUtf8.ShortAsciiLength + 1), ref buffer[0]));
        Assert.All(buffer, b => Assert.Equal(0, b));
    }
}

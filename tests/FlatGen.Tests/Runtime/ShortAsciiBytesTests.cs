using System.Text;
using FlatGen.Infrastructure;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// <c>FlatUtf8.IsAscii</c>, <c>FlatUtf8.IsValid</c> and <c>FlatUtf8.Copy</c>, an inline map's test and copy of the UTF-8 bytes it is given: short
/// text inline in overlapping words, other lengths by the runtime's calls. At every length either way takes, both must
/// answer as the runtime does: the ASCII test as <see cref="Ascii.IsValid(ReadOnlySpan{byte})"/>, with a byte that is
/// not ASCII at any position; the UTF-8 test as <see cref="System.Text.Unicode.Utf8.IsValid(ReadOnlySpan{byte})"/>; the copy as <see cref="Span{T}.CopyTo"/>, writing nothing outside the bytes, even where
/// source and destination overlap. <see cref="ScalarFallbackTests"/> runs this class again without <c>Vector128</c>.
/// </summary>
public sealed class ShortAsciiBytesTests
{
    private const byte Guard = 0xA5; // Not an ASCII byte: a write that reaches past the copied bytes shows.
    private const int LongestLength = FlatUtf8.ShortAsciiLength + 8;

    [Fact]
    public void Ascii_bytes_are_ascii_at_every_length()
    {
        for (int length = 0; length <= LongestLength; length++)
        {
            byte[] text = AsciiBytes(length);

            Assert.True(FlatUtf8.IsAscii(text), $"length {length}");
        }
    }

    [Fact]
    public void A_byte_that_is_not_ascii_is_seen_at_every_position_of_every_length()
    {
        for (int length = 1; length <= LongestLength; length++)
        {
            foreach (byte unit in new byte[] { 0x80, 0xC3, 0xE9, 0xFF })
            {
                for (int position = 0; position < length; position++)
                {
                    byte[] text = AsciiBytes(length);
                    text[position] = unit;

                    Assert.False(FlatUtf8.IsAscii(text), $"0x{unit:X2} at {position} of {length}");
                }
            }
        }
    }

    [Fact]
    public void Utf8_is_valid_and_broken_utf8_is_not_at_every_position_of_every_length()
    {
        byte[][] valid = [[0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80]];
        byte[][] broken = [[0x80], [0xC3], [0xFF], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80]];
        for (int length = 0; length <= LongestLength; length++)
        {
            for (int position = 0; position <= length; position++)
            {
                foreach (byte[] sequence in valid)
                {
                    Assert.True(FlatUtf8.IsValid(Insert(AsciiBytes(length), position, sequence)), $"{Convert.ToHexString(sequence)} at {position} of {length}");
                }

                foreach (byte[] sequence in broken)
                {
                    Assert.False(FlatUtf8.IsValid(Insert(AsciiBytes(length), position, sequence)), $"{Convert.ToHexString(sequence)} at {position} of {length}");
                }
            }
        }
    }

    [Fact]
    public void Copies_are_the_bytes_and_nothing_past_them_at_every_length()
    {
        for (int length = 0; length <= LongestLength; length++)
        {
            byte[] text = AsciiBytes(length);
            byte[] buffer = Enumerable.Repeat(Guard, length + 32).ToArray();

            FlatUtf8.Copy(text, buffer.AsSpan(16));

            Assert.Equal(text, buffer[16..(16 + length)]);
            Assert.All(buffer[..16], b => Assert.Equal(Guard, b));
            Assert.All(buffer[(16 + length)..], b => Assert.Equal(Guard, b));
        }
    }

    [Fact]
    public void Overlapping_copies_move_as_span_copies_do()
    {
        for (int length = 0; length <= LongestLength; length++)
        {
            foreach (int shift in new[] { -9, -3, -1, 1, 3, 9 })
            {
                byte[] expected = Enumerable.Range(0, length + 24).Select(i => (byte)(i * 7 % 128)).ToArray();
                byte[] actual = [.. expected];

                expected.AsSpan(12, length).CopyTo(expected.AsSpan(12 + shift));
                FlatUtf8.Copy(actual.AsSpan(12, length), actual.AsSpan(12 + shift));

                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void A_destination_too_short_throws_and_is_left_as_it_was()
    {
        for (int length = 1; length <= LongestLength; length++)
        {
            byte[] destination = Enumerable.Repeat(Guard, length - 1).ToArray();

            Assert.Throws<ArgumentException>(() => FlatUtf8.Copy(AsciiBytes(length), destination));
            Assert.All(destination, b => Assert.Equal(Guard, b));
        }
    }

    private static byte[] Insert(byte[] text, int position, byte[] sequence) => [.. text[..position], .. sequence, .. text[position..]];

    /// <summary>Every ASCII byte, the extremes among them, across the lengths.</summary>
    private static byte[] AsciiBytes(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 37 + length) % 128))];
}

using System.Collections.Generic;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;

namespace FlatGen.Generator;

/// <summary>
/// Splits a known key's code units (UTF-16 characters or UTF-8 bytes) into the packed-word comparisons of its
/// matcher: 64 bits at a time, the last read overlapping the one before it, so a key of <c>n</c> units of which a
/// word holds <c>w</c> takes <c>⌈n / w⌉</c> comparisons and no loop; a key shorter than a word takes at most two reads.
/// </summary>
internal static class PackedWords
{
    /// <summary>
    /// Whether <paramref name="key"/> can be matched with packed words: always ordinally; ignoring case, only if it is
    /// ASCII, where folding is OR-ing 0x20 into a letter. (No other character equals an ASCII one under
    /// OrdinalIgnoreCase, so the comparison is exact.) Other keys are matched with <c>OrdinalIgnoreCase</c> itself.
    /// </summary>
    public static bool CanPack(string key, bool ignoreCase)
    {
        if (ignoreCase)
        {
            foreach (char c in key)
            {
                if (c >= 0x80)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Splits <paramref name="units"/>, each <paramref name="unitBits"/> wide (8 or 16), into packed words.</summary>
    public static IReadOnlyList<PackedWord> Split(IReadOnlyList<int> units, int unitBits, bool ignoreCase)
    {
        int perWord = 64 / unitBits;
        int length = units.Count;
        var words = new List<PackedWord>((units.Count / perWord) + 2);
        if (length >= perWord)
        {
            for (int offset = 0; offset + perWord <= length; offset += perWord)
            {
                words.Add(Pack(units, offset, perWord, unitBits, ignoreCase));
            }

            if (length % perWord != 0)
            {
                words.Add(Pack(units, length - perWord, perWord, unitBits, ignoreCase));
            }

            return words;
        }

        // Shorter than a word: the largest power of two that fits, then the rest if it is one read, or else a
        // second read of the same width overlapping the first.
        int high = 1;
        while (high * 2 <= length)
        {
            high *= 2;
        }

        int rest = length - high;
        words.Add(Pack(units, 0, high, unitBits, ignoreCase));
        if (rest != 0)
        {
            bool oneRead = (rest & (rest - 1)) == 0;
            words.Add(oneRead ? Pack(units, high, rest, unitBits, ignoreCase) : Pack(units, length - high, high, unitBits, ignoreCase));
        }

        return words;
    }

    private static PackedWord Pack(IReadOnlyList<int> units, int offset, int count, int unitBits, bool ignoreCase)
    {
        ulong mask = 0;
        ulong value = 0;
        for (int i = 0; i < count; i++)
        {
            int unit = units[offset + i];
            if (ignoreCase && unit < 0x80 && char.IsLetter((char)unit))
            {
                mask |= 0x20UL << (unitBits * i);
                unit = Format.FoldAsciiLetter((char)unit);
            }

            value |= (ulong)unit << (unitBits * i);
        }

        return new PackedWord(offset, count * unitBits, mask, value);
    }
}

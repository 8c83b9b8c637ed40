using System.Collections.Generic;
using System.Linq;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;

namespace FlatGen.Generator;

/// <summary>
/// Splits a known key into the packed-word comparisons of its matcher: four characters at a time, the last read
/// overlapping the one before it, so a key of length <c>n ≥ 4</c> takes <c>⌈n / 4⌉</c> comparisons and no loop.
/// </summary>
internal static class PackedWords
{
    /// <summary>
    /// Whether <paramref name="key"/> can be matched with packed words: always ordinally; ignoring case, only if it is
    /// ASCII, where folding is OR-ing 0x20 into a letter. (No other character equals an ASCII one under
    /// OrdinalIgnoreCase, so the comparison is exact.) Other keys are matched with <c>MemoryExtensions.Equals</c>.
    /// </summary>
    public static bool CanPack(string key, bool ignoreCase) => !ignoreCase || key.All(static c => c < 0x80);

    public static IReadOnlyList<PackedWord> Split(string key, bool ignoreCase)
    {
        var words = new List<PackedWord>();
        switch (key.Length)
        {
            case 1:
                words.Add(Pack(key, 0, 16, ignoreCase));
                break;
            case 2:
                words.Add(Pack(key, 0, 32, ignoreCase));
                break;
            case 3:
                words.Add(Pack(key, 0, 32, ignoreCase));
                words.Add(Pack(key, 2, 16, ignoreCase));
                break;
            default:
                for (int offset = 0; offset + 4 <= key.Length; offset += 4)
                {
                    words.Add(Pack(key, offset, 64, ignoreCase));
                }

                if (key.Length % 4 != 0)
                {
                    words.Add(Pack(key, key.Length - 4, 64, ignoreCase));
                }

                break;
        }

        return words;
    }

    private static PackedWord Pack(string key, int offset, int bits, bool ignoreCase)
    {
        ulong mask = 0;
        ulong value = 0;
        for (int i = 0; i < bits / 16; i++)
        {
            char c = key[offset + i];
            if (ignoreCase && char.IsLetter(c) && c < 0x80)
            {
                mask |= 0x20UL << (16 * i);
                c = Format.FoldAsciiLetter(c);
            }

            value |= (ulong)c << (16 * i);
        }

        return new PackedWord(offset, bits, mask, value);
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// Writes the known-key matcher: a switch on the length; then, for more than
        /// <see cref="KeysPerCharacterSwitch"/> keys of one length, a switch on the character that tells them apart
        /// best; then each candidate compared as packed words (folded to lower case when ignoring case), or with
        /// <c>MemoryExtensions.Equals</c> if it cannot be packed.
        /// </summary>
        private static void WriteMatcher(SourceWriter writer, MapSpec spec)
        {
            bool ignoreCase = spec.KeyComparison == FlatKeyComparison.OrdinalIgnoreCase;
            writer.WriteLine($"static int {StorageType(spec)}.MatchKnownKey({ReadOnlySpanOfChar} key)");
            using (writer.WriteBlock())
            {
                writer.WriteLine("ref char start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(key);");
                writer.WriteLine("switch (key.Length)");
                using (writer.WriteBlock())
                {
                    var byLength = spec.KnownKeys.AsSpan().ToArray()
                        .Select(static (known, index) => (known.Key, Index: index))
                        .GroupBy(static k => k.Key.Length)
                        .OrderBy(static g => g.Key);
                    foreach (var group in byLength)
                    {
                        writer.WriteLine($"case {Number(group.Key)}:");
                        using (writer.Indent())
                        {
                            var packed = group.Where(k => PackedWords.CanPack(k.Key, ignoreCase)).ToList();
                            int position = DistinguishingPosition(packed.Select(static k => k.Key).ToList(), ignoreCase);
                            if (packed.Count > KeysPerCharacterSwitch && position >= 0)
                            {
                                WriteCharacterSwitch(writer, packed, position, ignoreCase);
                            }
                            else
                            {
                                WriteCandidates(writer, packed, ignoreCase);
                            }

                            WriteCandidates(writer, group.Where(k => !PackedWords.CanPack(k.Key, ignoreCase)), ignoreCase);
                            writer.WriteLine("return -1;");
                        }
                    }

                    writer.WriteLine("default:");
                    writer.WriteLine("    return -1;");
                }
            }
        }

        /// <summary>Above this many keys of one length, the matcher switches on one character before comparing words.</summary>
        private const int KeysPerCharacterSwitch = 4;

        private static void WriteCharacterSwitch(SourceWriter writer, List<(string Key, int Index)> candidates, int position, bool ignoreCase)
        {
            writer.WriteLine($"switch ({Match}.UnsafeRead16(ref start, {Number(position)}))");
            using (writer.WriteBlock())
            {
                foreach (var byCharacter in candidates.GroupBy(k => Fold(k.Key[position], ignoreCase)).OrderBy(static g => g.Key))
                {
                    char folded = byCharacter.Key;
                    writer.WriteLine($"case {Hex(folded, 16)}: // {Literal(folded)}");
                    if (folded != char.ToUpperInvariant(folded) && ignoreCase)
                    {
                        char upper = char.ToUpperInvariant(folded);
                        writer.WriteLine($"case {Hex(upper, 16)}: // {Literal(upper)}");
                    }

                    using (writer.Indent())
                    {
                        WriteCandidates(writer, byCharacter, ignoreCase);
                        writer.WriteLine("break;");
                    }
                }
            }

            writer.WriteLine();
        }

        private static void WriteCandidates(SourceWriter writer, IEnumerable<(string Key, int Index)> candidates, bool ignoreCase)
        {
            foreach ((string key, int index) in candidates)
            {
                writer.WriteLines("if (" + Condition(key, ignoreCase));
                using (writer.WriteBlock())
                {
                    writer.WriteLine($"return {Number(index)}; // {Literal(key)}");
                }

                writer.WriteLine();
            }
        }

        /// <summary>The character position whose (folded) characters take the most distinct values among <paramref name="keys"/>, or -1 if none differs.</summary>
        private static int DistinguishingPosition(List<string> keys, bool ignoreCase)
        {
            int best = -1;
            int bestDistinct = 1;
            for (int position = 0; keys.Count > 0 && position < keys[0].Length; position++)
            {
                int distinct = keys.Select(key => Fold(key[position], ignoreCase)).Distinct().Count();
                if (distinct > bestDistinct)
                {
                    best = position;
                    bestDistinct = distinct;
                }
            }

            return best;
        }

        /// <summary>An ASCII letter in lower case when ignoring case; any other character as it is.</summary>
        private static char Fold(char c, bool ignoreCase) => ignoreCase ? FoldAsciiLetter(c) : c;

        /// <summary>The condition that <c>key</c> (of the right length) equals <paramref name="knownKey"/>, closing the <c>if</c>.</summary>
        private static string Condition(string knownKey, bool ignoreCase)
        {
            if (!PackedWords.CanPack(knownKey, ignoreCase))
            {
                return $"global::System.MemoryExtensions.Equals(key, {Literal(knownKey)}, global::System.StringComparison.OrdinalIgnoreCase))";
            }

            var terms = PackedWords.Split(knownKey, ignoreCase).Select(static word =>
            {
                string read = $"{Match}.UnsafeRead{Number(word.Bits)}(ref start, {Number(word.Offset)})";
                return word.Mask == 0
                    ? $"{read} == {Hex(word.Value, word.Bits)}"
                    : $"({read} | {Hex(word.Mask, word.Bits)}) == {Hex(word.Value, word.Bits)}";
            });
            return string.Join("\n    && ", terms) + ")";
        }

        /// <summary>A hexadecimal literal with one group of four digits per character, such as <c>0x0074_0073_006F_0048UL</c>.</summary>
        private static string Hex(ulong value, int bits)
        {
            var groups = new string[bits / 16];
            for (int i = 0; i < groups.Length; i++)
            {
                groups[groups.Length - 1 - i] = ((value >> (16 * i)) & 0xFFFF).ToString("X4", CultureInfo.InvariantCulture);
            }

            string suffix = bits switch { 64 => "UL", 32 => "U", _ => "" };
            return "0x" + string.Join("_", groups) + suffix;
        }
    }
}

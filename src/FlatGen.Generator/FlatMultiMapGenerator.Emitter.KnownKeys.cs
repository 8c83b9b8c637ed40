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
        /// Writes the known-key matchers, one over UTF-16 characters and one over UTF-8 bytes: a switch on the length;
        /// then, for more than <see cref="KeysPerCharacterSwitch"/> keys of one length, a switch on the code unit that
        /// tells them apart best; then each candidate compared as packed words (ASCII letters folded to lower case
        /// with a 0x20 mask when ignoring case, as Kestrel's header matcher does on bytes). A non-ASCII key ignoring
        /// case is compared with <c>OrdinalIgnoreCase</c> itself: among UTF-16 keys of its length, and after the
        /// switch among UTF-8 keys, whose byte length case changes.
        /// </summary>
        /// <returns>Both matchers' text, unindented, for the caller to write into the matcher struct.</returns>
        private static string WriteMatchers(MapSpec spec)
        {
            var writer = new SourceWriter();
            bool ignoreCase = spec.KeyComparison == FlatKeyComparison.OrdinalIgnoreCase;
            var keys = spec.KnownKeys.AsSpan().ToArray().Select(static (known, index) => (known.Key, Index: index)).ToList();

            writer.WriteLine($"public static int Match({ReadOnlySpanOfChar} key)");
            WriteMatcher(
                writer,
                "char",
                unitBits: 16,
                keys.Select(static k => new Candidate(k.Key, k.Index, k.Key.Select(static c => (int)c).ToArray())).ToList(),
                afterSwitch: new List<Candidate>(),
                ignoreCase);
            writer.WriteLine();

            // A key with a lone surrogate has no UTF-8 form, so no valid UTF-8 key equals it.
            var utf8 = keys
                .Select(static k => (k.Key, k.Index, Bytes: Utf8Bytes(k.Key)))
                .Where(static k => k.Bytes is not null)
                .Select(static k => new Candidate(k.Key, k.Index, k.Bytes!))
                .ToList();
            writer.WriteLine($"public static int MatchUtf8({ReadOnlySpanOfByte} key)");
            WriteMatcher(
                writer,
                "byte",
                unitBits: 8,
                utf8.Where(k => PackedWords.CanPack(k.Key, ignoreCase)).ToList(),
                utf8.Where(k => !PackedWords.CanPack(k.Key, ignoreCase)).ToList(),
                ignoreCase);
            return writer.ToString();
        }

        private static void WriteMatcher(SourceWriter writer, string unit, int unitBits, List<Candidate> keys, List<Candidate> afterSwitch, bool ignoreCase)
        {
            string noMatch = afterSwitch.Count == 0 ? "return -1;" : "break;";
            using (writer.WriteBlock())
            {
                writer.WriteLine($"ref {unit} start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(key);");
                writer.WriteLine("switch (key.Length)");
                using (writer.WriteBlock())
                {
                    foreach (var group in keys.GroupBy(static k => k.Units.Length).OrderBy(static g => g.Key))
                    {
                        writer.WriteLine($"case {Number(group.Key)}:");
                        using (writer.Indent())
                        {
                            var packed = group.Where(k => PackedWords.CanPack(k.Key, ignoreCase)).ToList();
                            int position = DistinguishingPosition(packed, ignoreCase);
                            if (packed.Count > KeysPerCharacterSwitch && position >= 0)
                            {
                                WriteCharacterSwitch(writer, packed, position, unitBits, ignoreCase);
                            }
                            else
                            {
                                WriteCandidates(writer, packed, unitBits, ignoreCase);
                            }

                            WriteCandidates(writer, group.Where(k => !PackedWords.CanPack(k.Key, ignoreCase)), unitBits, ignoreCase);
                            writer.WriteLine(noMatch);
                        }
                    }

                    writer.WriteLine("default:");
                    writer.WriteLine("    " + noMatch);
                }

                if (afterSwitch.Count > 0)
                {
                    writer.WriteLine();
                    WriteCandidates(writer, afterSwitch, unitBits, ignoreCase);
                    writer.WriteLine("return -1;");
                }
            }
        }

        /// <summary>Above this many keys of one length, the matcher switches on one code unit before comparing words.</summary>
        private const int KeysPerCharacterSwitch = 4;

        private static void WriteCharacterSwitch(SourceWriter writer, List<Candidate> candidates, int position, int unitBits, bool ignoreCase)
        {
            writer.WriteLine($"switch (Read{Number(unitBits)}(ref start, {Number(position)}))");
            using (writer.WriteBlock())
            {
                foreach (var byUnit in candidates.GroupBy(k => Fold(k.Units[position], ignoreCase)).OrderBy(static g => g.Key))
                {
                    char folded = (char)byUnit.Key;
                    writer.WriteLine($"case {Hex(folded, unitBits, unitBits)}: // {Literal(folded)}");
                    if (folded != char.ToUpperInvariant(folded) && ignoreCase)
                    {
                        char upper = char.ToUpperInvariant(folded);
                        writer.WriteLine($"case {Hex(upper, unitBits, unitBits)}: // {Literal(upper)}");
                    }

                    using (writer.Indent())
                    {
                        WriteCandidates(writer, byUnit, unitBits, ignoreCase);
                        writer.WriteLine("break;");
                    }
                }
            }

            writer.WriteLine();
        }

        private static void WriteCandidates(SourceWriter writer, IEnumerable<Candidate> candidates, int unitBits, bool ignoreCase)
        {
            foreach (Candidate candidate in candidates)
            {
                writer.WriteLines("if (" + Condition(candidate, unitBits, ignoreCase));
                using (writer.WriteBlock())
                {
                    writer.WriteLine($"return {Number(candidate.Index)}; // {Literal(candidate.Key)}");
                }

                writer.WriteLine();
            }
        }

        /// <summary>The unit position whose (folded) units take the most distinct values among <paramref name="keys"/>, or -1 if none differs.</summary>
        private static int DistinguishingPosition(List<Candidate> keys, bool ignoreCase)
        {
            int best = -1;
            int bestDistinct = 1;
            for (int position = 0; keys.Count > 0 && position < keys[0].Units.Length; position++)
            {
                int distinct = keys.Select(key => Fold(key.Units[position], ignoreCase)).Distinct().Count();
                if (distinct > bestDistinct)
                {
                    best = position;
                    bestDistinct = distinct;
                }
            }

            return best;
        }

        /// <summary>An ASCII letter in lower case when ignoring case; any other code unit as it is.</summary>
        private static int Fold(int unit, bool ignoreCase) => ignoreCase && unit < 0x80 ? FoldAsciiLetter((char)unit) : unit;

        /// <summary>The condition that <c>key</c> (of the right length) equals the candidate, closing the <c>if</c>.</summary>
        private static string Condition(Candidate candidate, int unitBits, bool ignoreCase)
        {
            if (!PackedWords.CanPack(candidate.Key, ignoreCase))
            {
                return unitBits == 8
                    ? $"{Match}.Utf8EqualsIgnoreCase(key, {Literal(candidate.Key)}))"
                    : $"global::System.MemoryExtensions.Equals(key, {Literal(candidate.Key)}, global::System.StringComparison.OrdinalIgnoreCase))";
            }

            var terms = PackedWords.Split(candidate.Units, unitBits, ignoreCase).Select(word =>
            {
                string read = $"Read{Number(word.Bits)}(ref start, {Number(word.Offset)})";
                return word.Mask == 0
                    ? $"{read} == {Hex(word.Value, word.Bits, unitBits)}"
                    : $"({read} | {Hex(word.Mask, word.Bits, unitBits)}) == {Hex(word.Value, word.Bits, unitBits)}";
            });
            return string.Join("\n    && ", terms) + ")";
        }

        /// <summary>The UTF-8 bytes of <paramref name="key"/>, or <see langword="null"/> if it has a lone surrogate and so no UTF-8 form.</summary>
        private static int[]? Utf8Bytes(string key) =>
            Utf16Text.LoneSurrogateIndex(key) >= 0 ? null : System.Text.Encoding.UTF8.GetBytes(key).Select(static b => (int)b).ToArray();

        /// <summary>
        /// A hexadecimal literal of <paramref name="bits"/> with one group of digits per code unit of
        /// <paramref name="unitBits"/>, such as <c>0x0074_0073_006F_0048UL</c> for four characters or <c>0x74_73_6F_48U</c> for four bytes.
        /// </summary>
        private static string Hex(ulong value, int bits, int unitBits)
        {
            var groups = new string[bits / unitBits];
            string digits = "X" + Number(unitBits / 4);
            for (int i = 0; i < groups.Length; i++)
            {
                groups[groups.Length - 1 - i] = ((value >> (unitBits * i)) & ((1UL << unitBits) - 1)).ToString(digits, CultureInfo.InvariantCulture);
            }

            string suffix = bits switch { 64 => "UL", 32 => "U", _ => "" };
            return "0x" + string.Join("_", groups) + suffix;
        }

        /// <summary>A known key as one matcher sees it: its index and its code units (characters or UTF-8 bytes).</summary>
        private sealed record Candidate(string Key, int Index, int[] Units);
    }
}

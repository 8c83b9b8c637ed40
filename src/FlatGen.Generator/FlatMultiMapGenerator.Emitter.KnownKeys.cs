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
        private const string AggressiveOptimization =
            "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

        private const string AggressiveInlining =
            "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

        /// <summary>The condition of the candidate being written, reused from candidate to candidate.</summary>
        [System.ThreadStatic]
        private static System.Text.StringBuilder? t_condition;

        /// <summary>Above this many keys of one length, a matcher switches on one code unit before comparing keys.</summary>
        private const int KeysPerCharacterSwitch = 4;

        /// <summary>
        /// Writes the known-key matchers, one over UTF-16 characters and one over UTF-8 bytes: a switch on the length;
        /// then, for more than <see cref="KeysPerCharacterSwitch"/> keys of one length, a switch on the code unit that
        /// tells them apart best; then each candidate compared. Characters are compared with <c>MemoryExtensions</c>
        /// against the key's literal, which the JIT unrolls into a few word compares for an ASCII key (ignoring case,
        /// with a 0x20 mask). Bytes are compared as packed words written out (ignoring case as Kestrel's header matcher
        /// does); a non-ASCII key ignoring case, whose byte length case changes, is compared after the switch.
        /// </summary>
        private static void WriteMatchers(SourceWriter writer, MapSpec spec)
        {
            bool ignoreCase = spec.KeyComparison == FlatKeyComparison.OrdinalIgnoreCase;
            var utf16 = new List<Candidate>(spec.KnownKeys.Count);
            var utf8 = new List<Candidate>(spec.KnownKeys.Count);
            var utf8AfterSwitch = new List<Candidate>();
            for (int i = 0; i < spec.KnownKeys.Count; i++)
            {
                string key = spec.KnownKeys[i].Key;
                string literal = Literal(key);
                var characters = new int[key.Length];
                for (int c = 0; c < key.Length; c++)
                {
                    characters[c] = key[c];
                }

                utf16.Add(new Candidate(key, literal, i, characters));

                // A key with a lone surrogate has no UTF-8 form, so no valid UTF-8 key equals it.
                if (Utf16Text.LoneSurrogateIndex(key) < 0)
                {
                    byte[] bytes = System.Text.Encoding.UTF8.GetBytes(key);
                    var units = new int[bytes.Length];
                    for (int b = 0; b < bytes.Length; b++)
                    {
                        units[b] = bytes[b];
                    }

                    (PackedWords.CanPack(key, ignoreCase) ? utf8 : utf8AfterSwitch).Add(new Candidate(key, literal, i, units));
                }
            }

            if (ignoreCase)
            {
                // One short name for the compare every UTF-16 candidate makes; inlined, its literal stays a constant the
                // JIT unrolls. Ordinal candidates call SequenceEqual themselves: in a helper, the JIT no longer knows
                // the key's length from the switch arm and checks it again.
                writer.WriteLine(AggressiveInlining);
                writer.WriteLine($"private static bool Is({ReadOnlySpanOfChar} key, string name) => global::System.MemoryExtensions.Equals(key, name, global::System.StringComparison.OrdinalIgnoreCase);");
                writer.WriteLine();
            }

            writer.WriteLine("// Optimised at the first call, without a profile: every key's compare is unrolled, seen yet or not.");
            writer.WriteLine(AggressiveOptimization);
            writer.WriteLine($"public override int Match({ReadOnlySpanOfChar} key)");
            WriteMatcher(writer, new Matcher(UnitBits: 16, ignoreCase), utf16, afterSwitch: []);
            writer.WriteLine();
            writer.WriteLine(AggressiveOptimization);
            writer.WriteLine($"public override int MatchUtf8({ReadOnlySpanOfByte} key)");
            int readBits = WriteMatcher(writer, new Matcher(UnitBits: 8, ignoreCase), utf8, utf8AfterSwitch);
            WriteMatcherReads(writer, readBits);
        }

        /// <summary>
        /// Writes one matcher's body: a switch expression on the length whose arms are chains of candidates, one a line;
        /// returns the widths of the words it reads, one bit each (8 | 16 | 32 | 64).
        /// </summary>
        private static int WriteMatcher(SourceWriter writer, Matcher matcher, List<Candidate> keys, List<Candidate> afterSwitch)
        {
            int readBits = 0;
            using (writer.WriteBlock())
            {
                if (matcher.UnitBits == 8)
                {
                    writer.WriteLine("ref byte start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(key);");
                }

                writer.WriteLine(afterSwitch.Count == 0 ? "return key.Length switch" : "int index = key.Length switch");
                using (writer.WriteBlock("};"))
                {
                    // By length, each length's keys in declaration order.
                    var byLength = new List<Candidate>(keys);
                    byLength.Sort(static (x, y) => x.Units.Length != y.Units.Length ? x.Units.Length - y.Units.Length : x.Index - y.Index);
                    var switchable = new List<Candidate>();
                    var others = new List<Candidate>();
                    for (int start = 0, end; start < byLength.Count; start = end)
                    {
                        int length = byLength[start].Units.Length;
                        switchable.Clear();
                        others.Clear();
                        for (end = start; end < byLength.Count && byLength[end].Units.Length == length; end++)
                        {
                            // Ignoring case, only ASCII keys take a character switch, where folding a unit is OR-ing 0x20 into a letter.
                            (PackedWords.CanPack(byLength[end].Key, matcher.IgnoreCase) ? switchable : others).Add(byLength[end]);
                        }

                        int position = DistinguishingPosition(switchable, matcher.IgnoreCase);
                        string arm = Number(length) + " => ";
                        if (switchable.Count <= KeysPerCharacterSwitch || position < 0)
                        {
                            readBits |= WriteChain(writer, matcher, arm, [.. switchable, .. others], ",");
                            continue;
                        }

                        writer.WriteLine($"{arm}key[{position}] switch");
                        using (writer.WriteBlock("},"))
                        {
                            foreach (var byUnit in switchable.GroupBy(k => Fold(k.Units[position], matcher.IgnoreCase)).OrderBy(static g => g.Key))
                            {
                                string label = UnitLiteral(byUnit.Key, matcher.UnitBits);
                                char upper = char.ToUpperInvariant((char)byUnit.Key);
                                if (matcher.IgnoreCase && byUnit.Key < 0x80 && upper != byUnit.Key)
                                {
                                    label += " or " + UnitLiteral(upper, matcher.UnitBits);
                                }

                                readBits |= WriteChain(writer, matcher, label + " => ", [.. byUnit, .. others], ",");
                            }

                            readBits |= WriteChain(writer, matcher, "_ => ", others, ",");
                        }
                    }

                    writer.WriteLine("_ => -1,");
                }

                if (afterSwitch.Count > 0)
                {
                    writer.WriteLine("return index >= 0 ? index");
                    using (writer.Indent())
                    {
                        readBits |= WriteChain(writer, matcher, arm: null, afterSwitch, ";");
                    }
                }
            }

            return readBits;
        }

        /// <summary>A code unit as a case label: a character literal, or a byte's ASCII character cast to <c>byte</c>, or its hexadecimal value.</summary>
        private static string UnitLiteral(int unit, int unitBits) =>
            unitBits == 16 ? Literal((char)unit)
            : unit is >= 0x20 and < 0x7F ? "(byte)" + Literal((char)unit)
            : "0x" + unit.ToString("X2", CultureInfo.InvariantCulture);

        /// <summary>
        /// Writes a chain of the candidates, each <c>condition ? index</c> on a line of its own, ending in <c>-1</c> and
        /// <paramref name="terminator"/>: after <paramref name="arm"/> (<c>6 =&gt; </c>), the rest indented under it; with no
        /// arm, every line starts with <c>:</c>, continuing an expression already written. Returns the widths of the words it reads.
        /// </summary>
        private static int WriteChain(SourceWriter writer, Matcher matcher, string? arm, List<Candidate> candidates, string terminator)
        {
            if (candidates.Count == 0)
            {
                writer.WriteLine((arm ?? ": ") + "-1" + terminator);
                return 0;
            }

            int readBits = 0;
            System.Text.StringBuilder condition = t_condition ??= new System.Text.StringBuilder(256);
            for (int i = 0; i < candidates.Count; i++)
            {
                Candidate candidate = candidates[i];
                condition.Clear();
                readBits |= AppendCondition(condition, matcher, candidate);

                // Packed words say nothing of the key they compare: the key follows in a comment.
                bool packed = matcher.UnitBits == 8 && PackedWords.CanPack(candidate.Key, matcher.IgnoreCase);
                string commentStart = packed ? " // " : "";
                string comment = packed ? candidate.Literal : "";
                if (i == 0 && arm is not null)
                {
                    string end = candidates.Count == 1 ? " : -1" : "";
                    string endTerminator = candidates.Count == 1 ? terminator : "";
                    writer.WriteLine($"{arm}{condition} ? {candidate.Index}{end}{endTerminator}{commentStart}{comment}");
                }
                else
                {
                    writer.WriteLine($"{(arm is null ? "" : "    ")}: {condition} ? {candidate.Index}{commentStart}{comment}");
                }
            }

            if (candidates.Count > 1 || arm is null)
            {
                writer.WriteLine((arm is null ? "" : "    ") + ": -1" + terminator);
            }

            return readBits;
        }

        /// <summary>Appends the condition that <c>key</c>, of the candidate's length, equals it; returns the widths of the words it reads.</summary>
        private static int AppendCondition(System.Text.StringBuilder condition, Matcher matcher, Candidate candidate)
        {
            if (matcher.UnitBits == 16)
            {
                condition.Append(matcher.IgnoreCase ? "Is(key, " : "global::System.MemoryExtensions.SequenceEqual(key, ").Append(candidate.Literal).Append(')');
                return 0;
            }

            if (!PackedWords.CanPack(candidate.Key, matcher.IgnoreCase))
            {
                condition.Append(Match).Append(".Utf8EqualsIgnoreCase(key, ").Append(candidate.Literal).Append(')');
                return 0;
            }

            int readBits = 0;
            foreach (PackedWord word in PackedWords.Split(candidate.Units, matcher.UnitBits, matcher.IgnoreCase))
            {
                readBits |= word.Bits;
                if (condition.Length != 0)
                {
                    condition.Append(" && ");
                }

                condition.Append(word.Mask == 0 ? "Read" : "(Read").Append(Number(word.Bits)).Append("(ref start, ").Append(Number(word.Offset)).Append(')');
                if (word.Mask != 0)
                {
                    AppendHex(condition.Append(" | "), word.Mask, word.Bits).Append(')');
                }

                AppendHex(condition.Append(" == "), word.Value, word.Bits);
            }

            return readBits;
        }

        /// <summary>The unit position whose (folded) units take the most distinct values among <paramref name="keys"/>, or -1 if none differs.</summary>
        private static int DistinguishingPosition(List<Candidate> keys, bool ignoreCase)
        {
            int best = -1;
            int bestDistinct = 1;
            for (int position = 0; keys.Count > 0 && position < keys[0].Units.Length; position++)
            {
                // Keys of one length are few: counting each unit not seen at an earlier key beats a set.
                int distinct = 0;
                for (int i = 0; i < keys.Count; i++)
                {
                    int unit = Fold(keys[i].Units[position], ignoreCase);
                    int earlier = 0;
                    while (earlier < i && Fold(keys[earlier].Units[position], ignoreCase) != unit)
                    {
                        earlier++;
                    }

                    distinct += earlier == i ? 1 : 0;
                }

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

        /// <summary>The UTF-8 matcher's reads, by a short name: unaligned little-endian words of the key, a call the JIT always inlines (a few bytes of IL).</summary>
        private static void WriteMatcherReads(SourceWriter writer, int readBits)
        {
            foreach ((string type, int bits) in new[] { ("byte", 8), ("ushort", 16), ("uint", 32), ("ulong", 64) })
            {
                if ((readBits & bits) != 0)
                {
                    writer.WriteLine();
                    writer.WriteLine($"private static {type} Read{bits}(ref byte start, int index) => {Match}.UnsafeRead{bits}(ref start, index);");
                }
            }
        }

        /// <summary>Appends a hexadecimal literal of a word of bytes, one group of two digits per byte: <c>0x74_73_6F_48U</c>.</summary>
        private static System.Text.StringBuilder AppendHex(System.Text.StringBuilder text, ulong value, int bits)
        {
            const string Digits = "0123456789ABCDEF";
            text.Append("0x");
            for (int i = (bits / 8) - 1; i >= 0; i--)
            {
                int octet = (int)(value >> (8 * i)) & 0xFF;
                text.Append(Digits[octet >> 4]).Append(Digits[octet & 0xF]);
                if (i != 0)
                {
                    text.Append('_');
                }
            }

            return text.Append(bits switch { 64 => "UL", 32 => "U", _ => "" });
        }

        /// <summary>One matcher: the width of its code units (16 for characters, 8 for UTF-8 bytes) and whether it ignores case.</summary>
        private readonly record struct Matcher(int UnitBits, bool IgnoreCase);

        /// <summary>A known key as one matcher sees it: its C# literal, its index and its code units (characters or UTF-8 bytes).</summary>
        private sealed record Candidate(string Key, string Literal, int Index, int[] Units);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FlatGen.Generator.Diagnostics;
using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    internal static partial class Checker
    {
        /// <summary>The members every struct inherits from <see cref="object"/> and <see cref="System.ValueType"/>, which an accessor must not hide.</summary>
        private static readonly string[] InheritedMembers = { "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize" };

        /// <summary>
        /// Checks the declared known keys and names their accessors. Each problem is reported at the key's own
        /// element of the <c>KnownKeys</c> array where the syntax allows, otherwise at the argument.
        /// </summary>
        private static EquatableArray<KnownKeySpec> KnownKeys(
            AttributeArguments arguments,
            MapDeclaration declaration,
            FlatKeyComparison comparison,
            int? arenaBytes,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            List<string?> declared = arguments.KnownKeys.ToList();
            int keyCapacity = arguments.KeyCapacity;
            EquatableArray<LocationInfo> elements = arguments.KnownKeyLocations;
            LocationInfo? Where(int index) => elements.Count == declared.Count ? elements[index] : arguments.KnownKeysLocation;

            if (declared.Count > keyCapacity)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MoreKnownKeysThanKeyCapacity, arguments.KnownKeysLocation, Number(declared.Count), Number(keyCapacity)));
            }

            if (declared.Count == 0)
            {
                return EquatableArray<KnownKeySpec>.Empty; // Most maps: no names to check.
            }

            StringComparison keyComparison = comparison == FlatKeyComparison.OrdinalIgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            string comparisonName = comparison == FlatKeyComparison.OrdinalIgnoreCase ? "OrdinalIgnoreCase" : "Ordinal";

            // The accessors taken so far, each with the key that holds it; every other name is looked up where it is declared.
            var accessors = new Dictionary<string, string>(GeneratedNames.KnownKeyAccessorCount * declared.Count, StringComparer.Ordinal);
            string? Holder(string member) => accessors.TryGetValue(member, out string? owner) ? "the accessor of the known key " + Literal(owner) : Taken(member, declaration);

            var keys = new List<KnownKeySpec>(declared.Count);
            var candidates = new List<(int Index, string Key, string Name, string[] Members)>(declared.Count);
            for (int i = 0; i < declared.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string? key = declared[i];
                if (string.IsNullOrEmpty(key))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyKnownKey, Where(i), Number(i), key is null ? "null" : "empty"));
                    continue;
                }

                int duplicate = 0;
                while (duplicate < i && !string.Equals(declared[duplicate], key, keyComparison))
                {
                    duplicate++;
                }

                if (duplicate < i)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateKnownKey, Where(i), Literal(key!), Literal(declared[duplicate]!), comparisonName));
                    continue;
                }

                if (arenaBytes is not null && Utf16Text.LoneSurrogateIndex(key!) is int surrogate and >= 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KnownKeyNotUtf16, Where(i), Literal(key!), Number(surrogate)));
                    continue;
                }

                if (arenaBytes is int arena && System.Text.Encoding.UTF8.GetByteCount(key) > arena)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KnownKeyLargerThanArena, Where(i), Literal(key!), Number(System.Text.Encoding.UTF8.GetByteCount(key)), Number(arena)));
                    continue;
                }

                string name = MemberNames.FromKey(key!);
                string[] members = GeneratedNames.KnownKeyAccessors(name);
                if (!members.All(MemberNames.FitsMetadata))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KnownKeyNameTooLong, Where(i), Number(i), Number(key!.Length), Number(MemberNames.MaxMetadataNameBytes)));
                    continue;
                }

                if (!MemberNames.IsValid(name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidKnownKeyName, Where(i), Literal(key!), name));
                    continue;
                }

                candidates.Add((i, key!, name, members));
            }

            // A key's values accessor takes its name before any key's other members: "Set-Cookie"'s SetCookie is its values,
            // and "Cookie" goes without a SetCookie (Set("Cookie", value) does it). Any other clash is an error.
            var primaries = new Dictionary<string, int>(StringComparer.Ordinal);
            var accepted = new List<(int Index, string Key, string Name, string[] Members)>(candidates.Count);
            foreach (var candidate in candidates)
            {
                string primary = candidate.Members[0];
                string? holder = Holder(primary);
                if (holder is not null || primaries.ContainsKey(primary))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KnownKeyNameCollision, Where(candidate.Index), Literal(candidate.Key), primary,
                        holder ?? "the accessor of the known key " + Literal(declared[primaries[primary]]!)));
                    continue;
                }

                primaries[primary] = candidate.Index;
                accepted.Add(candidate);
            }

            foreach (var (index, key, name, members) in accepted)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int omitted = 0;
                string? clash = null;
                for (int m = 1; m < members.Length && clash is null; m++)
                {
                    if (primaries.ContainsKey(members[m]))
                    {
                        omitted |= 1 << m;
                    }
                    else if (Holder(members[m]) is not null)
                    {
                        clash = members[m];
                    }
                }

                if (clash is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KnownKeyNameCollision, Where(index), Literal(key), clash, Holder(clash)!));
                    continue;
                }

                for (int m = 0; m < members.Length; m++)
                {
                    if ((omitted & (1 << m)) == 0)
                    {
                        accessors[members[m]] = key;
                    }
                }

                keys.Add(new KnownKeySpec(key, name, omitted));
            }

            return new EquatableArray<KnownKeySpec>(keys.ToArray());
        }

        /// <summary>
        /// What already holds <paramref name="member"/> in the struct other than an accessor, for the message: a member the
        /// user declared, one every struct inherits, one FlatGen generates, or the struct's own name; <see langword="null"/> if none.
        /// </summary>
        private static string? Taken(string member, MapDeclaration declaration)
        {
            foreach (LocatedText declared in declaration.DeclaredMembers)
            {
                if (declared.Text == member)
                {
                    return "a member declared in '" + declaration.Name + "'";
                }
            }

            return System.Array.IndexOf(InheritedMembers, member) >= 0 ? "a member every struct inherits"
                : GeneratedNames.IsMember(member) ? "a member FlatGen generates"
                : member == declaration.Name ? "the name of the struct"
                : null;
        }
    }
}

using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    internal static partial class Emitter
    {
        private const string StringValues = "global::Microsoft.Extensions.Primitives.StringValues";

        private static string JsonConverterType(MapSpec spec)
        {
            string converter = spec.Storage == FlatStorage.InlineUtf8 ? "FlatInlineMapJsonConverter" : "FlatReferenceMapJsonConverter";
            return $"global::FlatGen.Infrastructure.{converter}<{spec.FullyQualifiedName}, {IndexTypes(spec)}, {ComparerType(spec)}, {MatcherType(spec)}>";
        }

        /// <summary>The members both storage modes share past adding and looking up: single values, snapshots, equality.</summary>
        private static void WriteValueMembers(SourceWriter writer, MapSpec spec)
        {
            string self = spec.FullyQualifiedName;
            bool inline = spec.Storage == FlatStorage.InlineUtf8;
            string decoded = inline ? ", decoded into a new string" : "";
            string full = inline ? "no key slot, value slot or arena room is left" : "no key slot or no value slot is free";
            string invalid = inline
                ? "\n/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"key\"/> or <paramref name=\"value\"/> is not valid UTF-16 (a lone surrogate)" + UnstorableKey(spec) + ".</exception>"
                : "";
            writer.WriteLines($$"""
                /// <summary>Gets the first value of <paramref name="key"/>{{decoded}}.</summary>
                /// <param name="key">The key to look up.</param>
                /// <param name="value">The key's first value; <see langword="null"/> when the key is absent.</param>
                /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
                public readonly bool TryGetFirst(string key, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => Core.TryGetFirst(Fields, key, out value);

                /// <summary>Gets the first value of <paramref name="key"/>{{decoded}}, or <see langword="null"/> when the key is absent.</summary>
                /// <param name="key">The key to look up.</param>
                /// <returns>The key's first value, or <see langword="null"/>.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
                public readonly string? GetFirstOrDefault(string key) => Core.GetFirstOrDefault(Fields, key);

                /// <summary>Makes <paramref name="value"/> the only value of <paramref name="key"/>, keeping the key's place; adds the key if it is new.</summary>
                /// <param name="key">The key.</param>
                /// <param name="value">The value that replaces all of the key's values.</param>
                /// <returns><see langword="true"/> if the value was set; <see langword="false"/> if {{full}}, and then the map is unchanged.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>{{invalid}}
                public bool TrySet(string key, string value) => Core.TrySet(Fields, key, value);

                /// <summary>Makes <paramref name="value"/> the only value of <paramref name="key"/>, keeping the key's place; adds the key if it is new.</summary>
                /// <param name="key">The key.</param>
                /// <param name="value">The value that replaces all of the key's values.</param>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>{{invalid}}
                /// <exception cref="global::FlatGen.FlatMapFullException">{{char.ToUpperInvariant(full[0]) + full.Substring(1)}}; the map is unchanged.</exception>
                public void Set(string key, string value) => Core.Set(Fields, key, value);

                /// <summary>Removes the first of the values of <paramref name="key"/> that equals <paramref name="value"/> (ordinally); a key left with no value is removed.</summary>
                /// <param name="key">The key.</param>
                /// <param name="value">The value to remove.</param>
                /// <returns><see langword="true"/> if the value was found and removed; otherwise, <see langword="false"/>.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
                public bool Remove(string key, string value) => Core.Remove(Fields, key, value);

                /// <summary>Copies the keys and values{{decoded.Replace("a new string", "strings")}}, in first-insertion order, into a new array: the allocating bridge to LINQ and to APIs that take pairs.</summary>
                /// <returns>One pair per key, with an array of its values.</returns>
                public readonly global::System.Collections.Generic.KeyValuePair<string, string[]>[] ToArray() => Core.ToArray(Fields);

                /// <summary>Determines whether <paramref name="other"/> holds the same keys, under the map's comparison, each with the same values in the same order; the order of the keys does not matter.</summary>
                /// <param name="other">The map to compare with.</param>
                /// <returns><see langword="true"/> if the maps hold the same entries; otherwise, <see langword="false"/>.</returns>
                public readonly bool Equals({{self}} other) => Core.Equals(Fields, other.Fields);

                /// <summary>Determines whether <paramref name="obj"/> is a map of this type that holds the same entries.</summary>
                /// <param name="obj">The object to compare with.</param>
                /// <returns><see langword="true"/> if <paramref name="obj"/> is an equal map; otherwise, <see langword="false"/>.</returns>
                public override readonly bool Equals(object? obj) => obj is {{self}} other && Core.Equals(Fields, other.Fields);

                /// <summary>Returns a hash of the map's entries that equal maps share; a map changed after it is hashed hashes differently.</summary>
                /// <returns>The hash code.</returns>
                public override readonly int GetHashCode() => Core.GetHashCode(Fields);

                /// <summary>Determines whether two maps hold the same entries.</summary>
                /// <param name="left">The first map.</param>
                /// <param name="right">The second map.</param>
                /// <returns><see langword="true"/> if the maps are equal; otherwise, <see langword="false"/>.</returns>
                public static bool operator ==(in {{self}} left, in {{self}} right) => Core.Equals(left.Fields, right.Fields);

                /// <summary>Determines whether two maps hold different entries.</summary>
                /// <param name="left">The first map.</param>
                /// <param name="right">The second map.</param>
                /// <returns><see langword="true"/> if the maps differ; otherwise, <see langword="false"/>.</returns>
                public static bool operator !=(in {{self}} left, in {{self}} right) => !Core.Equals(left.Fields, right.Fields);

                """);
        }

        /// <summary>
        /// With Microsoft.Extensions.Primitives referenced (every ASP.NET Core app): adding and reading
        /// <c>StringValues</c>, and copying to and from header dictionaries. Nothing without the reference.
        /// </summary>
        private static void WriteStringValuesMembers(SourceWriter writer, MapSpec spec)
        {
            if (!spec.HasStringValues)
            {
                return;
            }
            writer.WriteLines($$"""
                /// <summary>Appends all of <paramref name="values"/> to the values of <paramref name="key"/>, or none of them; an empty <paramref name="values"/> adds nothing.</summary>
                /// <param name="key">The key.</param>
                /// <param name="values">The values to append after the key's other values.</param>
                /// <returns><see langword="true"/> if every value was added; <see langword="false"/> if they do not all fit, and then the map is unchanged.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> or one of the values is <see langword="null"/>.</exception>
                public bool TryAdd(string key, {{StringValues}} values) => Core.TryAddAll(Fields, key, values);

                /// <summary>Appends all of <paramref name="values"/> to the values of <paramref name="key"/>, or none of them; an empty <paramref name="values"/> adds nothing.</summary>
                /// <param name="key">The key.</param>
                /// <param name="values">The values to append after the key's other values.</param>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> or one of the values is <see langword="null"/>.</exception>
                /// <exception cref="global::FlatGen.FlatMapFullException">The values do not all fit; the map is unchanged.</exception>
                public void Add(string key, {{StringValues}} values) => Core.AddAll(Fields, key, values);

                /// <summary>Adds each key's values, each key whole or not at all, such as the request headers of an ASP.NET Core <c>HttpContext</c>; a key that does not fit is skipped and the next one tried.</summary>
                /// <param name="pairs">The keys and their values.</param>
                /// <param name="notAdded">How many keys did not fit.</param>
                /// <returns><see langword="true"/> if every key was added; otherwise, <see langword="false"/>.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="pairs"/>, a key or a value is <see langword="null"/>.</exception>
                public bool TryAddRange(global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, {{StringValues}}>> pairs, out int notAdded) =>
                    Core.TryAddRange(Fields, pairs, out notAdded);

                /// <summary>Gets the values of <paramref name="key"/> as <c>StringValues</c>: no allocation for none or one value, an array for more.</summary>
                /// <param name="key">The key to look up.</param>
                /// <returns>The key's values; empty when the key is absent.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
                public readonly {{StringValues}} GetStringValues(string key) => ToStringValues(GetValues(key));

                /// <summary>Sets each key of the map in <paramref name="destination"/> to its values, such as the response headers of an ASP.NET Core <c>HttpContext</c>.</summary>
                /// <param name="destination">The dictionary to copy into; a key already there gets the map's values instead of its own.</param>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
                public readonly void CopyTo(global::System.Collections.Generic.IDictionary<string, {{StringValues}}> destination)
                {
                    global::System.ArgumentNullException.ThrowIfNull(destination);
                    foreach (global::FlatGen.FlatMultiMapEntry entry in this)
                    {
                        destination[entry.Key] = ToStringValues(entry.Values);
                    }
                }

                private static {{StringValues}} ToStringValues(global::System.ReadOnlySpan<string> values) => values switch
                {
                    [] => {{StringValues}}.Empty,
                    [var one] => new {{StringValues}}(one),
                    _ => new {{StringValues}}(values.ToArray()),
                };

                """);
        }
    }
}

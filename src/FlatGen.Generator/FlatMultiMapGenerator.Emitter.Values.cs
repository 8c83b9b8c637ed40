using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    internal static partial class Emitter
    {
        private const string StringValues = "global::Microsoft.Extensions.Primitives.StringValues";

        private static string JsonConverterType(MapSpec spec) =>
            $"global::FlatGen.Infrastructure.FlatMapJsonConverter<{spec.FullyQualifiedName}, {IndexTypes(spec)}, {StorageType(spec)}>";

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
                    foreach (global::FlatGen.FlatReferenceEntry entry in this)
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

using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    internal static partial class Emitter
    {
        private const string InheritDoc = "/// <inheritdoc/>";

        /// <summary>
        /// The members of <c>IFlatMultiMap</c>, the same in both storage modes and in every map (rendered once): one line
        /// each, documented once in the runtime and inherited, so a snapshot shows only what this map decides.
        /// </summary>
        private static readonly RenderedBlock MapMembers = new(WriteMapMembers);

        private static void WriteMapMembers(SourceWriter writer)
        {
            writer.WriteLines($$"""
                {{InheritDoc}}
                public readonly int Count => Core.Count(Fields);

                {{InheritDoc}}
                public readonly int ValueCount => Core.ValueCount(Fields);

                {{InheritDoc}}
                public string? this[string key]
                {
                    readonly get => Core.GetFirstOrDefault(Fields, key);
                    [param: global::System.Diagnostics.CodeAnalysis.DisallowNull]
                    set => Core.Set(Fields, key, value!);
                }

                """);
            foreach (string key in new[] { "string", ReadOnlySpanOfChar })
            {
                writer.WriteLines($$"""
                    {{InheritDoc}}
                    public bool TryAdd({{key}} key, string value) => Core.TryAdd(Fields, key, value);

                    {{InheritDoc}}
                    public void Add({{key}} key, string value) => Core.Add(Fields, key, value);

                    """);
            }

            writer.WriteLines($$"""
                {{InheritDoc}}
                public bool TryAdd({{ReadOnlySpanOfByte}} key, {{ReadOnlySpanOfByte}} value) => Core.TryAdd(Fields, key, value);

                {{InheritDoc}}
                public void Add({{ReadOnlySpanOfByte}} key, {{ReadOnlySpanOfByte}} value) => Core.Add(Fields, key, value);

                """);
            foreach (string key in new[] { "string", ReadOnlySpanOfChar, ReadOnlySpanOfByte })
            {
                writer.WriteLines($$"""
                    {{InheritDoc}}
                    public readonly bool ContainsKey({{key}} key) => Core.ContainsKey(Fields, key);

                    {{InheritDoc}}
                    public readonly bool TryGetFirst({{key}} key, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => Core.TryGetFirst(Fields, key, out value);

                    {{InheritDoc}}
                    public readonly string? GetFirstOrDefault({{key}} key) => Core.GetFirstOrDefault(Fields, key);

                    {{InheritDoc}}
                    public bool Remove({{key}} key) => Core.Remove(Fields, key);

                    """);
            }

            foreach (string key in new[] { "string", ReadOnlySpanOfChar })
            {
                writer.WriteLines($$"""
                    {{InheritDoc}}
                    public bool TrySet({{key}} key, string value) => Core.TrySet(Fields, key, value);

                    {{InheritDoc}}
                    public void Set({{key}} key, string value) => Core.Set(Fields, key, value);

                    {{InheritDoc}}
                    public bool Remove({{key}} key, string value) => Core.Remove(Fields, key, value);

                    """);
            }

            writer.WriteLines($$"""
                {{InheritDoc}}
                public void Clear() => Core.Clear(Fields);

                {{InheritDoc}}
                public readonly global::System.Collections.Generic.KeyValuePair<string, string[]>[] ToArray() => Core.ToArray(Fields);

                {{InheritDoc}}
                public readonly global::System.Collections.Generic.Dictionary<string, string[]> ToDictionary() => Core.ToDictionary(Fields);

                {{InheritDoc}}
                public readonly int PackedByteCount => Core.PackedByteCount(Fields);

                {{InheritDoc}}
                public readonly bool TryPack(global::System.Span<byte> destination, out int bytesWritten) => Core.TryPack(Fields, destination, out bytesWritten);

                {{InheritDoc}}
                public readonly global::FlatGen.FlatPackedMap Pack() => Core.Pack(Fields);

                /// <summary>Renders the map's keys and values, such as <c>{ Host: [example.com] }</c>.</summary>
                public override readonly string ToString() => Core.ToString(Fields);

                """);
        }

        /// <summary>For a map that evicts its oldest keys: <c>Touch</c>, which moves a key to the newest place; for one that spills, <c>IsSpilled</c>.</summary>
        private static void WriteOverflowMembers(SourceWriter writer, MapSpec spec)
        {
            if (spec.Overflow == FlatOverflow.Spill)
            {
                writer.WriteLines($$"""
                    /// <summary>Gets whether the map holds keys in a heap overflow, beside its fields: from its first add or set that did not fit until <see cref="Clear"/>. Watch it to size the map.</summary>
                    /// <exception cref="global::System.InvalidOperationException">This copy of a spilled map is stale: another copy changed the overflow they share.</exception>
                    public readonly bool IsSpilled => Core.IsSpilled(Fields);

                    """);
            }

            if (spec.Overflow != FlatOverflow.EvictOldest)
            {
                return;
            }

            writer.WriteLines($$"""
                /// <summary>Moves <paramref name="key"/> and its values after every other key, so that the map evicts it last; returns whether it was present.</summary>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
                public bool Touch(string key) => Core.Touch(Fields, key);

                /// <summary>Moves <paramref name="key"/> and its values after every other key, as <see cref="Touch(string)"/> does.</summary>
                public bool Touch({{ReadOnlySpanOfChar}} key) => Core.Touch(Fields, key);

                """);
        }

        /// <summary>The lookups that return the values themselves, as the storage holds them: strings, or UTF-8 over the arena.</summary>
        private static void WriteValueViews(SourceWriter writer, MapSpec spec)
        {
            writer.Write(spec.Storage == FlatStorage.InlineUtf8 ? InlineValueLookups : ReferenceValueLookups);
            writer.WriteLines($$"""
                /// <summary>Returns an enumerator over the keys, in first-insertion order, each with its values; it allocates nothing, and a change to the map makes its next <c>MoveNext</c> throw <see cref="global::System.InvalidOperationException"/>.</summary>
                {{UnscopedRef}}
                public readonly {{EnumeratorType(spec)}} GetEnumerator() => new(Fields);

                """);
        }

        /// <summary>The values lookups of every map of one storage, the same in each: rendered once for each storage.</summary>
        private static readonly RenderedBlock ReferenceValueLookups = new(static writer => WriteValueLookups(writer, ValuesType(FlatStorage.References)));

        private static readonly RenderedBlock InlineValueLookups = new(static writer => WriteValueLookups(writer, ValuesType(FlatStorage.InlineUtf8)));

        private static void WriteValueLookups(SourceWriter writer, string values)
        {
            writer.WriteLines($$"""
                /// <summary>Gets the values of <paramref name="key"/>, in the order they were added: a view of the map's own storage that a later change to the map changes; empty when the key is absent.</summary>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
                {{UnscopedRef}}
                public readonly {{values}} GetValues(string key) => Core.GetValues(Fields, key);

                /// <summary>Gets the values of <paramref name="key"/>, as <see cref="GetValues(string)"/> does, and whether the key is present.</summary>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
                {{UnscopedRef}}
                public readonly bool TryGetValues(string key, out {{values}} values) => Core.TryGetValues(Fields, key, out values);

                """);
            foreach (string key in new[] { ReadOnlySpanOfChar, ReadOnlySpanOfByte })
            {
                writer.WriteLines($$"""
                    /// <summary>Gets the values of <paramref name="key"/>, as <see cref="GetValues(string)"/> does.</summary>
                    {{UnscopedRef}}
                    public readonly {{values}} GetValues({{key}} key) => Core.GetValues(Fields, key);

                    /// <summary>Gets the values of <paramref name="key"/>, as <see cref="GetValues(string)"/> does, and whether the key is present.</summary>
                    {{UnscopedRef}}
                    public readonly bool TryGetValues({{key}} key, out {{values}} values) => Core.TryGetValues(Fields, key, out values);

                    """);
            }
        }

        private static string ValuesType(MapSpec spec) => ValuesType(spec.Storage);

        private static string ValuesType(FlatStorage storage) =>
            storage == FlatStorage.InlineUtf8 ? InlineValues : "global::System.ReadOnlySpan<string>";

        /// <summary>Equality of contents, whatever the order of the keys, as both cores define it.</summary>
        private static void WriteEquality(SourceWriter writer, MapSpec spec)
        {
            string self = spec.FullyQualifiedName;
            writer.WriteLines($$"""
                /// <summary>Determines whether <paramref name="other"/> holds the same keys, under the map's comparison, each with the same values in the same order; the order of the keys does not matter.</summary>
                public readonly bool Equals({{self}} other) => Core.Equals(Fields, other.Fields);

                {{InheritDoc}}
                public override readonly bool Equals(object? obj) => obj is {{self}} other && Core.Equals(Fields, other.Fields);

                {{InheritDoc}}
                public override readonly int GetHashCode() => Core.GetHashCode(Fields);

                /// <summary>Determines whether two maps hold the same entries.</summary>
                public static bool operator ==(in {{self}} left, in {{self}} right) => Core.Equals(left.Fields, right.Fields);

                /// <summary>Determines whether two maps hold different entries.</summary>
                public static bool operator !=(in {{self}} left, in {{self}} right) => !Core.Equals(left.Fields, right.Fields);

                """);
        }

        /// <summary>For each known key, its typed members: no lookup, only its presence bit and fixed slot.</summary>
        private static void WriteKnownKeyAccessors(SourceWriter writer, MapSpec spec)
        {
            string values = ValuesType(spec);
            for (int i = 0; i < spec.KnownKeys.Count; i++)
            {
                KnownKeySpec known = spec.KnownKeys[i];
                string key = $"<c>{XmlLiteral(known.Key)}</c>";
                string name = known.MemberName;
                string index = Number(i);
                // In the order of GeneratedNames.KnownKeyAccessors, whose bits OmittedAccessors uses.
                for (int member = 0; member < GeneratedNames.KnownKeyAccessorCount; member++)
                {
                    if ((known.OmittedAccessors & (1 << member)) != 0)
                    {
                        continue;
                    }

                    switch (member)
                    {
                        case 0:
                            writer.WriteLines($$"""
                                /// <summary>Gets the values of {{key}}; empty when it is absent.</summary>
                                {{UnscopedRef}}
                                public readonly {{values}} {{name}} => Core.GetKnownValues(Fields, {{index}});
                                """);
                            break;
                        case 1:
                            writer.WriteLines($$"""
                                /// <summary>Gets the first value of {{key}}, or <see langword="null"/>.</summary>
                                public readonly string? {{name}}First => Core.GetKnownFirst(Fields, {{index}});
                                """);
                            break;
                        case 2:
                            writer.WriteLines($$"""
                                /// <summary>Gets whether {{key}} is present.</summary>
                                public readonly bool Has{{name}} => Core.HasKnown(Fields, {{index}});
                                """);
                            break;
                        case 3:
                            writer.WriteLines($$"""
                                /// <summary>Appends <paramref name="value"/> to {{key}}, as <see cref="Add(string, string)"/> does.</summary>
                                public void Add{{name}}(string value) => Core.AddKnown(Fields, {{index}}, value);
                                """);
                            break;
                        case 4:
                            writer.WriteLines($$"""
                                /// <summary>Makes <paramref name="value"/> the only value of {{key}}, as <see cref="Set(string, string)"/> does.</summary>
                                public void Set{{name}}(string value) => Core.SetKnown(Fields, {{index}}, value);
                                """);
                            break;
                        default:
                            writer.WriteLines($$"""
                                /// <summary>Removes {{key}}; returns whether it was present.</summary>
                                public bool Remove{{name}}() => Core.RemoveKnown(Fields, {{index}});
                                """);
                            break;
                    }

                    writer.WriteLine();
                }
            }
        }
    }
}

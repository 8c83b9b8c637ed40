using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    internal static partial class Emitter
    {
        private const string InlineValues = "global::FlatGen.FlatInlineValues";

        /// <summary>The members of an inline map: adds and lookups by UTF-16 and by UTF-8, the bytes, and reading them back.</summary>
        private static void WriteInlineMembers(SourceWriter writer, MapSpec spec)
        {
            string unstorable = UnstorableKey(spec);
            writer.WriteLines($$"""
                /// <summary>Gets the number of distinct keys in the map.</summary>
                public readonly int Count => _count;

                /// <summary>Gets the number of values in the map, summed over all keys.</summary>
                public readonly int ValueCount => _valueCount;

                /// <summary>Gets the number of arena bytes the keys and values take, out of <see cref="InlineBytes"/>.</summary>
                public readonly int InlineBytesUsed => _arenaUsed;

                /// <summary>Appends <paramref name="value"/> to the values of <paramref name="key"/>, adding the key if it is new; both are stored as UTF-8.</summary>
                /// <param name="key">The key.</param>
                /// <param name="value">The value to append after the key's other values.</param>
                /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if no key slot, value slot or arena room is left, and then the map is unchanged.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
                /// <exception cref="global::System.ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (a lone surrogate){{unstorable}}.</exception>
                public bool TryAdd(string key, string value) => Core.TryAdd(Fields, key, value);

                /// <summary>Appends <paramref name="value"/> to the values of <paramref name="key"/>, adding the key if it is new; both are stored as UTF-8.</summary>
                /// <param name="key">The key.</param>
                /// <param name="value">The value to append after the key's other values.</param>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
                /// <exception cref="global::System.ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (a lone surrogate){{unstorable}}.</exception>
                /// <exception cref="global::FlatGen.FlatMapFullException">No key slot, value slot or arena room is left; the map is unchanged.</exception>
                public void Add(string key, string value) => Core.Add(Fields, key, value);

                /// <summary>Appends <paramref name="value"/> to the values of <paramref name="key"/>, adding the key if it is new; both are stored as UTF-8.</summary>
                /// <param name="key">The key, such as a slice of a parse buffer.</param>
                /// <param name="value">The value to append after the key's other values.</param>
                /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if no key slot, value slot or arena room is left, and then the map is unchanged.</returns>
                /// <exception cref="global::System.ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (a lone surrogate){{unstorable}}.</exception>
                public bool TryAdd({{ReadOnlySpanOfChar}} key, {{ReadOnlySpanOfChar}} value) => Core.TryAdd(Fields, key, value);

                /// <summary>Appends <paramref name="value"/> to the values of <paramref name="key"/>, adding the key if it is new; both are stored as UTF-8.</summary>
                /// <param name="key">The key.</param>
                /// <param name="value">The value to append after the key's other values.</param>
                /// <exception cref="global::System.ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (a lone surrogate){{unstorable}}.</exception>
                /// <exception cref="global::FlatGen.FlatMapFullException">No key slot, value slot or arena room is left; the map is unchanged.</exception>
                public void Add({{ReadOnlySpanOfChar}} key, {{ReadOnlySpanOfChar}} value) => Core.Add(Fields, key, value);

                /// <summary>Appends the UTF-8 <paramref name="value"/> to the values of the UTF-8 <paramref name="key"/>, adding the key if it is new.</summary>
                /// <param name="key">The key's UTF-8 bytes.</param>
                /// <param name="value">The value's UTF-8 bytes.</param>
                /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if no key slot, value slot or arena room is left, and then the map is unchanged.</returns>
                /// <exception cref="global::System.ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-8{{unstorable}}.</exception>
                public bool TryAdd({{ReadOnlySpanOfByte}} key, {{ReadOnlySpanOfByte}} value) => Core.TryAdd(Fields, key, value);

                /// <summary>Appends the UTF-8 <paramref name="value"/> to the values of the UTF-8 <paramref name="key"/>, adding the key if it is new.</summary>
                /// <param name="key">The key's UTF-8 bytes.</param>
                /// <param name="value">The value's UTF-8 bytes.</param>
                /// <exception cref="global::System.ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-8{{unstorable}}.</exception>
                /// <exception cref="global::FlatGen.FlatMapFullException">No key slot, value slot or arena room is left; the map is unchanged.</exception>
                public void Add({{ReadOnlySpanOfByte}} key, {{ReadOnlySpanOfByte}} value) => Core.Add(Fields, key, value);

                /// <summary>Gets the values of <paramref name="key"/>, in the order they were added, as UTF-8 over the map's own storage.</summary>
                /// <param name="key">The key to look up.</param>
                /// <param name="values">The key's values, a view that a later change to the map changes; empty when the key is absent.</param>
                /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
                {{UnscopedRef}}
                public readonly bool TryGetValues(string key, out {{InlineValues}} values) => Core.TryGetValues(Fields, key, out values);

                /// <summary>Gets the values of <paramref name="key"/>, in the order they were added, as UTF-8 over the map's own storage.</summary>
                /// <param name="key">The key to look up, such as a slice of a parse buffer.</param>
                /// <param name="values">The key's values, a view that a later change to the map changes; empty when the key is absent.</param>
                /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
                {{UnscopedRef}}
                public readonly bool TryGetValues({{ReadOnlySpanOfChar}} key, out {{InlineValues}} values) => Core.TryGetValues(Fields, key, out values);

                /// <summary>Gets the values of the UTF-8 <paramref name="key"/>, in the order they were added; invalid UTF-8 is a key that is absent.</summary>
                /// <param name="key">The key's UTF-8 bytes.</param>
                /// <param name="values">The key's values; empty when the key is absent.</param>
                /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
                {{UnscopedRef}}
                public readonly bool TryGetValues({{ReadOnlySpanOfByte}} key, out {{InlineValues}} values) => Core.TryGetValues(Fields, key, out values);

                /// <summary>Gets the values of <paramref name="key"/>, in the order they were added, over the map's own storage.</summary>
                /// <param name="key">The key to look up.</param>
                /// <returns>The key's values, a view that a later change to the map changes; empty when the key is absent.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
                {{UnscopedRef}}
                public readonly {{InlineValues}} GetValues(string key) => Core.GetValues(Fields, key);

                /// <summary>Gets the values of <paramref name="key"/>, in the order they were added, over the map's own storage.</summary>
                /// <param name="key">The key to look up, such as a slice of a parse buffer.</param>
                /// <returns>The key's values, a view that a later change to the map changes; empty when the key is absent.</returns>
                {{UnscopedRef}}
                public readonly {{InlineValues}} GetValues({{ReadOnlySpanOfChar}} key) => Core.GetValues(Fields, key);

                /// <summary>Gets the values of the UTF-8 <paramref name="key"/>, in the order they were added, over the map's own storage.</summary>
                /// <param name="key">The key's UTF-8 bytes.</param>
                /// <returns>The key's values; empty when the key is absent.</returns>
                {{UnscopedRef}}
                public readonly {{InlineValues}} GetValues({{ReadOnlySpanOfByte}} key) => Core.GetValues(Fields, key);

                /// <summary>Determines whether the map contains <paramref name="key"/>.</summary>
                /// <param name="key">The key to look for.</param>
                /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
                public readonly bool ContainsKey(string key) => Core.ContainsKey(Fields, key);

                /// <summary>Determines whether the map contains <paramref name="key"/>.</summary>
                /// <param name="key">The key to look for, such as a slice of a parse buffer.</param>
                /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
                public readonly bool ContainsKey({{ReadOnlySpanOfChar}} key) => Core.ContainsKey(Fields, key);

                /// <summary>Determines whether the map contains the UTF-8 <paramref name="key"/>.</summary>
                /// <param name="key">The key's UTF-8 bytes.</param>
                /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
                public readonly bool ContainsKey({{ReadOnlySpanOfByte}} key) => Core.ContainsKey(Fields, key);

                /// <summary>Removes <paramref name="key"/> and all its values; their bytes leave the arena.</summary>
                /// <param name="key">The key to remove.</param>
                /// <returns><see langword="true"/> if the key was present; otherwise, <see langword="false"/>.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
                public bool Remove(string key) => Core.Remove(Fields, key);

                /// <summary>Removes <paramref name="key"/> and all its values; their bytes leave the arena.</summary>
                /// <param name="key">The key to remove, such as a slice of a parse buffer.</param>
                /// <returns><see langword="true"/> if the key was present; otherwise, <see langword="false"/>.</returns>
                public bool Remove({{ReadOnlySpanOfChar}} key) => Core.Remove(Fields, key);

                /// <summary>Removes the UTF-8 <paramref name="key"/> and all its values; their bytes leave the arena.</summary>
                /// <param name="key">The key's UTF-8 bytes.</param>
                /// <returns><see langword="true"/> if the key was present; otherwise, <see langword="false"/>.</returns>
                public bool Remove({{ReadOnlySpanOfByte}} key) => Core.Remove(Fields, key);

                /// <summary>Removes every key and value and zeroes the arena.</summary>
                public void Clear() => Core.Clear(Fields);

                /// <summary>Returns an enumerator over the keys, in first-insertion order, each with its values, as UTF-8.</summary>
                /// <returns>An enumerator over the map's own storage, which allocates nothing. A change to the map makes its next <c>MoveNext</c> throw <see cref="global::System.InvalidOperationException"/>.</returns>
                {{UnscopedRef}}
                public readonly Enumerator GetEnumerator() => new Enumerator(Core.GetEnumerator(Fields));

                /// <summary>Decodes the map into a new dictionary that compares keys as the map does.</summary>
                /// <returns>A dictionary from each key to an array of its values.</returns>
                public readonly global::System.Collections.Generic.Dictionary<string, string[]> ToDictionary() => Core.ToDictionary(Fields);

                /// <summary>Renders the map's keys and values, such as <c>{ Host: [example.com] }</c>.</summary>
                /// <returns>The map's contents as text.</returns>
                public override readonly string ToString() => Core.ToString(Fields);

                /// <summary>Gets the map's own storage as bytes: its serialised form, little-endian, which <see cref="Read"/> and <see cref="TryRead"/> take back.</summary>
                /// <returns>The <see cref="SizeInBytes"/> bytes of this struct, not a copy.</returns>
                {{UnscopedRef}}
                public global::System.ReadOnlySpan<byte> AsBytes() => Core.AsBytes(Fields);

                /// <summary>Reads a map from <paramref name="bytes"/> if they are a valid map of exactly this layout (see <see cref="LayoutId"/>): every count, offset, length, slot and hash is checked.</summary>
                /// <param name="bytes">The bytes, as <see cref="AsBytes"/> gave them.</param>
                /// <param name="map">The map, or an empty map when the bytes are not valid.</param>
                /// <returns><see langword="true"/> if the bytes were a valid map; otherwise, <see langword="false"/>.</returns>
                public static bool TryRead({{ReadOnlySpanOfByte}} bytes, out {{spec.FullyQualifiedName}} map)
                {
                    map = default;
                    return Core.TryRead(bytes, map.Fields);
                }

                /// <summary>Reads a map from <paramref name="bytes"/>, which must be a valid map of exactly this layout.</summary>
                /// <param name="bytes">The bytes, as <see cref="AsBytes"/> gave them.</param>
                /// <returns>The map.</returns>
                /// <exception cref="global::FlatGen.FlatFormatException">The bytes are not a valid map of this layout, or the process is big-endian.</exception>
                public static {{spec.FullyQualifiedName}} Read({{ReadOnlySpanOfByte}} bytes)
                {
                    {{spec.FullyQualifiedName}} map = default;
                    Core.Read(bytes, map.Fields);
                    return map;
                }

                """);
        }

        /// <summary>What else an inline map refuses as a key: under ignore-case, a new key that is not ASCII (its fold depends on the runtime's tables).</summary>
        private static string UnstorableKey(MapSpec spec) =>
            spec.KeyComparison == FlatKeyComparison.OrdinalIgnoreCase
                ? "; or <paramref name=\"key\"/> is new, not a known key, and not ASCII, which a map that ignores case does not store"
                : "";
    }
}

using FlatGen.Generator.Helpers;
using FlatGen.Generator.Models;
using static FlatGen.Generator.Helpers.Format;

namespace FlatGen.Generator;

public sealed partial class FlatMultiMapGenerator
{
    internal static partial class Emitter
    {
        private const string InlineValues = "global::FlatGen.FlatInlineValues";

        /// <summary>The members only an inline map has: its arena's use, adds of UTF-16 values, the bytes, and reading them back.</summary>
        private static void WriteInlineMembers(SourceWriter writer, MapSpec spec)
        {
            writer.WriteLines($$"""
                /// <summary>Gets the number of arena bytes the keys and values take, out of <see cref="InlineBytes"/>.</summary>
                public readonly int InlineBytesUsed => _arenaUsed;

                /// <summary>Appends <paramref name="value"/> to the values of <paramref name="key"/>, as <see cref="TryAdd(string, string)"/> does, both taken as spans.</summary>
                /// <exception cref="global::System.ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (a lone surrogate){{UnstorableKey(spec)}}.</exception>
                public bool TryAdd({{ReadOnlySpanOfChar}} key, {{ReadOnlySpanOfChar}} value) => Core.TryAddChars(Fields, key, value);

                /// <summary>Appends <paramref name="value"/> to the values of <paramref name="key"/>, as <see cref="Add(string, string)"/> does, both taken as spans.</summary>
                /// <exception cref="global::System.ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-16 (a lone surrogate){{UnstorableKey(spec)}}.</exception>
                /// <exception cref="global::FlatGen.FlatMapFullException">No key slot, value slot or arena room is left; the map is unchanged.</exception>
                public void Add({{ReadOnlySpanOfChar}} key, {{ReadOnlySpanOfChar}} value) => Core.AddChars(Fields, key, value);

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

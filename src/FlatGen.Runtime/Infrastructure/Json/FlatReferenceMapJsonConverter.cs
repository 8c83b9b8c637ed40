using System;
using System.ComponentModel;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlatGen.Infrastructure;

/// <summary>
/// Reads and writes a flat multi-map as a JSON object of arrays of strings, <c>{"Host":["example.com"],"Accept":["a","b"]}</c>,
/// in enumeration order. Reading refuses, with <see cref="JsonException"/>, anything else and a map that does not
/// fit: a partial map is never returned. Generated maps carry it in their <c>[JsonConverter]</c>.
/// </summary>
/// <typeparam name="TMap">The generated struct.</typeparam>
/// <typeparam name="TKeyIndex">The struct's key index type.</typeparam>
/// <typeparam name="TValueIndex">The struct's value index type.</typeparam>
/// <typeparam name="TComparer">The key comparison.</typeparam>
/// <typeparam name="TKnownKeys">The map's known-key matcher: its own generated struct, or <see cref="FlatNoKnownKeys"/> shared by every map without known keys.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FlatReferenceMapJsonConverter<TMap, TKeyIndex, TValueIndex, TComparer, TKnownKeys> : JsonConverter<TMap>
    where TMap : struct, IFlatMap<TMap>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    where TComparer : struct, IFlatKeyComparer
    where TKnownKeys : struct, IFlatKnownKeyMatcher
{
    /// <inheritdoc/>
    public override TMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        TMap map = default;
        FlatJson.ReadObject(ref reader, FlatMapFields<TKeyIndex, TValueIndex>.Of(ref map), static (scoped FlatMapFields<TKeyIndex, TValueIndex> map, ref Utf8JsonReader reader, scoped ReadOnlySpan<char> key) =>
            FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.TryAdd(map, key, reader.GetString()!));
        return map;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TMap value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (FlatMultiMapEntry entry in new FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.Enumerator(FlatMapFields<TKeyIndex, TValueIndex>.Of(ref value)))
        {
            FlatJson.WriteKey(writer, entry.Key, options);
            writer.WriteStartArray();
            foreach (string item in entry.Values)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}

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
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FlatReferenceMapJsonConverter<TMap, TKeyIndex, TValueIndex, TComparer> : JsonConverter<TMap>
    where TMap : struct, IFlatMap<TMap>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    where TComparer : struct, IFlatKeyComparer
{
    /// <inheritdoc/>
    public override TMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        TMap map = default;
        FlatJson.ReadObject(ref reader, FlatMapFields<TKeyIndex, TValueIndex>.Of(ref map), static (scoped FlatMapFields<TKeyIndex, TValueIndex> map, ref Utf8JsonReader reader, scoped ReadOnlySpan<char> key) =>
            FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer>.TryAdd(map, key, reader.GetString()!));
        return map;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TMap value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (FlatMultiMapEntry entry in new FlatReferenceMapCore<TKeyIndex, TValueIndex, TComparer>.Enumerator(FlatMapFields<TKeyIndex, TValueIndex>.Of(ref value)))
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

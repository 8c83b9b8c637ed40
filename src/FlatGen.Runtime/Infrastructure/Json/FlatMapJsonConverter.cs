using System;
using System.ComponentModel;
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
/// <typeparam name="TStorage">How the map stores keys and values, which decides how a value is read and written.</typeparam>
/// <remarks>
/// <para>Generic over the map only to be its <see cref="JsonConverter{T}"/>: the work is <typeparamref name="TStorage"/>'s, compiled once per kind of map.</para>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FlatMapJsonConverter<TMap, TKeyIndex, TValueIndex, TStorage> : JsonConverter<TMap>
    where TMap : struct, IFlatMap<TMap>
    where TStorage : struct, IFlatStorage<TKeyIndex, TValueIndex>
{
    /// <inheritdoc/>
    public override TMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        TMap map = default;
        FlatJson.ReadObject(ref reader, FlatMapFields<TKeyIndex, TValueIndex>.Of(ref map), TStorage.AddJsonValue);
        return map;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TMap value, JsonSerializerOptions options) =>
        FlatJson.WriteObject<TKeyIndex, TValueIndex, TStorage>(writer, FlatMapFields<TKeyIndex, TValueIndex>.Of(ref value), options);
}

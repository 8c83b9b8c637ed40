using System;
using System.Buffers;
using System.Text.Json;

namespace FlatGen.Infrastructure;

/// <summary>The JSON shape both storage modes share: an object whose properties are keys and whose values are arrays of strings.</summary>
internal static class FlatJson
{
    /// <summary>Adds one value (the reader is on it) to a map under the key.</summary>
    public delegate bool AddValue<TKeyIndex, TValueIndex>(scoped FlatMapFields<TKeyIndex, TValueIndex> map, ref Utf8JsonReader reader, scoped ReadOnlySpan<char> key);

    /// <summary>
    /// Reads <c>{"key": ["value", …], …}</c> into <paramref name="map"/> through <paramref name="add"/>. A single string
    /// stands for an array of one. Anything else, a null value, or a value that does not fit throws <see cref="JsonException"/>.
    /// </summary>
    public static void ReadObject<TKeyIndex, TValueIndex>(ref Utf8JsonReader reader, scoped FlatMapFields<TKeyIndex, TValueIndex> map, AddValue<TKeyIndex, TValueIndex> add)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A '{map.Shape.MapName}' is read from a JSON object whose properties are arrays of strings, not from {Describe(reader.TokenType)}.");
        }

        char[]? rented = null;
        Span<char> buffer = stackalloc char[DecodedUtf8.StackLength];
        try
        {
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                if (length > buffer.Length)
                {
                    if (rented is not null)
                    {
                        ArrayPool<char>.Shared.Return(rented);
                    }

                    buffer = rented = ArrayPool<char>.Shared.Rent(length);
                }

                ReadOnlySpan<char> key = buffer.Slice(0, reader.CopyString(buffer));
                switch (Next(ref reader))
                {
                    case JsonTokenType.String:
                        AddOne(ref reader, map, add, key);
                        break;
                    case JsonTokenType.StartArray:
                        while (Next(ref reader) != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType != JsonTokenType.String)
                            {
                                throw new JsonException($"The values of a '{map.Shape.MapName}' key are strings, not {Describe(reader.TokenType)}.");
                            }

                            AddOne(ref reader, map, add, key);
                        }

                        break;
                    default:
                        throw new JsonException($"A '{map.Shape.MapName}' key takes an array of strings or a string, not {Describe(reader.TokenType)}.");
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw new JsonException($"A '{map.Shape.MapName}' is a JSON object of arrays of strings; found {Describe(reader.TokenType)}.");
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes <paramref name="map"/> as <c>{"key": ["value", …], …}</c>, its keys in first-insertion order.</summary>
    public static void WriteObject<TKeyIndex, TValueIndex, TStorage>(Utf8JsonWriter writer, FlatMapFields<TKeyIndex, TValueIndex> map, JsonSerializerOptions options)
        where TStorage : struct, IFlatStorage<TKeyIndex, TValueIndex>
    {
        writer.WriteStartObject();
        FlatSpill? spill = map.Shape.Spills ? FlatSpill.Of(map.Spill, map.Version, map.Shape.MapName) : null;
        var entries = new FlatEntryCursor<TValueIndex>(map.ValueCounts.Slice(0, FlatInteger.ToInt32(map.Count)), in map.Version);
        while (entries.MoveNext())
        {
            TStorage.WriteJsonEntry(writer, map, entries.Index, options);
        }

        if (spill is not null)
        {
            WriteSpilled(writer, spill, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the entries of a spilled map's overflow, which follow its fields'.</summary>
    private static void WriteSpilled(Utf8JsonWriter writer, FlatSpill spill, JsonSerializerOptions options)
    {
        for (int entry = spill.NextKey(-1); entry < spill.EntryCount; entry = spill.NextKey(entry))
        {
            WriteEntry(writer, spill.KeyAt(entry), spill.ValuesAt(entry), options);
        }
    }

    /// <summary>Writes a key and its values as strings: <c>"key": ["value", …]</c>.</summary>
    public static void WriteEntry(Utf8JsonWriter writer, string key, ReadOnlySpan<string> values, JsonSerializerOptions options)
    {
        WriteKey(writer, key, options);
        writer.WriteStartArray();
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a key, through the options' <see cref="JsonSerializerOptions.DictionaryKeyPolicy"/> as a dictionary's is.</summary>
    public static void WriteKey(Utf8JsonWriter writer, string key, JsonSerializerOptions options) =>
        writer.WritePropertyName(options.DictionaryKeyPolicy is { } policy ? policy.ConvertName(key) : key);

    private static void AddOne<TKeyIndex, TValueIndex>(ref Utf8JsonReader reader, scoped FlatMapFields<TKeyIndex, TValueIndex> map, AddValue<TKeyIndex, TValueIndex> add, scoped ReadOnlySpan<char> key)
    {
        bool added;
        try
        {
            added = add(map, ref reader, key);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException and not FlatMapFullException)
        {
            throw new JsonException($"A value for the key '{FlatMapFullException.Quote(key.ToString())}' cannot be stored in a '{map.Shape.MapName}': {exception.Message}", exception);
        }

        if (!added)
        {
            throw new JsonException($"The JSON does not fit in a '{map.Shape.MapName}': no room is left for a value of the key '{FlatMapFullException.Quote(key.ToString())}'. Raise the map's capacities, or read the JSON into a dictionary.");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The JSON ends before the map does.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };
}

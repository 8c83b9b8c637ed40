using System;
using System.Buffers;
using System.ComponentModel;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlatGen.Infrastructure;

/// <summary>
/// Reads and writes an inline flat multi-map as a JSON object of arrays of strings, as
/// <see cref="FlatReferenceMapJsonConverter{TMap, TKeyIndex, TValueIndex, TComparer, TKnownKeys}"/> does a reference map. Values go
/// between JSON and the arena as UTF-8, with no string in between; keys allocate nothing either.
/// </summary>
/// <typeparam name="TMap">The generated struct.</typeparam>
/// <typeparam name="TKeyIndex">The struct's key index type.</typeparam>
/// <typeparam name="TValueIndex">The struct's value index type.</typeparam>
/// <typeparam name="TComparer">The key comparison.</typeparam>
/// <typeparam name="TKnownKeys">The map's known-key matcher: its own generated struct, or <see cref="FlatNoKnownKeys"/> shared by every map without known keys.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FlatInlineMapJsonConverter<TMap, TKeyIndex, TValueIndex, TComparer, TKnownKeys> : JsonConverter<TMap>
    where TMap : struct, IFlatMap<TMap>
    where TKeyIndex : unmanaged, IBinaryInteger<TKeyIndex>
    where TValueIndex : unmanaged, IBinaryInteger<TValueIndex>
    where TComparer : struct, IFlatKeyComparer
    where TKnownKeys : struct, IFlatKnownKeyMatcher
{
    /// <summary>Values up to this many UTF-8 bytes are unescaped on the stack; longer ones in a pooled array.</summary>
    private const int StackBytes = 256;

    /// <inheritdoc/>
    public override TMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        TMap map = default;
        FlatJson.ReadObject(ref reader, FlatMapFields<TKeyIndex, TValueIndex>.Of(ref map), static (scoped FlatMapFields<TKeyIndex, TValueIndex> map, ref Utf8JsonReader reader, scoped ReadOnlySpan<char> key) =>
        {
            // Unescaping never lengthens UTF-8, so the raw length bounds the value.
            int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            byte[]? rented = length <= StackBytes ? null : ArrayPool<byte>.Shared.Rent(length);
            Span<byte> buffer = rented ?? stackalloc byte[StackBytes];
            try
            {
                return FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.TryAddUtf8Value(map, key, buffer.Slice(0, reader.CopyString(buffer)));
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        });
        return map;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TMap value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (FlatInlineEntry entry in new FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>.Enumerator(FlatMapFields<TKeyIndex, TValueIndex>.Of(ref value)))
        {
            if (options.DictionaryKeyPolicy is null)
            {
                writer.WritePropertyName(entry.Key);
            }
            else
            {
                FlatJson.WriteKey(writer, entry.GetKeyString(), options);
            }

            writer.WriteStartArray();
            foreach (ReadOnlySpan<byte> item in entry.Values)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}

using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlatGen;

/// <summary>
/// Makes System.Text.Json source generation (a <see cref="JsonSerializerContext"/>, Native AOT) read and write flat
/// multi-maps. Reflection-based serialization needs nothing: every generated map carries its converter in a
/// <see cref="JsonConverterAttribute"/>. A source-generated context cannot see that attribute (source generators do
/// not see each other's output), so name this factory in the context's options:
/// <code>
/// [JsonSourceGenerationOptions(Converters = [typeof(FlatMultiMapJsonConverterFactory)])]
/// [JsonSerializable(typeof(RequestHeaders))]
/// internal partial class AppJsonContext : JsonSerializerContext;
/// </code>
/// </summary>
public sealed class FlatMultiMapJsonConverterFactory : JsonConverterFactory
{
    /// <summary>Returns whether <paramref name="typeToConvert"/> is a generated flat multi-map.</summary>
    /// <param name="typeToConvert">The type to convert.</param>
    /// <returns><see langword="true"/> for a <c>[FlatMultiMap]</c> struct that FlatGen generated.</returns>
    public override bool CanConvert(Type typeToConvert) => ConverterType(typeToConvert) is not null;

    /// <summary>Creates the converter FlatGen generated for the map <paramref name="typeToConvert"/>.</summary>
    /// <param name="typeToConvert">A generated flat multi-map.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The map's converter.</returns>
    /// <exception cref="ArgumentException"><paramref name="typeToConvert"/> is not a generated flat multi-map.</exception>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        Type converter = ConverterType(typeToConvert)
            ?? throw new ArgumentException($"'{typeToConvert}' is not a struct FlatGen generated a flat multi-map in.", nameof(typeToConvert));
        return (JsonConverter)Activator.CreateInstance(converter)!;
    }

    /// <summary>The converter type in the map's generated <see cref="JsonConverterAttribute"/>, which keeps its constructor through trimming.</summary>
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    private static Type? ConverterType(Type type) =>
        type.IsValueType && type.IsDefined(typeof(FlatMultiMapAttribute), inherit: false)
            ? type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType
            : null;
}

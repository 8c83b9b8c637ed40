using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// System.Text.Json reads and writes maps as an object of arrays of strings, by reflection (the generated
/// <c>[JsonConverter]</c>) and through a source-generated context (with <see cref="FlatMultiMapJsonConverterFactory"/>);
/// bad or oversized input is a <see cref="JsonException"/>, never a partial map.
/// </summary>
public sealed class JsonTests
{
    private const string HeadersJson = """{"Host":["example.com"],"x-one":["1","2"],"Accept":["*/*"]}""";

    [Fact]
    public void A_reference_map_round_trips_in_enumeration_order_by_reflection()
    {
        var map = new KnownHeadersMap();
        map.Add("HOST", "example.com");
        map.Add("x-one", "1");
        map.Add("x-one", "2");
        map.AddAccept("*/*");

        string json = JsonSerializer.Serialize(map);

        Assert.Equal(HeadersJson, json); // Known keys under their declared spelling.
        KnownHeadersMap read = JsonSerializer.Deserialize<KnownHeadersMap>(json);
        Assert.True(read == map);
        Assert.Equal(["1", "2"], read.GetValues("X-ONE").ToArray());
    }

    [Fact]
    public void An_inline_map_round_trips_by_reflection()
    {
        var map = new InlineKnownMap();
        map.Add("Host", "exämple.com");
        map.Add("x-one", "1");
        map.Add("x-one", "\"quoted\"");

        string json = JsonSerializer.Serialize(map);

        Assert.Equal("""{"Host":["ex\u00E4mple.com"],"x-one":["1","\u0022quoted\u0022"]}""", json);
        Assert.True(JsonSerializer.Deserialize<InlineKnownMap>(json) == map);
    }

    [Fact]
    public void A_source_generated_context_reads_and_writes_maps_through_the_factory()
    {
        var map = new SmallMap();
        map.Add("region", "eu");
        map.Add("region", "us");
        var inline = new InlineMap();
        inline.Add("zone", "a");

        Assert.Equal("""{"region":["eu","us"]}""", JsonSerializer.Serialize(map, TestJsonContext.Default.SmallMap));
        Assert.Equal("""{"zone":["a"]}""", JsonSerializer.Serialize(inline, TestJsonContext.Default.InlineMap));
        Assert.True(JsonSerializer.Deserialize("""{"region":["eu","us"]}""", TestJsonContext.Default.SmallMap) == map);
        Assert.True(JsonSerializer.Deserialize("""{"zone":"a"}""", TestJsonContext.Default.InlineMap) == inline);
    }

    [Fact]
    public void The_factory_converts_generated_maps_only()
    {
        var factory = new FlatMultiMapJsonConverterFactory();

        Assert.True(factory.CanConvert(typeof(SmallMap)));
        Assert.True(factory.CanConvert(typeof(InlineKnownMap)));
        Assert.False(factory.CanConvert(typeof(Dictionary<string, string[]>)));
        Assert.False(factory.CanConvert(typeof(int)));
        Assert.Throws<ArgumentException>(() => factory.CreateConverter(typeof(int), JsonSerializerOptions.Default));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"a":1}""")]
    [InlineData("""{"a":[null]}""")]
    [InlineData("""{"a":[1]}""")]
    [InlineData("""{"a":{}}""")]
    [InlineData("""{"a":[["x"]]}""")]
    [InlineData("""{"a":["x"]""")]
    [InlineData("""{"a":["x",""")]
    public void Anything_but_an_object_of_strings_or_arrays_of_strings_is_a_JsonException(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SmallMap>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<InlineMap>(json));
    }

    [Fact]
    public void A_map_that_does_not_fit_is_a_JsonException_naming_the_map_not_a_partial_map()
    {
        string keys = """{"a":["1"],"b":["2"],"c":["3"],"d":["4"],"e":["5"]}""";
        JsonException tooManyKeys = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TinyMap>(keys));
        Assert.Contains("'FlatGen.Tests.Maps.TinyMap'", tooManyKeys.Message);
        Assert.Contains("'e'", tooManyKeys.Message);

        string bytes = "{\"k\":[\"" + new string('x', 200) + "\"]}";
        JsonException tooManyBytes = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<InlineMap>(bytes));
        Assert.Contains("'FlatGen.Tests.Maps.InlineMap'", tooManyBytes.Message);
    }

    [Fact]
    public void Escapes_are_read_and_a_lone_surrogate_is_a_JsonException_in_both_storage_modes()
    {
        const string json = """{"\u0041\u00e9":["\u00e9\t"],"k":["\ud83d\ude00"]}""";
        SmallMap map = JsonSerializer.Deserialize<SmallMap>(json);
        InlineMap inline = JsonSerializer.Deserialize<InlineMap>(json);

        Assert.Equal(["é\t"], map.GetValues("Aé").ToArray());
        Assert.Equal(["\U0001F600"], map.GetValues("k").ToArray());
        Assert.Equal(["é\t"], inline.GetValues("Aé").ToArray());
        Assert.Equal(["\U0001F600"], inline.GetValues("k").ToArray());

        const string loneSurrogate = """{"k":["\ud800"]}""";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SmallMap>(loneSurrogate));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<InlineMap>(loneSurrogate));
    }

    [Fact]
    public void Keys_are_written_through_the_dictionary_key_policy_as_a_dictionary_s_are()
    {
        var options = new JsonSerializerOptions { DictionaryKeyPolicy = JsonNamingPolicy.CamelCase };
        var map = new SmallMap();
        map.Add("Region", "eu");
        var inline = new InlineMap();
        inline.Add("Zone", "a");

        Assert.Equal("""{"region":["eu"]}""", JsonSerializer.Serialize(map, options));
        Assert.Equal("""{"zone":["a"]}""", JsonSerializer.Serialize(inline, options));
        Assert.Equal(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["Region"] = ["eu"] }, options), JsonSerializer.Serialize(map, options));
    }

    [Fact]
    public void Writing_allocates_nothing_beyond_the_writer()
    {
        var map = new KnownHeadersMap();
        map.Add("Host", "example.com");
        map.Add("x-one", "1");
        map.Add("x-one", "2");
        var inline = new InlineKnownMap();
        inline.Add("Host", "example.com");
        inline.Add("x-one", "1");

        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer);
        var converter = (JsonConverter<KnownHeadersMap>)JsonSerializerOptions.Default.GetConverter(typeof(KnownHeadersMap));
        var inlineConverter = (JsonConverter<InlineKnownMap>)JsonSerializerOptions.Default.GetConverter(typeof(InlineKnownMap));

        long allocated = 0;
        for (int round = 0; round < 3; round++)
        {
            buffer.ResetWrittenCount();
            writer.Reset();
            long before = GC.GetAllocatedBytesForCurrentThread();
            converter.Write(writer, map, JsonSerializerOptions.Default);
            writer.Flush();
            writer.Reset();
            inlineConverter.Write(writer, inline, JsonSerializerOptions.Default);
            writer.Flush();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
        Assert.Equal("""{"Host":["example.com"],"x-one":["1","2"]}{"Host":["example.com"],"x-one":["1"]}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}

/// <summary>A source-generated context: the generator cannot see FlatGen's attribute, so the factory is named here.</summary>
[JsonSourceGenerationOptions(Converters = [typeof(FlatMultiMapJsonConverterFactory)])]
[JsonSerializable(typeof(SmallMap))]
[JsonSerializable(typeof(InlineMap))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

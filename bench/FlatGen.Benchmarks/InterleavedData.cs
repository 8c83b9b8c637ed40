using System.Text.Json;

namespace FlatGen.Benchmarks;

/// <summary>
/// What an <c>interleaved</c> run writes to <see cref="FileName"/> and <see cref="ResultsReport"/> publishes: the
/// machine, the run's settings (the class filter empty for the whole suite; <see cref="Passes"/> 0 in a run from before it
/// had passes, which made one) and every method's measurement in every case.
/// </summary>
internal sealed record InterleavedData(InterleavedData.Machine Host, string ClassFilter, int Rounds, double WarmupMilliseconds, int Passes, List<InterleavedData.Measurement> Measurements)
{
    /// <summary>The file's name in the run's folder.</summary>
    public const string FileName = "interleaved.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The run as indented JSON, as <see cref="Read"/> reads it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads the run in <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file holds no run.</exception>
    public static InterleavedData Read(string path) =>
        JsonSerializer.Deserialize<InterleavedData>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} holds no run.");

    /// <summary>The machine a run measured on.</summary>
    internal sealed record Machine(string ProcessorName, string VectorInstructions, int LogicalCoreCount, string OsVersion, string RuntimeVersion);

    /// <summary>
    /// One method in one case: its best window's time a call, and its bytes allocated a call. The parameters are
    /// written as BenchmarkDotNet's export writes them ("Keys=8, Comparison=Ordinal", empty for none).
    /// </summary>
    internal sealed record Measurement(string Type, string Method, string Parameters, double Nanoseconds, long BytesAllocatedPerOperation);
}

extern alias CacheSample;

using CacheSample::FlatGen.Samples.Cache;
using FlatGen.Tests.Infrastructure;

namespace FlatGen.Tests.Samples;

/// <summary>
/// The Cache sample's claims: packed responses keep a fraction of a dictionary's memory, and the bytes stand alone,
/// written by one process and read back, every map the one packed, by another.
/// </summary>
public sealed class CacheSampleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flatgen-cache-").FullName;

    [Fact]
    public void Responses_packed_in_one_process_are_read_back_equal_in_another()
    {
        string path = Path.Combine(_directory, "responses.cache");
        var output = new StringWriter { NewLine = "\n" };

        CacheRun.Run(output, path, 300);

        Assert.Contains($"Wrote 300 packed responses (", output.ToString());
        Assert.Contains("x-powered-by: (absent)", output.ToString());

        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string sample = Path.Combine(RepositoryPaths.Root, "samples", "FlatGen.Samples.Cache", "bin", configuration, "net10.0", "FlatGen.Samples.Cache.dll");
        (int exitCode, string second) = DotnetCommand.Run(_directory, sample, path, "300");

        Assert.True(exitCode == 0, second);
        Assert.Contains("Read back 300 responses packed by an earlier run (0 not valid, skipped): 300 equal to their maps packed again.", second);
    }

    [Fact]
    public void A_packed_response_keeps_at_most_0_35_of_a_dictionary()
    {
        CacheRun.Memory memory = CacheRun.Measure(2_000);

        Assert.True(memory.Packed < 0.35 * memory.Dictionary, $"{memory.Packed:N0} bytes packed against {memory.Dictionary:N0} in a dictionary");
        Assert.True(memory.Packed < memory.Map, $"{memory.Packed:N0} bytes packed against {memory.Map:N0} in a map");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

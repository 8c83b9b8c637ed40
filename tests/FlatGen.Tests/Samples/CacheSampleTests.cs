extern alias CacheSample;

using System.Globalization;
using System.Text.RegularExpressions;
using CacheSample::FlatGen.Samples.Cache;
using FlatGen.Tests.Infrastructure;

namespace FlatGen.Tests.Samples;

/// <summary>
/// The Cache sample's claims: the bytes stand alone, written by one process and read back, every map the one packed,
/// by another; and there, packed responses keep under 0.35× a dictionary's memory.
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

        // Memory is measured on the whole heap, so in the child process, where no other test allocates meanwhile.
        double dictionary = Bytes(second, @"Dictionary<string, string\[\]>, ignoring case: ([\d,]+) bytes");
        double map = Bytes(second, @"with its strings: ([\d,]+) bytes");
        double packed = Bytes(second, @"FlatPackedMap, one byte\[\] each: ([\d,]+) bytes");
        Assert.True(packed < 0.35 * dictionary, $"{packed:N0} bytes packed against {dictionary:N0} in a dictionary");
        Assert.True(packed < map, $"{packed:N0} bytes packed against {map:N0} in a map");
    }

    private static double Bytes(string output, string pattern)
    {
        Match match = Regex.Match(output, pattern);
        Assert.True(match.Success, output);
        return double.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

using System.Text;
using FlatGen.Tests.Generator.Infrastructure;
using FlatGen.Tests.Infrastructure;

namespace FlatGen.Tests.Samples;

/// <summary>
/// The generated shell stays thin: the samples' maps, generated from their own declarations, fit the sizes the
/// one-core issue set (a file as the SDK writes it, UTF-8 with its byte-order mark), and no file names a core's full
/// generic type more than the struct's binding needs.
/// </summary>
public sealed class GeneratedFileSizeTests
{
    [Theory]
    [InlineData("FlatGen.Samples.Headers/Maps.cs", "FlatGen.Samples.Headers.RequestHeaders.g.cs", 45_000)]
    [InlineData("FlatGen.Samples.Tags/OperationTags.cs", "FlatGen.Samples.Tags.OperationTags.g.cs", 16_000)]
    public void A_sample_map_fits_its_size(string declarations, string hintName, int maxBytes)
    {
        string text = Generate(declarations).Single(source => source.HintName == hintName).SourceText.ToString();

        int bytes = Encoding.UTF8.GetPreamble().Length + Encoding.UTF8.GetByteCount(text);

        Assert.True(bytes <= maxBytes, $"{hintName} is {bytes:N0} bytes, more than {maxBytes:N0}.");
    }

    [Theory]
    [InlineData("FlatGen.Samples.Headers/Maps.cs")]
    [InlineData("FlatGen.Samples.Persisted/SessionMap.cs")]
    [InlineData("FlatGen.Samples.Tags/OperationTags.cs")]
    public void No_file_names_a_core_more_than_three_times(string declarations)
    {
        foreach (var source in Generate(declarations))
        {
            string text = source.SourceText.ToString();
            int cores = Count(text, "FlatReferenceMapCore<") + Count(text, "FlatInlineMapCore<");

            Assert.InRange(cores, 1, 3);
        }
    }

    private static IEnumerable<Microsoft.CodeAnalysis.GeneratedSourceResult> Generate(string declarations)
    {
        GeneratorRun run = GeneratorHarness.Run(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", declarations)));
        Assert.Empty(run.Generator.Diagnostics);
        Assert.NotEmpty(run.Generator.GeneratedSources);
        return run.Generator.GeneratedSources;
    }

    private static int Count(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

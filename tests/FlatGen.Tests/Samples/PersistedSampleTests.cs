extern alias PersistedSample;

using System.Runtime.InteropServices;
using PersistedSample::FlatGen.Samples.Persisted;

namespace FlatGen.Tests.Samples;

/// <summary>The Persisted sample: sessions written to a memory-mapped arena in one run come back, validated, in the next.</summary>
public sealed class PersistedSampleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flatgen-persisted-").FullName;

    [Fact]
    public void Sessions_written_in_one_run_are_read_back_in_the_next_and_a_corrupt_one_is_skipped()
    {
        string path = Path.Combine(_directory, "sessions.arena");

        string first = Run(path);
        string second = Run(path);

        Assert.Contains("Wrote 4 sessions to ", first);
        Assert.Contains("  slot 3: { user: [zoë], locale: [fr-FR], role: [support], device: [tablet], started: [2026-11-23T09:00:00Z] }", first);
        Assert.Contains("Reopened 4 sessions (high-water mark 4 of 64 slots)", second);
        Assert.Contains("  slot 2: user linus, roles maintainer, reviewer, device desktop\n", second);
        Assert.Contains("4 valid sessions read back.", second);

        using (var arena = FlatArena<SessionMap>.OpenFile(path, SessionStore.Capacity))
        {
            MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref arena[1], 1))[^1] ^= 0x40;
        }

        string third = Run(path);
        Assert.Contains("  slot 1: not a valid SessionMap, skipped\n", third);
        Assert.Contains("3 valid sessions read back.", third);
    }

    [Fact]
    public void A_file_that_is_not_an_arena_of_sessions_is_named_and_left_as_it_is()
    {
        string path = Path.Combine(_directory, "other.arena");
        using (var other = FlatArena<long>.OpenFile(path, SessionStore.Capacity))
        {
            other[other.Allocate()] = 42;
        }

        byte[] before = File.ReadAllBytes(path);
        string output = Run(path);

        Assert.Contains($"The file '{path}' is not an arena of 64 slots", output);
        Assert.Contains("Delete it, or give another path, to start again.", output);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Run(string path)
    {
        var output = new StringWriter { NewLine = "\n" };
        SessionStore.Run(output, path);
        return output.ToString();
    }
}

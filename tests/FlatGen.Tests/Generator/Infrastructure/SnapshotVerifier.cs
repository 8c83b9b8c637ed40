using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace FlatGen.Tests.Generator.Infrastructure;

/// <summary>
/// A small equivalent of Verify.SourceGenerators. Each generated file is compared with
/// <c>Snapshots/{TestClass}.{TestMethod}#{HintName}.verified.cs</c>, and the generator's diagnostics, when there are
/// any, with <c>Snapshots/{TestClass}.{TestMethod}.verified.txt</c>, after normalising line endings. A mismatch or a
/// missing file writes a <c>.received.</c> file beside it and fails with a diff; a verified file the run no longer
/// produces fails as stale. Accepting is explicit: <c>tests/accept-snapshots.sh</c> or <c>FLATGEN_ACCEPT=1</c>,
/// which is refused under CI.
/// </summary>
internal static class SnapshotVerifier
{
    private const int DiffContextLines = 3;

    /// <param name="run">The generator run whose output is checked.</param>
    /// <param name="testFile">The test's source file; snapshots live in a <c>Snapshots</c> folder beside it.</param>
    /// <param name="testMethod">The test's name.</param>
    /// <param name="accept">Whether to accept the output; by default, whether <c>FLATGEN_ACCEPT</c> is 1.</param>
    public static void Verify(GeneratorRun run, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "", bool? accept = null)
    {
        string prefix = Path.GetFileNameWithoutExtension(testFile) + "." + testMethod;
        var expected = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (GeneratedSourceResult source in run.Generator.GeneratedSources)
        {
            expected[prefix + "#" + Path.GetFileNameWithoutExtension(source.HintName) + ".verified.cs"] = source.SourceText.ToString();
        }

        if (!run.Result.Diagnostics.IsEmpty)
        {
            expected[prefix + ".verified.txt"] = RenderDiagnostics(run.Result.Diagnostics);
        }

        VerifyFiles(expected, testFile, prefix, accept);
    }

    /// <summary>Compares an analyzer's <paramref name="diagnostics"/> with <c>Snapshots/{TestClass}.{TestMethod}.verified.txt</c>, as <see cref="Verify"/> does a generator's.</summary>
    public static void VerifyDiagnostics(IEnumerable<Diagnostic> diagnostics, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "", bool? accept = null)
    {
        string prefix = Path.GetFileNameWithoutExtension(testFile) + "." + testMethod;
        var expected = new SortedDictionary<string, string>(StringComparer.Ordinal) { [prefix + ".verified.txt"] = RenderDiagnostics(diagnostics) };
        VerifyFiles(expected, testFile, prefix, accept);
    }

    private static void VerifyFiles(SortedDictionary<string, string> expected, string testFile, string prefix, bool? accept)
    {
        string directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        if (accept is null)
        {
            accept = Environment.GetEnvironmentVariable("FLATGEN_ACCEPT") == "1";
            if (accept == true && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new XunitException("FLATGEN_ACCEPT=1 is refused under CI: accept snapshots locally and commit the .verified files.");
            }
        }

        Directory.CreateDirectory(directory);
        var failures = new StringBuilder();
        foreach ((string name, string content) in expected)
        {
            string verifiedPath = Path.Combine(directory, name);
            string receivedPath = ReceivedPath(verifiedPath);
            string actual = Normalize(content);
            string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
            if (verified == actual)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (accept == true)
            {
                File.WriteAllText(verifiedPath, actual);
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, actual);
            failures.Append(verified is null ? "New snapshot " : "Snapshot changed ").Append(name).Append(": wrote ").Append(Path.GetFileName(receivedPath)).Append('\n');
            failures.Append(Diff(verified ?? "", actual)).Append('\n');
        }

        foreach (string stale in Directory.EnumerateFiles(directory, prefix + "*.verified.*").Select(Path.GetFileName).Where(IsOwnedBy(prefix)).Where(n => !expected.ContainsKey(n!)).Order(StringComparer.Ordinal)!)
        {
            if (accept == true)
            {
                File.Delete(Path.Combine(directory, stale!));
                continue;
            }

            failures.Append("Stale snapshot ").Append(stale).Append(": the generator no longer produces it; delete it or run with FLATGEN_ACCEPT=1.\n");
        }

        if (failures.Length > 0)
        {
            failures.Append("Review the diff; to accept, run tests/accept-snapshots.sh (or FLATGEN_ACCEPT=1 dotnet test) and commit the .verified files.");
            throw new XunitException(failures.ToString());
        }
    }

    /// <summary>Renders diagnostics one per line, ordered by position then id: <c>FLATGEN001 (Error) at Source.cs(4,23): message</c>.</summary>
    public static string RenderDiagnostics(IEnumerable<Diagnostic> diagnostics) =>
        string.Concat(diagnostics
            .Select(d => (Diagnostic: d, Span: d.Location.GetLineSpan()))
            .OrderBy(d => d.Span.StartLinePosition.Line).ThenBy(d => d.Span.StartLinePosition.Character).ThenBy(d => d.Diagnostic.Id, StringComparer.Ordinal)
            .Select(d => string.Create(
                CultureInfo.InvariantCulture,
                $"{d.Diagnostic.Id} ({d.Diagnostic.Severity}) at {Path.GetFileName(d.Span.Path)}({d.Span.StartLinePosition.Line + 1},{d.Span.StartLinePosition.Character + 1}): {d.Diagnostic.GetMessage(CultureInfo.InvariantCulture)}\n")));

    // "{prefix}#..." and "{prefix}.verified.txt" belong to this test; "{prefix}Other#..." belongs to another.
    private static Func<string?, bool> IsOwnedBy(string prefix) =>
        name => name!.StartsWith(prefix + "#", StringComparison.Ordinal) || name == prefix + ".verified.txt";

    private static string ReceivedPath(string verifiedPath) => verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

    private static string Diff(string verified, string received)
    {
        DiffPaneModel diff = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false);
        var changed = new HashSet<int>(diff.Lines.Select((line, index) => (line, index)).Where(x => x.line.Type != ChangeType.Unchanged).Select(x => x.index));
        var text = new StringBuilder();
        int lastShown = -1;
        for (int i = 0; i < diff.Lines.Count; i++)
        {
            if (!changed.Any(c => Math.Abs(c - i) <= DiffContextLines))
            {
                continue;
            }

            if (lastShown >= 0 && i > lastShown + 1)
            {
                text.Append("  ...\n");
            }

            DiffPiece line = diff.Lines[i];
            text.Append(line.Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => "  " }).Append(line.Text).Append('\n');
            lastShown = i;
        }

        return text.ToString();
    }
}

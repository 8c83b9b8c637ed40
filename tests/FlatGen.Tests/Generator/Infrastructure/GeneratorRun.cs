using System.Collections;
using System.Runtime.CompilerServices;
using FlatGen.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace FlatGen.Tests.Generator.Infrastructure;

/// <summary>One run of the generator: its input, the driver (to run again), the result and the compilation with its output.</summary>
internal sealed record GeneratorRun(Compilation Input, GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    /// <summary>
    /// Runs the driver again on <paramref name="next"/> (by default, the same input) and asserts that every tracked
    /// step was cached or unchanged and no file was written again; returns the second run.
    /// </summary>
    public GeneratorRunResult AssertRunAgainIsCached(Compilation? next = null)
    {
        GeneratorRunResult second = Driver.RunGenerators(next ?? Input.Clone()).GetRunResult().Results.Single();
        foreach (string name in TrackingNames.All)
        {
            var outputs = second.TrackedSteps.TryGetValue(name, out var steps) ? steps.SelectMany(s => s.Outputs).ToList() : [];
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {name} output {o.Value} was {o.Reason}"));
        }

        // No file is written again. (Diagnostics are reported again: reporting maps each location back to the
        // new compilation's syntax tree so #pragma applies, the trade-off dotnet/runtime#124994 also made.)
        var sources = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Where(o => o.Value is ITuple { Length: 2 } output && output[0] is IEnumerable files && files.Cast<object>().Any())
            .ToList();
        Assert.Equal(Generator.GeneratedSources.Length, sources.Count);
        Assert.All(sources, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        return second;
    }

    /// <summary>The diagnostics of compiling the user's code together with what the generator wrote.</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics()
    {
        using var stream = new MemoryStream();
        return Output.Emit(stream).Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
    }
}

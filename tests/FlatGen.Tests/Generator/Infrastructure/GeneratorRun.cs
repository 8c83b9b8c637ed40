using Microsoft.CodeAnalysis;

namespace FlatGen.Tests.Generator.Infrastructure;

/// <summary>One run of the generator: its input, the driver (to run again), the result and the compilation with its output.</summary>
internal sealed record GeneratorRun(Compilation Input, GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    /// <summary>The diagnostics of compiling the user's code together with what the generator wrote.</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics()
    {
        using var stream = new MemoryStream();
        return Output.Emit(stream).Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
    }
}

using FlatGen.Generator.Diagnostics;
using FlatGen.Generator.Helpers;

namespace FlatGen.Generator.Models;

/// <summary>
/// What one pipeline step made of one <c>[FlatMultiMap]</c> declaration: its model when the next step can go on, and
/// every diagnostic so far (a step adds its own to those of the steps before it).
/// </summary>
/// <typeparam name="T">The step's model.</typeparam>
internal sealed record StepResult<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class
{
    public static StepResult<T> Nothing { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty);
}

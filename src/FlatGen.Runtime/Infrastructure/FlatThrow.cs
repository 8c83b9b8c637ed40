using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>The exceptions both cores throw on misuse, kept out of the hot paths.</summary>
/// <remarks>
/// None is marked <see cref="MethodImplOptions.NoInlining"/>: the JIT looks into a method that only throws, declines
/// to inline it and treats the call as one that does not return, so a loop keeps its state in registers around the
/// check. Marked <c>NoInlining</c>, the calls looked like ordinary ones: the JIT spilled the loop's state to the
/// stack around each, and enumeration ran about 3× slower.
/// </remarks>
internal static class FlatThrow
{
    /// <summary>A map was mutated after an enumerator over it was created, as <c>Dictionary</c> reports it.</summary>
    [DoesNotReturn]
    public static void ModifiedWhileEnumerating() =>
        throw new InvalidOperationException("The flat multi-map was modified after the enumerator was created; enumeration cannot continue.");

    /// <summary>Bytes given as UTF-8 text are not valid UTF-8.</summary>
    [DoesNotReturn]
    public static void InvalidUtf8(string parameterName) =>
        throw new ArgumentException("The bytes are not valid UTF-8.", parameterName);

    /// <summary>
    /// An inline map that ignores case was given a new key that is not ASCII: how such a key folds depends on the
    /// runtime's Unicode tables, so the hash its bytes would store could be wrong on another machine.
    /// </summary>
    [DoesNotReturn]
    public static void UnpersistableKey(string parameterName) =>
        throw new ArgumentException(
            "An inline map that ignores case stores ASCII keys only (and its known keys): how other characters fold ignoring case depends on "
            + "the runtime's Unicode tables, so the map's bytes could not be read on every machine. Use KeyComparison = FlatKeyComparison.Ordinal "
            + "or reference storage for such keys.",
            parameterName);

    /// <summary>
    /// A bound or an invariant of the map is broken: a probe met no empty slot, a count or a run lies outside the
    /// storage. Single-threaded use cannot get here, so concurrent use is the likely cause, as <c>Dictionary</c> says.
    /// </summary>
    [DoesNotReturn]
    public static void ConcurrentUse(string? mapName) => throw new InvalidOperationException(ConcurrentUseMessage(mapName));

    // Out of line: formatting the map's name inline would spend the caller's inlining budget on a path that never runs.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string ConcurrentUseMessage(string? mapName) =>
        $"The flat multi-map{(mapName is null ? "" : $" '{mapName}'")} is in an inconsistent state, most likely because it was used from several threads at once. "
        + "Flat multi-maps are not thread-safe: give each thread its own map, or lock around every use of a shared one.";
}

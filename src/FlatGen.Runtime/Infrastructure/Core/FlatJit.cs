using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>How the runtime's hot paths are compiled, decided once for the build.</summary>
internal static class FlatJit
{
    /// <summary>
    /// The entry points' compilation. The IL build optimises them at their first call
    /// (<see cref="MethodImplOptions.AggressiveOptimization"/>): one compiled copy serves every map of a kind, which tier 0
    /// would run unoptimised through a process's first requests. The ReadyToRun build (<c>FLATGEN_READYTORUN</c>) leaves
    /// the flag off: the runtime never takes precompiled code for a method that carries it, and its image holds them
    /// compiled already.
    /// </summary>
#if FLATGEN_READYTORUN
    public const MethodImplOptions Optimized = 0;
#else
    public const MethodImplOptions Optimized = MethodImplOptions.AggressiveOptimization;
#endif
}

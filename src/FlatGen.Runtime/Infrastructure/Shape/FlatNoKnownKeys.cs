using System;
using System.ComponentModel;

namespace FlatGen.Infrastructure;

/// <summary>The matcher of every map without known keys: it matches nothing, so all maps of a kind share one compiled core.</summary>
/// <remarks>
/// <para>
/// Where a known-key branch follows a match, the cores test <c>typeof(TKnownKeys) != typeof(FlatNoKnownKeys)</c>
/// before calling the matcher: the JIT folds that test as it reads the method, so a map without known keys never
/// compiles the branch, where the matcher's -1 is known only after inlining, once the branch has been compiled (a
/// fresh process's first add: 3.6 → 1.5 ms of JIT).
/// </para>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FlatNoKnownKeys : IFlatKnownKeyMatcher
{
    /// <inheritdoc/>
    public static int Match(in FlatMapShape shape, ReadOnlySpan<char> key) => -1;

    /// <inheritdoc/>
    public static int MatchUtf8(in FlatMapShape shape, ReadOnlySpan<byte> key) => -1;
}

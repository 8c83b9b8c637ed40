using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// The matcher of every map with known keys: it calls the one its shape holds, so all such maps of a kind share one
/// compiled core, as maps without known keys share <see cref="FlatNoKnownKeys"/>'s.
/// </summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FlatKnownKeys : IFlatKnownKeyMatcher
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Match(in FlatMapShape shape, ReadOnlySpan<char> key) => shape.KnownKeyMatcher!.Match(key);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MatchUtf8(in FlatMapShape shape, ReadOnlySpan<byte> key) => shape.KnownKeyMatcher!.MatchUtf8(key);
}

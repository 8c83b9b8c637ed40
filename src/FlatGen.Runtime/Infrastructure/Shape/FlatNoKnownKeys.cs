using System;
using System.ComponentModel;

namespace FlatGen.Infrastructure;

/// <summary>The matcher of every map without known keys: it matches nothing, so all maps of a kind share one compiled core.</summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FlatNoKnownKeys : IFlatKnownKeyMatcher
{
    /// <inheritdoc/>
    public static int Match(ReadOnlySpan<char> key) => -1;

    /// <inheritdoc/>
    public static int MatchUtf8(ReadOnlySpan<byte> key) => -1;
}

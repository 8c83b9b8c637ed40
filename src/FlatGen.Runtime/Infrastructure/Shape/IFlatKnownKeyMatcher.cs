using System;
using System.ComponentModel;

namespace FlatGen.Infrastructure;

/// <summary>
/// How a core finds a key among its map's known keys: <see cref="FlatKnownKeys"/>, through the matcher the map's shape
/// holds, for every map that declares known keys; <see cref="FlatNoKnownKeys"/> for the others. Two types FlatGen owns,
/// so a map's core is one of two instantiations of its kind, both in a ReadyToRun image, and the cores still tell the
/// two apart as they read a method (<c>typeof(TKnownKeys) != typeof(FlatNoKnownKeys)</c>).
/// </summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFlatKnownKeyMatcher
{
    /// <summary>Returns the index of the known key equal to <paramref name="key"/> under the map's comparison, or -1.</summary>
    /// <param name="shape">The map's shape, which holds its matcher.</param>
    /// <param name="key">The key to match.</param>
    /// <returns>The known key's index, or -1.</returns>
    static abstract int Match(in FlatMapShape shape, ReadOnlySpan<char> key);

    /// <summary>
    /// Returns the index of the known key equal to UTF-8 <paramref name="key"/> under the map's comparison, or -1;
    /// agrees with <see cref="Match"/> on the key's UTF-16 form, and is -1 for invalid UTF-8.
    /// </summary>
    /// <param name="shape">The map's shape, which holds its matcher.</param>
    /// <param name="key">The key to match, as UTF-8.</param>
    /// <returns>The known key's index, or -1.</returns>
    static abstract int MatchUtf8(in FlatMapShape shape, ReadOnlySpan<byte> key);
}

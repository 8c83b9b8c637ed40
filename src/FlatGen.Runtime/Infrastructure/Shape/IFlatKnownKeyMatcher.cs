using System;
using System.ComponentModel;

namespace FlatGen.Infrastructure;

/// <summary>
/// Finds a key among a map's known keys without hashing: the matchers FlatGen generates for a map that declares known
/// keys, as an empty struct, so the JIT inlines them into the core's layer that calls them (compiled for each matcher;
/// what follows a match runs in the core every map without known keys shares); <see cref="FlatNoKnownKeys"/> for the others.
/// </summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFlatKnownKeyMatcher
{
    /// <summary>Returns the index of the known key equal to <paramref name="key"/> under the map's comparison, or -1.</summary>
    /// <param name="key">The key to match.</param>
    /// <returns>The known key's index, or -1.</returns>
    static abstract int Match(ReadOnlySpan<char> key);

    /// <summary>
    /// Returns the index of the known key equal to UTF-8 <paramref name="key"/> under the map's comparison, or -1;
    /// agrees with <see cref="Match"/> on the key's UTF-16 form, and is -1 for invalid UTF-8.
    /// </summary>
    /// <param name="key">The key to match, as UTF-8.</param>
    /// <returns>The known key's index, or -1.</returns>
    static abstract int MatchUtf8(ReadOnlySpan<byte> key);
}

using System;
using System.ComponentModel;

namespace FlatGen.Infrastructure;

/// <summary>
/// Finds a key among a map's known keys without hashing: the base of the matcher FlatGen generates for a map that
/// declares known keys, whose one instance the map's shape holds (<see cref="FlatMapShape.Create{TKeyIndex, TValueIndex}"/>)
/// and <see cref="FlatKnownKeys"/> calls; a map without known keys has none.
/// </summary>
/// <remarks>
/// <para>
/// An instance rather than a type argument, so that every map with known keys of a storage, comparison and pair of
/// index types runs one compiled core, which a ReadyToRun image holds; a virtual call rather than a function pointer,
/// which would run through the method's precode on every call, where a virtual slot holds the compiled code once the
/// matcher has run (bench/results/analysis.md has both measured).
/// </para>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class FlatKnownKeyMatcher
{
    /// <summary>The comparison's hash of each name, made at the first call; one matcher serves one map type, of one comparison.</summary>
    private uint[]? _nameHashes;

    /// <summary>Initializes a new instance of the <see cref="FlatKnownKeyMatcher"/> class.</summary>
    /// <param name="names">The known keys in declaration order: a known key's index is its position. The matcher keeps its own copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is <see langword="null"/>.</exception>
    protected FlatKnownKeyMatcher(string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = [.. names];
    }

    /// <summary>Gets the known keys' declared spellings, in declaration order.</summary>
    internal string[] Names { get; }

    /// <summary>Returns the index of the known key equal to <paramref name="key"/> under the map's comparison, or -1.</summary>
    /// <param name="key">The key to match.</param>
    /// <returns>The known key's index, or -1.</returns>
    public abstract int Match(ReadOnlySpan<char> key);

    /// <summary>
    /// Returns the index of the known key equal to UTF-8 <paramref name="key"/> under the map's comparison, or -1;
    /// agrees with <see cref="Match"/> on the key's UTF-16 form, and is -1 for invalid UTF-8.
    /// </summary>
    /// <param name="key">The key to match, as UTF-8.</param>
    /// <returns>The known key's index, or -1.</returns>
    public abstract int MatchUtf8(ReadOnlySpan<byte> key);

    /// <summary>Gets the hash under <typeparamref name="TComparer"/>, the map's comparison, of each known key's declared spelling.</summary>
    internal uint[] NameHashes<TComparer>()
        where TComparer : struct, IFlatKeyComparer
    {
        if (_nameHashes is not { } hashes)
        {
            hashes = new uint[Names.Length];
            for (int i = 0; i < hashes.Length; i++)
            {
                hashes[i] = TComparer.Hash(Names[i]);
            }

            _nameHashes = hashes; // Two threads that race make equal arrays.
        }

        return hashes;
    }
}

using System;
using System.Buffers;
using System.ComponentModel;
using System.Text.Unicode;

namespace FlatGen.Infrastructure;

/// <summary>
/// A map's known keys: their declared spellings, and the generated matchers that find a key among them without
/// hashing. A map with known keys supplies a subclass whose matchers compare under the map's comparison.
/// </summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class FlatKnownKeys
{
    /// <summary>Initializes a new instance of the <see cref="FlatKnownKeys"/> class.</summary>
    /// <param name="names">The known keys, in declaration order: a known key's index is its position here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is <see langword="null"/>.</exception>
    protected FlatKnownKeys(string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        Utf8Names = new byte[]?[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            byte[] buffer = new byte[3 * names[i].Length];
            if (Utf8.FromUtf16(names[i], buffer, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                Utf8Names[i] = buffer.AsSpan(0, written).ToArray();
            }
        }
    }

    /// <summary>Gets the known keys' declared spellings, in declaration order.</summary>
    internal string[] Names { get; }

    /// <summary>Gets each known key's declared spelling in UTF-8; null for a key with a lone surrogate, which has no UTF-8 form.</summary>
    internal byte[]?[] Utf8Names { get; }

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
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>Compares keys as <see cref="StringComparison.OrdinalIgnoreCase"/> does (<see cref="FlatKeyComparison.OrdinalIgnoreCase"/>).</summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FlatOrdinalIgnoreCaseComparer : IFlatKeyComparer
{
    /// <inheritdoc/>
    public static FlatKeyComparison Comparison => FlatKeyComparison.OrdinalIgnoreCase;

    /// <inheritdoc/>
    public static IEqualityComparer<string> StringComparer => System.StringComparer.OrdinalIgnoreCase;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<char> key) => FlatHash.ProcessOrdinalIgnoreCase(key);

    /// <inheritdoc/>
    /// <remarks>
    /// Only ASCII keys have one: how other characters fold is defined by the runtime's Unicode tables, which differ
    /// between .NET versions, so a hash of them written by one machine could be wrong on another.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryHashPersisted(ReadOnlySpan<char> key, ulong seed, out uint hash) =>
        FlatHash.TryOrdinalIgnoreCaseAscii(key, FlatHash.InlineSeed(seed), out hash);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool KeyEquals(ReadOnlySpan<char> storedKey, ReadOnlySpan<char> key) =>
        storedKey.Length == key.Length && FlatHash.EqualsIgnoreCaseOutOfLine(storedKey, key);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? KeyEqualsWithoutCall(ReadOnlySpan<char> storedKey, ReadOnlySpan<char> key) =>
        storedKey.Length == key.Length ? FlatHash.TryEqualsIgnoreCaseAscii(storedKey, key) : false;

    /// <inheritdoc/>
    /// <remarks>
    /// Two ASCII characters that differ in more than the 0x20 bit, the case of a letter, differ ignoring case; a pair with
    /// any other character passes, since how it folds is the runtime's Unicode tables' to say.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MayEqual(char stored, char key) => (stored | key) >= 0x80 || (stored | 0x20) == (key | 0x20);

    /// <inheritdoc/>
    /// <remarks>An ASCII unit with its 0x20 bit set, as <see cref="MayEqual"/> folds it; none for another unit, whose fold is the runtime's case tables' to say.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FilterUnit(char unit) => unit < 0x80 ? unit | 0x20 : -1;
}

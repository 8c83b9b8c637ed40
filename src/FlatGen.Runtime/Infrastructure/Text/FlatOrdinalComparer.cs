using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>Compares keys by their UTF-16 code units (<see cref="FlatKeyComparison.Ordinal"/>).</summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FlatOrdinalComparer : IFlatKeyComparer
{
    /// <inheritdoc/>
    public static FlatKeyComparison Comparison => FlatKeyComparison.Ordinal;

    /// <inheritdoc/>
    public static IEqualityComparer<string> StringComparer => System.StringComparer.Ordinal;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<char> key) => FlatHash.Ordinal(key, FlatHash.ProcessSeed);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryHashPersisted(ReadOnlySpan<char> key, ulong seed, out uint hash)
    {
        hash = FlatHash.Ordinal(key, FlatHash.InlineSeed(seed));
        return true;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool KeyEquals(ReadOnlySpan<char> storedKey, ReadOnlySpan<char> key) => storedKey.SequenceEqual(key);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? KeyEqualsWithoutCall(ReadOnlySpan<char> storedKey, ReadOnlySpan<char> key) =>
        storedKey.Length == key.Length && FlatHash.EqualsOrdinal(storedKey, key);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MayEqual(char stored, char key) => stored == key;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FilterUnit(char unit) => unit;
}

using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace FlatGen;

/// <summary>
/// The members every generated flat multi-map has, in either storage mode: a fixed-capacity map from string keys to
/// one or more string values, kept in first-insertion order, compared as the map's <see cref="FlatKeyComparison"/> says.
/// </summary>
/// <remarks>
/// <para>
/// Every map is a struct: take one as a generic parameter constrained to this interface and passed by
/// <see langword="ref"/> (<c>void Fill&lt;TMap&gt;(ref TMap map) where TMap : struct, IFlatMultiMap</c>), which calls
/// the map's own members with no copy. Converting a map to this interface boxes a copy: a change through the
/// interface changes the box, not the map.
/// </para>
/// <para>
/// A map lacks room when a new key finds no key slot (<c>KeyCapacity</c>), a value no value slot (<c>ValueCapacity</c>),
/// or, in an inline map, its bytes no room in the arena (<c>InlineBytes</c>); a refused add or set leaves the map
/// unchanged. A map declared with <see cref="FlatOverflow.EvictOldest"/> first makes room by removing its first-inserted
/// keys, and refuses only what would not fit alone. An inline map also refuses text that is not valid UTF-16 or UTF-8 and, ignoring case, a new key that is
/// neither ASCII nor known, with <see cref="ArgumentException"/>. Values of an inline map are decoded into new strings
/// where a member returns a string.
/// </para>
/// <para>
/// A reference map's entries and values have spares past the capacities, so that a full map that removes a key and
/// adds one moves the other keys once per spare's worth of removals rather than at every add.
/// </para>
/// </remarks>
public interface IFlatMultiMap
{
    /// <summary>Gets the number of distinct keys in the map.</summary>
    int Count { get; }

    /// <summary>Gets the number of values in the map, summed over all keys.</summary>
    int ValueCount { get; }

    /// <summary>Gets the first value of <paramref name="key"/>, or sets <paramref name="key"/>'s only value, as <see cref="Set(string, string)"/> does.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key's first value, or <see langword="null"/> when the key is absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/>, or the value set, is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The value set needs room the map lacks; the map is unchanged.</exception>
    string? this[string key] { get; [param: DisallowNull] set; }

    /// <summary>Appends <paramref name="value"/> to the values of <paramref name="key"/>, adding the key if it is new.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value to append after the key's other values.</param>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    bool TryAdd(string key, string value);

    /// <summary>Appends <paramref name="value"/> to the values of <paramref name="key"/>, adding the key if it is new.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value to append after the key's other values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    void Add(string key, string value);

    /// <summary>Appends <paramref name="value"/> to the values of <paramref name="key"/>, adding the key if it is new.</summary>
    /// <param name="key">The key, such as a slice of a parse buffer. A known key or a key already present allocates nothing; a new unknown key becomes a string once.</param>
    /// <param name="value">The value to append after the key's other values.</param>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    bool TryAdd(ReadOnlySpan<char> key, string value);

    /// <summary>Appends <paramref name="value"/> to the values of <paramref name="key"/>, adding the key if it is new.</summary>
    /// <param name="key">The key, such as a slice of a parse buffer. A known key or a key already present allocates nothing; a new unknown key becomes a string once.</param>
    /// <param name="value">The value to append after the key's other values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    void Add(ReadOnlySpan<char> key, string value);

    /// <summary>Appends the UTF-8 <paramref name="value"/> to the values of the UTF-8 <paramref name="key"/>, adding the key if it is new.</summary>
    /// <param name="key">The key's UTF-8 bytes, such as a slice of a request buffer; a known key is matched on its bytes.</param>
    /// <param name="value">The value's UTF-8 bytes.</param>
    /// <returns><see langword="true"/> if the value was added; <see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-8; the map is unchanged.</exception>
    bool TryAdd(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Appends the UTF-8 <paramref name="value"/> to the values of the UTF-8 <paramref name="key"/>, adding the key if it is new.</summary>
    /// <param name="key">The key's UTF-8 bytes, such as a slice of a request buffer; a known key is matched on its bytes.</param>
    /// <param name="value">The value's UTF-8 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is not valid UTF-8; the map is unchanged.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Determines whether the map contains <paramref name="key"/>.</summary>
    /// <param name="key">The key to look for.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    bool ContainsKey(string key);

    /// <summary>Determines whether the map contains <paramref name="key"/>.</summary>
    /// <param name="key">The key to look for, such as a slice of a parse buffer.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    bool ContainsKey(ReadOnlySpan<char> key);

    /// <summary>Determines whether the map contains the UTF-8 <paramref name="key"/>; invalid UTF-8 is a key that is absent.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    bool ContainsKey(ReadOnlySpan<byte> key);

    /// <summary>Gets the first value of <paramref name="key"/>.</summary>
    /// <param name="key">The key to look up.</param>
    /// <param name="value">The key's first value; <see langword="null"/> when the key is absent.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    bool TryGetFirst(string key, [MaybeNullWhen(false)] out string value);

    /// <summary>Gets the first value of <paramref name="key"/>.</summary>
    /// <param name="key">The key to look up, such as a slice of a parse buffer.</param>
    /// <param name="value">The key's first value; <see langword="null"/> when the key is absent.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    bool TryGetFirst(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out string value);

    /// <summary>Gets the first value of the UTF-8 <paramref name="key"/>; invalid UTF-8 is a key that is absent.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <param name="value">The key's first value; <see langword="null"/> when the key is absent.</param>
    /// <returns><see langword="true"/> if the key is present; otherwise, <see langword="false"/>.</returns>
    bool TryGetFirst(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out string value);

    /// <summary>Gets the first value of <paramref name="key"/>, or <see langword="null"/> when the key is absent.</summary>
    /// <param name="key">The key to look up.</param>
    /// <returns>The key's first value, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    string? GetFirstOrDefault(string key);

    /// <summary>Gets the first value of <paramref name="key"/>, or <see langword="null"/> when the key is absent.</summary>
    /// <param name="key">The key to look up, such as a slice of a parse buffer.</param>
    /// <returns>The key's first value, or <see langword="null"/>.</returns>
    string? GetFirstOrDefault(ReadOnlySpan<char> key);

    /// <summary>Gets the first value of the UTF-8 <paramref name="key"/>, or <see langword="null"/> when the key is absent or not valid UTF-8.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <returns>The key's first value, or <see langword="null"/>.</returns>
    string? GetFirstOrDefault(ReadOnlySpan<byte> key);

    /// <summary>Makes <paramref name="value"/> the only value of <paramref name="key"/>, keeping the key's place; adds the key if it is new.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value that replaces all of the key's values.</param>
    /// <returns><see langword="true"/> if the value was set; <see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    bool TrySet(string key, string value);

    /// <summary>Makes <paramref name="value"/> the only value of <paramref name="key"/>, keeping the key's place; adds the key if it is new.</summary>
    /// <param name="key">The key, such as a slice of a parse buffer.</param>
    /// <param name="value">The value that replaces all of the key's values.</param>
    /// <returns><see langword="true"/> if the value was set; <see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    bool TrySet(ReadOnlySpan<char> key, string value);

    /// <summary>Makes <paramref name="value"/> the only value of <paramref name="key"/>, keeping the key's place; adds the key if it is new.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value that replaces all of the key's values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    void Set(string key, string value);

    /// <summary>Makes <paramref name="value"/> the only value of <paramref name="key"/>, keeping the key's place; adds the key if it is new.</summary>
    /// <param name="key">The key, such as a slice of a parse buffer.</param>
    /// <param name="value">The value that replaces all of the key's values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FlatMapFullException">The map lacks room; it is unchanged.</exception>
    void Set(ReadOnlySpan<char> key, string value);

    /// <summary>Removes <paramref name="key"/> and all its values.</summary>
    /// <param name="key">The key to remove.</param>
    /// <returns><see langword="true"/> if the key was present; otherwise, <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    bool Remove(string key);

    /// <summary>Removes <paramref name="key"/> and all its values.</summary>
    /// <param name="key">The key to remove, such as a slice of a parse buffer.</param>
    /// <returns><see langword="true"/> if the key was present; otherwise, <see langword="false"/>.</returns>
    bool Remove(ReadOnlySpan<char> key);

    /// <summary>Removes the UTF-8 <paramref name="key"/> and all its values.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <returns><see langword="true"/> if the key was present; otherwise, <see langword="false"/>.</returns>
    bool Remove(ReadOnlySpan<byte> key);

    /// <summary>Removes the first of the values of <paramref name="key"/> that equals <paramref name="value"/> (ordinally); a key left with no value is removed.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value to remove.</param>
    /// <returns><see langword="true"/> if the value was found and removed; otherwise, <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    bool Remove(string key, string value);

    /// <summary>Removes the first of the values of <paramref name="key"/> that equals <paramref name="value"/> (ordinally); a key left with no value is removed.</summary>
    /// <param name="key">The key, such as a slice of a parse buffer.</param>
    /// <param name="value">The value to remove.</param>
    /// <returns><see langword="true"/> if the value was found and removed; otherwise, <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    bool Remove(ReadOnlySpan<char> key, string value);

    /// <summary>
    /// Removes every key and value. A reference map keeps no reference to them, except the strings it keeps for reuse
    /// (<c>ReuseValueStrings</c>) until <c>ForgetReusedStrings</c>; an inline map zeroes its arena.
    /// </summary>
    void Clear();

    /// <summary>Copies the keys and values, as strings, in first-insertion order, into a new array: the allocating bridge to LINQ and to APIs that take pairs.</summary>
    /// <returns>One pair per key, with an array of its values.</returns>
    KeyValuePair<string, string[]>[] ToArray();

    /// <summary>Copies the map into a new dictionary that compares keys as the map does.</summary>
    /// <returns>A dictionary from each key to an array of its values.</returns>
    Dictionary<string, string[]> ToDictionary();

    /// <summary>Gets the number of bytes <see cref="Pack"/> allocates and <see cref="TryPack"/> writes: the keys and values as UTF-8, with a hash index.</summary>
    /// <exception cref="InvalidOperationException">The map holds text with a lone surrogate, which UTF-8 cannot hold.</exception>
    int PackedByteCount { get; }

    /// <summary>Packs the map into <paramref name="destination"/> as <see cref="Pack"/> does, allocating nothing: to write it to a file, a memory-mapped region or a cache's byte store.</summary>
    /// <param name="destination">Where to write the packed map; read it back with <see cref="FlatPackedMap.Read(ReadOnlyMemory{byte})"/>.</param>
    /// <param name="bytesWritten">The number of bytes written, <see cref="PackedByteCount"/>; 0 when <paramref name="destination"/> is too short.</param>
    /// <returns><see langword="true"/> if the map was written; <see langword="false"/> if <paramref name="destination"/> is shorter than <see cref="PackedByteCount"/>.</returns>
    /// <exception cref="InvalidOperationException">The map holds text with a lone surrogate, which UTF-8 cannot hold.</exception>
    bool TryPack(Span<byte> destination, out int bytesWritten);

    /// <summary>
    /// Packs the map into a read-only <see cref="FlatPackedMap"/> of exactly the size of its content: one array, no
    /// references, for a map kept for long. Keys keep the map's comparison and first-insertion order; values keep their order.
    /// </summary>
    /// <returns>The packed map, over a new array of <see cref="PackedByteCount"/> bytes.</returns>
    /// <exception cref="InvalidOperationException">The map holds text with a lone surrogate, which UTF-8 cannot hold.</exception>
    FlatPackedMap Pack();
}

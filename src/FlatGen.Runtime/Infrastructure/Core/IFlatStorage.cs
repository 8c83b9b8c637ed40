using System;
using System.ComponentModel;
using System.Text.Json;

namespace FlatGen.Infrastructure;

/// <summary>
/// What a storage mode supplies to <see cref="FlatMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage}"/>
/// and <see cref="FlatIndex{TKeyIndex, TValueIndex, TKnownKeys, TStorage}"/>: how it hashes and compares keys, and how it
/// stores, reads and removes keys and values. Implemented by empty structs, so the JIT specialises the core and the
/// index for each mode and comparison with no virtual call.
/// </summary>
/// <typeparam name="TKeyIndex">The map's key index type.</typeparam>
/// <typeparam name="TValueIndex">The map's value index type.</typeparam>
/// <remarks>
/// <para>Entries <c>0..Count-1</c> (the raw count, <see cref="FlatMapFields{TKeyIndex, TValueIndex}.Count"/>) are keys in
/// first-insertion order, or holes with a <c>ValueCounts</c> entry of zero; a key has at least one value. When entry 0 is a
/// hole, its <c>KeyHashes</c> entry is a number of entries from the first that are all holes, or more than the count: 0,
/// but in a map that evicts its oldest keys, whose removals count the holes that lead there.</para>
/// <para>Everything but matching a key to a known key runs in the core of maps without known keys
/// (<see cref="FlatNoKnownKeys"/>), with known keys or without: the callbacks that need no matcher (all but an inline
/// map's <see cref="FindKeyOf"/> and <see cref="MoveToEnd"/>, which find or add a key by its bytes), and the adds and
/// lookups once the matcher has said which known key, if any, a key is. So every map of a storage, comparison and pair of
/// index types runs one compiled copy of its algorithms, which a ReadyToRun image holds, and the instantiation for
/// <see cref="FlatKnownKeys"/> is only the thin layer that calls a map's matcher.</para>
/// <para>This API supports the code FlatGen generates and is not meant to be used directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFlatStorage<TKeyIndex, TValueIndex>
{
    /// <summary>
    /// Returns whether a lookup compares the map's few stored keys one by one (<see cref="FindByScan"/>) instead of
    /// hashing the probe: true for a map of at most <see cref="FlatIndex{TKeyIndex, TValueIndex, TKnownKeys, TStorage}.ScanKeyCapacity"/>
    /// keys whose stored keys compare without decoding.
    /// </summary>
    static abstract bool ScansKeys(in FlatMapShape shape);

    /// <summary>
    /// In a map that scans (<see cref="ScansKeys"/>), the key filter's bit for a key's <paramref name="length"/> and
    /// <paramref name="last"/> unit together, in the filter's upper half, which the bits of lengths from 32 share:
    /// a miss of a stored key's length, which the length's bit lets through, seldom has it. 0 where the last unit alone
    /// does not decide (<see cref="IFlatKeyComparer.FilterUnit"/>), and in a map that never scans.
    /// </summary>
    /// <param name="length">The key's length in UTF-16 code units.</param>
    /// <param name="last">The key's last unit; <c>'\0'</c> for the empty key.</param>
    static abstract ulong ScanPairBit(int length, char last);

    /// <summary>
    /// Finds a key that matches no known key by its hash, in one call: the <c>HashAndProbeOutOfLine</c> of the index of maps
    /// without known keys, which every map of this storage, comparison and pair of index types shares.
    /// </summary>
    /// <returns>The key's index, or -1.</returns>
    static abstract int FindHashedOutOfLine(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key);

    /// <summary>
    /// Finds a key by its hash in a map without known keys: inline in the caller where the comparison is small enough
    /// (ordinal), else as <see cref="FindHashedOutOfLine"/>. An ignore-case lookup (the letter fold, the ASCII check and
    /// the runtime's fallbacks) would spend a caller loop's whole inlining budget, leaving the map's accessors as calls.
    /// </summary>
    /// <returns>The key's index, or -1.</returns>
    static abstract int FindHashedWithoutKnownKeys(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key);

    /// <summary>Finds <paramref name="key"/> by comparing it with each stored hashed key in turn; returns its index or -1.</summary>
    static abstract int FindByScan(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key);

    /// <summary>Hashes <paramref name="key"/> as <paramref name="map"/> stores it.</summary>
    /// <returns><see langword="false"/> if the mode cannot store the key, which is then absent from every map.</returns>
    static abstract bool TryHash(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, out uint hash);

    /// <summary>Returns whether stored key <paramref name="keyIndex"/> (a hashed key) equals <paramref name="key"/> under the map's comparison.</summary>
    static abstract bool StoredKeyEquals(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, ReadOnlySpan<char> key);

    /// <summary>Returns whether UTF-8 <paramref name="key"/> is valid and could equal a stored key, before it is decoded.</summary>
    static abstract bool IsPossibleKey(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key);

    /// <summary>Removes entry <paramref name="keyIndex"/>, already unlinked from its slot or presence bit, with its values, keeping the storage's invariants.</summary>
    static abstract void RemoveEntry(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex);

    /// <summary>Gets the number of keys.</summary>
    static abstract int KeyCount(FlatMapFields<TKeyIndex, TValueIndex> map);

    /// <summary>Gets the number of values, summed over all keys.</summary>
    static abstract int ValueCount(FlatMapFields<TKeyIndex, TValueIndex> map);

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values (a string the caller checked for null), adding the key if it is new.</summary>
    static abstract FlatAddStatus Add(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value);

    /// <summary>Appends <paramref name="value"/> to <paramref name="key"/>'s values, adding the key if it is new.</summary>
    static abstract FlatAddStatus Add(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string value);

    /// <summary>Appends the UTF-8 <paramref name="value"/> to the UTF-8 <paramref name="key"/>'s values, adding the key if it is new; invalid UTF-8 throws before any change.</summary>
    static abstract FlatAddStatus AddUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Appends <paramref name="value"/> to known key <paramref name="knownKey"/>'s values, adding the key if it is absent.</summary>
    static abstract FlatAddStatus AddKnown(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, string value);

    /// <summary>
    /// Appends <paramref name="value"/> to key <paramref name="keyIndex"/>'s values in the map's own fields, if they have
    /// room for it. A spilled map's adds refuse every change of its fields (<see cref="FlatAddStatus.Spilled"/>), for the
    /// code of its overflow to make here and record.
    /// </summary>
    static abstract FlatAddStatus AppendValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value);

    /// <summary>Makes <paramref name="value"/> key <paramref name="keyIndex"/>'s only value.</summary>
    static abstract FlatAddStatus SetValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value);

    /// <summary>Returns where in key <paramref name="keyIndex"/>'s run the first value ordinally equal to <paramref name="value"/> is, or -1.</summary>
    static abstract int IndexOfValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value);

    /// <summary>Removes the value at <paramref name="position"/> of key <paramref name="keyIndex"/>'s run, which keeps at least one.</summary>
    static abstract void RemoveValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, int position);

    /// <summary>Gets key <paramref name="keyIndex"/> as a string: the stored one, a known key's declared spelling, or the decoded bytes.</summary>
    static abstract string KeyString(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex);

    /// <summary>Gets key <paramref name="keyIndex"/>'s first value as a string.</summary>
    static abstract string FirstValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex);

    /// <summary>Copies key <paramref name="keyIndex"/>'s values, as strings, into a new array.</summary>
    static abstract string[] ValueArray(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex);

    /// <summary>Removes every key and value; from any state of the fields, even one concurrent use left, the map is then empty and works.</summary>
    static abstract void Clear(FlatMapFields<TKeyIndex, TValueIndex> map);

    /// <summary>Finds in <paramref name="other"/> the key stored at entry <paramref name="keyIndex"/> of <paramref name="map"/> (a map of the same type); returns its index or -1.</summary>
    static abstract int FindKeyOf(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, FlatMapFields<TKeyIndex, TValueIndex> other);

    /// <summary>Returns whether key <paramref name="keyIndex"/> of <paramref name="map"/> and key <paramref name="otherIndex"/> of <paramref name="other"/> have ordinally equal values in the same order.</summary>
    static abstract bool ValuesEqual(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, FlatMapFields<TKeyIndex, TValueIndex> other, int otherIndex);

    /// <summary>Returns whether key <paramref name="keyIndex"/> of <paramref name="map"/> has ordinally <paramref name="values"/>, in that order: a spilled map's (see <see cref="FlatSpill"/>) compared with one that has not spilled.</summary>
    static abstract bool ValuesEqual(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, ReadOnlySpan<string> values);

    /// <summary>Returns a hash of key <paramref name="keyIndex"/> and its values that is the same for an equal key with equal values in any map of the same type.</summary>
    static abstract int EntryHashCode(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex);

    /// <summary>Appends the JSON string value <paramref name="reader"/> is on to <paramref name="key"/>'s values.</summary>
    /// <returns><see langword="false"/> if the map lacks room, and then it is unchanged.</returns>
    static abstract bool AddJsonValue(scoped FlatMapFields<TKeyIndex, TValueIndex> map, ref Utf8JsonReader reader, scoped ReadOnlySpan<char> key);

    /// <summary>Writes key <paramref name="keyIndex"/> as a JSON property whose value is the array of its values.</summary>
    static abstract void WriteJsonEntry(Utf8JsonWriter writer, FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, JsonSerializerOptions options);

    /// <summary>Gets the arena bytes key <paramref name="keyIndex"/> takes, with its values' when <paramref name="withValues"/>; zero for a storage without an arena.</summary>
    static abstract int StoredBytes(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, bool withValues);

    /// <summary>Hands key <paramref name="keyIndex"/> and its values to <paramref name="writer"/>, as the storage holds them.</summary>
    static abstract void PackEntry(ref FlatPackWriter writer, FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex);

    /// <summary>Moves key <paramref name="keyIndex"/> and its values after every other key, keeping its values' order.</summary>
    static abstract void MoveToEnd(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex);
}

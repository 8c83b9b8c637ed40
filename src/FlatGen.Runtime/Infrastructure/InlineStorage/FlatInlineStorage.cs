using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text.Json;
using System.Text;

namespace FlatGen.Infrastructure;

/// <summary>
/// How an inline map stores keys, for <see cref="FlatMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage}"/>
/// and its index: as UTF-8
/// ranges of its arena, hashed with the persisted seed (a key without a persisted hash cannot be stored); the algorithms
/// are <see cref="FlatInlineMapCore{TKeyIndex, TValueIndex, TComparer, TKnownKeys}"/>'s.
/// </summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FlatInlineStorage<TKeyIndex, TValueIndex, TComparer, TKnownKeys> : IFlatStorage<TKeyIndex, TValueIndex>
    where TComparer : struct, IFlatKeyComparer
    where TKnownKeys : struct, IFlatKnownKeyMatcher
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindHashedOutOfLine(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        FlatIndex<TKeyIndex, TValueIndex, FlatNoKnownKeys, FlatInlineStorage<TKeyIndex, TValueIndex, TComparer, FlatNoKnownKeys>>.HashAndProbeOutOfLine(map, key);

    /// <inheritdoc/>
    /// <remarks>
    /// A type test, which the JIT folds as it reads this method, so that the lookup not taken is never inlined: a test of a
    /// property the comparer returns folds only after both lookups are inlined and charged to the caller's budget.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindHashedWithoutKnownKeys(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) =>
        typeof(TComparer) == typeof(FlatOrdinalComparer)
            ? FlatIndex<TKeyIndex, TValueIndex, FlatNoKnownKeys, FlatInlineStorage<TKeyIndex, TValueIndex, TComparer, FlatNoKnownKeys>>.HashAndProbe(map, key)
            : FindHashedOutOfLine(map, key);

    /// <inheritdoc/>
    /// <remarks>Never: comparing with a stored key decodes it, which costs more than hashing the probe once.</remarks>
    public static bool ScansKeys(in FlatMapShape shape) => false;

    /// <inheritdoc/>
    public static ulong ScanPairBit(int length, char last) => 0;

    /// <inheritdoc/>
    public static int FindByScan(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key) => throw new NotSupportedException();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryHash(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, out uint hash) => TComparer.TryHashPersisted(key, map.HashSeed, out hash);

    /// <inheritdoc/>
    public static bool StoredKeyEquals(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, ReadOnlySpan<char> key) =>
        Shared.StoredKeyEquals(map, keyIndex, key);

    /// <inheritdoc/>
    public static bool IsPossibleKey(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key) =>
        Shared.IsPossibleKey(map, key);

    /// <inheritdoc/>
    public static void RemoveEntry(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        Shared.RemoveKeyAt(map, keyIndex);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KeyCount(FlatMapFields<TKeyIndex, TValueIndex> map) => FlatInteger.ToInt32(map.Count);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ValueCount(FlatMapFields<TKeyIndex, TValueIndex> map) => FlatInteger.ToInt32(map.ValueCount);

    /// <inheritdoc/>
    public static FlatAddStatus Add(FlatMapFields<TKeyIndex, TValueIndex> map, string key, string value) => Add(map, key.AsSpan(), value);

    /// <inheritdoc/>
    /// <remarks>Text that is not valid UTF-16, or a new key a map that ignores case cannot persist, throws <see cref="ArgumentException"/> before any change.</remarks>
    public static FlatAddStatus Add(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<char> key, string value) =>
        Core.AddCore(map, key, FlatUtf8Text.FromChars(key, nameof(key)), FlatUtf8Text.FromChars(value, nameof(value)));

    /// <inheritdoc/>
    public static FlatAddStatus AddUtf8(FlatMapFields<TKeyIndex, TValueIndex> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Core.AddUtf8(map, key, value);

    /// <inheritdoc/>
    public static FlatAddStatus AddKnown(FlatMapFields<TKeyIndex, TValueIndex> map, int knownKey, string value) =>
        Shared.AddKnownCore(map, knownKey, FlatUtf8Text.FromChars(value, nameof(value)));

    /// <inheritdoc/>
    public static FlatAddStatus AppendValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value) =>
        Shared.AppendValue(map, keyIndex, FlatUtf8Text.FromChars(value, nameof(value)));

    /// <inheritdoc/>
    public static FlatAddStatus SetValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value)
    {
        var text = FlatUtf8Text.FromChars(value, nameof(value));
        int start = FlatInteger.ToInt32(map.ValueStarts[keyIndex]);
        return Shared.Splice(map, keyIndex, start, FlatInteger.ToInt32(map.ValueCounts[keyIndex]), text);
    }

    /// <inheritdoc/>
    public static int IndexOfValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, string value)
    {
        FlatInlineValues values = Shared.Values(map, keyIndex);
        for (int j = 0; j < values.Count; j++)
        {
            if (Shared.Utf8Equals(values[j], value))
            {
                return j;
            }
        }

        return -1;
    }

    /// <inheritdoc/>
    public static void RemoveValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, int position) =>
        Shared.Splice(map, keyIndex, FlatInteger.ToInt32(map.ValueStarts[keyIndex]) + position, 1, default);

    /// <inheritdoc/>
    public static string KeyString(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) => Encoding.UTF8.GetString(Shared.StoredKey(map, keyIndex));

    /// <inheritdoc/>
    public static string FirstValue(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) => Shared.Values(map, keyIndex).GetString(0);

    /// <inheritdoc/>
    public static string[] ValueArray(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) => Shared.Values(map, keyIndex).ToArray();

    /// <inheritdoc/>
    public static void Clear(FlatMapFields<TKeyIndex, TValueIndex> map) => Shared.ClearEntries(map);

    /// <inheritdoc/>
    /// <remarks>The map's own core: it finds the key's bytes in the other map through the matcher.</remarks>
    public static int FindKeyOf(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, FlatMapFields<TKeyIndex, TValueIndex> other) => Core.FindKeyOf(map, keyIndex, other);

    /// <inheritdoc/>
    public static bool ValuesEqual(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, FlatMapFields<TKeyIndex, TValueIndex> other, int otherIndex) =>
        Shared.ValuesEqual(map, keyIndex, other, otherIndex);

    /// <inheritdoc/>
    public static bool ValuesEqual(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, ReadOnlySpan<string> values)
    {
        FlatInlineValues stored = Shared.Values(map, keyIndex);
        if (stored.Count != values.Length)
        {
            return false;
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!Shared.Utf8Equals(stored[i], values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public static int EntryHashCode(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) => Shared.EntryHashCode(map, keyIndex);

    /// <inheritdoc/>
    /// <remarks>The value goes from JSON to the arena as UTF-8, with no string in between.</remarks>
    [SkipLocalsInit] // The unescape buffer is written before it is read.
    public static bool AddJsonValue(scoped FlatMapFields<TKeyIndex, TValueIndex> map, ref Utf8JsonReader reader, scoped ReadOnlySpan<char> key)
    {
        // Unescaping never lengthens UTF-8, so the raw length bounds the value.
        int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[]? rented = length <= DecodedUtf8.StackLength ? null : ArrayPool<byte>.Shared.Rent(length);
        Span<byte> buffer = rented ?? stackalloc byte[DecodedUtf8.StackLength];
        try
        {
            return Core.TryAddUtf8Value(map, key, buffer.Slice(0, reader.CopyString(buffer)));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>The key's and values' UTF-8 bytes are written as they are, unless a naming policy needs the key as a string.</remarks>
    public static void WriteJsonEntry(Utf8JsonWriter writer, FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, JsonSerializerOptions options)
    {
        if (options.DictionaryKeyPolicy is null)
        {
            writer.WritePropertyName(Shared.StoredKey(map, keyIndex));
        }
        else
        {
            FlatJson.WriteKey(writer, KeyString(map, keyIndex), options);
        }

        writer.WriteStartArray();
        foreach (ReadOnlySpan<byte> value in Shared.Values(map, keyIndex))
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <inheritdoc/>
    public static int StoredBytes(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex, bool withValues)
    {
        int bytes = map.KeyLengths[keyIndex];
        if (withValues)
        {
            foreach (ReadOnlySpan<byte> value in Shared.Values(map, keyIndex))
            {
                bytes += value.Length;
            }
        }

        return bytes;
    }

    /// <inheritdoc/>
    /// <remarks>The key's and values' UTF-8 bytes are copied as they are.</remarks>
    public static void PackEntry(ref FlatPackWriter writer, FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex)
    {
        FlatInlineValues values = Shared.Values(map, keyIndex);
        writer.Key<TComparer>(Shared.StoredKey(map, keyIndex), values.Count);
        foreach (ReadOnlySpan<byte> value in values)
        {
            writer.Value(value);
        }
    }

    /// <inheritdoc/>
    /// <remarks>The key's own core: it adds the key again from its bytes, through the matcher.</remarks>
    public static void MoveToEnd(FlatMapFields<TKeyIndex, TValueIndex> map, int keyIndex) =>
        Core.MoveToEnd(map, keyIndex);

    /// <summary>The core of this map, whose adds go through its known-key matcher.</summary>
    private abstract class Core : FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys>;

    /// <summary>
    /// The core of maps without known keys, which does everything that follows the matcher for every inline map of
    /// these index types and comparison: one compiled copy (<see cref="IFlatStorage{TKeyIndex, TValueIndex}"/> says why).
    /// </summary>
    private abstract class Shared : FlatInlineMapCore<TKeyIndex, TValueIndex, TComparer, FlatNoKnownKeys>;
}

using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// Enumerates a reference map's keys in first-insertion order, each with its values, without allocating: what a
/// map's <c>GetEnumerator</c> returns, for <c>foreach</c>. Generic only over the index types, so every map with the
/// same ones runs one compiled copy.
/// </summary>
/// <typeparam name="TKeyIndex">The map's key index type.</typeparam>
/// <typeparam name="TValueIndex">The map's value index type.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct FlatReferenceEnumerator<TKeyIndex, TValueIndex>
{
    private readonly ref readonly FlatMapShape _shape;
    private readonly ReadOnlySpan<string?> _keys;
    private readonly ReadOnlySpan<uint> _keyHashes;
    private readonly ReadOnlySpan<string?> _values;
    private readonly ReadOnlySpan<TValueIndex> _starts;
    private readonly ReadOnlySpan<TValueIndex> _counts;
    private FlatEntryCursor<TValueIndex> _cursor;

    /// <summary>Initializes a new instance of the <see cref="FlatReferenceEnumerator{TKeyIndex, TValueIndex}"/> struct over <paramref name="map"/>.</summary>
    /// <param name="map">The map's fields.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FlatReferenceEnumerator(FlatMapFields<TKeyIndex, TValueIndex> map)
        : this(in map.Shape, FlatInteger.ToInt32(map.Count), map.Keys, map.KeyHashes, map.Values, map.ValueStarts, map.ValueCounts, in map.Version)
    {
    }

    // The spans are taken where the map's fields are a parameter, which the JIT sees through to its shape's constants;
    // every per-key span is sliced to the count, so the cursor's index is in range of all of them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FlatReferenceEnumerator(
        ref readonly FlatMapShape shape,
        int count,
        ReadOnlySpan<string?> keys,
        ReadOnlySpan<uint> keyHashes,
        ReadOnlySpan<string?> values,
        ReadOnlySpan<TValueIndex> starts,
        ReadOnlySpan<TValueIndex> counts,
        ref readonly uint version)
    {
        _shape = ref shape;
        _keys = keys.Slice(0, count);
        _keyHashes = keyHashes.Slice(0, count);
        _values = values;
        _starts = starts.Slice(0, count);
        _counts = counts.Slice(0, count);
        _cursor = new FlatEntryCursor<TValueIndex>(_counts, in version);
    }

    /// <summary>Gets the entry at the current position.</summary>
    public readonly FlatReferenceEntry Current
    {
        get
        {
            int index = _cursor.Index;
            return new(KeyAt(_shape, _keys, _keyHashes, index), Run(_shape, _values, FlatInteger.ToInt32(_starts[index]), FlatInteger.ToInt32(_counts[index])));
        }
    }

    /// <summary>Advances to the next key.</summary>
    /// <returns><see langword="true"/> if there is a next key.</returns>
    /// <exception cref="InvalidOperationException">The map was modified after the enumerator was created.</exception>
    public bool MoveNext() => _cursor.MoveNext();

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This enumerator.</returns>
    public readonly FlatReferenceEnumerator<TKeyIndex, TValueIndex> GetEnumerator() => this;

    /// <summary>The key at <paramref name="keyIndex"/>: the stored string, or a known key's declared spelling.</summary>
    internal static string KeyAt(in FlatMapShape shape, ReadOnlySpan<string?> keys, ReadOnlySpan<uint> hashes, int keyIndex)
    {
        if (keys[keyIndex] is string key)
        {
            return key;
        }

        ReadOnlySpan<string> knownKeys = shape.KnownKeyNames;
        uint knownKey = hashes[keyIndex];
        if (knownKey >= (uint)knownKeys.Length)
        {
            FlatThrow.ConcurrentUse(shape.MapName); // A null key past the count, or a known key's entry overwritten.
        }

        return knownKeys[(int)knownKey];
    }

    /// <summary>The run of <paramref name="length"/> values from <paramref name="start"/>; a run outside the values (only concurrent use makes one) throws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ReadOnlySpan<string> Run(in FlatMapShape shape, ReadOnlySpan<string?> values, int start, int length)
    {
        if (start + length > values.Length)
        {
            FlatThrow.ConcurrentUse(shape.MapName);
        }

        // Checked just above (both are indices, never negative): Slice would check again.
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(values), start), length)!;
    }
}

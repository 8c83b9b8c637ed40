using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

// Packing: any map, in either storage and spilled or not, written as a FlatPackedMap. One pass measures; a second
// writes into bytes of exactly that length. Each storage hands over its entries as it holds them (FlatPackWriter).
public abstract partial class FlatMapCore<TKeyIndex, TValueIndex, TComparer, TKnownKeys, TStorage>
{
    /// <summary>Gets the number of bytes <see cref="Pack"/> allocates and <see cref="TryPack"/> writes.</summary>
    /// <exception cref="InvalidOperationException">The map holds text with a lone surrogate, which UTF-8 cannot hold.</exception>
    public static int PackedByteCount(FlatMapFields<TKeyIndex, TValueIndex> map) => Measure(map).ByteCount;

    /// <summary>Packs the map into <paramref name="destination"/>, allocating nothing, in one pass over the map, if it has room.</summary>
    /// <returns><see langword="true"/> if the map was written; <see langword="false"/> (and 0 bytes written) if <paramref name="destination"/> is shorter than <see cref="PackedByteCount"/>.</returns>
    /// <exception cref="InvalidOperationException">The map holds text with a lone surrogate, which UTF-8 cannot hold.</exception>
    [SkipLocalsInit] // The scratch is written before it is read.
    public static bool TryPack(FlatMapFields<TKeyIndex, TValueIndex> map, Span<byte> destination, out int bytesWritten)
    {
        int keyCount = Count(map), valueCount = ValueCount(map);
        if (keyCount < 0 || valueCount < keyCount)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName); // Counts no map holds: another thread is changing this one.
        }

        int length = FlatPackWriter.ScratchLength(keyCount);
        int[]? rented = length <= FlatPackWriter.StackScratch ? null : ArrayPool<int>.Shared.Rent(length);
        Span<int> scratch = rented is null ? stackalloc int[FlatPackWriter.StackScratch] : rented;
        try
        {
            FlatPackWriter writer = FlatPackWriter.Write(destination, TComparer.Comparison, keyCount, valueCount, scratch);
            HandOver(map, ref writer);
            return writer.TryFinish(map.Shape.MapName, out bytesWritten);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Packs the map into one new array of exactly its packed length: measured, then written.</summary>
    /// <exception cref="InvalidOperationException">The map holds text with a lone surrogate, which UTF-8 cannot hold.</exception>
    public static FlatPackedMap Pack(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        byte[] bytes = GC.AllocateUninitializedArray<byte>(Measure(map).ByteCount);
        if (!TryPack(map, bytes, out int written) || written != bytes.Length)
        {
            FlatThrow.ConcurrentUse(map.Shape.MapName); // Measured, then longer or shorter: another thread changed it.
        }

        return FlatPackedMap.Packed(bytes);
    }

    private static FlatPackWriter Measure(FlatMapFields<TKeyIndex, TValueIndex> map)
    {
        FlatPackWriter writer = FlatPackWriter.Measure();
        HandOver(map, ref writer);
        return writer;
    }

    /// <summary>Hands every key, in first-insertion order, with its values, to <paramref name="writer"/>.</summary>
    private static void HandOver(FlatMapFields<TKeyIndex, TValueIndex> map, ref FlatPackWriter writer)
    {
        FlatSpill? spill = Overflow(map);
        ReadOnlySpan<TValueIndex> counts = map.ValueCounts;
        int count = FlatInteger.ToInt32(map.Count);
        for (int i = 0; i < count; i++)
        {
            if (!FlatInteger.IsZero(counts[i]))
            {
                TStorage.PackEntry(ref writer, map, i);
            }
        }

        // A spilled map's overflow holds the keys after the fields'.
        for (int entry = spill?.NextKey(-1) ?? 0; spill is not null && entry < spill.EntryCount; entry = spill.NextKey(entry))
        {
            ReadOnlySpan<string> values = spill.ValuesAt(entry);
            writer.Key<TComparer>(spill.KeyAt(entry), values.Length);
            foreach (string value in values)
            {
                writer.Value(value);
            }
        }
    }
}

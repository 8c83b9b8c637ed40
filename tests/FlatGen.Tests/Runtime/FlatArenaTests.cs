using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>FlatArena: slots outside the managed heap, their bookkeeping, misuse, and a file-backed arena reopened.</summary>
public sealed class FlatArenaTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flatgen-arena-").FullName;

    [Fact]
    public void Slots_are_allocated_zeroed_freed_and_reused()
    {
        using var arena = FlatArena<InlineMap>.CreateNative(3);
        int first = arena.Allocate();
        int second = arena.Allocate();
        arena[first].Add("k", "v");
        arena.Free(first);
        int third = arena.Allocate();
        int reused = arena.Allocate();

        Assert.Equal([0, 1, 2, 0], new[] { first, second, third, reused });
        Assert.Equal(0, arena[reused].Count);
        Assert.Equal(3, arena.Count);
        Assert.Equal(3, arena.Capacity);
        Assert.Equal(3, arena.HighWaterMark);
        Assert.False(arena.TryAllocate(out int none));
        Assert.Equal(-1, none);
        Assert.Throws<InvalidOperationException>(() => arena.Allocate());
    }

    [Fact]
    public void A_capacity_near_int_MaxValue_is_sized_without_wrapping_around()
    {
        // (capacity + 63) once wrapped to a negative bitmap size and the first Allocate wrote outside the block.
        // Zeroed pages come from the OS on first touch, so 2 GiB of byte slots cost only what is used.
        using (var arena = FlatArena<byte>.CreateNative(int.MaxValue))
        {
            int first = arena.Allocate();
            arena[first] = 42;
            Assert.Equal(42, arena[first]);
            Assert.True(arena.IsAllocated(first));
            Assert.False(arena.IsAllocated(int.MaxValue - 1));
            Assert.Throws<InvalidOperationException>(() => arena[int.MaxValue - 1]);
        }

        // Slots that no process could address are refused, not allocated short.
        var absurd = Assert.Throws<ArgumentOutOfRangeException>(() => FlatArena<LargestInlineSlot>.CreateNative(int.MaxValue));
        Assert.Equal("capacity", absurd.ParamName);
    }

    [Fact]
    public void A_native_arena_larger_than_the_memory_available_is_refused_naming_the_limit()
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Assert.True(available > 0);
        int capacity = (int)Math.Min(int.MaxValue, (available / InlineKnownMap.SizeInBytes) + 1);

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => FlatArena<InlineKnownMap>.CreateNative(capacity));

        Assert.Equal("capacity", refused.ParamName);
        Assert.Contains(available.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes of memory available", refused.Message);
        Assert.Contains("TotalAvailableMemoryBytes", refused.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => FlatArena<InlineKnownMap>.CreateNative(int.MaxValue));
    }

    [Fact]
    public void A_file_another_map_of_the_same_size_wrote_is_refused()
    {
        Assert.Equal(ArenaSlotA.SizeInBytes, ArenaSlotB.SizeInBytes);
        string path = Path.Combine(_directory, "a.arena");
        using (var arena = FlatArena<ArenaSlotA>.OpenFile(path, 4))
        {
            int slot = arena.Allocate();
            arena[slot].Add("zone", "eu");
        }

        var refused = Assert.Throws<FlatFormatException>(() => FlatArena<ArenaSlotB>.OpenFile(path, 4));
        Assert.Contains("its slots are of another type", refused.Message);
        Assert.Contains(typeof(ArenaSlotB).FullName!, refused.Message);

        // The file is untouched by the refusal: its own map type still opens it, with its map.
        using (var reopened = FlatArena<ArenaSlotA>.OpenFile(path, 4))
        {
            Assert.True(ArenaSlotA.TryRead(reopened[0].AsBytes(), out ArenaSlotA map));
            Assert.Equal("eu", map.GetFirstOrDefault("zone"));
        }
    }

    [Fact]
    public void A_file_whose_header_is_of_another_format_is_refused()
    {
        string path = Path.Combine(_directory, "old.arena");
        using (var arena = FlatArena<ArenaSlotA>.OpenFile(path, 4))
        {
            arena.Allocate();
        }

        // A file written before the header had a format version holds zero where the version now is (bytes 24 to 27).
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(2, BitConverter.ToInt32(bytes, 24));
        BitConverter.GetBytes(0).CopyTo(bytes, 24);
        File.WriteAllBytes(path, bytes);

        var refused = Assert.Throws<FlatFormatException>(() => FlatArena<ArenaSlotA>.OpenFile(path, 4));
        Assert.Contains("format 0", refused.Message);
    }

    [Fact]
    public void Native_memory_an_arena_holds_is_freed_when_the_arena_is_collected_undisposed()
    {
        WeakReference handle = CreateAndForget();
        for (int i = 0; i < 10 && handle.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // The memory's owner is a SafeHandle: collected and finalised, it frees the block.
        Assert.False(handle.IsAlive);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        static WeakReference CreateAndForget()
        {
            var arena = FlatArena<InlineMap>.CreateNative(4);
            arena.Allocate();
            var native = (System.Runtime.InteropServices.SafeHandle)typeof(FlatArena<InlineMap>)
                .GetField("_native", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .GetValue(arena)!;
            Assert.False(native.IsInvalid);
            return new WeakReference(native);
        }
    }

    [Fact]
    public void A_mapped_arena_file_cannot_be_opened_by_another_handle_to_truncate_it()
    {
        string path = Path.Combine(_directory, "locked.arena");
        using var arena = FlatArena<InlineMap>.OpenFile(path, 4);
        arena[arena.Allocate()].Add("k", "v");

        Assert.Throws<IOException>(() => new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite).SetLength(0));
        Assert.Throws<IOException>(() => File.WriteAllBytes(path, []));

        // The mapping is intact: the slot still reads back.
        Assert.Equal(["v"], arena[0].GetValues("k").ToArray());
    }

    [Fact]
    public void The_threshold_callback_is_raised_once_when_usage_reaches_it_and_again_after_it_falls_below()
    {
        using var arena = FlatArena<InlineMap>.CreateNative(10);
        var raisedAt = new List<int>();
        arena.UsageThreshold = 0.5;
        arena.ThresholdReached = a => raisedAt.Add(a.Count);
        for (int i = 0; i < 7; i++)
        {
            arena.Allocate();
        }

        arena.Free(0);
        arena.Free(1);
        arena.Free(2);
        arena.Allocate();
        arena.Allocate();

        Assert.Equal([5, 5], raisedAt);
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.UsageThreshold = 1.5);
    }

    [Fact]
    public void Misuse_throws_and_corrupts_nothing()
    {
        var arena = FlatArena<InlineMap>.CreateNative(4);
        int slot = arena.Allocate();
        arena[slot].Add("k", "v");
        arena.Free(slot);

        Assert.Throws<InvalidOperationException>(() => arena.Free(slot));
        Assert.Throws<InvalidOperationException>(() => arena[slot].Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => arena[4].Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.Free(-1));
        Assert.Equal(0, arena.Count);
        Assert.False(arena.IsAllocated(slot));
        Assert.Equal(0, arena[arena.Allocate()].Count);

        arena.Dispose();
        arena.Dispose();
        Assert.Throws<ObjectDisposedException>(() => arena.Allocate());
        Assert.Throws<ObjectDisposedException>(() => arena[0].Count);
        Assert.Throws<ObjectDisposedException>(() => arena.Count);
        Assert.Throws<ObjectDisposedException>(() => arena.Flush());
    }

    [Fact]
    public void A_file_backed_arena_reopened_gives_back_the_same_maps()
    {
        string path = Path.Combine(_directory, "maps.arena");
        var written = new List<(int Slot, List<string[]> Entries)>();
        using (var arena = FlatArena<InlineKnownMap>.OpenFile(path, 8))
        {
            for (int i = 0; i < 5; i++)
            {
                int slot = arena.Allocate();
                ref InlineKnownMap map = ref arena[slot];
                map.AddHost("host-" + i);
                map.Add("x-index", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                map.Add("größe", "ü");
                written.Add((slot, map.Entries()));
            }

            arena.Free(written[1].Slot);
            written.RemoveAt(1);
            arena.Flush();
        }

        using (var reopened = FlatArena<InlineKnownMap>.OpenFile(path, 8))
        {
            Assert.Equal(4, reopened.Count);
            Assert.Equal(5, reopened.HighWaterMark);
            Assert.False(reopened.IsAllocated(1));
            foreach ((int slot, List<string[]> entries) in written)
            {
                Assert.True(InlineKnownMap.TryRead(reopened[slot].AsBytes(), out InlineKnownMap map));
                Assert.Equal(entries, map.Entries());
            }
        }
    }

    [Fact]
    public void A_file_of_another_arena_is_refused()
    {
        string path = Path.Combine(_directory, "other.arena");
        using (var arena = FlatArena<InlineKnownMap>.OpenFile(path, 4))
        {
            arena.Allocate();
        }

        Assert.Throws<FlatFormatException>(() => FlatArena<InlineKnownMap>.OpenFile(path, 5));
        Assert.Throws<FlatFormatException>(() => FlatArena<InlineMap>.OpenFile(path, 4));

        byte[] bytes = File.ReadAllBytes(path);
        bytes[0] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        Assert.Throws<FlatFormatException>(() => FlatArena<InlineKnownMap>.OpenFile(path, 4));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A slot so large that int.MaxValue of them exceed any address space.</summary>
    [System.Runtime.CompilerServices.InlineArray(1 << 20)]
    private struct LargestInlineSlot
    {
        private byte _element0;
    }
}

using System;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FlatGen.Infrastructure;

namespace FlatGen;

/// <summary>
/// A fixed number of <typeparamref name="T"/> slots outside the managed heap: in native memory, or in a
/// memory-mapped file that keeps them across runs. Made for inline flat multi-maps (<see cref="FlatStorage.InlineUtf8"/>),
/// which hold no reference: the garbage collector never sees them, and the file's bytes are the maps themselves.
/// </summary>
/// <typeparam name="T">The slot type; it holds no reference.</typeparam>
/// <remarks>
/// <para>
/// <see cref="Allocate"/> hands out a zeroed slot's index, <see cref="this[int]"/> gives the slot by reference, and
/// <see cref="Free"/> zeroes it and gives it back. Misuse through the arena (an index out of range, a slot that is not
/// allocated, a double free, a call after <see cref="Dispose"/>) throws and changes nothing. A reference the indexer
/// returned is a plain pointer into the arena's memory: it stays valid only while the arena is alive and not disposed.
/// Using it after <see cref="Dispose"/>, or after the last use of an arena nobody disposed (its memory is then freed
/// when the arena is collected), reads or writes freed memory; keep the arena in a field, or call
/// <see cref="GC.KeepAlive(object)"/> after the last use of such a reference. When the share of slots in use
/// reaches <see cref="UsageThreshold"/>, <see cref="ThresholdReached"/> is raised once, an early warning before the
/// arena is full; it is raised again only after usage has fallen below the threshold.
/// </para>
/// <para>
/// A file-backed arena stores a header (a magic number, a format version, the slot size, the capacity and an id of the
/// slot type's full name) and the allocation bits before the slots; reopening the file gives back the same slots, and
/// a file of another slot type (another map, even of the same size) is refused. Read each map back with its <c>TryRead</c> to
/// validate it. The arena holds the file open with <see cref="FileShare.None"/>, so no other handle of a .NET process
/// can open it (a truncated mapping would crash the process on its next read); on Unix this is an advisory lock,
/// which programs that do not take it do not see. Like a dictionary, an arena is not thread-safe.
/// </para>
/// </remarks>
public sealed unsafe class FlatArena<T> : IDisposable
    where T : unmanaged
{
    private const ulong Magic = 0x314E_5241_5447_4C46; // "FLGTARN1", little-endian

    /// <summary>The version of the file's header: 2 added it and the slot type's id (a file with 0 here predates both).</summary>
    private const int FormatVersion = 2;
    private const int HeaderBytes = 64;
    private const int Alignment = 64;

    private readonly NativeBlock? _native;
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly int _bitmapWords;
    private byte* _memory;
    private bool _thresholdRaised;
    private double _usageThreshold = 0.9;

    private FlatArena(int capacity, byte* memory, NativeBlock? native, MemoryMappedFile? file, MemoryMappedViewAccessor? view)
    {
        Capacity = capacity;
        _bitmapWords = BitmapWords(capacity);
        _memory = memory;
        _native = native;
        _file = file;
        _view = view;
    }

    /// <summary>Gets the number of slots.</summary>
    public int Capacity { get; }

    /// <summary>Gets the number of allocated slots.</summary>
    /// <exception cref="ObjectDisposedException">The arena is disposed.</exception>
    public int Count => Header->Count;

    /// <summary>Gets one more than the highest slot index ever allocated: the part of the arena ever touched.</summary>
    /// <exception cref="ObjectDisposedException">The arena is disposed.</exception>
    public int HighWaterMark => Header->HighWaterMark;

    /// <summary>Gets or sets the share of slots in use, from 0 to 1, at which <see cref="ThresholdReached"/> is raised. The default is 0.9.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 0 and 1.</exception>
    public double UsageThreshold
    {
        get => _usageThreshold;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1.0);
            _usageThreshold = value;
        }
    }

    /// <summary>Gets or sets the callback raised, once, when an allocation brings usage to <see cref="UsageThreshold"/>.</summary>
    public Action<FlatArena<T>>? ThresholdReached { get; set; }

    private Layout* Header => (Layout*)(_memory != null ? _memory : throw new ObjectDisposedException(GetType().Name));

    private ulong* Bitmap => (ulong*)(Header + 1);

    private T* Slots => (T*)(_memory + SlotsOffset(_bitmapWords));

    /// <summary>Gets the slot at <paramref name="index"/>, which must be allocated, by reference.</summary>
    /// <param name="index">A slot index returned by <see cref="Allocate"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a slot index.</exception>
    /// <exception cref="InvalidOperationException">The slot is not allocated.</exception>
    /// <exception cref="ObjectDisposedException">The arena is disposed.</exception>
    public ref T this[int index]
    {
        get
        {
            ThrowIfNotAllocated(index);
            return ref Slots[index];
        }
    }

    /// <summary>Creates an arena of <paramref name="capacity"/> zeroed slots in native memory.</summary>
    /// <param name="capacity">The number of slots; at least 1.</param>
    /// <returns>The arena; dispose it to free the memory (if nobody does, it is freed when the arena is collected).</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="capacity"/> is less than 1, or the arena would be larger than the memory available to this process
    /// (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>, the machine's or the container's limit).
    /// </exception>
    /// <exception cref="OutOfMemoryException">The memory cannot be allocated.</exception>
    public static FlatArena<T> CreateNative(int capacity)
    {
        long size = Size(capacity);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if ((ulong)size > nuint.MaxValue - Alignment || (available > 0 && size > available))
        {
            throw new ArgumentOutOfRangeException(
                nameof(capacity),
                capacity,
                $"An arena of {capacity} slots of {Unsafe.SizeOf<T>()} bytes takes {size} bytes, more than the {available} bytes of memory available to this process (GCMemoryInfo.TotalAvailableMemoryBytes).");
        }

        // Zeroed pages come from the operating system as they are first touched; the block is aligned by hand.
        var native = new NativeBlock((nuint)size + Alignment);
        byte* memory = (byte*)(((nuint)native.DangerousGetHandle() + (Alignment - 1)) & ~(nuint)(Alignment - 1));
        var arena = new FlatArena<T>(capacity, memory, native, null, null);
        arena.WriteHeader();
        return arena;
    }

    /// <summary>
    /// Opens the arena in the file at <paramref name="path"/>, creating it with <paramref name="capacity"/> zeroed
    /// slots if it does not exist. An existing file must be an arena of this slot size and capacity.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="capacity">The number of slots; at least 1.</param>
    /// <returns>The arena; <see cref="Flush"/> writes it through, and dispose it to close the file.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    /// <exception cref="FlatFormatException">
    /// The file exists and is not an arena of <typeparamref name="T"/> with this capacity: another slot type or size
    /// (a file another map's arena wrote), another capacity, a header of another format, or damaged allocation bits.
    /// </exception>
    /// <exception cref="IOException">The file cannot be opened or created.</exception>
    public static FlatArena<T> OpenFile(string path, int capacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        long size = Size(capacity);
        bool exists = File.Exists(path);
        if (exists && new FileInfo(path).Length != size)
        {
            throw new FlatFormatException($"The file '{path}' is not an arena of {capacity} slots of {Unsafe.SizeOf<T>()} bytes: its length is not {size} bytes.");
        }

        // No other handle may open the file while it is mapped: one that truncated it would crash this process.
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        MemoryMappedFile file = MemoryMappedFile.CreateFromFile(stream, null, size, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        MemoryMappedViewAccessor view = file.CreateViewAccessor(0, size, MemoryMappedFileAccess.ReadWrite);
        byte* memory = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref memory);
        var arena = new FlatArena<T>(capacity, memory + view.PointerOffset, null, file, view);
        if (!exists)
        {
            arena.WriteHeader();
        }
        else if (arena.ReadHeaderProblem() is string problem)
        {
            arena.Dispose();
            throw new FlatFormatException($"The file '{path}' is not an arena of {capacity} slots of {Unsafe.SizeOf<T>()} bytes: {problem}.");
        }

        return arena;
    }

    /// <summary>Allocates a zeroed slot and returns its index.</summary>
    /// <returns>The slot's index, from 0 to <see cref="Capacity"/> - 1.</returns>
    /// <exception cref="InvalidOperationException">Every slot is allocated.</exception>
    /// <exception cref="ObjectDisposedException">The arena is disposed.</exception>
    public int Allocate() =>
        TryAllocate(out int index) ? index : throw new InvalidOperationException($"The arena is full: all {Capacity} slots are allocated. Free slots, or create a larger arena.");

    /// <summary>Allocates a zeroed slot if one is free.</summary>
    /// <param name="index">The slot's index, or -1 when every slot is allocated.</param>
    /// <returns>Whether a slot was allocated.</returns>
    /// <exception cref="ObjectDisposedException">The arena is disposed.</exception>
    public bool TryAllocate(out int index)
    {
        Layout* header = Header;
        index = header->HighWaterMark < Capacity ? header->HighWaterMark : FirstFree();
        if (index < 0)
        {
            return false;
        }

        Slots[index] = default;
        Bitmap[index >> 6] |= 1UL << (index & 63);
        header->Count++;
        header->HighWaterMark = Math.Max(header->HighWaterMark, index + 1);
        if (!_thresholdRaised && header->Count >= UsageThreshold * Capacity)
        {
            _thresholdRaised = true;
            ThresholdReached?.Invoke(this);
        }

        return true;
    }

    /// <summary>Zeroes the slot at <paramref name="index"/> and makes it free.</summary>
    /// <param name="index">An allocated slot's index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a slot index.</exception>
    /// <exception cref="InvalidOperationException">The slot is not allocated (for example, it was freed already).</exception>
    /// <exception cref="ObjectDisposedException">The arena is disposed.</exception>
    public void Free(int index)
    {
        ThrowIfNotAllocated(index);
        Slots[index] = default;
        Bitmap[index >> 6] &= ~(1UL << (index & 63));
        Header->Count--;
        if (Header->Count < UsageThreshold * Capacity)
        {
            _thresholdRaised = false;
        }
    }

    /// <summary>Returns whether the slot at <paramref name="index"/> is allocated.</summary>
    /// <param name="index">A slot index.</param>
    /// <returns><see langword="true"/> if it is allocated; <see langword="false"/> if it is free or not a slot index.</returns>
    /// <exception cref="ObjectDisposedException">The arena is disposed.</exception>
    public bool IsAllocated(int index) => (uint)index < (uint)Capacity && (Bitmap[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Writes a file-backed arena's changes through to the file; does nothing for native memory.</summary>
    /// <exception cref="ObjectDisposedException">The arena is disposed.</exception>
    public void Flush()
    {
        _ = Header;
        _view?.Flush();
    }

    /// <summary>Frees the native memory, or flushes and closes the file. The arena cannot be used afterwards.</summary>
    public void Dispose()
    {
        if (_memory == null)
        {
            return;
        }

        _native?.Dispose();
        if (_view is not null)
        {
            _view.Flush();
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file!.Dispose();
        }

        _memory = null;
    }

    // Sizes are computed in 64 bits: a capacity near int.MaxValue must not wrap around.
    private static int BitmapWords(int capacity) => (int)(((long)capacity + 63) / 64);

    private static long SlotsOffset(int bitmapWords) => (HeaderBytes + ((long)bitmapWords * sizeof(ulong)) + Alignment - 1) / Alignment * Alignment;

    private static long Size(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return SlotsOffset(BitmapWords(capacity)) + ((long)capacity * Unsafe.SizeOf<T>());
    }

    private void WriteHeader()
    {
        Layout* header = Header;
        header->Magic = Magic;
        header->FormatVersion = FormatVersion;
        header->SlotSize = Unsafe.SizeOf<T>();
        header->Capacity = Capacity;
        header->SlotTypeId = SlotTypeId;
    }

    /// <summary>What makes a reopened file's header or allocation bits unlike an arena of this type and capacity, or null.</summary>
    private string? ReadHeaderProblem()
    {
        Layout* header = Header;
        if (header->Magic != Magic)
        {
            return "it does not start as an arena does";
        }

        if (header->FormatVersion != FormatVersion)
        {
            return $"its header is of format {header->FormatVersion}, and this FlatGen reads format {FormatVersion}";
        }

        if (header->SlotTypeId != SlotTypeId || header->SlotSize != Unsafe.SizeOf<T>())
        {
            return $"its slots are of another type (id 0x{header->SlotTypeId:X16}, {header->SlotSize} bytes; '{typeof(T).FullName}' is 0x{SlotTypeId:X16}, {Unsafe.SizeOf<T>()} bytes)";
        }

        if (header->Capacity != Capacity)
        {
            return $"it holds {header->Capacity} slots";
        }

        int count = 0;
        int highest = 0;
        for (int word = 0; word < _bitmapWords; word++)
        {
            ulong bits = Bitmap[word];
            count += BitOperations.PopCount(bits);
            if (bits != 0)
            {
                highest = (word * 64) + 64 - BitOperations.LeadingZeroCount(bits);
            }
        }

        return count != header->Count || highest > header->HighWaterMark || header->HighWaterMark > Capacity
            ? "its allocation bits do not match its counts"
            : null;
    }

    private int FirstFree()
    {
        for (int word = 0; word < _bitmapWords; word++)
        {
            ulong free = ~Bitmap[word];
            if (free != 0)
            {
                int index = (word * 64) + BitOperations.TrailingZeroCount(free);
                return index < Capacity ? index : -1;
            }
        }

        return -1;
    }

    private void ThrowIfNotAllocated(int index)
    {
        _ = Header;
        if ((uint)index >= (uint)Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The arena's slots are 0 to {Capacity - 1}.");
        }

        if ((Bitmap[index >> 6] & (1UL << (index & 63))) == 0)
        {
            throw new InvalidOperationException($"Slot {index} is not allocated: allocate it first, and do not use or free it after freeing it.");
        }
    }

    /// <summary>Native memory, zeroed, that is freed when disposed or, if nobody disposes it, when collected.</summary>
    private sealed class NativeBlock : SafeHandle
    {
        public NativeBlock(nuint size)
            : base(IntPtr.Zero, ownsHandle: true) =>
            SetHandle((IntPtr)NativeMemory.AllocZeroed(size));

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            NativeMemory.Free((void*)handle);
            return true;
        }
    }

    /// <summary>
    /// The slot type's id in a file's header: the persisted key hash of its full name (namespace, containing types and
    /// name), under two seeds, so that a file one map's arena wrote is not read as another map's.
    /// </summary>
    private static readonly ulong SlotTypeId = TypeId(typeof(T).FullName ?? typeof(T).Name);

    private static ulong TypeId(string name) =>
        ((ulong)FlatHash.Ordinal(name, FlatHash.PersistedSeed) << 32) | FlatHash.Ordinal(name, FlatHash.InlineSeed(1));

    [StructLayout(LayoutKind.Sequential, Size = HeaderBytes)]
    private struct Layout
    {
        public ulong Magic;
        public int SlotSize;
        public int Capacity;
        public int Count;
        public int HighWaterMark;
        public int FormatVersion;
        public ulong SlotTypeId;
    }
}

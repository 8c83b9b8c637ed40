using System.Buffers;
using System.Runtime.InteropServices;

namespace FlatGen.Tests.Runtime.Packed;

/// <summary>Memory outside the managed heap, as a memory-mapped region's manager gives it: the bytes a packed map reads in place.</summary>
internal sealed unsafe class NativeMemoryManager : MemoryManager<byte>
{
    private readonly byte* _pointer;
    private readonly int _length;

    public NativeMemoryManager(ReadOnlySpan<byte> bytes)
    {
        _length = bytes.Length;
        _pointer = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
        bytes.CopyTo(new Span<byte>(_pointer, _length));
    }

    /// <summary>Gets where the bytes are.</summary>
    public nint Address => (nint)_pointer;

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing) => NativeMemory.Free(_pointer);
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlatGen.Tests.Infrastructure;

/// <summary>Reads a generated map's private fields by the offsets its <see cref="FlatLayout"/> reports, for tests of its internal state.</summary>
internal static class MapFields
{
    /// <summary>The field <paramref name="name"/> of <paramref name="map"/>, as elements of <typeparamref name="T"/>.</summary>
    public static ReadOnlySpan<T> Read<TMap, T>(ref TMap map, FlatLayout layout, string name)
        where TMap : struct
        where T : unmanaged
    {
        FlatField field = layout.Fields.Single(f => f.Name == name);
        Span<byte> bytes = MemoryMarshal.CreateSpan(ref Unsafe.As<TMap, byte>(ref map), Unsafe.SizeOf<TMap>());
        return MemoryMarshal.Cast<byte, T>(bytes.Slice(field.Offset, field.Size));
    }

    /// <summary>The bytes of field <paramref name="name"/> of <paramref name="map"/>, writable: a test's way to put a map in a state no operation makes.</summary>
    public static Span<byte> Bytes<TMap>(ref TMap map, FlatLayout layout, string name)
        where TMap : struct
    {
        FlatField field = layout.Fields.Single(f => f.Name == name);
        Assert.False(field.TypeName.StartsWith("string", StringComparison.Ordinal), "A reference field's bytes are not for writing.");
        return MemoryMarshal.CreateSpan(ref Unsafe.As<TMap, byte>(ref map), Unsafe.SizeOf<TMap>()).Slice(field.Offset, field.Size);
    }
}

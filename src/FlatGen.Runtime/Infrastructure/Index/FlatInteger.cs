using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// What the cores do with a map's index types (<see cref="byte"/> or <see cref="ushort"/>), with no constraint on the
/// type: crossgen2 places an instantiation over a primitive in FlatGen's ReadyToRun image only if the type parameter
/// has no constraint at all, so the cores name their index types bare and reach the integer through these. Each folds
/// to one move or compare where the JIT knows the type (<c>int.CreateTruncating&lt;ushort&gt;</c> and the generic-math
/// operators went through helpers whose size the inliner charged to the caller).
/// </summary>
internal static class FlatInteger
{
    /// <summary>Zero-extends an index to an <see cref="int"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToInt32<T>(T value)
    {
        if (typeof(T) == typeof(byte))
        {
            return Unsafe.As<T, byte>(ref value);
        }

        if (typeof(T) == typeof(ushort))
        {
            return Unsafe.As<T, ushort>(ref value);
        }

        return NotAnIndex<T, int>();
    }

    /// <summary>Truncates <paramref name="value"/> to the index type <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FromInt32<T>(int value)
    {
        if (typeof(T) == typeof(byte))
        {
            byte narrow = (byte)value;
            return Unsafe.As<byte, T>(ref narrow);
        }

        if (typeof(T) == typeof(ushort))
        {
            ushort narrow = (ushort)value;
            return Unsafe.As<ushort, T>(ref narrow);
        }

        return NotAnIndex<T, T>();
    }

    /// <summary>Whether an index is zero (an empty slot, a key with no values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero<T>(T value) => ToInt32(value) == 0;

    /// <summary>Adds <paramref name="delta"/> to an index, wrapping as the index type does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<T>(ref T value, int delta) => value = FromInt32<T>(ToInt32(value) + delta);

    /// <summary>Reinterprets a span of an index type as a span of <typeparamref name="TTo"/>, the same type under its own name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<TTo> As<T, TTo>(Span<T> span) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<T, TTo>(ref MemoryMarshal.GetReference(span)), span.Length);

    /// <summary>Views stack bytes as indices: as many as fit (stackalloc needs a type it knows to be unmanaged; the indices are at most a <see cref="ushort"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<T> FromBytes<T>(Span<byte> bytes) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetReference(bytes)), bytes.Length / Unsafe.SizeOf<T>());

    /// <summary>The index of the first nonzero index in <paramref name="span"/>, or -1.</summary>
    public static int IndexOfNonZero<T>(ReadOnlySpan<T> span) =>
        typeof(T) == typeof(byte) ? AsReadOnly<T, byte>(span).IndexOfAnyExcept((byte)0)
        : typeof(T) == typeof(ushort) ? AsReadOnly<T, ushort>(span).IndexOfAnyExcept((ushort)0)
        : NotAnIndex<T, int>();

    /// <summary>How many indices in <paramref name="span"/> are zero.</summary>
    public static int CountZeros<T>(ReadOnlySpan<T> span) =>
        typeof(T) == typeof(byte) ? AsReadOnly<T, byte>(span).Count((byte)0)
        : typeof(T) == typeof(ushort) ? AsReadOnly<T, ushort>(span).Count((ushort)0)
        : NotAnIndex<T, int>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<TTo> AsReadOnly<T, TTo>(ReadOnlySpan<T> span) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, TTo>(ref MemoryMarshal.GetReference(span)), span.Length);

    // Unreachable: the generator names only byte and ushort.
    private static TResult NotAnIndex<T, TResult>() => throw new NotSupportedException($"{typeof(T)} is not a map index type.");
}

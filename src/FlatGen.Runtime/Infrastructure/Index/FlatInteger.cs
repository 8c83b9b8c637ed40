using System.Numerics;
using System.Runtime.CompilerServices;

namespace FlatGen.Infrastructure;

/// <summary>
/// Conversions between <see cref="int"/> and a map's index types (<see cref="byte"/> or <see cref="ushort"/>) that the
/// JIT folds to one move. <c>int.CreateTruncating&lt;ushort&gt;</c> and <c>byte.CreateTruncating&lt;int&gt;</c> go
/// through generic-math helpers whose size the inliner charges to the caller: in a lookup that exhausts the budget
/// and leaves calls in the hot path.
/// </summary>
internal static class FlatInteger
{
    /// <summary>Zero-extends an index (truncates any other integer) to an <see cref="int"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToInt32<T>(T value)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (typeof(T) == typeof(byte))
        {
            return Unsafe.As<T, byte>(ref value);
        }

        if (typeof(T) == typeof(ushort))
        {
            return Unsafe.As<T, ushort>(ref value);
        }

        return int.CreateTruncating(value);
    }

    /// <summary>Truncates <paramref name="value"/> to the index type <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FromInt32<T>(int value)
        where T : unmanaged, IBinaryInteger<T>
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

        return T.CreateTruncating(value);
    }
}

using System.Numerics;
using FlatGen.Infrastructure;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// What the cores do with an index type they name without a constraint (so crossgen2 can precompile them): the same
/// values as generic math gives, for every index a map can hold.
/// </summary>
public sealed class IndexConversionTests
{
    [Fact]
    public void Byte_indices_convert_as_create_truncating_does() => AssertConversions<byte>(byte.MaxValue);

    [Fact]
    public void UInt16_indices_convert_as_create_truncating_does() => AssertConversions<ushort>(ushort.MaxValue);

    [Fact]
    public void Types_that_are_no_index_type_throw()
    {
        Assert.Throws<NotSupportedException>(() => FlatInteger.ToInt32(0x1_2345_6789UL));
        Assert.Throws<NotSupportedException>(() => FlatInteger.FromInt32<uint>(-5));
        Assert.Throws<NotSupportedException>(() => FlatInteger.CountZeros<int>(new int[2]));
    }

    [Fact]
    public void Byte_spans_are_searched_and_counted_as_generic_math_does() => AssertSpans<byte>(byte.MaxValue);

    [Fact]
    public void UInt16_spans_are_searched_and_counted_as_generic_math_does() => AssertSpans<ushort>(ushort.MaxValue);

    [Fact]
    public void Stack_bytes_hold_as_many_indices_as_fit()
    {
        Span<byte> bytes = stackalloc byte[10];
        Assert.Equal(10, FlatInteger.FromBytes<byte>(bytes).Length);
        Span<ushort> indices = FlatInteger.FromBytes<ushort>(bytes);
        Assert.Equal(5, indices.Length);
        indices[4] = 0x0102;
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x01 }, bytes.ToArray());
    }

    private static void AssertConversions<T>(int max)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int value = -2; value <= max + 2; value++)
        {
            T index = FlatInteger.FromInt32<T>(value);
            Assert.Equal(T.CreateTruncating(value), index);
            Assert.Equal(int.CreateTruncating(index), FlatInteger.ToInt32(index));
            Assert.Equal(index == T.Zero, FlatInteger.IsZero(index));
            foreach (int delta in (ReadOnlySpan<int>)[-3, -1, 1, 2])
            {
                T sum = index;
                FlatInteger.Add(ref sum, delta);
                Assert.Equal(index + T.CreateTruncating(delta), sum);
            }
        }
    }

    private static void AssertSpans<T>(int max)
        where T : unmanaged, IBinaryInteger<T>
    {
        T[][] cases =
        [
            [],
            [T.Zero, T.Zero, T.Zero],
            [T.Zero, T.One, T.Zero, T.CreateTruncating(max)],
            [T.CreateTruncating(max), T.Zero],
            Enumerable.Range(0, 70).Select(i => i % 7 == 3 ? T.One : T.Zero).ToArray(),
        ];
        foreach (T[] values in cases)
        {
            Assert.Equal(values.AsSpan().IndexOfAnyExcept(T.Zero), FlatInteger.IndexOfNonZero<T>(values));
            Assert.Equal(values.AsSpan().Count(T.Zero), FlatInteger.CountZeros<T>(values));
        }
    }
}

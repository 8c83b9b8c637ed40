using System.Numerics;
using FlatGen.Infrastructure;

namespace FlatGen.Tests.Runtime;

/// <summary>The index conversions the hot paths use instead of generic math: the same values as <c>CreateTruncating</c>, for every index a map can hold.</summary>
public sealed class IndexConversionTests
{
    [Fact]
    public void Byte_indices_convert_as_create_truncating_does() => AssertConversions<byte>(byte.MaxValue);

    [Fact]
    public void UInt16_indices_convert_as_create_truncating_does() => AssertConversions<ushort>(ushort.MaxValue);

    [Fact]
    public void Other_integers_fall_back_to_create_truncating()
    {
        Assert.Equal(int.CreateTruncating(0x1_2345_6789UL), FlatInteger.ToInt32(0x1_2345_6789UL));
        Assert.Equal(uint.CreateTruncating(-5), FlatInteger.FromInt32<uint>(-5));
    }

    private static void AssertConversions<T>(int max)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int value = -2; value <= max + 2; value++)
        {
            T index = FlatInteger.FromInt32<T>(value);
            Assert.Equal(T.CreateTruncating(value), index);
            Assert.Equal(int.CreateTruncating(index), FlatInteger.ToInt32(index));
        }
    }
}

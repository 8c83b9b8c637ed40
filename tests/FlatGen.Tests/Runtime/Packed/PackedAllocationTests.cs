using System.Globalization;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime.Packed;

/// <summary>
/// Packing and reading a packed map: <c>TryPack</c> allocates nothing, <c>Pack</c> one array of exactly the packed
/// length, and every read of a packed map (lookups in each key form, present and absent, enumeration, values) nothing.
/// </summary>
public sealed class PackedAllocationTests
{
    [Fact]
    public void TryPack_and_reads_allocate_nothing()
    {
        var reference = default(IgnoreCaseMap32);
        var inline = default(InlineWideMap);
        for (int i = 0; i < 24; i++)
        {
            string key = "X-Header-" + i.ToString(CultureInfo.InvariantCulture);
            reference.Add(key, "value " + i.ToString(CultureInfo.InvariantCulture));
            inline.Add(key, "value");
        }

        byte[] destination = new byte[4096];
        FlatPackedMap packed = reference.Pack();
        int checksum = 0;
        long allocated = 0;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            checksum = (reference.TryPack(destination, out int written) ? written : 0) + (inline.TryPack(destination, out written) ? 1 : 0);
            checksum += (packed.ContainsKey("x-header-7") ? 1 : 0) + (packed.ContainsKey("X-Header-7"u8) ? 1 : 0)
                + (packed.ContainsKey("absent".AsSpan()) ? 100 : 0) + packed.GetValues("X-HEADER-23")[0].Length;
            foreach (FlatPackedEntry entry in packed)
            {
                foreach (ReadOnlySpan<byte> value in entry.Values)
                {
                    checksum += value.Length;
                }
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
        Assert.Equal(packed.ByteCount + 1 + 2 + 8 + (10 * 7) + (14 * 8), checksum);
    }

    [Fact]
    public void Pack_allocates_one_array_of_the_packed_length()
    {
        var map = default(SmallMap);
        map.Add("Host", "example.org");
        map.Add("Accept", "text/html");
        _ = map.Pack();

        long before = GC.GetAllocatedBytesForCurrentThread();
        FlatPackedMap packed = map.Pack();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // An array on 64-bit: an 8-byte header, its type, its length (padded to 8), then the bytes, rounded up to 8.
        Assert.Equal(24 + ((packed.ByteCount + 7) & ~7), allocated);
        Assert.Equal(map.PackedByteCount, packed.ByteCount);
    }
}

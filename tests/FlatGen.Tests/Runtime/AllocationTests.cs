using System.Globalization;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>Adds, lookups, removes, enumeration and Clear allocate nothing on the heap.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void An_ordinal_map_allocates_nothing() => AssertAllocatesNothing<OrdinalMap32>();

    [Fact]
    public void An_ignore_case_map_allocates_nothing() => AssertAllocatesNothing<IgnoreCaseMap32>();

    [Fact]
    public void Equality_hashing_first_values_set_and_removing_a_value_allocate_nothing()
    {
        var left = new KnownHeadersMap();
        var right = new KnownHeadersMap();
        var inlineLeft = new InlineKnownMap();
        var inlineRight = new InlineKnownMap();
        foreach (string key in new[] { "Host", "x-a", "X-B", "Accept" })
        {
            left.Add(key, "1");
            left.Add(key, "2");
            inlineLeft.Add(key, "1");
        }

        foreach (string key in new[] { "accept", "X-b", "x-A", "HOST" })
        {
            right.Add(key, "1");
            right.Add(key, "2");
            inlineRight.Add(key, "1");
        }

        int checksum = 0;
        long allocated = 0;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            checksum = (left == right ? 1 : 0) + (inlineLeft == inlineRight ? 2 : 0)
                + (left.GetHashCode() == right.GetHashCode() ? 4 : 0) + (inlineLeft.GetHashCode() == inlineRight.GetHashCode() ? 8 : 0)
                + (left.GetFirstOrDefault("x-a") == "1" ? 16 : 0) + (left.HostFirst == "1" ? 32 : 0);
            left.Set("x-a", "3");
            left.Set("x-a", "1");
            left.Add("x-a", "2");
            left.Remove("x-a", "1");
            left.Remove("x-a", "2");
            left.Add("x-a", "1");
            left.Add("x-a", "2");
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
        Assert.Equal(63, checksum);
    }

    private static void AssertAllocatesNothing<TMap>()
        where TMap : struct, ITestMap
    {
        string[] keys = Enumerable.Range(0, 32).Select(i => "X-Header-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        string[] values = Enumerable.Range(0, 48).Select(i => "value " + i.ToString(CultureInfo.InvariantCulture)).ToArray();

        // Separate string instances, upper-cased for the ignore-case map, so no lookup wins by reference.
        bool ignoreCase = typeof(TMap) == typeof(IgnoreCaseMap32);
        string[] probes = keys.Select(k => ignoreCase ? k.ToUpperInvariant() : new string(k.AsSpan())).ToArray();

        var map = new TMap();
        for (int i = 0; i < 10; i++)
        {
            Workload(ref map, keys, values, probes);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int checksum = Workload(ref map, keys, values, probes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(ExpectedChecksum(keys), checksum);
    }

    private static int Workload<TMap>(ref TMap map, string[] keys, string[] values, string[] probes)
        where TMap : struct, ITestMap
    {
        for (int i = 0; i < values.Length; i++)
        {
            map.Add(keys[i % keys.Length], values[i]);
        }

        int checksum = 0;
        foreach (string probe in probes)
        {
            checksum += map.GetValues(probe).Length;
            checksum += map.TryGetValues(probe, out ReadOnlySpan<string> found) ? found.Length : 0;
            checksum += map.ContainsKey(probe) ? 1 : 0;
        }

        checksum += map.EnumerateAll();
        checksum += map.Remove(probes[0]) ? 1 : 0;
        checksum += map.Remove(probes[31]) ? 1 : 0;
        map.Clear();
        return checksum;
    }

    private static int ExpectedChecksum(string[] keys) =>
        (2 * 48) + 32 + keys.Sum(k => k.Length) + 48 + 2;
}

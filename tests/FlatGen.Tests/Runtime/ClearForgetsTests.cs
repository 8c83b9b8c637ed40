using System.Runtime.CompilerServices;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>What a map no longer holds, the GC can collect: Clear and Remove leave no reference behind.</summary>
public sealed class ClearForgetsTests
{
    [Fact]
    public void After_Clear_no_key_or_value_is_reachable_from_the_map()
    {
        var box = new StrongBox<SmallMap>();
        WeakReference[] references = Fill(box, keys: 10);

        Collect();
        Assert.All(references, r => Assert.True(r.IsAlive, "the map should hold what it was given"));

        box.Value.Clear();
        Collect();
        Assert.All(references, r => Assert.False(r.IsAlive, "Clear left a reference behind"));
    }

    [Fact]
    public void After_Remove_the_removed_key_and_its_values_are_not_reachable()
    {
        var box = new StrongBox<SmallMap>();
        WeakReference[] references = Fill(box, keys: 3);

        Assert.True(box.Value.Remove("key-0"));
        Collect();

        // Fill gives each key's weak references together: the key, then its two values.
        Assert.All(references[..3], r => Assert.False(r.IsAlive, "Remove left a reference behind"));
        Assert.All(references[3..], r => Assert.True(r.IsAlive));
        Assert.Equal(2, box.Value.Count);

        // Removing a run shifts later runs down; the slots they vacate must not keep copies of their values.
        Assert.True(box.Value.Remove("key-1"));
        Assert.True(box.Value.Remove("key-2"));
        Collect();
        Assert.All(references, r => Assert.False(r.IsAlive, "Remove left a reference behind"));
        Assert.Equal(0, box.Value.ValueCount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] Fill(StrongBox<SmallMap> box, int keys)
    {
        var references = new List<WeakReference>();
        for (int i = 0; i < keys; i++)
        {
            // Built at run time, so neither is an interned literal that lives forever.
            string key = string.Concat("key-", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            string first = new('a', i + 1);
            string second = new('b', i + 1);
            box.Value.Add(key, first);
            box.Value.Add(key, second);
            references.Add(new WeakReference(key));
            references.Add(new WeakReference(first));
            references.Add(new WeakReference(second));
        }

        return [.. references];
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

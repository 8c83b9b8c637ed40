using FlatGen;

// The maps the behaviour tests run: every index width, both comparisons, and the capacity edges.
namespace FlatGen.Tests.Maps;

/// <summary>One key slot, two value slots: the smallest table (two hashed slots).</summary>
[FlatMultiMap(1, 2)]
public partial struct SingleKeyMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>Fills after four keys or eight values.</summary>
[FlatMultiMap(4, 8)]
public partial struct TinyMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>Fewer value slots than key slots: the value capacity runs out first.</summary>
#pragma warning disable FLATGEN009 // Deliberately below the key capacity.
[FlatMultiMap(4, 3)]
public partial struct ValueStarvedMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}
#pragma warning restore FLATGEN009

[FlatMultiMap(16, 32)]
public partial struct SmallMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

[FlatMultiMap(6, 10, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct TinyIgnoreCaseMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

[FlatMultiMap(32, 48)]
public partial struct OrdinalMap32 : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

[FlatMultiMap(32, 48, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct IgnoreCaseMap32 : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>Wide indices: ushort slots, starts and counts.</summary>
[FlatMultiMap(300, 700)]
public partial struct WideMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>The largest capacities FlatGen accepts.</summary>
#pragma warning disable FLATGEN014 // Deliberately too large for arrays; the tests keep it in a class field.
[FlatMultiMap(4096, 65535, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct LargestMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}
#pragma warning restore FLATGEN014

/// <summary>A map nested in a partial class, in the global namespace's child namespace.</summary>
public static partial class Holder
{
    [FlatMultiMap(8, 8)]
    public partial struct NestedMap;
}

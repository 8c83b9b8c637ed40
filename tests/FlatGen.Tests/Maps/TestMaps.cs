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

/// <summary>The most keys and values whose entries, spares included (a quarter more: 255), still take byte indices.</summary>
[FlatMultiMap(204, 204)]
public partial struct ByteIndexLimitMap;

/// <summary>One key and one value more than <see cref="ByteIndexLimitMap"/>: 257 entries with the spares, so ushort indices.</summary>
[FlatMultiMap(205, 205)]
public partial struct UShortIndexMap;

/// <summary>The largest capacities FlatGen accepts.</summary>
#pragma warning disable FLATGEN014 // Deliberately too large for arrays; the tests keep it in a class field.
[FlatMultiMap(4096, 65535, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct LargestMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}
#pragma warning restore FLATGEN014

/// <summary>
/// Known header names ignoring case: keys of one to three characters (the short packed reads), long shared
/// prefixes, a non-ASCII key (matched with string comparison), and room for unknown keys beside them.
/// </summary>
[FlatMultiMap(16, 24, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, InternUnknownKeys = true,
    KnownKeys = ["Host", "Accept", "Accept-Encoding", "Accept-Language", "Content-Type", "Content-Length", "X-Request-Id", "Größe", "A", "Ab", "Abc", "ETag"])]
public partial struct KnownHeadersMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>As many known keys as key capacity, compared ordinally, with case-only differences and a surrogate pair.</summary>
[FlatMultiMap(8, 12, KnownKeys = ["region", "x-id", "X-ID", "shard", "\U0001F600x", "service.name", "k", "ab"])]
public partial struct KnownOrdinalMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>
/// Known header names ignoring case, whose value strings Clear keeps for reuse: short and seven-byte keys (the
/// overlapping reads on bytes), and non-ASCII keys, one whose case variants differ in UTF-8 length (ⱥ is three
/// bytes, Ⱥ two), which the UTF-8 matcher compares after its length switch. Unknown keys are interned.
/// </summary>
[FlatMultiMap(12, 20, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, ReuseValueStrings = true, InternUnknownKeys = true,
    KnownKeys = ["Host", "Accept-Encoding", "User-Agent", "\u2C65-Key", "Größe", "TE", "Via", "Referer"])]
public partial struct ReusingHeadersMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>An ordinal known key with a lone surrogate, which no UTF-8 can spell.</summary>
[FlatMultiMap(4, 4, KnownKeys = ["a\uD800", "b"])]
public partial struct LoneSurrogateKnownMap;

/// <summary>Seventy known keys of one length sharing a prefix: two presence words, one long case of the matcher.</summary>
[FlatMultiMap(80, 160, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["key-00", "key-01", "key-02", "key-03", "key-04", "key-05", "key-06", "key-07", "key-08", "key-09", "key-10", "key-11", "key-12", "key-13", "key-14", "key-15", "key-16", "key-17", "key-18", "key-19", "key-20", "key-21", "key-22", "key-23", "key-24", "key-25", "key-26", "key-27", "key-28", "key-29", "key-30", "key-31", "key-32", "key-33", "key-34", "key-35", "key-36", "key-37", "key-38", "key-39", "key-40", "key-41", "key-42", "key-43", "key-44", "key-45", "key-46", "key-47", "key-48", "key-49", "key-50", "key-51", "key-52", "key-53", "key-54", "key-55", "key-56", "key-57", "key-58", "key-59", "key-60", "key-61", "key-62", "key-63", "key-64", "key-65", "key-66", "key-67", "key-68", "key-69"])]
public partial struct ManyKnownKeysMap : ITestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>A map nested in a partial class, in the global namespace's child namespace.</summary>
public static partial class Holder
{
    [FlatMultiMap(8, 8)]
    public partial struct NestedMap;
}

/// <summary>Full maps of chosen keys against random keys, at the smallest and the largest capacity the crafted-key tests use.</summary>
[FlatMultiMap(128, 128)]
public partial struct OrdinalMap128 : IChosenKeyMap;

/// <summary>As <see cref="OrdinalMap128"/>, ignoring case.</summary>
[FlatMultiMap(128, 128, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct IgnoreCaseMap128 : IChosenKeyMap;

#pragma warning disable FLATGEN014 // Too large for arrays; the tests keep them in a class field.
/// <summary>As <see cref="OrdinalMap128"/>, at the largest key capacity.</summary>
[FlatMultiMap(4096, 4096)]
public partial struct OrdinalMap4096 : IChosenKeyMap;

/// <summary>As <see cref="OrdinalMap4096"/>, ignoring case.</summary>
[FlatMultiMap(4096, 4096, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
public partial struct IgnoreCaseMap4096 : IChosenKeyMap;
#pragma warning restore FLATGEN014

/// <summary>The map two racing threads share in the misuse tests: 80 keys contend for 64 slots.</summary>
[FlatMultiMap(64, 128)]
public partial struct RaceMap;

/// <summary>A bounded registry: four keys, six values, the first-inserted keys evicted to make room.</summary>
[FlatMultiMap(4, 6, Overflow = FlatOverflow.EvictOldest)]
public partial struct EvictingMap : IEvictingTestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>A registry of 64 keys: large enough that compacting the holes eviction leaves renumbers whole vectors of 8-bit slots.</summary>
[FlatMultiMap(64, 64, Overflow = FlatOverflow.EvictOldest)]
public partial struct EvictingRegistry64;

/// <summary>A registry of 300 keys, whose slots are 16-bit.</summary>
[FlatMultiMap(300, 300, Overflow = FlatOverflow.EvictOldest)]
public partial struct EvictingRegistry300;

/// <summary>As <see cref="EvictingMap"/>, ignoring case, with known keys.</summary>
[FlatMultiMap(4, 8, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Host", "Accept"], Overflow = FlatOverflow.EvictOldest)]
public partial struct EvictingKnownMap : IEvictingTestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>A map that spills: four keys and six values in its fields, any more in a heap overflow.</summary>
[FlatMultiMap(4, 6, Overflow = FlatOverflow.Spill)]
public partial struct SpillingMap : ISpillingTestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>A map that spills with room for 32 keys in its fields, eight times <see cref="SpillingMap"/>'s.</summary>
[FlatMultiMap(32, 64, Overflow = FlatOverflow.Spill)]
public partial struct WideSpillingMap : ISpillingTestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>As <see cref="SpillingMap"/>, ignoring case, with known keys, interning unknown keys and reusing value strings.</summary>
[FlatMultiMap(4, 8, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Host", "Accept"], InternUnknownKeys = true, ReuseValueStrings = true, Overflow = FlatOverflow.Spill)]
public partial struct SpillingKnownMap : ISpillingTestMap
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.Key, .. e.Values]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Length; } return total; }
}

/// <summary>As <see cref="SpillingKnownMap"/> in index types and comparison, with other known keys in another order.</summary>
[FlatMultiMap(4, 8, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Accept", "Via"], Overflow = FlatOverflow.Spill)]
public partial struct OtherSpillingKnownMap;

/// <summary>Known keys one of whose members ("Cookie"'s SetCookie) has the name of another's values ("Set-Cookie"'s).</summary>
[FlatMultiMap(4, 8, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Cookie", "Set-Cookie"])]
public partial struct CookieMap;

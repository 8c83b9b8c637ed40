using FlatGen;

// The inline (UTF-8, reference-free) maps the behaviour tests run.
namespace FlatGen.Tests.Maps;

/// <summary>A small inline map, compared ordinally, whose arena runs out before its tables do.</summary>
[FlatMultiMap(8, 16, Storage = FlatStorage.InlineUtf8, InlineBytes = 96)]
public partial struct InlineMap : IInlineTestMap<InlineMap>
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.GetKeyString(), .. e.Values.ToArray()]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Count; foreach (var v in e.Values) { total += v.Length; } } return total; }
}

/// <summary>An inline map ignoring case, with known keys (one of them not ASCII), whose tables run out first.</summary>
[FlatMultiMap(6, 10, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, Storage = FlatStorage.InlineUtf8, InlineBytes = 1024,
    KnownKeys = ["Host", "Content-Type", "Größe"])]
public partial struct InlineKnownMap : IInlineTestMap<InlineKnownMap>
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.GetKeyString(), .. e.Values.ToArray()]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Count; foreach (var v in e.Values) { total += v.Length; } } return total; }
}

/// <summary>Wide indices (ushort slots and runs) and a large arena.</summary>
[FlatMultiMap(300, 700, Storage = FlatStorage.InlineUtf8, InlineBytes = 7000)]
public partial struct InlineWideMap : IInlineTestMap<InlineWideMap>
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.GetKeyString(), .. e.Values.ToArray()]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Count; foreach (var v in e.Values) { total += v.Length; } } return total; }
}

/// <summary>Full inline maps of chosen keys against random keys (see the chosen-key tests).</summary>
[FlatMultiMap(128, 128, Storage = FlatStorage.InlineUtf8, InlineBytes = 8192)]
public partial struct InlineOrdinalMap128 : IChosenKeyMap;

#pragma warning disable FLATGEN014 // Too large for arrays; the tests keep them in a class field.
/// <summary>As <see cref="InlineOrdinalMap128"/>, at the largest key capacity.</summary>
[FlatMultiMap(4096, 4096, Storage = FlatStorage.InlineUtf8, InlineBytes = 65535)]
public partial struct InlineOrdinalMap4096 : IChosenKeyMap;

/// <summary>As <see cref="InlineOrdinalMap4096"/>, ignoring case.</summary>
[FlatMultiMap(4096, 4096, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, Storage = FlatStorage.InlineUtf8, InlineBytes = 65535)]
public partial struct InlineIgnoreCaseMap4096 : IChosenKeyMap;
#pragma warning restore FLATGEN014

/// <summary>Two maps of one layout under two names: an arena file one wrote must not open as the other's.</summary>
[FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 64)]
public partial struct ArenaSlotA;

/// <inheritdoc cref="ArenaSlotA"/>
[FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 64)]
public partial struct ArenaSlotB;

/// <summary>The inline map two racing threads share in the misuse tests.</summary>
[FlatMultiMap(64, 128, Storage = FlatStorage.InlineUtf8, InlineBytes = 4096)]
public partial struct InlineRaceMap;

/// <summary>The new user: an 8-byte arena whose one known key takes all 8 bytes.</summary>
[FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 8, KnownKeys = ["exactly8"])]
public partial struct TinyArenaMap;

/// <summary>An inline map that evicts its first-inserted keys when its tables or its 40-byte arena run out.</summary>
[FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 40, KnownKeys = ["host"], Overflow = FlatOverflow.EvictOldest)]
public partial struct EvictingInlineMap : IInlineTestMap<EvictingInlineMap>
{
    public readonly List<string[]> Entries() { var list = new List<string[]>(); foreach (var e in this) { list.Add([e.GetKeyString(), .. e.Values.ToArray()]); } return list; }

    public readonly int EnumerateAll() { int total = 0; foreach (var e in this) { total += e.Key.Length + e.Values.Count; foreach (var v in e.Values) { total += v.Length; } } return total; }
}

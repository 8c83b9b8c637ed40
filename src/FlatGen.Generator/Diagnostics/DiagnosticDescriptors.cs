using Microsoft.CodeAnalysis;
using static System.FormattableString;

namespace FlatGen.Generator.Diagnostics;

/// <summary>Every diagnostic FlatGen reports. Each has a row in AnalyzerReleases.*.md and a section in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    public const int LargeStructBytes = 16 * 1024;

    /// <summary>The runtime cannot create an array of a value type larger than this (its element size is 16-bit).</summary>
    public const int MaxArrayElementBytes = ushort.MaxValue;

    private const string Category = "FlatGen";
    private const string HelpLinkBase = "https://github.com/FlatGen/FlatGen/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor MustBePartial = Error(
        "FLATGEN001",
        "A flat multi-map must be partial",
        "The struct '{0}' must be declared 'partial' so that FlatGen can add the map's fields and members: write 'partial struct {0}'");

    public static readonly DiagnosticDescriptor MustBeStruct = Error(
        "FLATGEN002",
        "[FlatMultiMap] applies only to structs",
        "'{0}' is {1}; [FlatMultiMap] applies only to a struct that is not a record: declare it as 'partial struct {0}'");

    public static readonly DiagnosticDescriptor UnsupportedModifier = Error(
        "FLATGEN003",
        "A flat multi-map cannot be readonly, ref or file-local",
        "The struct '{0}' is declared '{1}'; a flat multi-map is mutated in place and kept in fields and arrays, so remove the '{1}' modifier");

    public static readonly DiagnosticDescriptor MustNotBeGeneric = Error(
        "FLATGEN004",
        "A flat multi-map cannot be generic",
        "The struct '{0}' is generic or nested in a generic type; its layout must be fixed at compile time, so declare it as a non-generic struct outside generic types");

    public static readonly DiagnosticDescriptor ContainingTypeMustBePartial = Error(
        "FLATGEN005",
        "A type that contains a flat multi-map must be partial",
        "The type '{1}' contains the flat multi-map '{0}' and must be declared 'partial' so that FlatGen can add to '{0}': add the 'partial' modifier to '{1}'");

    public static readonly DiagnosticDescriptor DeclaresInstanceState = Error(
        "FLATGEN006",
        "A flat multi-map cannot declare instance fields",
        "The struct '{0}' declares {1}; FlatGen owns the struct's layout, so the struct holds no instance state of its own: remove it or move it to another type (static members are fine)");

    public static readonly DiagnosticDescriptor KeyCapacityOutOfRange = Error(
        "FLATGEN007",
        "Key capacity out of range",
        Invariant($"KeyCapacity is {{0}}; it must be between 1 and {FlatLimits.MaxKeyCapacity}"));

    public static readonly DiagnosticDescriptor ValueCapacityOutOfRange = Error(
        "FLATGEN008",
        "Value capacity out of range",
        Invariant($"ValueCapacity is {{0}}; it must be between 1 and {FlatLimits.MaxValueCapacity}"));

    public static readonly DiagnosticDescriptor ValueCapacityBelowKeyCapacity = Warning(
        "FLATGEN009",
        "Value capacity is less than key capacity",
        "ValueCapacity ({1}) is less than KeyCapacity ({0}); every key holds at least one value, so at most {1} keys can ever be stored: raise ValueCapacity or lower KeyCapacity");

    public static readonly DiagnosticDescriptor LargeStruct = Warning(
        "FLATGEN010",
        "A flat multi-map is larger than 16 KiB",
        "The struct '{0}' is {1} bytes; keep it in a field or an array element and pass it by 'ref', never by value or as a local, or lower its capacities");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        "FLATGEN011",
        "Flat multi-maps need C# 12",
        "Flat multi-maps use inline arrays, which need C# 12 or later, and this project uses C# {0}: set <LangVersion> to 12 or later");

    public static readonly DiagnosticDescriptor UnknownKeyComparison = Error(
        "FLATGEN012",
        "Unknown key comparison",
        "KeyComparison is {0}, which is not a FlatKeyComparison member: use FlatKeyComparison.Ordinal or FlatKeyComparison.OrdinalIgnoreCase");

    public static readonly DiagnosticDescriptor DeclaresStructLayout = Error(
        "FLATGEN013",
        "A flat multi-map cannot declare its own [StructLayout]",
        "The struct '{0}' has its own [StructLayout]; FlatGen chooses and reports the layout, so remove the attribute");

    public static readonly DiagnosticDescriptor TooLargeForArrays = Warning(
        "FLATGEN014",
        "A flat multi-map is too large to be an array element",
        Invariant($"The struct '{{0}}' is {{1}} bytes, and the runtime cannot create arrays of structs larger than {MaxArrayElementBytes} bytes: keep it in a class field and pass it by 'ref', or lower its capacities"));

    public static readonly DiagnosticDescriptor EmptyKnownKey = Error(
        "FLATGEN015",
        "A known key is empty",
        "KnownKeys[{0}] is {1}; a known key must be a non-empty string: remove it or write the key");

    public static readonly DiagnosticDescriptor DuplicateKnownKey = Error(
        "FLATGEN016",
        "A known key is listed twice",
        "The known key {0} equals the known key {1} under {2} comparison; each known key is distinct: remove one of them");

    public static readonly DiagnosticDescriptor InvalidKnownKeyName = Error(
        "FLATGEN017",
        "A known key does not give a valid accessor name",
        "The known key {0} gives the accessor name '{1}', which is not a C# identifier (an accessor name is the key's letters and digits, each part capitalised, and must start with a letter): remove the key from KnownKeys, where it still works as an unknown key");

    public static readonly DiagnosticDescriptor KnownKeyNameCollision = Error(
        "FLATGEN018",
        "A known key's accessor collides with another member",
        "The known key {0} gets the accessor '{1}', which is already {2}: rename or remove that member, or remove the key from KnownKeys, where it still works as an unknown key");

    public static readonly DiagnosticDescriptor MoreKnownKeysThanKeyCapacity = Error(
        "FLATGEN019",
        "More known keys than key capacity",
        "KnownKeys lists {0} keys but KeyCapacity is {1}; every known key can take a key slot: raise KeyCapacity or list fewer known keys");

    public static readonly DiagnosticDescriptor InlineBytesOutOfRange = Error(
        "FLATGEN020",
        "Inline arena size out of range",
        Invariant($"InlineBytes {{0}}; an InlineUtf8 map needs between 1 and {FlatLimits.MaxInlineBytes} bytes of arena for the UTF-8 bytes of all its keys and values: set InlineBytes"));

    public static readonly DiagnosticDescriptor UnknownStorage = Error(
        "FLATGEN021",
        "Unknown storage",
        "Storage is {0}, which is not a FlatStorage member: use FlatStorage.References or FlatStorage.InlineUtf8");

    public static readonly DiagnosticDescriptor UnknownOverflow = Error(
        "FLATGEN034",
        "Unknown overflow policy",
        "Overflow is {0}, which is not a FlatOverflow member: use FlatOverflow.Refuse, FlatOverflow.Spill or FlatOverflow.EvictOldest");

    public static readonly DiagnosticDescriptor SpillNeedsReferences = Error(
        "FLATGEN035",
        "An inline map cannot spill",
        "Overflow = FlatOverflow.Spill needs References storage: an InlineUtf8 map's bytes are its whole serialised form, so it has nowhere to keep a heap overflow. Use FlatOverflow.Refuse or FlatOverflow.EvictOldest, or References storage");

    public static readonly DiagnosticDescriptor SettingHasNoEffect = Warning(
        "FLATGEN022",
        "A setting has no effect with this storage",
        "{0} has no effect on a map with {1} storage: remove it");

    public static readonly DiagnosticDescriptor InsideFileLocalType = Error(
        "FLATGEN023",
        "A flat multi-map cannot be nested in a file-local type",
        "The struct '{0}' is nested in the file-local type '{1}'; FlatGen adds to '{1}' in a file of its own, which a file-local type does not allow: move '{0}' out of '{1}', or remove the 'file' modifier from '{1}'");

    public static readonly DiagnosticDescriptor NameTakenByGeneratedMember = Error(
        "FLATGEN024",
        "A flat multi-map cannot be named like a member FlatGen generates",
        "The struct '{0}' has the name of a member FlatGen generates inside every map, and a member cannot be named like its type: rename the struct");

    public static readonly DiagnosticDescriptor KnownKeyNameTooLong = Error(
        "FLATGEN025",
        "A known key's accessor name is too long",
        "The known key at KnownKeys[{0}] has {1} characters, and its accessor name would be longer than C# allows ({2} UTF-8 bytes): remove the key from KnownKeys, where it still works as an unknown key");

    public static readonly DiagnosticDescriptor KnownKeyLargerThanArena = Error(
        "FLATGEN026",
        "A known key does not fit in the inline arena",
        "The known key {0} takes {1} UTF-8 bytes, more than the whole {2}-byte arena, so it could never be added: raise InlineBytes, or remove the key from KnownKeys");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "FLATGEN027",
        "FlatGen failed on a flat multi-map",
        "FlatGen could not generate the flat multi-map '{0}' ({1}); the project's other maps are generated as usual. Please report this with the declaration.");

    public static readonly DiagnosticDescriptor ChangedThroughCopy = Warning(
        "FLATGEN028",
        "A flat multi-map is changed through a copy",
        "'{0}' changes a copy of the map, because {1} is not a variable the code can write to, so the change is lost: keep the map in a writable local, field or array element, or reach it by 'ref'");

    public static readonly DiagnosticDescriptor ChangedInReadOnlyMember = Warning(
        "FLATGEN029",
        "A flat multi-map is changed inside a readonly member",
        "'{0}' changes a copy of the map, because '{1}' is a readonly member of a struct and cannot write to 'this', so the change is lost: remove 'readonly' from '{1}', or change the map in a member that is not readonly");

    public static readonly DiagnosticDescriptor KnownKeyNotUtf16 = Error(
        "FLATGEN030",
        "A known key of an inline map has no UTF-8 form",
        "The known key {0} holds a lone surrogate at index {1}, which has no UTF-8 form, so an InlineUtf8 map could never store it: remove the key from KnownKeys, or correct its text");

    public static readonly DiagnosticDescriptor MemberNameTakenByGeneratedMember = Error(
        "FLATGEN031",
        "A member of a flat multi-map takes a name FlatGen generates",
        "The struct '{0}' declares '{1}', a name FlatGen generates in every flat multi-map (a member, field, nested type or operator): rename the member (an overload with the same name counts too)");

    public static readonly DiagnosticDescriptor DeclaresInlineArray = Error(
        "FLATGEN032",
        "A flat multi-map cannot be an inline array",
        "The struct '{0}' has [InlineArray], but a flat multi-map lays out fields of its own: remove the attribute, and keep an inline array of maps in a struct of its own");

    public static readonly DiagnosticDescriptor MapInvisibleToSourceGeneratedJson = Warning(
        "FLATGEN033",
        "A source-generated JSON context cannot see a flat multi-map's converter",
        "'{0}' serialises the flat multi-map '{1}' (from '{2}'), but System.Text.Json's source generator cannot see the converter FlatGen generates, so the map is written as {{}} and read back empty: add typeof(FlatGen.FlatMultiMapJsonConverterFactory) to the Converters of the context's [JsonSourceGenerationOptions]");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}

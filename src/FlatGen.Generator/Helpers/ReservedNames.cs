using System.Collections.Generic;

namespace FlatGen.Generator.Helpers;

/// <summary>The names a map's own members take, which neither a known key's accessor nor the map itself may take.</summary>
internal static class ReservedNames
{
    /// <summary>
    /// The members and nested types FlatGen generates in a map, of either storage (the <c>StringValues</c> members
    /// included). A struct of one of these names would declare a member named like itself (CS0542). A test checks
    /// this list against generated maps.
    /// </summary>
    public static readonly IReadOnlyList<string> Generated = new[]
    {
        "KeyCapacity", "ValueCapacity", "SizeInBytes", "Layout", "Count", "ValueCount", "TryAdd", "Add", "TryGetValues",
        "GetValues", "ContainsKey", "Remove", "Clear", "GetEnumerator", "ToDictionary", "ToString", "Enumerator",
        "KeyBuffer", "ValueBuffer", "KeyHashBuffer", "SlotBuffer", "ValueStartBuffer", "ValueCountBuffer",
        "KnownSlotBuffer", "KnownPresenceBuffer", "InlineBytes", "LayoutId", "InlineBytesUsed", "AsBytes", "TryRead", "Read",
        "KeyOffsetBuffer", "KeyLengthBuffer", "ValueOffsetBuffer", "ValueLengthBuffer", "ArenaBuffer",
        "TryGetFirst", "GetFirstOrDefault", "TrySet", "Set", "ToArray", "Equals", "GetHashCode",
        "TryAddRange", "GetStringValues", "CopyTo", "ToStringValues", "ForgetReusedValues",
    };

    /// <summary>The members every struct inherits from <see cref="object"/> and <see cref="System.ValueType"/>, which an accessor must not hide.</summary>
    public static readonly IReadOnlyList<string> Inherited = new[]
    {
        "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };
}

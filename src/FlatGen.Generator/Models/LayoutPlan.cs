using FlatGen.Generator.Helpers;

namespace FlatGen.Generator.Models;

/// <summary>The explicit layout of a map: fields ordered by offset, the index types and the size.</summary>
/// <param name="KeyIndexType">The narrowest unsigned type that holds the entry count (the key capacity and a reference map's spare entries): slot entries, the entries in use.</param>
/// <param name="ValueIndexType">The narrowest unsigned type that holds the value slot count (the value capacity and a reference map's spare values): run starts and lengths, the values in use.</param>
/// <param name="Size">The struct's size in bytes: the end of the last field rounded up to the largest alignment.</param>
/// <param name="Fields">Every field, ordered by offset.</param>
/// <param name="LayoutId">For an inline map, the id of this exact layout (and comparison and known keys) that its bytes carry; otherwise 0.</param>
internal sealed record LayoutPlan(string KeyIndexType, string ValueIndexType, int Size, EquatableArray<FieldPlan> Fields, ulong LayoutId);

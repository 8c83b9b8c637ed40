using FlatGen.Generator.Helpers;

namespace FlatGen.Generator.Models;

/// <summary>The explicit layout of a map: fields ordered by offset, the index types and the size.</summary>
/// <param name="KeyIndexType">The narrowest unsigned type that holds the key capacity: slot entries, the key count.</param>
/// <param name="ValueIndexType">The narrowest unsigned type that holds the value capacity: run starts and lengths, the value count.</param>
/// <param name="Size">The struct's size in bytes: the end of the last field rounded up to the largest alignment.</param>
/// <param name="Fields">Every field, ordered by offset.</param>
/// <param name="LayoutId">For an inline map, the id of this exact layout (and comparison and known keys) that its bytes carry; otherwise 0.</param>
internal sealed record LayoutPlan(string KeyIndexType, string ValueIndexType, int Size, EquatableArray<FieldPlan> Fields, ulong LayoutId);

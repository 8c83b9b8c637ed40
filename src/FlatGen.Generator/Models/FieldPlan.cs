using System.Globalization;

namespace FlatGen.Generator.Models;

/// <summary>One field of a map's explicit layout.</summary>
/// <param name="Name">The field's name, such as <c>_keys</c>.</param>
/// <param name="BufferName">The generated <c>[InlineArray]</c> struct's name, or <see langword="null"/> for a scalar field.</param>
/// <param name="ElementType">The C# element type: <c>string?</c>, <c>object?</c>, <c>ulong</c>, <c>uint</c>, <c>ushort</c> or <c>byte</c>.</param>
/// <param name="Length">The number of elements; 1 for a scalar field.</param>
/// <param name="ElementSize">The size of one element in bytes (8 for a reference, as in a 64-bit process).</param>
/// <param name="Offset">The field's offset in bytes.</param>
internal sealed record FieldPlan(string Name, string? BufferName, string ElementType, int Length, int ElementSize, int Offset)
{
    /// <summary>The element type of a field of references.</summary>
    public const string ReferenceType = "string?";

    /// <summary>The type of a map's reference to its heap overflow, which only the runtime reads.</summary>
    public const string OverflowType = "object?";

    public int Size => Length * ElementSize;

    public bool IsReference => IsReferenceType(ElementType);

    /// <summary>Whether a field of element type <paramref name="elementType"/> holds references, which the layout places first.</summary>
    public static bool IsReferenceType(string elementType) => elementType is ReferenceType or OverflowType;

    /// <summary>The field's type as the layout table shows it: <c>string?[16]</c> for an inline array.</summary>
    public string DisplayType => BufferName is null
        ? ElementType
        : ElementType + "[" + Length.ToString(CultureInfo.InvariantCulture) + "]";
}

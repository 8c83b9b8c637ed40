namespace FlatGen;

/// <summary>One field of a generated flat multi-map's explicit layout.</summary>
/// <param name="Name">The field's name in the generated struct, such as <c>_keys</c>.</param>
/// <param name="TypeName">The field's type in C# terms; inline arrays are written <c>element[length]</c>, such as <c>string?[16]</c>.</param>
/// <param name="Offset">The field's offset in bytes from the start of the struct (its <c>[FieldOffset]</c>).</param>
/// <param name="Size">The field's size in bytes.</param>
public readonly record struct FlatField(string Name, string TypeName, int Offset, int Size);

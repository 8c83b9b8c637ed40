namespace FlatGen.Generator.Models;

/// <summary>The generator's copy of <c>FlatGen.FlatStorage</c>; the values must match.</summary>
internal enum StorageKind
{
    References = 0,
    InlineUtf8 = 1,
}

namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 compile <see langword="init"/> accessors and records.</summary>
internal static class IsExternalInit
{
}

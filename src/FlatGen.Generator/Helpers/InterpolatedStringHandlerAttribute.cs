namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 compile interpolated string handlers (<see cref="FlatGen.Generator.Helpers.SourceWriter.Text"/>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
internal sealed class InterpolatedStringHandlerAttribute : Attribute
{
}

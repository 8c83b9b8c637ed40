namespace FlatGen.Tests.Maps;

/// <summary>A reference test map declared with <see cref="FlatOverflow.Spill"/>: the members only such a map has.</summary>
public interface ISpillingTestMap : ITestMap
{
    bool IsSpilled { get; }
}

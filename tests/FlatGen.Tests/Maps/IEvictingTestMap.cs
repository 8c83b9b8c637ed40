namespace FlatGen.Tests.Maps;

/// <summary>A reference test map declared with <see cref="FlatOverflow.EvictOldest"/>: the members only such a map has.</summary>
public interface IEvictingTestMap : ITestMap
{
    bool Touch(string key);

    bool Touch(ReadOnlySpan<char> key);
}

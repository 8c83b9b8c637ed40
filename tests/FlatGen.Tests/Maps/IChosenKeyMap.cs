namespace FlatGen.Tests.Maps;

/// <summary>The generated members the chosen-key tests call on a map, so one generic body serves every capacity and comparison.</summary>
public interface IChosenKeyMap
{
    static abstract FlatLayout Layout { get; }

    void Add(string key, string value);
}

namespace FlatGen.Samples.Registry;

/// <summary>The seed's bounded listener registry: listeners by path, least recently used paths evicted first.</summary>
public sealed class PathListeners
{
    // The map is a field of this object, so it is on the heap once and every call works on it in place.
    private ListenerRegistry _registry;

    /// <summary>Gets how many paths the registry holds.</summary>
    public int PathCount => _registry.Count;

    /// <summary>Gets how many listeners the registry holds, over every path.</summary>
    public int ListenerCount => _registry.ValueCount;

    /// <summary>Registers <paramref name="listener"/> for <paramref name="path"/>, evicting the least recently used paths if the registry is full.</summary>
    public void Listen(string path, string listener) => _registry.Add(path, listener);

    /// <summary>Gets the listeners of <paramref name="path"/> and marks it used, so it is evicted last; empty if it was never registered or was evicted.</summary>
    public ReadOnlySpan<string> Use(string path)
    {
        _registry.Touch(path);
        return _registry.GetValues(path);
    }

    /// <summary>Whether <paramref name="path"/> is still registered.</summary>
    public bool Contains(string path) => _registry.ContainsKey(path);
}

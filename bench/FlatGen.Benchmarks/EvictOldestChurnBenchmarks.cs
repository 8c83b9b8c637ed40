using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace FlatGen.Benchmarks;

/// <summary>
/// #25's churn: a registry of 1,024 paths fed 100,000 distinct ones, each with a listener, so every registration past
/// the first 1,024 evicts the oldest path. FlatGen's <c>EvictOldest</c> map against the least-recently-used cache a
/// careful caller writes: a <see cref="Dictionary{TKey, TValue}"/> (one lookup an add) over the nodes of a
/// <see cref="LinkedList{T}"/> in use order, whose evicted nodes and listener lists are reused, so it allocates
/// nothing once warm either. Beside them a floor row: the least any bounded registry does, one insert and one removal
/// a registration in a <see cref="Dictionary{TKey, TValue}"/>, the oldest path found in a ring of the last 1,024.
/// </summary>
public class EvictOldestChurnBenchmarks
{
    private const int Capacity = 1_024;
    private const int PathCount = 100_000;

    private static readonly string[] Listeners = ["audit", "billing", "search"];

    private string[] _paths = [];
    private ListenerRegistryMap _registry;
    private readonly Dictionary<string, LinkedListNode<Registration>> _lruIndex = new(Capacity + 1, StringComparer.Ordinal);
    private readonly LinkedList<Registration> _lruOrder = new();
    private readonly Stack<LinkedListNode<Registration>> _spareNodes = new();
    private readonly Dictionary<string, string> _floor = new(Capacity + 1, StringComparer.Ordinal);
    private readonly string[] _ring = new string[Capacity];

    [GlobalSetup]
    public void Setup() =>
        _paths = Enumerable.Range(0, PathCount).Select(i => "/orders/" + i.ToString(CultureInfo.InvariantCulture) + "/events").ToArray();

    [Benchmark(Baseline = true)]
    public int DictionaryLru()
    {
        ClearLru();
        string[] paths = _paths;
        for (int i = 0; i < paths.Length; i++)
        {
            ref LinkedListNode<Registration>? slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_lruIndex, paths[i], out bool exists);
            LinkedListNode<Registration> node;
            if (exists)
            {
                node = slot!;
                _lruOrder.Remove(node);
                _lruOrder.AddLast(node);
            }
            else
            {
                node = _spareNodes.Count > 0 ? _spareNodes.Pop() : new LinkedListNode<Registration>(new Registration());
                node.Value.Path = paths[i];
                slot = node;
                _lruOrder.AddLast(node);
                if (_lruIndex.Count > Capacity)
                {
                    // The ref into the dictionary is not used past this removal, which may move entries.
                    LinkedListNode<Registration> oldest = _lruOrder.First!;
                    _lruOrder.RemoveFirst();
                    _lruIndex.Remove(oldest.Value.Path);
                    oldest.Value.Listeners.Clear();
                    _spareNodes.Push(oldest);
                }
            }

            node.Value.Listeners.Add(Listeners[i % Listeners.Length]);
        }

        return _lruIndex.Count;
    }

    /// <summary>The floor: a dictionary of one listener a path, evicting the oldest path by a ring of the paths in insertion order.</summary>
    [Benchmark]
    public int DictionaryRing()
    {
        _floor.Clear();
        string[] paths = _paths;
        for (int i = 0; i < paths.Length; i++)
        {
            if (_floor.TryAdd(paths[i], Listeners[i % Listeners.Length]))
            {
                ref string oldest = ref _ring[i % Capacity];
                if (i >= Capacity)
                {
                    _floor.Remove(oldest);
                }

                oldest = paths[i];
            }
        }

        return _floor.Count;
    }

    [Benchmark]
    public int FlatGen()
    {
        _registry.Clear();
        string[] paths = _paths;
        for (int i = 0; i < paths.Length; i++)
        {
            _registry.Add(paths[i], Listeners[i % Listeners.Length]);
        }

        return _registry.Count;
    }

    private void ClearLru()
    {
        while (_lruOrder.First is { } node)
        {
            _lruOrder.RemoveFirst();
            node.Value.Listeners.Clear();
            _spareNodes.Push(node);
        }

        _lruIndex.Clear();
    }

    /// <summary>A path and its listeners, in a node of the use order.</summary>
    private sealed class Registration
    {
        public string Path { get; set; } = "";

        public List<string> Listeners { get; } = new(4);
    }
}

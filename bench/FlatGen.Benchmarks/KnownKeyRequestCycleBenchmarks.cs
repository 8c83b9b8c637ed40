using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>
/// The request cycle of <see cref="RequestCycleBenchmarks"/> (the same 20 header lines and 5 reads) with the
/// header names known in advance: FlatGen declares them as <c>KnownKeys</c>; the hand-written FrozenDictionary
/// competitor maps each known name to a fixed slot of <see cref="StringValues"/> and keeps a dictionary for the rest.
/// </summary>
public class KnownKeyRequestCycleBenchmarks : RequestCycleBenchmarks
{
    private readonly FrozenDictionary<string, int> _slotOfName =
        KnownHeaders.Names.Select((name, slot) => KeyValuePair.Create(name, slot)).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly StringValues[] _slots = new StringValues[KnownHeaders.Names.Length];
    private readonly Dictionary<string, StringValues> _others = new(StringComparer.OrdinalIgnoreCase);
    private KnownHeaderMap _known;

    [Benchmark]
    public int FrozenDictionaryOfSlots()
    {
        foreach ((string name, string value) in Request)
        {
            if (_slotOfName.TryGetValue(name, out int slot))
            {
                _slots[slot] = StringValues.Concat(_slots[slot], value);
            }
            else
            {
                _others[name] = _others.TryGetValue(name, out StringValues values) ? StringValues.Concat(values, value) : new StringValues(value);
            }
        }

        int read = 0;
        foreach (string name in Reads)
        {
            read += _slotOfName.TryGetValue(name, out int slot) ? _slots[slot].Count
                : _others.TryGetValue(name, out StringValues values) ? values.Count : 0;
        }

        Array.Clear(_slots);
        _others.Clear();
        return read;
    }

    /// <summary>The known-key map: every one of the 20 lines hits a known key.</summary>
    [Benchmark]
    public override int FlatGen() => Cycle(ref _known);
}

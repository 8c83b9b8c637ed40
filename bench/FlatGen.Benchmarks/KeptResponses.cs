using System.Runtime.InteropServices;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>
/// One response's headers as a response cache keeps them, in each form measured: the names are the corpus's own
/// strings, shared by every set as a server's known names are; each value is a string of its own, as parsing makes it.
/// </summary>
public static class KeptResponses
{
    /// <summary>A <c>Dictionary&lt;string, StringValues&gt;</c> ignoring case, filled with one lookup an add.</summary>
    public static Dictionary<string, StringValues> Dictionary((string Name, string Value)[] set) => Dictionary(set, freshNames: false);

    /// <summary>As <see cref="Dictionary((string Name, string Value)[])"/>, with a string of its own for each name too when <paramref name="freshNames"/>.</summary>
    public static Dictionary<string, StringValues> Dictionary((string Name, string Value)[] set, bool freshNames)
    {
        var dictionary = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in set)
        {
            ref StringValues values = ref CollectionsMarshal.GetValueRefOrAddDefault(dictionary, freshNames ? new string(name) : name, out bool exists);
            values = exists ? StringValues.Concat(values, new string(value)) : new StringValues(new string(value));
        }

        return dictionary;
    }

    /// <summary>A <c>Dictionary&lt;string, List&lt;string&gt;&gt;</c> ignoring case.</summary>
    public static Dictionary<string, List<string>> Lists((string Name, string Value)[] set)
    {
        var dictionary = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in set)
        {
            ref List<string>? values = ref CollectionsMarshal.GetValueRefOrAddDefault(dictionary, name, out _);
            (values ??= []).Add(new string(value));
        }

        return dictionary;
    }

    /// <summary>A FlatGen reference map of 32 keys and 64 values, ignoring case.</summary>
    public static TrafficHeaderMap Map((string Name, string Value)[] set)
    {
        var map = default(TrafficHeaderMap);
        foreach ((string name, string value) in set)
        {
            map.Add(name, new string(value));
        }

        return map;
    }

    /// <summary>A FlatGen inline map of 32 keys, 64 values and 4,096 bytes, ignoring case.</summary>
    public static KeptInlineHeaderMap Inline((string Name, string Value)[] set)
    {
        var map = default(KeptInlineHeaderMap);
        foreach ((string name, string value) in set)
        {
            map.Add(name, value);
        }

        return map;
    }

    /// <summary>The reference map, packed: one array of exactly its content's size.</summary>
    public static FlatPackedMap Packed((string Name, string Value)[] set) => Map(set).Pack();
}

using System.Collections.Frozen;
using Microsoft.Extensions.Primitives;

namespace FlatGen.Benchmarks;

/// <summary>How each competitor is filled from a workload's pairs: the code an application would write.</summary>
public static class Competitors
{
    public static Dictionary<string, List<string>> Lists((string Key, string Value)[] pairs, StringComparer comparer)
    {
        var dictionary = new Dictionary<string, List<string>>(comparer);
        foreach ((string key, string value) in pairs)
        {
            if (!dictionary.TryGetValue(key, out List<string>? values))
            {
                dictionary.Add(key, values = []);
            }

            values.Add(value);
        }

        return dictionary;
    }

    public static Dictionary<string, string[]> Arrays((string Key, string Value)[] pairs, StringComparer comparer)
    {
        var dictionary = new Dictionary<string, string[]>(comparer);
        foreach ((string key, string value) in pairs)
        {
            dictionary[key] = dictionary.TryGetValue(key, out string[]? values) ? [.. values, value] : [value];
        }

        return dictionary;
    }

    public static Dictionary<string, StringValues> StringValues((string Key, string Value)[] pairs, StringComparer comparer)
    {
        var dictionary = new Dictionary<string, StringValues>(comparer);
        foreach ((string key, string value) in pairs)
        {
            dictionary[key] = dictionary.TryGetValue(key, out StringValues values) ? Microsoft.Extensions.Primitives.StringValues.Concat(values, value) : new StringValues(value);
        }

        return dictionary;
    }

    public static FrozenDictionary<string, string[]> Frozen((string Key, string Value)[] pairs, StringComparer comparer) =>
        Arrays(pairs, comparer).ToFrozenDictionary(comparer);

    /// <summary>Makes <paramref name="map"/> hold <paramref name="pairs"/> alone: a setup may run again (BenchmarkDotNet's memory randomization runs it before every iteration).</summary>
    public static void Fill<TMap>(ref TMap map, (string Key, string Value)[] pairs)
        where TMap : struct, IBenchMap
    {
        map.Clear();
        foreach ((string key, string value) in pairs)
        {
            map.Add(key, value);
        }
    }
}

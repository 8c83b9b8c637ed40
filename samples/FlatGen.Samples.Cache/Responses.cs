using System.Globalization;

namespace FlatGen.Samples.Cache;

/// <summary>The responses the sample caches: the header sets of <c>responses.http</c>, each URL's with its own date, length and tag.</summary>
public static class Responses
{
    private static readonly Lazy<(string Name, string Value)[][]> Sets = new(Read);

    /// <summary>Gets the URL of response <paramref name="index"/>.</summary>
    public static string Url(int index) => string.Create(CultureInfo.InvariantCulture, $"/items/{index}");

    /// <summary>Fills <paramref name="headers"/> with response <paramref name="index"/>'s headers, as a server would for that URL.</summary>
    public static void Fill(int index, ref ResponseHeaders headers)
    {
        foreach ((string name, string value) in Lines(index))
        {
            headers.Add(name, value);
        }
    }

    /// <summary>Response <paramref name="index"/>'s header lines: a set of the file's, with values of its own where a real response's differ.</summary>
    public static IEnumerable<(string Name, string Value)> Lines(int index)
    {
        (string Name, string Value)[] set = Sets.Value[index % Sets.Value.Length];
        foreach ((string name, string value) in set)
        {
            yield return name.ToUpperInvariant() switch
            {
                "DATE" => (name, DateTime.UnixEpoch.AddDays(20_000).AddSeconds(index).ToString("R", CultureInfo.InvariantCulture)),
                "CONTENT-LENGTH" when value != "0" => (name, (1_000 + (index * 37 % 90_000)).ToString(CultureInfo.InvariantCulture)),
                "ETAG" => (name, string.Create(CultureInfo.InvariantCulture, $"\"{index:x8}\"")),
                _ => (name, new string(value)), // A string of its own, as a parser makes one.
            };
        }
    }

    private static (string Name, string Value)[][] Read()
    {
        var sets = new List<(string Name, string Value)[]>();
        var lines = new List<(string Name, string Value)>();
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "responses.http")).Append("# end"))
        {
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                if (lines.Count > 0)
                {
                    sets.Add([.. lines]);
                    lines.Clear();
                }
            }
            else if (line.Length > 0)
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                lines.Add((line[..colon], line[(colon + 1)..].Trim()));
            }
        }

        return [.. sets];
    }
}

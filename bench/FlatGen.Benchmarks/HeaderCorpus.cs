using System.Reflection;

namespace FlatGen.Benchmarks;

/// <summary>The header sets of <c>Corpus/header-sets.txt</c> (see its README), embedded in this assembly.</summary>
public static class HeaderCorpus
{
    private static readonly Lazy<(string Kind, (string Name, string Value)[] Lines)[]> Sets = new(Read);

    /// <summary>The names a server reads from a request: six, one usually absent.</summary>
    public static readonly string[] RequestReads = ["host", "user-agent", "accept-encoding", "cookie", "authorization", "x-correlation-id"];

    /// <summary>The names middleware reads from a response: five, one usually absent.</summary>
    public static readonly string[] ResponseReads = ["content-type", "cache-control", "set-cookie", "vary", "x-powered-by"];

    /// <summary>The request sets, each header line in order.</summary>
    public static (string Name, string Value)[][] Requests => Of("request");

    /// <summary>The response sets, each header line in order.</summary>
    public static (string Name, string Value)[][] Responses => Of("response");

    private static (string Name, string Value)[][] Of(string kind) => Sets.Value.Where(s => s.Kind == kind).Select(s => s.Lines).ToArray();

    private static (string Kind, (string Name, string Value)[] Lines)[] Read()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("header-sets.txt")
            ?? throw new InvalidOperationException("The header corpus is not embedded.");
        using var reader = new StreamReader(stream);
        var sets = new List<(string Kind, (string Name, string Value)[] Lines)>();
        string? kind = null;
        var lines = new List<(string Name, string Value)>();
        for (string? line = reader.ReadLine(); ; line = reader.ReadLine())
        {
            if (line is null || line.StartsWith("# ", StringComparison.Ordinal))
            {
                if (kind is not null)
                {
                    sets.Add((kind, lines.ToArray()));
                }

                if (line is null)
                {
                    return [.. sets];
                }

                kind = line.Split(' ')[1];
                lines.Clear();
            }
            else if (line.Length > 0)
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                lines.Add((line[..colon], line[(colon + 1)..].Trim()));
            }
        }
    }
}

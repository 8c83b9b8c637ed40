using System.Collections.Generic;
using System.Text;

namespace FlatGen.Infrastructure;

/// <summary>The text every map and packed map renders itself as, such as <c>{ Host: [example.com], Accept: [text/html, */*] }</c>.</summary>
internal static class FlatMapText
{
    /// <summary>Renders <paramref name="entries"/>, in their order.</summary>
    public static string Render(KeyValuePair<string, string[]>[] entries)
    {
        var text = new StringBuilder("{");
        string separator = " ";
        foreach (KeyValuePair<string, string[]> pair in entries)
        {
            text.Append(separator).Append(pair.Key).Append(": [").AppendJoin(", ", pair.Value).Append(']');
            separator = ", ";
        }

        return text.Append(" }").ToString();
    }
}

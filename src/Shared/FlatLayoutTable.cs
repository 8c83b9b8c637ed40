using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FlatGen;

/// <summary>
/// Renders a layout table. Compiled into both the runtime (<c>FlatLayout.ToString()</c>) and the generator
/// (the table in each map's doc comment), so the two always print the same text.
/// </summary>
internal static class FlatLayoutTable
{
    private const string Separator = "  ";

    /// <summary>Renders the table of <paramref name="fields"/>, which must be ordered by offset.</summary>
    public static string Format(string typeName, int size, IReadOnlyList<(string Name, string TypeName, int Offset, int Size)> fields)
    {
        int used = 0;
        int end = 0;
        foreach (var field in fields)
        {
            used += field.Size;
            end = field.Offset + field.Size;
        }

        int padding = size - used;
        var rows = new List<string[]>(fields.Count + 3) { new[] { "Field", "Type", "Offset", "Size" } };
        foreach (var field in fields)
        {
            rows.Add(new[] { field.Name, field.TypeName, Number(field.Offset), Number(field.Size) });
        }

        if (padding > 0)
        {
            rows.Add(new[] { "(padding)", "", Number(end), Number(padding) });
        }

        rows.Add(new[] { "Total", "", "", Number(size) });

        var widths = new int[4];
        foreach (var row in rows)
        {
            for (int column = 0; column < widths.Length; column++)
            {
                if (row[column].Length > widths[column])
                {
                    widths[column] = row[column].Length;
                }
            }
        }

        var text = new StringBuilder();
        text.Append(typeName).Append(": ").Append(Number(size)).Append(" bytes, ")
            .Append(Number(padding)).Append(padding == 1 ? " byte" : " bytes").Append(" of padding\n");
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            line.Append(row[0].PadRight(widths[0])).Append(Separator)
                .Append(row[1].PadRight(widths[1])).Append(Separator)
                .Append(row[2].PadLeft(widths[2])).Append(Separator)
                .Append(row[3].PadLeft(widths[3]));
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

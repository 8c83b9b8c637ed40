using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FlatGen;

/// <summary>
/// Renders and reads a layout table. Compiled into both the runtime (<c>FlatLayout.ToString()</c> and
/// <c>FlatLayout.Parse</c>) and the generator (the table in each map's doc comment),
/// so the two always print and read the same text.
/// </summary>
internal static class FlatLayoutTable
{
    private const string Separator = "  ";

    /// <summary>Renders the table of <paramref name="fields"/>, which must be ordered by offset.</summary>
    public static string Format(string typeName, int size, IReadOnlyList<(string Name, string TypeName, int Offset, int Size)> fields) =>
        AppendTo(new StringBuilder(), typeName, size, fields).ToString();

    /// <summary>Appends the table <see cref="Format"/> renders to <paramref name="text"/>, and returns it.</summary>
    public static StringBuilder AppendTo(StringBuilder text, string typeName, int size, IReadOnlyList<(string Name, string TypeName, int Offset, int Size)> fields)
    {
        int used = 0;
        int end = 0;
        int nameWidth = "Field".Length;
        int typeWidth = "Type".Length;
        int offsetWidth = "Offset".Length;
        int sizeWidth = Math.Max("Size".Length, Digits(size));
        foreach (var field in fields)
        {
            used += field.Size;
            end = field.Offset + field.Size;
            nameWidth = Math.Max(nameWidth, field.Name.Length);
            typeWidth = Math.Max(typeWidth, field.TypeName.Length);
            offsetWidth = Math.Max(offsetWidth, Digits(field.Offset));
            sizeWidth = Math.Max(sizeWidth, Digits(field.Size));
        }

        int padding = size - used;
        if (padding > 0)
        {
            nameWidth = Math.Max(nameWidth, "(padding)".Length);
            offsetWidth = Math.Max(offsetWidth, Digits(end));
            sizeWidth = Math.Max(sizeWidth, Digits(padding));
        }

        text.EnsureCapacity(text.Length + typeName.Length + 48 + ((fields.Count + 3) * (nameWidth + typeWidth + offsetWidth + sizeWidth + 8)));
        text.Append(typeName).Append(": ").Append(Number(size)).Append(" bytes, ")
            .Append(Number(padding)).Append(padding == 1 ? " byte" : " bytes").Append(" of padding\n");

        // Names left-aligned, numbers right-aligned (-1 for an empty cell); no trailing spaces when the last cells are empty.
        void Row(string name, string type, int offset, int cellSize)
        {
            text.Append(name).Append(' ', nameWidth - name.Length).Append(Separator)
                .Append(type).Append(' ', typeWidth - type.Length).Append(Separator);
            if (offset >= 0)
            {
                AppendNumber(text, offset, offsetWidth).Append(Separator);
            }
            else
            {
                text.Append(' ', offsetWidth + Separator.Length);
            }

            AppendNumber(text, cellSize, sizeWidth).Append('\n');
        }

        text.Append("Field").Append(' ', nameWidth - "Field".Length).Append(Separator)
            .Append("Type").Append(' ', typeWidth - "Type".Length).Append(Separator)
            .Append(' ', offsetWidth - "Offset".Length).Append("Offset").Append(Separator)
            .Append(' ', sizeWidth - "Size".Length).Append("Size\n");
        foreach (var field in fields)
        {
            Row(field.Name, field.TypeName, field.Offset, field.Size);
        }

        if (padding > 0)
        {
            Row("(padding)", "", end, padding);
        }

        Row("Total", "", -1, size);
        return text;
    }

    /// <summary>Appends <paramref name="value"/>, never negative, right-aligned in <paramref name="width"/> characters.</summary>
    private static StringBuilder AppendNumber(StringBuilder text, int value, int width)
    {
        int digits = Digits(value);
        text.Append(' ', width - digits);
        int last = text.Length + digits - 1;
        text.Append('0', digits);
        for (int i = last; i > last - digits; i--)
        {
            text[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        return text;
    }

    /// <summary>How many decimal digits <paramref name="value"/>, never negative, takes.</summary>
    private static int Digits(int value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    /// <summary>
    /// Reads a table <see cref="Format"/> rendered: the type name, the size, and the fields in order. Blank lines and
    /// the spaces around each line are ignored; the padding and total rows must agree with the fields.
    /// </summary>
    /// <returns><see langword="false"/>, with <paramref name="problem"/> saying why, if the text is not such a table.</returns>
    /// <remarks>
    /// Runs in every map's type initializer, at a process's first request, so it scans characters itself: no generic
    /// collection, no culture, no string search that the JIT would compile on the spot (each measured in milliseconds).
    /// </remarks>
    public static bool TryParse(string table, out string typeName, out int size, out (string Name, string TypeName, int Offset, int Size)[] fields, out string? problem)
    {
        typeName = "";
        size = 0;
        fields = new (string, string, int, int)[0];

        // The non-blank lines, each split at runs of spaces: the header keeps its type name whole, up to its last ": ".
        var rows = new string[Count(table, '\n') + 1][];
        int rowCount = 0;
        for (int start = 0; start <= table.Length;)
        {
            int end = table.IndexOf('\n', start);
            end = end < 0 ? table.Length : end;
            string[] cells = Cells(table, start, end);
            if (cells.Length != 0)
            {
                rows[rowCount++] = cells;
            }

            start = end + 1;
        }

        int typeEnd = rowCount > 0 ? HeaderTypeEnd(rows[0]) : -1;
        if (rowCount < 3 || typeEnd < 0 || rows[0].Length - typeEnd != 7 || rows[0][typeEnd + 2] != "bytes," || rows[0][typeEnd + 5] != "of" || rows[0][typeEnd + 6] != "padding"
            || !TryNumber(rows[0][typeEnd + 1], out int headerSize) || !TryNumber(rows[0][typeEnd + 3], out int headerPadding)
            || rows[0][typeEnd + 4] != (headerPadding == 1 ? "byte" : "bytes"))
        {
            problem = "it does not start with a line 'Type: N bytes, P bytes of padding'";
            return false;
        }

        string[] total = rows[rowCount - 1];
        if (total.Length != 2 || total[0] != "Total" || !TryNumber(total[1], out size))
        {
            problem = "its last line is not 'Total N'";
            return false;
        }

        // The rows between the header line, the column names and the total: the fields, then the padding row if any.
        int padding = 0;
        int fieldCount = rowCount - 3;
        string[] last = rows[rowCount - 2];
        if (fieldCount > 0 && last.Length == 3 && last[0] == "(padding)" && TryNumber(last[2], out padding))
        {
            fieldCount--;
        }

        fields = new (string, string, int, int)[fieldCount];
        int used = 0;
        for (int i = 0; i < fieldCount; i++)
        {
            string[] cells = rows[i + 2];
            if (cells.Length != 4 || !TryNumber(cells[2], out int offset) || !TryNumber(cells[3], out int fieldSize))
            {
                problem = "row " + (i + 3).ToString(CultureInfo.InvariantCulture) + " is not 'name type offset size'";
                return false;
            }

            fields[i] = (cells[0], cells[1], offset, fieldSize);
            used += fieldSize;
        }

        typeName = string.Join(" ", rows[0], 0, typeEnd + 1);
        typeName = typeName.Substring(0, typeName.Length - 1);
        if (headerSize != size || headerPadding != size - used || padding != (size > used ? size - used : 0))
        {
            problem = "its size, padding and fields do not agree";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>The index of the header's cell that ends the type name with its colon, or -1.</summary>
    private static int HeaderTypeEnd(string[] header)
    {
        for (int i = header.Length - 1; i >= 0; i--)
        {
            string cell = header[i];
            if (cell.Length > 1 && cell[cell.Length - 1] == ':')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The cells of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>, split at runs of spaces (and a line's <c>\r</c>).</summary>
    private static string[] Cells(string text, int start, int end)
    {
        var cells = new string[(end - start + 1) / 2];
        int count = 0;
        for (int i = start; i < end;)
        {
            while (i < end && (text[i] == ' ' || text[i] == '\r'))
            {
                i++;
            }

            int cellStart = i;
            while (i < end && text[i] != ' ' && text[i] != '\r')
            {
                i++;
            }

            if (i > cellStart)
            {
                cells[count++] = text.Substring(cellStart, i - cellStart);
            }
        }

        var result = new string[count];
        System.Array.Copy(cells, result, count);
        return result;
    }

    private static int Count(string text, char c)
    {
        int count = 0;
        foreach (char each in text)
        {
            count += each == c ? 1 : 0;
        }

        return count;
    }

    /// <summary>Reads a decimal number of at most nine digits, no sign: every number a layout table holds.</summary>
    private static bool TryNumber(string text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 9)
        {
            return false;
        }

        foreach (char digit in text)
        {
            if (digit is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

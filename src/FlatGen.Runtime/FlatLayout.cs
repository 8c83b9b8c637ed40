using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace FlatGen;

/// <summary>
/// Describes the explicit layout that FlatGen chose for a generated flat multi-map: its size and every field's
/// offset and size, as emitted in the struct's <c>[FieldOffset]</c> attributes.
/// </summary>
/// <remarks>Sizes are those of a 64-bit process, where an object reference takes 8 bytes.</remarks>
public sealed class FlatLayout
{
    private readonly FlatField[] _fields;

    /// <summary>Initializes a new instance of the <see cref="FlatLayout"/> class.</summary>
    /// <param name="typeName">The name of the struct the layout belongs to.</param>
    /// <param name="size">The size of the struct in bytes.</param>
    /// <param name="fields">Every field of the struct, ordered by offset, none overlapping, all within <paramref name="size"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="typeName"/> or <paramref name="fields"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The fields are not ordered by offset, overlap, or do not fit in <paramref name="size"/>.</exception>
    public FlatLayout(string typeName, int size, IEnumerable<FlatField> fields)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentOutOfRangeException.ThrowIfNegative(size);

        // An array (what generated code and Parse pass) is copied without a generic collection compiled at a map's first use.
        _fields = fields is FlatField[] array ? (FlatField[])array.Clone() : [.. fields];
        int end = 0;
        int used = 0;
        foreach (FlatField field in _fields)
        {
            if (field.Offset < end || field.Size < 0)
            {
                throw new ArgumentException($"The field '{field.Name}' at offset {field.Offset} overlaps the previous field or is out of order.", nameof(fields));
            }

            end = field.Offset + field.Size;
            used += field.Size;
        }

        if (end > size)
        {
            throw new ArgumentException($"The fields end at offset {end}, past the struct's size of {size} bytes.", nameof(fields));
        }

        TypeName = typeName;
        Size = size;
        PaddingBytes = size - used;
        Fields = new ReadOnlyCollection<FlatField>(_fields);
    }

    /// <summary>Gets the name of the struct the layout belongs to.</summary>
    public string TypeName { get; }

    /// <summary>Gets the size of the struct in bytes.</summary>
    public int Size { get; }

    /// <summary>Gets every field of the struct, ordered by offset.</summary>
    public IReadOnlyList<FlatField> Fields { get; }

    /// <summary>Gets the fields as the array behind <see cref="Fields"/>, for the runtime's own reads; never written.</summary>
    internal FlatField[] FieldArray => _fields;

    /// <summary>Gets the number of bytes of the struct that belong to no field.</summary>
    public int PaddingBytes { get; }

    /// <summary>Reads a layout from the table <see cref="ToString"/> renders, such as the one in each generated map's doc comment.</summary>
    /// <param name="table">The table: a line <c>Type: N bytes, P bytes of padding</c>, a header line, a line a field
    /// (<c>name type offset size</c>), a <c>(padding)</c> line when there is padding, and a <c>Total</c> line. Blank lines
    /// and the spaces around each line are ignored, so the table can be an indented raw string literal.</param>
    /// <returns>The layout the table describes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not such a table, or its size, padding and fields do not agree.</exception>
    /// <exception cref="ArgumentException">The fields are not ordered by offset, overlap, or do not fit in the size.</exception>
    public static FlatLayout Parse(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!FlatLayoutTable.TryParse(table, out string typeName, out int size, out var rows, out string? problem))
        {
            throw new FormatException($"The text is not a FlatGen layout table: {problem}.");
        }

        var fields = new FlatField[rows.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = new FlatField(rows[i].Name, rows[i].TypeName, rows[i].Offset, rows[i].Size);
        }

        return new FlatLayout(typeName, size, fields);
    }

    /// <summary>Renders the layout as a table: field, type, offset and size, then the padding and the total.</summary>
    /// <returns>The table, one line per field, lines separated by <c>\n</c>.</returns>
    public override string ToString()
    {
        var rows = new (string, string, int, int)[_fields.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = (_fields[i].Name, _fields[i].TypeName, _fields[i].Offset, _fields[i].Size);
        }

        return FlatLayoutTable.Format(TypeName, Size, rows);
    }
}

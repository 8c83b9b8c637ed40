using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace FlatGen.Generator.Helpers;

/// <summary>
/// Writes C# source with four-space indentation and <c>\n</c> line endings, the same on every machine. Interpolated
/// text is appended piece by piece (<see cref="Text"/>), so a template costs no string of its own.
/// </summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;

    /// <summary>A builder grown past this many characters is not kept: one huge map should not hold memory for the IDE's lifetime.</summary>
    private const int MaxCachedCapacity = 256 * 1024;

    /// <summary>One builder a thread, reused from map to map: a file's text is copied once, into its string.</summary>
    [ThreadStatic]
    private static StringBuilder? t_cachedText;

    private readonly StringBuilder _text;
    private int _indentation;

    /// <summary>Whether nothing has been written on the current line yet: its indentation is still to come.</summary>
    private bool _atLineStart = true;

    /// <summary>Initializes a new instance of the <see cref="SourceWriter"/> class.</summary>
    public SourceWriter()
    {
        _text = t_cachedText ?? new StringBuilder(16384);
        t_cachedText = null;
    }

    /// <summary>Writes <paramref name="line"/> at the current indentation; an empty line gets no spaces.</summary>
    public void WriteLine(string line)
    {
        Append(line);
        EndLine();
    }

    /// <summary>Writes an interpolated line at the current indentation.</summary>
    public void WriteLine([InterpolatedStringHandlerArgument("")] ref Text line) => EndLine();

    /// <summary>Writes an empty line.</summary>
    public void WriteLine() => EndLine();

    /// <summary>Writes an empty line unless the last line written is empty: one blank line between members, whichever wrote it.</summary>
    public void WriteSeparator()
    {
        int length = _text.Length;
        if (length < 2 || _text[length - 1] != '\n' || _text[length - 2] != '\n')
        {
            EndLine();
        }
    }

    /// <summary>Writes each line of <paramref name="lines"/> (separated by <c>\n</c>) at the current indentation, then ends the last.</summary>
    public void WriteLines(string lines)
    {
        Append(lines);
        EndLine();
    }

    /// <summary>Writes each line of <paramref name="lines"/> after <paramref name="prefix"/> (<c>/// </c>, say); a final <c>\n</c> ends the last line.</summary>
    public void WritePrefixedLines(string prefix, string lines)
    {
        int start = 0;
        while (start < lines.Length)
        {
            int end = lines.IndexOf('\n', start);
            if (end < 0)
            {
                end = lines.Length;
            }

            Append(prefix);
            _text.Append(lines, start, end - start);
            EndLine();
            start = end + 1;
        }
    }

    /// <summary>Writes each line of an interpolated template at the current indentation, then ends the last.</summary>
    public void WriteLines([InterpolatedStringHandlerArgument("")] ref Text lines) => EndLine();

    /// <summary>Writes <c>{</c> and indents until the returned block is disposed, which writes <c>}</c>.</summary>
    public Block WriteBlock(string closing = "}")
    {
        WriteLine("{");
        _indentation++;
        return new Block(this, closing);
    }

    /// <summary>Indents until the returned block is disposed, with no braces: a <c>case</c> body.</summary>
    public Block Indent()
    {
        _indentation++;
        return new Block(this, null);
    }

    /// <summary>Returns the text and gives the builder back to this thread's cache: the writer is not used again.</summary>
    public override string ToString()
    {
        string text = _text.ToString();
        if (_text.Capacity <= MaxCachedCapacity)
        {
            _text.Clear();
            t_cachedText = _text;
        }

        return text;
    }

    /// <summary>Appends <paramref name="text"/>, indenting each line that has any character; a <c>\r</c> before <c>\n</c> is dropped.</summary>
    private void Append(string? text)
    {
        if (text is null)
        {
            return;
        }

        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            int stop = end < 0 ? text.Length : end;
            int length = end > start && text[end - 1] == '\r' ? stop - start - 1 : stop - start;
            if (length != 0)
            {
                if (_atLineStart)
                {
                    _text.Append(' ', _indentation * SpacesPerLevel);
                    _atLineStart = false;
                }

                _text.Append(text, start, length);
            }

            if (end < 0)
            {
                return;
            }

            EndLine();
            start = end + 1;
        }
    }

    private void EndLine()
    {
        _text.Append('\n');
        _atLineStart = true;
    }

    /// <summary>Closes a block opened by <see cref="WriteBlock"/>.</summary>
    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string? _closing;

        public Block(SourceWriter writer, string? closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._indentation--;
            if (_closing is not null)
            {
                _writer.WriteLine(_closing);
            }
        }
    }

    /// <summary>Appends an interpolated line or template straight into the writer, indenting as <see cref="WriteLines(string)"/> does.</summary>
    [InterpolatedStringHandler]
    public readonly ref struct Text
    {
        private readonly SourceWriter _writer;

        public Text(int literalLength, int formattedCount, SourceWriter writer) => _writer = writer;

        public void AppendLiteral(string value) => _writer.Append(value);

        public void AppendFormatted(string? value) => _writer.Append(value);
    }
}

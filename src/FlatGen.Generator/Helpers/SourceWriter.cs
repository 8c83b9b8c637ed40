using System;
using System.Text;

namespace FlatGen.Generator.Helpers;

/// <summary>Writes C# source with four-space indentation and <c>\n</c> line endings, the same on every machine.</summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;

    private readonly StringBuilder _text;
    private int _indentation;

    /// <summary>Initializes a new instance of the <see cref="SourceWriter"/> class.</summary>
    /// <param name="capacity">The characters the text is expected to take.</param>
    public SourceWriter(int capacity = 256) => _text = new StringBuilder(capacity);

    /// <summary>Writes <paramref name="line"/> at the current indentation; an empty line gets no spaces.</summary>
    public void WriteLine(string line)
    {
        if (line.Length != 0)
        {
            _text.Append(' ', _indentation * SpacesPerLevel).Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine() => _text.Append('\n');

    /// <summary>Writes an empty line unless the last line written is empty: one blank line between members, whichever wrote it.</summary>
    public void WriteSeparator()
    {
        int length = _text.Length;
        if (length < 2 || _text[length - 1] != '\n' || _text[length - 2] != '\n')
        {
            _text.Append('\n');
        }
    }

    /// <summary>Writes each line of <paramref name="lines"/> (separated by <c>\n</c>) at the current indentation.</summary>
    public void WriteLines(string lines)
    {
        // Appended a line at a time from the one string: a template is most of a generated file, so no line is copied out.
        int start = 0;
        while (start <= lines.Length)
        {
            int end = lines.IndexOf('\n', start);
            if (end < 0)
            {
                end = lines.Length;
            }

            int length = end - start;
            if (length > 0 && lines[end - 1] == '\r')
            {
                length--;
            }

            if (length != 0)
            {
                _text.Append(' ', _indentation * SpacesPerLevel).Append(lines, start, length);
            }

            _text.Append('\n');
            start = end + 1;
        }
    }

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

    public override string ToString() => _text.ToString();

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
}

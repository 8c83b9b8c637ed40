using System;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FlatGen.Generator.Helpers;

/// <summary>
/// Writes C# source with four-space indentation and <c>\n</c> line endings, the same on every machine. Interpolated
/// text is appended piece by piece (<see cref="Text"/>), so a template costs no string of its own.
/// </summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;

    /// <summary>A buffer grown past this many characters is not kept: one huge map should not hold memory for the IDE's lifetime.</summary>
    private const int MaxCachedLength = 256 * 1024;

    /// <summary>One buffer a thread, reused from map to map: a file's text is copied once, into what the compiler keeps.</summary>
    [ThreadStatic]
    private static char[]? t_cachedBuffer;

    /// <summary>The lines <see cref="WritePrefixedLines"/> is writing, copied out of their builder.</summary>
    [ThreadStatic]
    private static char[]? t_lines;

    private char[] _buffer;
    private int _length;
    private int _indentation;

    /// <summary>Whether nothing has been written on the current line yet: its indentation is still to come.</summary>
    private bool _atLineStart = true;

    /// <summary>Initializes a new instance of the <see cref="SourceWriter"/> class.</summary>
    public SourceWriter()
        : this(t_cachedBuffer ?? new char[16384])
    {
        t_cachedBuffer = null;
    }

    private SourceWriter(char[] buffer) => _buffer = buffer;

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

    /// <summary>Writes <paramref name="block"/>, copying the text it renders at the current indentation when it can.</summary>
    public void Write(RenderedBlock block)
    {
        if (!_atLineStart || _indentation > RenderedBlock.MaxCachedIndentation)
        {
            block.WriteLines(this);
            return;
        }

        string text = block.RenderedAt(_indentation);
        AppendRaw(text, 0, text.Length);
    }

    /// <summary>Renders what <paramref name="write"/> writes at <paramref name="indentation"/>, in a writer of its own.</summary>
    public static string Render(int indentation, Action<SourceWriter> write)
    {
        var writer = new SourceWriter(new char[4096]) { _indentation = indentation };
        write(writer);
        return new string(writer._buffer, 0, writer._length);
    }

    /// <summary>Writes an empty line unless the last line written is empty: one blank line between members, whichever wrote it.</summary>
    public void WriteSeparator()
    {
        if (_length < 2 || _buffer[_length - 1] != '\n' || _buffer[_length - 2] != '\n')
        {
            EndLine();
        }
    }

    /// <summary>Writes each line of <paramref name="lines"/> after <paramref name="prefix"/> (<c>/// </c>, say); a final <c>\n</c> ends the last line.</summary>
    public void WritePrefixedLines(string prefix, StringBuilder lines)
    {
        // Read from an array: a builder's indexer walks its chunks at every character.
        char[] text = t_lines is { } cached && cached.Length >= lines.Length ? cached : (t_lines = new char[Math.Max(lines.Length, 2048)]);
        lines.CopyTo(0, text, 0, lines.Length);
        int start = 0;
        while (start < lines.Length)
        {
            int end = Array.IndexOf(text, '\n', start, lines.Length - start);
            if (end < 0)
            {
                end = lines.Length;
            }

            Append(prefix);
            Reserve(end - start);
            Array.Copy(text, start, _buffer, _length, end - start);
            _length += end - start;
            EndLine();
            start = end + 1;
        }
    }

    /// <summary>Writes each line of an interpolated template (separated by <c>\n</c>; a <c>\r</c> before it is dropped) at the current indentation, then ends the last.</summary>
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

    /// <summary>
    /// Returns the file for the compiler: one byte a character when it is all ASCII (nearly always; a key or name
    /// outside ASCII makes it a string). The writer is not used again; its buffer goes back to this thread's cache.
    /// </summary>
    public SourceText ToSourceText()
    {
        SourceText text;
        if (Encoding.UTF8.GetByteCount(_buffer, 0, _length) == _length)
        {
            byte[] ascii = new byte[_length];
            Encoding.UTF8.GetBytes(_buffer, 0, _length, ascii, 0);
            text = new AsciiSourceText(ascii);
        }
        else
        {
            text = SourceText.From(new string(_buffer, 0, _length), Encoding.UTF8);
        }

        // Handed back, never to be written again: the next writer on this thread takes it.
        if (_buffer.Length <= MaxCachedLength)
        {
            t_cachedBuffer = _buffer;
        }

        _buffer = Array.Empty<char>();
        _length = 0;
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
                StartLine();
                AppendRaw(text, start, length);
            }

            if (end < 0)
            {
                return;
            }

            EndLine();
            start = end + 1;
        }
    }

    private void AppendNumber(int value)
    {
        StartLine();
        Reserve(11);
        if (value < 0)
        {
            _buffer[_length++] = '-';
        }

        // Digits from the last, then in place: a negative value's magnitude is read digit by digit, as int.MinValue has no positive.
        int first = _length;
        do
        {
            _buffer[_length++] = (char)('0' + Math.Abs(value % 10));
            value /= 10;
        }
        while (value != 0);

        Array.Reverse(_buffer, first, _length - first);
    }

    private void AppendBuilt(StringBuilder text)
    {
        StartLine();
        Reserve(text.Length);
        text.CopyTo(0, _buffer, _length, text.Length);
        _length += text.Length;
    }

    /// <summary>Indents the current line if nothing has been written on it yet.</summary>
    private void StartLine()
    {
        if (_atLineStart)
        {
            AppendSpaces(_indentation * SpacesPerLevel);
            _atLineStart = false;
        }
    }

    private void EndLine()
    {
        Reserve(1);
        _buffer[_length++] = '\n';
        _atLineStart = true;
    }

    private void AppendRaw(string text, int start, int count)
    {
        Reserve(count);
        text.CopyTo(start, _buffer, _length, count);
        _length += count;
    }

    private void AppendSpaces(int count)
    {
        Reserve(count);
        for (int i = 0; i < count; i++)
        {
            _buffer[_length + i] = ' ';
        }

        _length += count;
    }

    private void Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            char[] larger = new char[Math.Max(_buffer.Length * 2, _length + count)];
            Array.Copy(_buffer, larger, _length);
            _buffer = larger;
        }
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

    /// <summary>Appends an interpolated line or template straight into the writer, each line indented as <see cref="WriteLines(ref Text)"/> says.</summary>
    [InterpolatedStringHandler]
    public readonly ref struct Text
    {
        private readonly SourceWriter _writer;

        public Text(int literalLength, int formattedCount, SourceWriter writer) => _writer = writer;

        public void AppendLiteral(string value) => _writer.Append(value);

        public void AppendFormatted(string? value) => _writer.Append(value);

        /// <summary>Appends <paramref name="value"/> in invariant decimal digits, as <c>Format.Number</c> writes it, with no string of its own.</summary>
        public void AppendFormatted(int value) => _writer.AppendNumber(value);

        /// <summary>Appends text built piece by piece (a condition of several words, say), which holds no line break.</summary>
        public void AppendFormatted(StringBuilder value) => _writer.AppendBuilt(value);
    }
}

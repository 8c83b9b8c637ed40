using FlatGen.Generator.Helpers;
using Microsoft.CodeAnalysis.Text;

namespace FlatGen.Tests.Generator;

/// <summary>The writer every generated file goes through: indentation, line endings, and the text it hands the compiler.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void Templates_are_indented_a_line_at_a_time_with_interpolated_pieces_in_place()
    {
        var writer = new SourceWriter();
        string name = "Count";
        writer.WriteLine("struct S");
        using (writer.WriteBlock())
        {
            writer.WriteLines($$"""
                public int {{name}} => 1;

                // {{name}}
                """);
            writer.WriteLines($"a\r\nb");
            writer.WritePrefixedLines("/// ", new System.Text.StringBuilder("x\ny\n"));
        }

        Assert.Equal("struct S\n{\n    public int Count => 1;\n\n    // Count\n    a\n    b\n    /// x\n    /// y\n}\n", writer.ToSourceText().ToString());
    }

    [Fact]
    public void Numbers_and_built_text_are_written_in_place_invariantly_and_indented()
    {
        var writer = new SourceWriter();
        var condition = new System.Text.StringBuilder("a && b");
        int[] numbers = [0, 7, -12, 1_234_567, int.MaxValue, int.MinValue];
        using (writer.Indent())
        {
            foreach (int number in numbers)
            {
                writer.WriteLine($"{number}");
            }

            writer.WriteLine($"{condition} ? {3}");
        }

        string expected = string.Concat(numbers.Select(n => "    " + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n")) + "    a && b ? 3\n";
        Assert.Equal(expected, writer.ToSourceText().ToString());
    }

    [Fact]
    public void Prefixed_lines_longer_than_any_before_are_written_whole()
    {
        var writer = new SourceWriter();
        writer.WritePrefixedLines("// ", new System.Text.StringBuilder("short\n"));
        string longLine = new('y', 5_000);
        writer.WritePrefixedLines("// ", new System.Text.StringBuilder(longLine + "\nz\n"));

        Assert.Equal("// short\n// " + longLine + "\n// z\n", writer.ToSourceText().ToString());
    }

    [Fact]
    public void A_rendered_block_writes_what_its_lines_write_at_every_indentation()
    {
        static void Members(SourceWriter writer)
        {
            writer.WriteLines($$"""
                public int A => 1;

                public int B
                {
                    get => 2;
                }

                """);
            writer.WriteLine($"// {42}");
        }

        var block = new RenderedBlock(Members);
        for (int depth = 0; depth <= RenderedBlock.MaxCachedIndentation + 2; depth++)
        {
            var rendered = new SourceWriter();
            var written = new SourceWriter();
            var renderedBlocks = new Stack<SourceWriter.Block>();
            var writtenBlocks = new Stack<SourceWriter.Block>();
            for (int level = 0; level < depth; level++)
            {
                renderedBlocks.Push(rendered.WriteBlock());
                writtenBlocks.Push(written.WriteBlock());
            }

            rendered.Write(block);
            rendered.Write(block);
            Members(written);
            Members(written);
            while (renderedBlocks.Count > 0)
            {
                renderedBlocks.Pop().Dispose();
                writtenBlocks.Pop().Dispose();
            }

            Assert.Equal(written.ToSourceText().ToString(), rendered.ToSourceText().ToString());
        }
    }

    [Fact]
    public void A_separator_never_doubles_a_blank_line()
    {
        var writer = new SourceWriter();
        writer.WriteLine("a");
        writer.WriteSeparator();
        writer.WriteSeparator();
        writer.WriteLine("b");

        Assert.Equal("a\n\nb\n", writer.ToSourceText().ToString());
    }

    [Fact]
    public void An_ASCII_file_is_kept_as_one_byte_a_character_and_reads_back_the_same()
    {
        var writer = new SourceWriter();
        string line = new('x', 40_000);
        writer.WriteLine(line);

        SourceText text = writer.ToSourceText();

        Assert.IsType<AsciiSourceText>(text);
        Assert.Equal(line + "\n", text.ToString());
        Assert.Equal(System.Text.Encoding.UTF8, text.Encoding);
        char[] window = new char[3];
        text.CopyTo(39_998, window, 0, 3);
        Assert.Equal("xx\n", new string(window));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(39_999, window, 0, 3));
    }

    [Fact]
    public void A_file_with_any_other_character_is_a_string()
    {
        var writer = new SourceWriter();
        writer.WriteLine("\"Größe\"");

        SourceText text = writer.ToSourceText();

        Assert.IsNotType<AsciiSourceText>(text);
        Assert.Equal("\"Größe\"\n", text.ToString());
    }
}

namespace FlatGen.Tests.Runtime;

/// <summary><see cref="FlatLayout.Parse"/> reads back the table <see cref="FlatLayout.ToString"/> renders, which every generated map's doc comment shows.</summary>
public sealed class LayoutParseTests
{
    public static TheoryData<FlatLayout> Layouts =>
    [
        new FlatLayout("Demo.NoPadding", 9, [new FlatField("_count", "byte", 0, 1), new FlatField("_slots", "byte[8]", 1, 8)]),
        new FlatLayout("Demo.OneByte", 10, [new FlatField("_count", "byte", 0, 1), new FlatField("_slots", "byte[8]", 1, 8)]),
        new FlatLayout("Demo.Outer.Nested", 24, [new FlatField("_keys", "string?[2]", 0, 16), new FlatField("_version", "uint", 16, 4)]),
        new FlatLayout("Demo.Gap", 32, [new FlatField("_a", "ulong", 0, 8), new FlatField("_b", "uint", 16, 4)]),
    ];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_rendered_table_reads_back_as_the_same_layout(FlatLayout layout)
    {
        FlatLayout read = FlatLayout.Parse(layout.ToString());

        Assert.Equal(layout.TypeName, read.TypeName);
        Assert.Equal(layout.Size, read.Size);
        Assert.Equal(layout.PaddingBytes, read.PaddingBytes);
        Assert.Equal(layout.Fields, read.Fields);
    }

    [Fact]
    public void An_indented_table_with_blank_lines_reads_as_a_raw_string_literal_holds_it()
    {
        FlatLayout read = FlatLayout.Parse("""

                Demo.Tags: 16 bytes, 3 bytes of padding
                Field    Type     Offset  Size
                _slots   byte[8]       0     8
                _count   byte          8     1
                _hash    uint         12     4
                (padding)              9     3
                Total                       16

            """);

        Assert.Equal("Demo.Tags", read.TypeName);
        Assert.Equal(16, read.Size);
        Assert.Equal(3, read.PaddingBytes);
        Assert.Equal([new FlatField("_slots", "byte[8]", 0, 8), new FlatField("_count", "byte", 8, 1), new FlatField("_hash", "uint", 12, 4)], read.Fields);
    }

    [Fact]
    public void Every_generated_map_s_table_reads_back_as_the_same_table() =>
        Assert.All(
            new[] { Maps.SmallMap.Layout, Maps.InlineKnownMap.Layout, Maps.Holder.NestedMap.Layout, Maps.LargestMap.Layout },
            layout => Assert.Equal(layout.ToString(), FlatLayout.Parse(layout.ToString()).ToString()));

    [Theory]
    [InlineData("")]
    [InlineData("Demo.Tags 9 bytes, 0 bytes of padding\nField Type Offset Size\n_count byte 0 1\nTotal 9")] // No colon.
    [InlineData("Demo.Tags: 9 bytes, 0 bytes of padding\nField Type Offset Size\n_count byte 0 1\n_slots byte[8] 1 8")] // No total.
    [InlineData("Demo.Tags: 9 bytes, 0 bytes of padding\nField Type Offset Size\n_count byte zero 1\n_slots byte[8] 1 8\nTotal 9")]
    [InlineData("Demo.Tags: 9 bytes, 0 bytes of padding\nField Type Offset Size\n_count byte 0 1\nTotal 9")] // 8 bytes unaccounted for.
    [InlineData("Demo.Tags: 10 bytes, 1 byte of padding\nField Type Offset Size\n_count byte 0 1\n_slots byte[8] 1 8\nTotal 10")] // No padding row.
    [InlineData("Demo.Tags: 9 bytes, 0 bytes of padding\nField Type Offset Size\n_count byte 0 1\n_slots byte[8] 1 -8\nTotal 9")]
    public void A_text_that_is_not_a_consistent_table_throws_FormatException(string table) =>
        Assert.Throws<FormatException>(() => FlatLayout.Parse(table));

    [Fact]
    public void Overlapping_fields_throw_ArgumentException_as_the_constructor_does() =>
        Assert.Throws<ArgumentException>(() => FlatLayout.Parse("Demo.Tags: 9 bytes, 0 bytes of padding\nField Type Offset Size\n_slots byte[8] 0 8\n_count byte 7 1\nTotal 9"));

    [Fact]
    public void A_null_table_throws_ArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => FlatLayout.Parse(null!));
}

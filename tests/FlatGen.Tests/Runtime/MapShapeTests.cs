using System.Reflection;
using System.Runtime.InteropServices;
using FlatGen.Infrastructure;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// A map's core finds its fields through the <see cref="FlatMapShape"/> built from the generated <see cref="FlatLayout"/>:
/// the shape must point where the struct's fields really are, with their real lengths, and refuse a layout that is not
/// a generated map's rather than let a core write anywhere.
/// </summary>
public sealed class MapShapeTests
{
    [Fact]
    public void The_shape_points_at_the_struct_s_own_fields_with_their_lengths()
    {
        AssertShape<SmallMap>(keyIndexSize: sizeof(byte), valueIndexSize: sizeof(byte), inline: false);
        AssertShape<KnownHeadersMap>(keyIndexSize: sizeof(byte), valueIndexSize: sizeof(byte), inline: false);
        AssertShape<InlineKnownMap>(keyIndexSize: sizeof(byte), valueIndexSize: sizeof(byte), inline: true);
    }

    [Fact]
    public void A_layout_without_a_field_every_map_has_is_refused_naming_it()
    {
        var layout = new FlatLayout("NotAMap", 16, [new FlatField("_count", "byte", 0, 1), new FlatField("_slots", "byte[8]", 1, 8)]);

        ArgumentException refused = Assert.Throws<ArgumentException>("layout", () => FlatMapShape.Create<byte, byte>(layout, 4, 4));

        Assert.Contains("'NotAMap' has no field '_keyHashes'", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    public void A_layout_whose_hashed_slots_are_not_a_power_of_two_is_refused(int slots)
    {
        // A probe keeps its slot inside the table by masking it with the length less one, without a bounds check.
        var layout = new FlatLayout("OddSlots", 64, [
            new FlatField("_hashedKeyLengths", "ulong", 0, 8), new FlatField("_keyHashes", "uint[4]", 8, 16), new FlatField("_version", "uint", 24, 4),
            new FlatField("_slots", $"byte[{slots}]", 28, slots), new FlatField("_valueStarts", "byte[4]", 36, 4), new FlatField("_valueCounts", "byte[4]", 40, 4),
            new FlatField("_count", "byte", 44, 1), new FlatField("_valueCount", "byte", 45, 1)]);

        ArgumentException refused = Assert.Throws<ArgumentException>("layout", () => FlatMapShape.Create<byte, byte>(layout, 4, 4));

        Assert.Contains($"'OddSlots' has {slots} hashed slots, not a power of two", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layout_with_two_fields_of_one_name_is_refused_naming_it()
    {
        var layout = new FlatLayout("Twice", 16, [new FlatField("_count", "byte", 0, 1), new FlatField("_count", "byte", 1, 1)]);

        ArgumentException refused = Assert.Throws<ArgumentException>("layout", () => FlatMapShape.Create<byte, byte>(layout, 4, 4));

        Assert.Contains("'Twice' has two fields named '_count'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layout_copies_the_array_it_is_given()
    {
        FlatField[] fields = [new FlatField("_count", "byte", 0, 1)];
        var layout = new FlatLayout("Copied", 1, fields);

        fields[0] = new FlatField("_changed", "byte", 0, 1);

        Assert.Equal("_count", layout.Fields[0].Name);
    }

    [Fact]
    public void The_shape_keeps_its_own_copy_of_the_known_keys()
    {
        string[] names = ["Host", "Accept"];
        var layout = new FlatLayout("Copies", 64, [
            new FlatField("_hashedKeyLengths", "ulong", 0, 8), new FlatField("_keyHashes", "uint[4]", 8, 16), new FlatField("_version", "uint", 24, 4),
            new FlatField("_slots", "byte[8]", 28, 8), new FlatField("_valueStarts", "byte[4]", 36, 4), new FlatField("_valueCounts", "byte[4]", 40, 4),
            new FlatField("_count", "byte", 44, 1), new FlatField("_valueCount", "byte", 45, 1)]);

        FlatMapShape shape = FlatMapShape.Create<byte, byte>(layout, 4, 4, new NamesOnlyMatcher(names));
        names[0] = "Changed";

        Assert.Equal(["Host", "Accept"], shape.KnownKeyNames);
    }

    [Fact]
    public void Maps_of_a_kind_with_other_known_keys_share_one_core()
    {
        // The matcher is the shape's, not a type argument: one compiled core, and one ReadyToRun body, for all of them.
        Type Core<TMap>() => typeof(TMap).GetNestedType("Core", BindingFlags.NonPublic)!.BaseType!;

        Assert.Equal(typeof(FlatReferenceMapCore<byte, byte, FlatOrdinalIgnoreCaseComparer, FlatKnownKeys>), Core<KnownHeadersMap>());
        Assert.Equal(Core<KnownHeadersMap>(), Core<OtherSpillingKnownMap>());
        Assert.Equal(Core<SpillingKnownMap>(), Core<OtherSpillingKnownMap>());
        Assert.Equal(typeof(FlatInlineMapCore<byte, byte, FlatOrdinalIgnoreCaseComparer, FlatKnownKeys>), Core<InlineKnownMap>());
    }

    /// <summary>A matcher that matches nothing, for the names it keeps.</summary>
    private sealed class NamesOnlyMatcher(string[] names) : FlatKnownKeyMatcher(names)
    {
        public override int Match(ReadOnlySpan<char> key) => -1;

        public override int MatchUtf8(ReadOnlySpan<byte> key) => -1;
    }

    private static void AssertShape<TMap>(int keyIndexSize, int valueIndexSize, bool inline)
        where TMap : struct, IFlatMap<TMap>
    {
        ref readonly FlatMapShape shape = ref TMap.Shape;
        Assert.Equal(typeof(TMap).FullName!.Replace('+', '.'), shape.MapName);
        Dictionary<string, FlatField> fields = Layout<TMap>().Fields.ToDictionary(f => f.Name);

        // Offsets as the runtime lays the struct out (Marshal.OffsetOf reads the [FieldOffset]s), lengths from sizes.
        Assert.Equal((int)Marshal.OffsetOf<TMap>("_slots"), shape.SlotsOffset);
        Assert.Equal(fields["_slots"].Size / keyIndexSize, shape.SlotsLength);
        Assert.Equal((int)Marshal.OffsetOf<TMap>("_keyHashes"), shape.KeyHashesOffset);
        Assert.Equal(fields["_keyHashes"].Size / sizeof(uint), shape.KeyHashesLength);
        Assert.Equal((int)Marshal.OffsetOf<TMap>("_valueCounts"), shape.ValueCountsOffset);
        Assert.Equal(fields["_valueCounts"].Size / valueIndexSize, shape.ValueCountsLength);
        Assert.Equal((int)Marshal.OffsetOf<TMap>("_count"), shape.CountOffset);
        Assert.Equal((int)Marshal.OffsetOf<TMap>("_version"), shape.VersionOffset);
        Assert.Equal(System.Runtime.CompilerServices.Unsafe.SizeOf<TMap>(), shape.Size);
        if (inline)
        {
            Assert.Equal((int)Marshal.OffsetOf<TMap>("_arena"), shape.ArenaOffset);
            Assert.Equal(fields["_arena"].Size, shape.ArenaLength);
            Assert.Equal(0, shape.KeysLength);
        }
        else
        {
            Assert.Equal((int)Marshal.OffsetOf<TMap>("_keys"), shape.KeysOffset);
            Assert.Equal(fields["_keys"].Size / 8, shape.KeysLength);
            Assert.Equal((int)Marshal.OffsetOf<TMap>("_values"), shape.ValuesOffset);
            Assert.Equal(0, shape.ArenaLength);
        }
    }

    private static FlatLayout Layout<TMap>() =>
        (FlatLayout)typeof(TMap).GetProperty("Layout")!.GetValue(null)!;
}

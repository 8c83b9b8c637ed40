using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>The layout a map reports (<c>SizeInBytes</c>, <c>Layout</c>) is the one the runtime really uses.</summary>
public sealed class LayoutTruthTests
{
    private delegate int OffsetOf<T>(ref T value);

    public static TheoryData<Type> Maps =>
    [
        typeof(SingleKeyMap), typeof(TinyMap), typeof(ValueStarvedMap), typeof(SmallMap), typeof(TinyIgnoreCaseMap),
        typeof(OrdinalMap32), typeof(IgnoreCaseMap32), typeof(WideMap), typeof(ByteIndexLimitMap), typeof(UShortIndexMap), typeof(LargestMap), typeof(Holder.NestedMap),
        typeof(KnownHeadersMap), typeof(KnownOrdinalMap), typeof(ManyKnownKeysMap), typeof(InlineMap), typeof(InlineKnownMap), typeof(InlineWideMap),
    ];

    [Theory]
    [MemberData(nameof(Maps))]
    public void Reported_layout_is_the_runtime_layout(Type mapType) =>
        typeof(LayoutTruthTests).GetMethod(nameof(AssertLayout), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(mapType).Invoke(null, null);

    [Fact]
    public void Index_fields_use_the_narrowest_type_the_capacities_allow()
    {
        // A reference map's entries and values have a quarter more than its capacities (spares for removals), rounded
        // up, and the index types must hold those; an inline map's are its capacities.
        Assert.Equal("byte[32]", FieldType<SmallMap>("_slots"));
        Assert.Equal("byte[20]", FieldType<SmallMap>("_valueStarts"));
        Assert.Equal("string?[40]", FieldType<SmallMap>("_values"));
        Assert.Equal("ushort[1024]", FieldType<WideMap>("_slots"));
        Assert.Equal("ushort[375]", FieldType<WideMap>("_valueCounts"));
        Assert.Equal("byte[512]", FieldType<ByteIndexLimitMap>("_slots"));
        Assert.Equal("byte[255]", FieldType<ByteIndexLimitMap>("_valueStarts"));
        Assert.Equal("string?[255]", FieldType<ByteIndexLimitMap>("_keys"));
        Assert.Equal("ushort[512]", FieldType<UShortIndexMap>("_slots"));
        Assert.Equal("ushort[257]", FieldType<UShortIndexMap>("_valueStarts"));
        Assert.Equal("ushort[8192]", FieldType<LargestMap>("_slots"));
        Assert.Equal("string?[5120]", FieldType<LargestMap>("_keys"));
        Assert.Equal("string?[65535]", FieldType<LargestMap>("_values")); // No spare past the 16-bit value index.
        Assert.Equal("byte", FieldType<TinyMap>("_count"));
        Assert.Equal("ushort", FieldType<LargestMap>("_valueCount"));
        Assert.Equal("uint[8]", FieldType<InlineMap>("_keyHashes")); // Inline maps close holes at once: no spares.
        Assert.Equal("ushort[16]", FieldType<InlineMap>("_valueLengths"));
    }

    [Fact]
    public void Layout_table_lists_every_field_and_the_totals()
    {
        string table = SmallMap.Layout.ToString();
        Assert.StartsWith("FlatGen.Tests.Maps.SmallMap: 648 bytes, 0 bytes of padding\n", table);
        Assert.Contains("_keys              string?[20]       0   160\n", table);
        Assert.Contains("_version           uint            568     4\n", table);
        Assert.Contains("_valueHoles        byte            647     1\n", table);
        Assert.DoesNotContain("(padding)", table);
        Assert.EndsWith("Total                                    648\n", table);
        Assert.Equal(SmallMap.Layout.Fields.Count + 3, table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static string FieldType<T>(string name) =>
        ((FlatLayout)typeof(T).GetProperty("Layout")!.GetValue(null)!).Fields.Single(f => f.Name == name).TypeName;

    private static void AssertLayout<T>()
        where T : struct
    {
        var layout = (FlatLayout)typeof(T).GetProperty("Layout")!.GetValue(null)!;
        int sizeInBytes = (int)typeof(T).GetField("SizeInBytes")!.GetRawConstantValue()!;

        Assert.Equal(Unsafe.SizeOf<T>(), sizeInBytes);
        Assert.Equal(sizeInBytes, layout.Size);
        Assert.Equal(typeof(T).FullName!.Replace('+', '.'), layout.TypeName);

        FieldInfo[] fields = typeof(T).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.Equal(fields.Select(f => f.Name).Order(), layout.Fields.Select(f => f.Name).Order());

        var box = new StrongBox<T>();
        int end = 0;
        foreach (FlatField reported in layout.Fields)
        {
            FieldInfo field = fields.Single(f => f.Name == reported.Name);
            Assert.Equal(RealOffset<T>(field)(ref box.Value), reported.Offset);
            Assert.Equal(RealSize(field.FieldType), reported.Size);

            // Padding only at the tail: each field starts where the previous one ends.
            Assert.Equal(end, reported.Offset);
            end = reported.Offset + reported.Size;
        }

        Assert.Equal(layout.Size - end, layout.PaddingBytes);
        Assert.InRange(layout.PaddingBytes, 0, 7);
    }

    /// <summary>The field's offset as the CLR laid it out: the address <c>ldflda</c> gives, less the struct's address.</summary>
    private static OffsetOf<T> RealOffset<T>(FieldInfo field)
    {
        var method = new DynamicMethod("OffsetOf" + field.Name, typeof(int), [typeof(T).MakeByRefType()], typeof(LayoutTruthTests).Module, skipVisibility: true);
        ILGenerator il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldflda, field);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Conv_I4);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<OffsetOf<T>>();
    }

    private static int RealSize(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
}

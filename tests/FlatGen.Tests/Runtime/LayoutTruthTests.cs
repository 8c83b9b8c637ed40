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
        typeof(OrdinalMap32), typeof(IgnoreCaseMap32), typeof(WideMap), typeof(LargestMap), typeof(Holder.NestedMap),
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
        Assert.Equal("byte[32]", FieldType<SmallMap>("_slots"));
        Assert.Equal("byte[16]", FieldType<SmallMap>("_valueStarts"));
        Assert.Equal("ushort[1024]", FieldType<WideMap>("_slots"));
        Assert.Equal("ushort[300]", FieldType<WideMap>("_valueCounts"));
        Assert.Equal("ushort[8192]", FieldType<LargestMap>("_slots"));
        Assert.Equal("byte", FieldType<TinyMap>("_count"));
        Assert.Equal("ushort", FieldType<LargestMap>("_valueCount"));
    }

    [Fact]
    public void Layout_table_lists_every_field_and_the_totals()
    {
        string table = SmallMap.Layout.ToString();
        Assert.StartsWith("FlatGen.Tests.Maps.SmallMap: 528 bytes, 0 bytes of padding\n", table);
        Assert.Contains("_keys              string?[16]       0   128\n", table);
        Assert.Contains("_version           uint            456     4\n", table);
        Assert.Contains("_valueHoles        byte            527     1\n", table);
        Assert.DoesNotContain("(padding)", table);
        Assert.EndsWith("Total                                    528\n", table);
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

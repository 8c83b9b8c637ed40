using System.Text;
using CsCheck;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// Random sequences of operations run on a generated map and on <see cref="MultiMapModel"/>; every observable
/// result must agree after every step, and a refused add must leave the map exactly as it was.
/// </summary>
public sealed class MapModelPropertyTests
{
    private const int Iterations = 1500;

    public enum OperationKind
    {
        TryAdd,
        Add,
        TryAddSpan,
        AddSpan,
        Get,
        Remove,
        Clear,
        Set,
        RemoveValue,
        TryAddUtf8,
        AddUtf8,
        GetUtf8,
        RemoveUtf8,
        AddInvalidUtf8,
        SetSpan,
        SetIndexer,
        RemoveValueSpan,
    }

    [Fact]
    public void Single_key_map_agrees_with_the_model() => Check<SingleKeyMap>(StringComparer.Ordinal, KeyPools.Ordinal);

    [Fact]
    public void Tiny_map_agrees_with_the_model() => Check<TinyMap>(StringComparer.Ordinal, KeyPools.Ordinal);

    [Fact]
    public void Value_starved_map_agrees_with_the_model() => Check<ValueStarvedMap>(StringComparer.Ordinal, KeyPools.Ordinal);

    [Fact]
    public void Small_map_agrees_with_the_model() => Check<SmallMap>(StringComparer.Ordinal, KeyPools.Ordinal);

    [Fact]
    public void Tiny_ignore_case_map_agrees_with_the_model() => Check<TinyIgnoreCaseMap>(StringComparer.OrdinalIgnoreCase, KeyPools.IgnoreCase);

    [Fact]
    public void Ignore_case_map_agrees_with_the_model() => Check<IgnoreCaseMap32>(StringComparer.OrdinalIgnoreCase, KeyPools.IgnoreCase);

    [Fact]
    public void Wide_map_agrees_with_the_model() => Check<WideMap>(StringComparer.Ordinal, KeyPools.Ordinal);

    [Fact]
    public void Known_headers_map_agrees_with_the_model() => CheckKnown<KnownHeadersMap>(StringComparer.OrdinalIgnoreCase, KeyPools.IgnoreCase);

    [Fact]
    public void Known_ordinal_map_agrees_with_the_model() => CheckKnown<KnownOrdinalMap>(StringComparer.Ordinal, KeyPools.Ordinal);

    [Fact]
    public void Many_known_keys_map_agrees_with_the_model() => CheckKnown<ManyKnownKeysMap>(StringComparer.OrdinalIgnoreCase, KeyPools.IgnoreCase);

    [Fact]
    public void Reusing_headers_map_agrees_with_the_model() => CheckKnown<ReusingHeadersMap>(StringComparer.OrdinalIgnoreCase, KeyPools.IgnoreCase);

    private static void CheckKnown<TMap>(StringComparer comparer, string[] pool)
        where TMap : struct, ITestMap
    {
        string[] known = KnownKeys<TMap>();
        Check<TMap>(comparer, KeyPools.WithKnownKeys(known, pool), known);
    }

    /// <summary>The known keys as the attribute declares them (not as the generated code reports them).</summary>
    private static string[] KnownKeys<TMap>() =>
        typeof(TMap).GetCustomAttributes(typeof(FlatMultiMapAttribute), false).Cast<FlatMultiMapAttribute>().Single().KnownKeys!;

    private static void Check<TMap>(StringComparer comparer, string[] keys, string[]? knownKeys = null)
        where TMap : struct, ITestMap
    {
        Gen<Operation> operation = Gen.Frequency(
            (6, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.TryAdd, k, v))),
            (2, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.Add, k, v))),
            (2, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.TryAddSpan, k, v))),
            (1, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.AddSpan, k, v))),
            (3, Gen.Int[0, keys.Length - 1].Select(k => new Operation(OperationKind.Get, k, 0))),
            (2, Gen.Int[0, keys.Length - 1].Select(k => new Operation(OperationKind.Remove, k, 0))),
            (1, Gen.Const(new Operation(OperationKind.Clear, 0, 0))),
            (2, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.Set, k, v))),
            (2, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.RemoveValue, k, v))),
            (3, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.TryAddUtf8, k, v))),
            (1, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.AddUtf8, k, v))),
            (2, Gen.Int[0, keys.Length - 1].Select(k => new Operation(OperationKind.GetUtf8, k, 0))),
            (1, Gen.Int[0, keys.Length - 1].Select(k => new Operation(OperationKind.RemoveUtf8, k, 0))),
            (1, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.AddInvalidUtf8, k, v))),
            (1, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.SetSpan, k, v))),
            (1, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.SetIndexer, k, v))),
            (1, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, KeyPools.Values.Length - 1], (k, v) => new Operation(OperationKind.RemoveValueSpan, k, v))));

        operation.Array[1, 80].Sample(operations => Run<TMap>(operations, comparer, keys, knownKeys), iter: Iterations);
    }

    private static void Run<TMap>(Operation[] operations, StringComparer comparer, string[] keys, string[]? knownKeys)
        where TMap : struct, ITestMap
    {
        var map = new TMap();
        var model = new MultiMapModel(comparer, Capacity<TMap>("KeyCapacity"), Capacity<TMap>("ValueCapacity"), knownKeys);
        foreach (Operation operation in operations)
        {
            string key = keys[operation.Key];
            string value = KeyPools.Values[operation.Value];
            List<string[]> before = map.Entries();
            if (operation.Kind is OperationKind.TryAddUtf8 or OperationKind.AddUtf8 or OperationKind.GetUtf8 or OperationKind.RemoveUtf8)
            {
                // A key with a lone surrogate has no UTF-8 form: its bytes (with U+FFFD for the surrogate) are another key.
                key = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(key));
            }

            switch (operation.Kind)
            {
                case OperationKind.TryAddUtf8:
                    string? missingUtf8 = model.MissingCapacity(key);
                    Assert.Equal(missingUtf8 is null, map.TryAdd(Utf8Slice(key), Utf8Slice(value)));
                    AddOrAssertUnchanged(ref map, model, missingUtf8, key, value, before);
                    break;

                case OperationKind.AddUtf8:
                    missingUtf8 = model.MissingCapacity(key);
                    if (missingUtf8 is null)
                    {
                        map.Add(Utf8Slice(key), Utf8Slice(value));
                    }
                    else
                    {
                        FlatMapFullException full = Assert.Throws<FlatMapFullException>(() => map.Add(Utf8Slice(key), Utf8Slice(value)));
                        Assert.Equal(missingUtf8, full.CapacityName);
                        Assert.Equal(key, full.Key);
                    }

                    AddOrAssertUnchanged(ref map, model, missingUtf8, key, value, before);
                    break;

                case OperationKind.GetUtf8:
                    string[]? expectedUtf8 = model.Get(key);
                    Assert.Equal(expectedUtf8 is not null, map.TryGetValues(Utf8Slice(key), out ReadOnlySpan<string> valuesUtf8));
                    Assert.Equal(expectedUtf8 ?? [], valuesUtf8.ToArray());
                    Assert.Equal(expectedUtf8 ?? [], map.GetValues(Utf8Slice(key)).ToArray());
                    Assert.Equal(expectedUtf8 is not null, map.ContainsKey(Utf8Slice(key)));
                    break;

                case OperationKind.RemoveUtf8:
                    Assert.Equal(model.Remove(key), map.Remove(Utf8Slice(key)));
                    break;

                case OperationKind.AddInvalidUtf8:
                    // A key's bytes with a byte no UTF-8 holds, or a lone continuation byte for a value: refused, nothing changes.
                    byte[] invalidKey = [.. Encoding.UTF8.GetBytes(key), 0xFF];
                    byte[] invalidValue = [0x80, .. Encoding.UTF8.GetBytes(value)];
                    Assert.Equal("key", Assert.Throws<ArgumentException>(() => map.TryAdd(invalidKey, Encoding.UTF8.GetBytes(value))).ParamName);
                    Assert.Equal("value", Assert.Throws<ArgumentException>(() => map.Add(Encoding.UTF8.GetBytes(key), invalidValue)).ParamName);
                    Assert.False(map.ContainsKey(invalidKey));
                    Assert.False(map.Remove(invalidKey));
                    Assert.Equal(before, map.Entries());
                    break;

                case OperationKind.TryAdd or OperationKind.TryAddSpan:
                    string? missing = model.MissingCapacity(key);
                    bool added = operation.Kind == OperationKind.TryAdd ? map.TryAdd(key, value) : map.TryAdd(Slice(key), value);
                    Assert.Equal(missing is null, added);
                    AddOrAssertUnchanged(ref map, model, missing, key, value, before);
                    break;

                case OperationKind.Add or OperationKind.AddSpan:
                    missing = model.MissingCapacity(key);
                    bool bySpan = operation.Kind == OperationKind.AddSpan;
                    if (missing is null)
                    {
                        AddOne();
                    }
                    else
                    {
                        // The lambda captures the map itself (not a copy), so the unchanged check below covers Add.
                        FlatMapFullException exception = Assert.Throws<FlatMapFullException>(AddOne);
                        Assert.Equal(missing, exception.CapacityName);
                        Assert.Equal(key, exception.Key);
                    }

                    AddOrAssertUnchanged(ref map, model, missing, key, value, before);
                    break;

                    void AddOne()
                    {
                        if (bySpan)
                        {
                            map.Add(Slice(key), value);
                        }
                        else
                        {
                            map.Add(key, value);
                        }
                    }

                case OperationKind.Get:
                    // Probe through a span that is not the start of a string: a separate instance, unaligned.
                    ReadOnlySpan<char> probe = ("x" + key + "yz").AsSpan(1, key.Length);
                    string[]? expected = model.Get(key);
                    Assert.Equal(expected is not null, map.TryGetValues(probe, out ReadOnlySpan<string> values));
                    Assert.Equal(expected ?? [], values.ToArray());
                    Assert.Equal(expected ?? [], map.GetValues(probe).ToArray());
                    Assert.Equal(expected is not null, map.ContainsKey(probe));
                    break;

                case OperationKind.Remove:
                    Assert.Equal(model.Remove(key), map.Remove(key));
                    break;

                case OperationKind.Clear:
                    model.Clear();
                    map.Clear();
                    break;

                case OperationKind.Set:
                    missing = model.MissingCapacityForSet(key, value);
                    Assert.Equal(missing is null, map.TrySet(key, value));
                    if (missing is null)
                    {
                        model.Set(key, value);
                    }
                    else
                    {
                        Assert.Equal(before, map.Entries());
                    }

                    break;

                case OperationKind.SetSpan:
                    missing = model.MissingCapacityForSet(key, value);
                    Assert.Equal(missing is null, map.TrySet(Slice(key), value));
                    if (missing is null)
                    {
                        model.Set(key, value);
                    }
                    else
                    {
                        Assert.Equal(before, map.Entries());
                    }

                    break;

                case OperationKind.SetIndexer:
                    missing = model.MissingCapacityForSet(key, value);
                    if (missing is null)
                    {
                        map[key] = value;
                        model.Set(key, value);
                    }
                    else
                    {
                        Assert.Equal(missing, Assert.Throws<FlatMapFullException>(() => map[key] = value).CapacityName);
                        Assert.Equal(before, map.Entries());
                    }

                    break;

                case OperationKind.RemoveValue:
                    Assert.Equal(model.RemoveValue(key, value), map.Remove(key, value));
                    break;

                case OperationKind.RemoveValueSpan:
                    Assert.Equal(model.RemoveValue(key, value), map.Remove(Slice(key), value));
                    break;
            }

            Assert.Equal(model.Count, map.Count);
            Assert.Equal(model.ValueCount, map.ValueCount);
            Assert.Equal(model.Entries(), map.Entries());
            AssertFirstValue(map, model.Get(keys[operation.Key])?[0], keys[operation.Key]);
            AssertEqualsItsReverse(map, model);
        }

        Dictionary<string, string[]> dictionary = map.ToDictionary();
        Assert.Equal(model.Count, dictionary.Count);
        foreach (string[] entry in model.Entries())
        {
            Assert.Equal(entry[1..], dictionary[entry[0]]);
        }
    }

    /// <summary>Every form of reading a key's first value agrees: by string, span and UTF-8 (a key with a UTF-8 form), and the indexer.</summary>
    private static void AssertFirstValue<TMap>(TMap map, string? expected, string key)
        where TMap : struct, ITestMap
    {
        Assert.Equal(expected, map.GetFirstOrDefault(key));
        Assert.Equal(expected, map.GetFirstOrDefault(Slice(key)));
        Assert.Equal(expected, map[key]);
        Assert.Equal(expected is not null, map.TryGetFirst(key, out string? first));
        Assert.Equal(expected, first);
        Assert.Equal(expected is not null, map.TryGetFirst(Slice(key), out first));
        Assert.Equal(expected, first);
        if (Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(key)) == key)
        {
            Assert.Equal(expected, map.GetFirstOrDefault(Utf8Slice(key)));
            Assert.Equal(expected is not null, map.TryGetFirst(Utf8Slice(key), out first));
            Assert.Equal(expected, first);
        }
    }

    /// <summary>
    /// The same entries added in reverse key order make an equal map with the same hash; one more value, or a value
    /// changed, makes an unequal one.
    /// </summary>
    private static void AssertEqualsItsReverse<TMap>(TMap map, MultiMapModel model)
        where TMap : struct, ITestMap
    {
        var reversed = new TMap();
        foreach (string[] entry in Enumerable.Reverse(model.Entries()))
        {
            foreach (string value in entry[1..])
            {
                reversed.Add(entry[0], value);
            }
        }

        Assert.True(EqualityComparer<TMap>.Default.Equals(map, reversed));
        Assert.Equal(EqualityComparer<TMap>.Default.GetHashCode(map), EqualityComparer<TMap>.Default.GetHashCode(reversed));
        if (model.Count > 0 && reversed.TrySet(model.Entries()[0][0], "a value no pool holds"))
        {
            Assert.False(EqualityComparer<TMap>.Default.Equals(map, reversed));
        }
    }

    private static void AddOrAssertUnchanged<TMap>(ref TMap map, MultiMapModel model, string? missing, string key, string value, List<string[]> before)
        where TMap : struct, ITestMap
    {
        if (missing is null)
        {
            model.Add(key, value);
        }
        else
        {
            Assert.Equal(before, map.Entries());
        }
    }

    /// <summary>The key as a slice of a longer string: a span add must neither keep nor depend on the caller's buffer.</summary>
    private static ReadOnlySpan<char> Slice(string key) => ("<" + key + ">").AsSpan(1, key.Length);

    /// <summary>The text's UTF-8 bytes as a slice of a longer buffer, as a parser would pass them.</summary>
    private static ReadOnlySpan<byte> Utf8Slice(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes("<" + text + ">");
        return bytes.AsSpan(1, bytes.Length - 2);
    }

    private static int Capacity<TMap>(string name) => (int)typeof(TMap).GetField(name)!.GetRawConstantValue()!;

    public readonly record struct Operation(OperationKind Kind, int Key, int Value);
}

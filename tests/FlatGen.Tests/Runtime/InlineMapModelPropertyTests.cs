using System.Text;
using CsCheck;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// Random sequences of operations, by UTF-16 and by UTF-8, run on an inline map and on <see cref="MultiMapModel"/>
/// (counting arena bytes); every observable result must agree after every step, invalid text must be refused with
/// <see cref="ArgumentException"/>, a refused add must leave the map's bytes as they were, and the bytes must read back.
/// </summary>
public sealed class InlineMapModelPropertyTests
{
    private const int Iterations = 1000;

    /// <summary>Values with non-ASCII text, and two that are not valid UTF-16 (lone surrogates).</summary>
    private static readonly string[] Values = [.. KeyPools.Values, "ää-ünïcode", "x\uDC00", "\uD83D"];

    public enum OperationKind
    {
        TryAdd,
        Add,
        TryAddUtf8,
        AddUtf8,
        Get,
        Remove,
        RemoveUtf8,
        Clear,
        Set,
        RemoveValue,
        SetSpan,
        SetIndexer,
        RemoveValueSpan,
    }

    [Fact]
    public void Inline_map_agrees_with_the_model() => Check<InlineMap>(StringComparer.Ordinal, KeyPools.InlineOrdinal, 96);

    [Fact]
    public void Inline_map_with_known_keys_agrees_with_the_model() =>
        Check<InlineKnownMap>(StringComparer.OrdinalIgnoreCase, KeyPools.WithKnownKeys(["Host", "Content-Type", "Größe"], KeyPools.InlineIgnoreCase), 1024, ["Host", "Content-Type", "Größe"]);

    [Fact]
    public void Wide_inline_map_agrees_with_the_model() => Check<InlineWideMap>(StringComparer.Ordinal, KeyPools.InlineOrdinal, 7000);

    private static void Check<TMap>(StringComparer comparer, string[] keys, int inlineBytes, string[]? knownKeys = null)
        where TMap : struct, IInlineTestMap<TMap>
    {
        Gen<Operation> add(OperationKind kind) =>
            Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, Values.Length - 1], (k, v) => new Operation(kind, k, v));
        Gen<Operation> operation = Gen.Frequency(
            (4, add(OperationKind.TryAdd)),
            (2, add(OperationKind.Add)),
            (3, add(OperationKind.TryAddUtf8)),
            (1, add(OperationKind.AddUtf8)),
            (3, Gen.Int[0, keys.Length - 1].Select(k => new Operation(OperationKind.Get, k, 0))),
            (1, Gen.Int[0, keys.Length - 1].Select(k => new Operation(OperationKind.Remove, k, 0))),
            (1, Gen.Int[0, keys.Length - 1].Select(k => new Operation(OperationKind.RemoveUtf8, k, 0))),
            (1, Gen.Const(new Operation(OperationKind.Clear, 0, 0))),
            (2, add(OperationKind.Set)),
            (2, add(OperationKind.RemoveValue)),
            (1, add(OperationKind.SetSpan)),
            (1, add(OperationKind.SetIndexer)),
            (1, add(OperationKind.RemoveValueSpan)));

        operation.Array[1, 60].Sample(operations => Run<TMap>(operations, comparer, keys, inlineBytes, knownKeys), iter: Iterations);
    }

    private static void Run<TMap>(Operation[] operations, StringComparer comparer, string[] keys, int inlineBytes, string[]? knownKeys)
        where TMap : struct, IInlineTestMap<TMap>
    {
        var map = new TMap();
        var model = new MultiMapModel(comparer, Capacity<TMap>("KeyCapacity"), Capacity<TMap>("ValueCapacity"), knownKeys, inlineBytes);
        foreach (Operation operation in operations)
        {
            string key = keys[operation.Key];
            string value = Values[operation.Value];
            // An inline map ignoring case refuses a new key that is not ASCII (its fold depends on the runtime's tables).
            bool storable = !ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase) || IsAscii(key) || (knownKeys?.Any(k => comparer.Equals(k, key)) ?? false);
            bool valid = IsValidUtf16(key) && IsValidUtf16(value) && storable;
            byte[] before = map.AsBytes().ToArray();
            switch (operation.Kind)
            {
                case OperationKind.TryAdd or OperationKind.Add or OperationKind.TryAddUtf8 or OperationKind.AddUtf8:
                    bool utf8 = operation.Kind is OperationKind.TryAddUtf8 or OperationKind.AddUtf8;
                    bool throwing = operation.Kind is OperationKind.Add or OperationKind.AddUtf8;
                    if (!valid)
                    {
                        // Invalid text: as UTF-16 a lone surrogate, as UTF-8 the surrogate's bytes (ill-formed UTF-8); or a key the map cannot store.
                        Assert.Throws<ArgumentException>(() => Add(ref map, key, value, utf8, throwing));
                        Assert.Equal(before, map.AsBytes().ToArray());
                        break;
                    }

                    string? missing = model.MissingCapacity(key, value);
                    if (missing is null)
                    {
                        Assert.True(Add(ref map, key, value, utf8, throwing));
                        model.Add(key, value);
                    }
                    else
                    {
                        if (throwing)
                        {
                            FlatMapFullException full = Assert.Throws<FlatMapFullException>(() => Add(ref map, key, value, utf8, throwing));
                            Assert.Equal(missing, full.CapacityName);
                        }
                        else
                        {
                            Assert.False(Add(ref map, key, value, utf8, throwing));
                        }

                        Assert.Equal(before, map.AsBytes().ToArray());
                    }

                    break;

                case OperationKind.Get:
                    string[]? expected = model.Get(key);
                    Assert.Equal(expected ?? [], map.GetValues(key).ToArray());
                    Assert.Equal(expected is not null, map.TryGetValues(key, out FlatInlineValues values));
                    Assert.Equal(expected ?? [], values.ToArray());
                    Assert.Equal(expected is not null, map.ContainsKey(key));
                    if (IsValidUtf16(key))
                    {
                        Assert.Equal(expected ?? [], map.GetValues(Encoding.UTF8.GetBytes(key)).ToArray());
                        Assert.Equal(expected is not null, map.ContainsKey(Encoding.UTF8.GetBytes(key)));
                    }

                    break;

                case OperationKind.Remove:
                    Assert.Equal(model.Remove(key), map.Remove(key));
                    break;

                case OperationKind.RemoveUtf8:
                    // Invalid UTF-8 is a key that is absent.
                    Assert.Equal(IsValidUtf16(key) && model.Remove(key), map.Remove(Encoding.UTF8.GetBytes(key)));
                    break;

                case OperationKind.Clear:
                    model.Clear();
                    map.Clear();
                    break;

                case OperationKind.Set or OperationKind.SetSpan:
                    bool bySpan = operation.Kind == OperationKind.SetSpan;
                    if (!valid)
                    {
                        Assert.Throws<ArgumentException>(() => bySpan ? map.TrySet(("<" + key + ">").AsSpan(1, key.Length), value) : map.TrySet(key, value));
                        Assert.Equal(before, map.AsBytes().ToArray());
                        break;
                    }

                    missing = model.MissingCapacityForSet(key, value);
                    Assert.Equal(missing is null, bySpan ? map.TrySet(("<" + key + ">").AsSpan(1, key.Length), value) : map.TrySet(key, value));
                    if (missing is null)
                    {
                        model.Set(key, value);
                    }
                    else
                    {
                        Assert.Equal(before, map.AsBytes().ToArray());
                    }

                    break;

                case OperationKind.SetIndexer:
                    if (!valid)
                    {
                        Assert.Throws<ArgumentException>(() => map[key] = value);
                        Assert.Equal(before, map.AsBytes().ToArray());
                        break;
                    }

                    missing = model.MissingCapacityForSet(key, value);
                    if (missing is null)
                    {
                        map[key] = value;
                        model.Set(key, value);
                    }
                    else
                    {
                        Assert.Equal(missing, Assert.Throws<FlatMapFullException>(() => map[key] = value).CapacityName);
                        Assert.Equal(before, map.AsBytes().ToArray());
                    }

                    break;

                case OperationKind.RemoveValue:
                    Assert.Equal(valid && model.RemoveValue(key, value), map.Remove(key, value));
                    break;

                case OperationKind.RemoveValueSpan:
                    Assert.Equal(valid && model.RemoveValue(key, value), map.Remove(("<" + key + ">").AsSpan(1, key.Length), value));
                    break;
            }

            Assert.Equal(model.Count, map.Count);
            Assert.Equal(model.ValueCount, map.ValueCount);
            Assert.Equal(model.UsedBytes, map.InlineBytesUsed);
            Assert.Equal(model.Entries(), map.Entries());

            // The bytes are the map: read back, they are the same map, byte for byte.
            Assert.True(TMap.TryRead(map.AsBytes(), out TMap copy));
            Assert.Equal(map.AsBytes().ToArray(), copy.AsBytes().ToArray());
            Assert.Equal(model.Entries(), copy.Entries());
            if (IsValidUtf16(key))
            {
                // Every form of a first-value read agrees: string, span, UTF-8, the indexer and TryGetFirst.
                string? first = model.Get(key)?[0];
                Assert.Equal(first, map.GetFirstOrDefault(key));
                Assert.Equal(first, map.GetFirstOrDefault(("<" + key + ">").AsSpan(1, key.Length)));
                Assert.Equal(first, map.GetFirstOrDefault(Encoding.UTF8.GetBytes(key)));
                Assert.Equal(first, map[key]);
                Assert.Equal(first is not null, map.TryGetFirst(key, out string? got));
                Assert.Equal(first, got);
            }

            AssertEqualsItsReverse(map, model);
        }

        Dictionary<string, string[]> dictionary = map.ToDictionary();
        Assert.Equal(model.Count, dictionary.Count);
    }

    /// <summary>The same entries added in reverse key order make an equal map with the same hash; a changed value an unequal one.</summary>
    private static void AssertEqualsItsReverse<TMap>(TMap map, MultiMapModel model)
        where TMap : struct, IInlineTestMap<TMap>
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

    private static bool Add<TMap>(ref TMap map, string key, string value, bool utf8, bool throwing)
        where TMap : struct, IInlineTestMap<TMap>
    {
        // Encoding.UTF8 would replace a lone surrogate; its raw UTF-8-style bytes are what invalid input looks like.
        byte[] keyBytes = Utf8OrIllFormed(key);
        byte[] valueBytes = Utf8OrIllFormed(value);
        switch (utf8, throwing)
        {
            case (false, false):
                return map.TryAdd(key.AsSpan(), value.AsSpan());
            case (false, true):
                map.Add(key.AsSpan(), value.AsSpan());
                return true;
            case (true, false):
                return map.TryAdd(keyBytes.AsSpan(), valueBytes.AsSpan());
            default:
                map.Add(keyBytes.AsSpan(), valueBytes.AsSpan());
                return true;
        }
    }

    /// <summary>UTF-8 for valid text; for a lone surrogate, its three-byte encoding, which is ill-formed UTF-8.</summary>
    internal static byte[] Utf8OrIllFormed(string text)
    {
        var bytes = new List<byte>();
        foreach (char c in text)
        {
            if (char.IsSurrogate(c))
            {
                bytes.AddRange([(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return IsValidUtf16(text) ? Encoding.UTF8.GetBytes(text) : [.. bytes];
    }

    private static bool IsAscii(string text) => text.All(c => c < 0x80);

    /// <summary>Whether <paramref name="text"/> pairs every surrogate, checked by hand rather than by the code under test.</summary>
    internal static bool IsValidUtf16(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int Capacity<TMap>(string name) => (int)typeof(TMap).GetField(name)!.GetRawConstantValue()!;

    public readonly record struct Operation(OperationKind Kind, int Key, int Value);
}

using System;

namespace FlatGen;

/// <summary>
/// Instructs the FlatGen source generator to fill the annotated <see langword="partial"/> struct with a
/// fixed-capacity, flat multi-map from <see cref="string"/> keys to one or more <see cref="string"/> values.
/// </summary>
/// <remarks>
/// <para>
/// The struct gets an explicit layout whose fields (hashed key slots, inline key and value arrays) are chosen
/// and reported by the generator. It holds at most <see cref="KeyCapacity"/> distinct keys and
/// <see cref="ValueCapacity"/> values in all; nothing grows and nothing is allocated on the heap.
/// </para>
/// <para>
/// <see cref="KeyCapacity"/> must be between 1 and 4,096 and <see cref="ValueCapacity"/> between 1 and 65,535;
/// the generator reports <c>FLATGEN007</c> or <c>FLATGEN008</c> otherwise.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class FlatMultiMapAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="FlatMultiMapAttribute"/> class.</summary>
    /// <param name="keyCapacity">The most distinct keys the map holds.</param>
    /// <param name="valueCapacity">The most values the map holds, summed over all keys.</param>
    public FlatMultiMapAttribute(int keyCapacity, int valueCapacity)
    {
        KeyCapacity = keyCapacity;
        ValueCapacity = valueCapacity;
    }

    /// <summary>Gets the most distinct keys the map holds.</summary>
    public int KeyCapacity { get; }

    /// <summary>Gets the most values the map holds, summed over all keys.</summary>
    public int ValueCapacity { get; }

    /// <summary>Gets or sets how keys are compared. The default is <see cref="FlatKeyComparison.Ordinal"/>.</summary>
    public FlatKeyComparison KeyComparison { get; set; }
}

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
/// <see cref="ValueCapacity"/> values in all; nothing grows and nothing is allocated on the heap, unless the map is
/// declared to spill what does not fit (<see cref="Overflow"/>).
/// </para>
/// <para>
/// <see cref="KeyCapacity"/> must be between 1 and <see cref="MaxKeyCapacity"/> (4,096) and <see cref="ValueCapacity"/>
/// between 1 and <see cref="MaxValueCapacity"/> (65,535); the generator reports <c>FLATGEN007</c> or <c>FLATGEN008</c> otherwise.
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

    /// <summary>The largest key capacity a map can be declared with.</summary>
    public const int MaxKeyCapacity = FlatLimits.MaxKeyCapacity;

    /// <summary>The largest value capacity a map can be declared with.</summary>
    public const int MaxValueCapacity = FlatLimits.MaxValueCapacity;

    /// <summary>The largest <see cref="InlineBytes"/> an inline map can be declared with.</summary>
    public const int MaxInlineBytes = FlatLimits.MaxInlineBytes;

    /// <summary>Gets the most distinct keys the map holds.</summary>
    public int KeyCapacity { get; }

    /// <summary>Gets the most values the map holds, summed over all keys.</summary>
    public int ValueCapacity { get; }

    /// <summary>Gets or sets how keys are compared. The default is <see cref="FlatKeyComparison.Ordinal"/>.</summary>
    public FlatKeyComparison KeyComparison { get; set; }

    /// <summary>
    /// Gets or sets the keys known at compile time, such as HTTP header names. The default is none.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each known key gets a fixed slot instead of a hashed one: no key string is stored and no hash is computed.
    /// A matcher generated from the set (a switch on the length, then packed-word comparisons) finds it for every
    /// lookup, add and remove, and the struct gets a typed accessor per key, named from the key
    /// (<c>Content-Type</c> becomes the property <c>ContentType</c> and the method <c>AddContentType</c>).
    /// Known keys count toward <see cref="KeyCapacity"/>, share the value storage with the other keys, and enumerate
    /// in first-insertion order with them, under the spelling given here.
    /// </para>
    /// <para>
    /// A key that is empty or duplicated under <see cref="KeyComparison"/>, whose accessor name is not a valid
    /// identifier or collides with another member, or more known keys than <see cref="KeyCapacity"/>, is a
    /// build error (<c>FLATGEN015</c> to <c>FLATGEN019</c>).
    /// </para>
    /// </remarks>
    public string[]? KnownKeys { get; set; }

    /// <summary>
    /// Gets or sets whether an unknown key added as a <see cref="ReadOnlySpan{T}"/> of characters becomes a string
    /// through a shared pool, so that the same key text seen again reuses one string. The default is
    /// <see langword="false"/>: each new unknown key becomes a new string.
    /// </summary>
    /// <remarks>
    /// The pool is <c>CommunityToolkit.HighPerformance.Buffers.StringPool.Shared</c>, which is thread-safe. With
    /// <see cref="ReuseValueStrings"/> also set, <c>Clear</c> keeps the key strings too, and a new unknown key whose text
    /// is, ordinally, the one kept at its place (the same request's header at the same position) is that string, with no
    /// pool lookup and, from UTF-8, no decoding.
    /// </remarks>
    public bool InternUnknownKeys { get; set; }

    /// <summary>
    /// Gets or sets whether <c>Clear</c> keeps the map's value strings, so that a value added as UTF-8 bytes where an
    /// equal one was before is that string again instead of a new one, as Kestrel's <c>reuseHeaderValues</c> does: the
    /// same request seen again on a connection (the same header lines in the same order) then allocates no value
    /// string. The default is <see langword="false"/>. For <see cref="FlatStorage.References"/> maps (<c>FLATGEN022</c> otherwise).
    /// </summary>
    /// <remarks>
    /// Only ASCII values are reused, and only where a value is appended after all the others (a header's values that
    /// arrive together, or a new key's first value). The kept strings are not part of the map's contents (they do not
    /// enumerate, compare or serialise), but they stay reachable from the map after <c>Clear</c> until its
    /// <c>ForgetReusedStrings</c> method is called: the one exception to <c>Clear</c> leaving no reference behind. With
    /// <see cref="InternUnknownKeys"/> also set, the key strings are kept and reused the same way.
    /// </remarks>
    public bool ReuseValueStrings { get; set; }

    /// <summary>
    /// Gets or sets how keys and values are stored. The default is <see cref="FlatStorage.References"/>;
    /// <see cref="FlatStorage.InlineUtf8"/> needs <see cref="InlineBytes"/>.
    /// </summary>
    public FlatStorage Storage { get; set; }

    /// <summary>
    /// Gets or sets the size in bytes of the inline arena that holds the UTF-8 bytes of every key and value, for
    /// <see cref="FlatStorage.InlineUtf8"/>: between 1 and 65,535 (<c>FLATGEN020</c> otherwise).
    /// </summary>
    public int InlineBytes { get; set; }

    /// <summary>
    /// Gets or sets what the map does when an add or a set needs a key slot, a value slot or arena bytes it lacks. The
    /// default is <see cref="FlatOverflow.Refuse"/>; <see cref="FlatOverflow.Spill"/> (reference storage only,
    /// <c>FLATGEN035</c> otherwise) puts what does not fit in a heap overflow until <c>Clear</c>, so that it takes any input;
    /// <see cref="FlatOverflow.EvictOldest"/> makes the map a bounded registry or cache that removes its first-inserted
    /// keys to make room (<c>FLATGEN034</c> for a value that is not a member).
    /// </summary>
    public FlatOverflow Overflow { get; set; }
}

using System;

namespace FlatGen;

/// <summary>
/// The exception that is thrown when a value is added to a generated flat multi-map that has no free key slot
/// or no free value slot left. The map is left exactly as it was before the call.
/// </summary>
public sealed class FlatMapFullException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="FlatMapFullException"/> class.</summary>
    public FlatMapFullException()
        : base("The flat multi-map is full.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FlatMapFullException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public FlatMapFullException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FlatMapFullException"/> class with a message and an inner exception.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FlatMapFullException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FlatMapFullException"/> class for a refused add.</summary>
    /// <param name="mapName">The name of the map type, such as <c>MyApp.RequestTags</c>.</param>
    /// <param name="capacityName">The capacity that ran out: <c>KeyCapacity</c>, <c>ValueCapacity</c> or <c>InlineBytes</c>.</param>
    /// <param name="capacity">The value of that capacity.</param>
    /// <param name="key">The key being added.</param>
    public FlatMapFullException(string mapName, string capacityName, int capacity, string key)
        : base(FormatMessage(mapName, capacityName, capacity, key))
    {
        MapName = mapName;
        CapacityName = capacityName;
        Capacity = capacity;
        Key = key;
    }

    /// <summary>For an inline arena that is full: says whether the key's own bytes or only a value's were refused, and the bytes free.</summary>
    internal FlatMapFullException(string mapName, int inlineBytes, string key, int arenaBytesInUse, bool keyPresent)
        : base(FormatArenaMessage(mapName, inlineBytes, key, arenaBytesInUse, keyPresent))
    {
        MapName = mapName;
        CapacityName = "InlineBytes";
        Capacity = inlineBytes;
        Key = key;
    }

    /// <summary>Gets the name of the map type that is full, or <see langword="null"/> when not known.</summary>
    public string? MapName { get; }

    /// <summary>Gets the capacity that ran out (<c>KeyCapacity</c>, <c>ValueCapacity</c> or <c>InlineBytes</c>), or <see langword="null"/> when not known.</summary>
    public string? CapacityName { get; }

    /// <summary>Gets the value of the capacity that ran out, or 0 when not known.</summary>
    public int Capacity { get; }

    /// <summary>Gets the key whose add was refused, whole, or <see langword="null"/> when not known. The message quotes at most its first 64 characters.</summary>
    public string? Key { get; }

    /// <summary>The most characters of a key a message quotes; a longer key is cut and its length given.</summary>
    internal const int MaxQuotedKeyLength = 64;

    private static string FormatMessage(string mapName, string capacityName, int capacity, string key)
    {
        key = Quote(key);
        string what = capacityName switch
        {
            "KeyCapacity" => $"all {capacity} key slots are in use, so the new key '{key}' cannot be added",
            "InlineBytes" => $"its {capacity}-byte inline arena has no room for the bytes of a value for the key '{key}'",
            _ => $"all {capacity} value slots are in use, so a value for the key '{key}' cannot be added",
        };
        return Full(mapName, what, capacityName);
    }

    private static string FormatArenaMessage(string mapName, int inlineBytes, string key, int arenaBytesInUse, bool keyPresent)
    {
        key = Quote(key);
        string what = keyPresent
            ? $"the bytes of a new value for the key '{key}' do not fit"
            : $"the bytes of the new key '{key}' and its value do not fit";
        return Full(mapName, $"its {inlineBytes}-byte inline arena has {inlineBytes - arenaBytesInUse} bytes free, and {what}", "InlineBytes");
    }

    private static string Full(string mapName, string what, string capacityName) =>
        $"The flat multi-map '{mapName}' is full: {what}. The map is unchanged. Remove entries, or raise {capacityName} in its [FlatMultiMap] attribute.";

    /// <summary>
    /// A key as a message quotes it: whole up to <see cref="MaxQuotedKeyLength"/> characters, otherwise its start
    /// and its length, so that a hostile key cannot flood a log. A surrogate pair is never cut in half.
    /// </summary>
    internal static string Quote(string key)
    {
        if (key.Length <= MaxQuotedKeyLength)
        {
            return key;
        }

        int cut = char.IsHighSurrogate(key[MaxQuotedKeyLength - 1]) ? MaxQuotedKeyLength - 1 : MaxQuotedKeyLength;
        return $"{key.AsSpan(0, cut)}… ({key.Length} characters)";
    }
}

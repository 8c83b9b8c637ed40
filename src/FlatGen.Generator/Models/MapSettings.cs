namespace FlatGen.Generator.Models;

/// <summary>A map's checked settings: the attribute's arguments once validated.</summary>
/// <param name="KeyCapacity">The most distinct keys.</param>
/// <param name="ValueCapacity">The most values in all.</param>
/// <param name="KeyComparison">How keys are compared.</param>
/// <param name="Storage">How keys and values are stored.</param>
/// <param name="Overflow">What the map does when an add or a set needs room it lacks.</param>
/// <param name="InlineBytes">The <c>InlineBytes</c> argument, when given.</param>
/// <param name="InternUnknownKeys">The <c>InternUnknownKeys</c> argument.</param>
/// <param name="ReuseValueStrings">The <c>ReuseValueStrings</c> argument.</param>
internal sealed record MapSettings(
    int KeyCapacity,
    int ValueCapacity,
    FlatKeyComparison KeyComparison,
    FlatStorage Storage,
    int? InlineBytes,
    bool InternUnknownKeys,
    bool ReuseValueStrings,
    FlatOverflow Overflow);

namespace FlatGen.Generator.Models;

/// <summary>One key of a map's <c>KnownKeys</c>; its index in the map's list is its fixed slot and presence bit.</summary>
/// <param name="Key">The key as declared, which is also how it enumerates.</param>
/// <param name="MemberName">The typed accessor's name, cleaned from the key: <c>Content-Type</c> gives <c>ContentType</c>.</param>
/// <param name="OmittedAccessors">
/// Bit <c>i</c> set: the <c>i</c>-th of the key's members (<see cref="Helpers.GeneratedNames.KnownKeyAccessors"/>) is not
/// written, because it has the name of another known key's values (<c>SetCookie</c>: "Set-Cookie"'s, not "Cookie"'s set).
/// </param>
internal sealed record KnownKeySpec(string Key, string MemberName, int OmittedAccessors = 0);

namespace FlatGen;

/// <summary>
/// The limits of a map's declaration, compiled into the runtime (whose 16-bit offsets and indices they protect) and
/// into the generator (which reports a declaration past them): written once, here.
/// </summary>
internal static class FlatLimits
{
    /// <summary>The most keys a map can be declared with.</summary>
    public const int MaxKeyCapacity = 4096;

    /// <summary>The most values a map can be declared with: value indices are 16-bit.</summary>
    public const int MaxValueCapacity = 65535;

    /// <summary>The largest arena an inline map can be declared with: arena offsets are 16-bit.</summary>
    public const int MaxInlineBytes = 65535;
}

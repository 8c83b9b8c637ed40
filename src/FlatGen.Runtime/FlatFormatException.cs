using System;

namespace FlatGen;

/// <summary>
/// The exception that is thrown when bytes read as an inline flat multi-map do not form a valid map of that exact
/// layout (the wrong length, another layout, a big-endian process, or any count, offset, length, slot or hash that a
/// map built by its own methods could not hold), or bytes read as a <see cref="FlatPackedMap"/> are not what packing
/// writes.
/// </summary>
public sealed class FlatFormatException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="FlatFormatException"/> class.</summary>
    public FlatFormatException()
        : base("The bytes are not a valid flat multi-map.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FlatFormatException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public FlatFormatException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FlatFormatException"/> class with a message and an inner exception.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FlatFormatException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

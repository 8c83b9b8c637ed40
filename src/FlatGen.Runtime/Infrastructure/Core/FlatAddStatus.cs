using System.ComponentModel;

namespace FlatGen.Infrastructure;

/// <summary>What an add or a set did: added, or refused for want of the room it names, leaving the map unchanged.</summary>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum FlatAddStatus
{
    /// <summary>The value was added or set.</summary>
    Added,

    /// <summary>No key slot is free.</summary>
    KeysFull,

    /// <summary>No value slot is free.</summary>
    ValuesFull,

    /// <summary>An inline map's arena lacks the bytes; a reference map never returns it.</summary>
    BytesFull,

    /// <summary>The map has spilled (<see cref="FlatOverflow.Spill"/>): its fields take nothing until <c>Clear</c>, and the add goes to its overflow.</summary>
    Spilled,
}

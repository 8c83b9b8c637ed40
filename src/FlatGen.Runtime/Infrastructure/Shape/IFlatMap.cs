using System.Collections.Generic;
using System.ComponentModel;

namespace FlatGen.Infrastructure;

/// <summary>
/// What the runtime's adapters that must name a map's type (its JSON converter, its debugger view) know of it: the
/// shape the cores find its fields through, and its contents.
/// </summary>
/// <typeparam name="TSelf">The generated struct.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFlatMap<TSelf>
    where TSelf : struct, IFlatMap<TSelf>
{
    /// <summary>Gets where the map's fields are and its constants.</summary>
    static abstract ref readonly FlatMapShape Shape { get; }

    /// <summary>Copies the map's keys, in first-insertion order, each with its values.</summary>
    /// <returns>A new array of the keys and their values.</returns>
    KeyValuePair<string, string[]>[] ToArray();
}

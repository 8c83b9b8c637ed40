using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;

namespace FlatGen.Infrastructure;

/// <summary>What the debugger shows for a map of either storage: its keys, in first-insertion order, each with its values.</summary>
/// <typeparam name="TMap">The generated struct; only the debugger instantiates this view.</typeparam>
/// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FlatMapDebugView<TMap>
    where TMap : struct, IFlatMap<TMap>
{
    /// <summary>Initializes a new instance of the <see cref="FlatMapDebugView{TMap}"/> class for <paramref name="map"/>.</summary>
    /// <param name="map">The map to show.</param>
    public FlatMapDebugView(TMap map) => Items = map.ToArray();

    /// <summary>Gets the keys and their values.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.RootHidden)]
    public KeyValuePair<string, string[]>[] Items { get; }
}

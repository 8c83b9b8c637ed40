using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;

namespace FlatGen.Infrastructure;

public static partial class FlatMultiMapCore<TMap, TKeyIndex, TValueIndex, TComparer>
{
    /// <summary>What the debugger shows for a map: its keys, in first-insertion order, each with its values.</summary>
    /// <remarks>This API supports the code FlatGen generates and is not meant to be used directly.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class DebugView
    {
        /// <summary>Initializes a new instance of the <see cref="DebugView"/> class for <paramref name="map"/>.</summary>
        public DebugView(TMap map)
        {
            var items = new List<KeyValuePair<string, string[]>>();
            foreach (FlatMultiMapEntry entry in new Enumerator(ref map))
            {
                items.Add(new KeyValuePair<string, string[]>(entry.Key, entry.Values.ToArray()));
            }

            Items = items.ToArray();
        }

        /// <summary>Gets the keys and their values.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.RootHidden)]
        public KeyValuePair<string, string[]>[] Items { get; }
    }
}

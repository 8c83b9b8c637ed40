using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;

namespace FlatGen.Benchmarks;

/// <summary>
/// The bytes-in request cycle every class that measures one runs: add each header line from its bytes, read 5 headers
/// by name as an application does, and reset for the next request on the connection.
/// </summary>
internal static class BytesInCycle
{
    /// <summary>The cycle on a reference map; constrained to a struct, the calls are direct, as user code's would be.</summary>
    /// <remarks>
    /// Each cycle is a method of its own, as every competitor's loop is: inlined into a one-line benchmark method, it
    /// would share that method's inlining budget (a multiple of its own size), and the map's members could stay calls.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Run<TMap>(ref TMap map, (byte[] Name, byte[] Value)[] lines, string[] reads)
        where TMap : struct, IBytesInMap
    {
        foreach ((byte[] name, byte[] value) in lines)
        {
            map.Add(name, value);
        }

        int read = 0;
        foreach (string name in reads)
        {
            read += map.GetValues(name).Length;
        }

        map.Clear();
        return read;
    }

    /// <summary>The cycle on Kestrel's own request headers, as Kestrel parses into them and resets them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Kestrel(IHeaderDictionary headers, (byte[] Name, byte[] Value)[] lines, string[] reads)
    {
        foreach ((byte[] name, byte[] value) in lines)
        {
            KestrelRequestHeaders.Append(headers, name, value, checkForNewlineChars: false);
        }

        KestrelRequestHeaders.OnHeadersComplete(headers);
        int read = 0;
        foreach (string name in reads)
        {
            read += headers[name].Count;
        }

        KestrelRequestHeaders.Reset(headers);
        return read;
    }
}

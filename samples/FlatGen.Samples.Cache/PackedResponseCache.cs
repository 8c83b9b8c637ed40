namespace FlatGen.Samples.Cache;

/// <summary>
/// A response cache that keeps each response's headers packed: one array a response, at the size of its content, with
/// no references for the garbage collector to follow. Entries are written to a file as they are and read back, each
/// validated, by any later process.
/// </summary>
public sealed class PackedResponseCache
{
    private readonly Dictionary<string, FlatPackedMap> _entries = new(StringComparer.Ordinal);

    /// <summary>Gets the number of responses cached.</summary>
    public int Count => _entries.Count;

    /// <summary>Caches <paramref name="headers"/> for <paramref name="url"/>, packed; the map can be cleared and reused.</summary>
    public void Store(string url, ref ResponseHeaders headers) => _entries[url] = headers.Pack();

    /// <summary>Gets the headers cached for <paramref name="url"/>.</summary>
    public bool TryGet(string url, out FlatPackedMap headers) => _entries.TryGetValue(url, out headers);

    /// <summary>Writes every entry: its URL, then its packed bytes as they are.</summary>
    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(_entries.Count);
        foreach ((string url, FlatPackedMap headers) in _entries)
        {
            writer.Write(url);
            writer.Write(headers.ByteCount);
            writer.Write(headers.AsBytes());
        }
    }

    /// <summary>Reads entries <see cref="WriteTo"/> wrote; each one's bytes are validated, and one that is not a packed map is skipped.</summary>
    /// <returns>The cache, and the number of entries skipped.</returns>
    public static (PackedResponseCache Cache, int Skipped) ReadFrom(Stream stream)
    {
        var cache = new PackedResponseCache();
        int skipped = 0;
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        for (int count = reader.ReadInt32(); count > 0; count--)
        {
            string url = reader.ReadString();
            byte[] bytes = reader.ReadBytes(reader.ReadInt32());
            if (FlatPackedMap.TryRead(bytes, out FlatPackedMap headers))
            {
                cache._entries[url] = headers;
            }
            else
            {
                skipped++;
            }
        }

        return (cache, skipped);
    }
}

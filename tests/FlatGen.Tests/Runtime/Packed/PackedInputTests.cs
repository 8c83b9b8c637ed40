using System.Text;
using FlatGen.Tests.Maps;

namespace FlatGen.Tests.Runtime.Packed;

/// <summary>
/// Damaged bytes: 100,000 blobs made from valid packed maps by bit flips, truncation, changed, inserted and removed
/// bytes, and plain random bytes. <see cref="FlatPackedMap.TryRead(byte[], out FlatPackedMap)"/> never throws; what it
/// accepts reads consistently (every key and value decodes, every key is found by lookup in each form with the values
/// it enumerates with, counts add up); <see cref="FlatPackedMap.Read(byte[])"/> throws <see cref="FlatFormatException"/>
/// exactly where it refuses.
/// </summary>
public sealed class PackedInputTests
{
    private const int Blobs = 100_000;

    [Fact]
    public void Damaged_bytes_are_refused_or_read_consistently()
    {
        var random = new Random(20261206);
        byte[][] valid = ValidBlobs(random);
        int accepted = 0, refused = 0;
        for (int i = 0; i < Blobs; i++)
        {
            byte[] blob = Damage(valid[random.Next(valid.Length)], random);
            bool read;
            FlatPackedMap map;
            try
            {
                read = FlatPackedMap.TryRead(blob, out map);
            }
            catch (Exception exception)
            {
                Assert.Fail($"TryRead threw {exception.GetType().Name} for {Convert.ToHexString(blob)}: {exception.Message}");
                return;
            }

            if (read)
            {
                accepted++;
                AssertConsistent(map, blob);
                Assert.Equal(map, FlatPackedMap.Read(blob));
            }
            else
            {
                refused++;
                Assert.Equal(default, map);
                Assert.Throws<FlatFormatException>(() => FlatPackedMap.Read(blob));
            }
        }

        // Both outcomes happen often enough for the test to mean something.
        Assert.InRange(accepted, Blobs / 100, Blobs);
        Assert.InRange(refused, Blobs / 10, Blobs);
    }

    private static void AssertConsistent(FlatPackedMap map, byte[] blob)
    {
        int keys = 0, values = 0;
        foreach (FlatPackedEntry entry in map)
        {
            keys++;
            string key = entry.GetKeyString();
            string[] entryValues = entry.Values.ToArray();
            values += entryValues.Length;
            Assert.NotEmpty(entryValues);
            Assert.True(map.TryGetValues(key, out FlatPackedValues found), Convert.ToHexString(blob));
            Assert.Equal(entryValues, found.ToArray());
            Assert.Equal(entryValues, map.GetValues(entry.Key).ToArray());
            Assert.Equal(entryValues, map.GetValues(key.AsSpan()).ToArray());
            for (int i = 0; i < entryValues.Length; i++)
            {
                Assert.Equal(entryValues[i], entry.Values.GetString(i));
            }
        }

        Assert.Equal(map.Count, keys);
        Assert.Equal(map.ValueCount, values);
        Assert.Equal(blob.Length, map.ByteCount);
        Assert.Equal(map, map);
        _ = map.GetHashCode();
        _ = map.ToString();
    }

    /// <summary>Packed maps to damage: small and large, both comparisons, non-ASCII text and long values.</summary>
    private static byte[][] ValidBlobs(Random random)
    {
        var blobs = new List<byte[]>();
        string[] keys = ["Host", "host", "Accept", "Größe", "\u023A-key", "a", "", "x-request-id-with-a-long-tail", "Set-Cookie", "\U0001F600"];
        string[] values = ["", "v", "ünï", new string('x', 140), "text/html", "\U0001F600"];
        for (int i = 0; i < 64; i++)
        {
            var ordinal = default(SmallMap);
            var ignoreCase = default(IgnoreCaseMap32);
            for (int n = random.Next(0, 12); n > 0; n--)
            {
                string key = keys[random.Next(keys.Length)], value = values[random.Next(values.Length)];
                ordinal.TryAdd(key, value);
                ignoreCase.TryAdd(key, value);
            }

            blobs.Add(ordinal.Pack().AsBytes().ToArray());
            blobs.Add(ignoreCase.Pack().AsBytes().ToArray());
        }

        // One with two-byte bucket counts.
        var wide = default(WideMap);
        for (int i = 0; i < 300; i++)
        {
            wide.Add("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "v");
        }

        blobs.Add(wide.Pack().AsBytes().ToArray());
        return [.. blobs];
    }

    private static byte[] Damage(byte[] valid, Random random)
    {
        byte[] blob = (byte[])valid.Clone();
        switch (random.Next(7))
        {
            case 0: // One to three bit flips.
            case 1:
                for (int flips = random.Next(1, 4); flips > 0 && blob.Length > 0; flips--)
                {
                    blob[random.Next(blob.Length)] ^= (byte)(1 << random.Next(8));
                }

                return blob;
            case 2: // Truncated.
                return blob[..random.Next(blob.Length + 1)];
            case 3: // A byte changed to any value.
                if (blob.Length > 0)
                {
                    blob[random.Next(blob.Length)] = (byte)random.Next(256);
                }

                return blob;
            case 4: // A byte inserted.
            {
                int at = random.Next(blob.Length + 1);
                return [.. blob[..at], (byte)random.Next(256), .. blob[at..]];
            }

            case 5: // A byte removed.
            {
                if (blob.Length == 0)
                {
                    return blob;
                }

                int at = random.Next(blob.Length);
                return [.. blob[..at], .. blob[(at + 1)..]];
            }

            default: // Random bytes after a valid version byte, or none at all.
            {
                byte[] bytes = new byte[random.Next(0, 64)];
                random.NextBytes(bytes);
                if (bytes.Length > 1 && random.Next(2) == 0)
                {
                    bytes[0] = 1;
                    bytes[1] = (byte)random.Next(2);
                }

                return bytes;
            }
        }
    }
}

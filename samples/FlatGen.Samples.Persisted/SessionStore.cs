using System.Globalization;

namespace FlatGen.Samples.Persisted;

/// <summary>
/// Keeps sessions in a memory-mapped <see cref="FlatArena{T}"/>. The first run writes them; every later run reopens
/// the file and reads each one back with <see cref="SessionMap.TryRead"/>, which refuses bytes that are not a valid map.
/// </summary>
public static class SessionStore
{
    /// <summary>The number of slots in the file.</summary>
    public const int Capacity = 64;

    private static readonly (string User, string Locale, string[] Roles, string Device)[] Sessions =
    [
        ("ada", "en-GB", ["admin", "billing"], "laptop"),
        ("grace", "en-US", ["developer"], "phone"),
        ("linus", "fi-FI", ["maintainer", "reviewer"], "desktop"),
        ("zoë", "fr-FR", ["support"], "tablet"),
    ];

    /// <summary>Writes the sessions to a new file at <paramref name="path"/>, or reads back the ones a previous run wrote.</summary>
    public static void Run(TextWriter output, string path)
    {
        bool exists = File.Exists(path);
        FlatArena<SessionMap> opened;
        try
        {
            opened = FlatArena<SessionMap>.OpenFile(path, Capacity);
        }
        catch (FlatFormatException exception)
        {
            // Another map's file, or one an earlier FlatGen wrote: said, and left as it is.
            output.WriteLine($"{exception.Message} Delete it, or give another path, to start again.");
            return;
        }

        using FlatArena<SessionMap> arena = opened;
        if (!exists)
        {
            Write(output, arena);
            output.WriteLine($"Wrote {arena.Count} sessions to {path} ({new FileInfo(path).Length:N0} bytes). Run again to read them back.");
            return;
        }

        Read(output, arena);
    }

    private static void Write(TextWriter output, FlatArena<SessionMap> arena)
    {
        output.WriteLine(SessionMap.Layout);
        foreach ((string user, string locale, string[] roles, string device) in Sessions)
        {
            int slot = arena.Allocate();
            ref SessionMap session = ref arena[slot];
            session.AddUser(user);
            session.AddLocale(locale);
            foreach (string role in roles)
            {
                session.AddRole(role);
            }

            session.Add("device", device);
            session.Add("started"u8, "2026-11-23T09:00:00Z"u8);
            output.WriteLine($"  slot {slot}: {session} ({session.InlineBytesUsed} of {SessionMap.InlineBytes} arena bytes)");
        }

        arena.Flush();
    }

    private static void Read(TextWriter output, FlatArena<SessionMap> arena)
    {
        output.WriteLine($"Reopened {arena.Count} sessions (high-water mark {arena.HighWaterMark} of {arena.Capacity} slots); each is validated as it is read:");
        int valid = 0;
        for (int slot = 0; slot < arena.HighWaterMark; slot++)
        {
            if (!arena.IsAllocated(slot))
            {
                continue;
            }

            if (SessionMap.TryRead(arena[slot].AsBytes(), out SessionMap session))
            {
                valid++;
                output.WriteLine($"  slot {slot}: user {session.User.GetString(0)}, roles {string.Join(", ", session.Role.ToArray())}, device {session.GetValues("DEVICE").GetString(0)}");
            }
            else
            {
                output.WriteLine($"  slot {slot}: not a valid SessionMap, skipped");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{valid} valid sessions read back."));
    }
}

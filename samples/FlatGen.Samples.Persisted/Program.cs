using FlatGen.Samples.Persisted;

// First run: writes sessions into a memory-mapped arena file. Later runs: reopen it and read them back, validated.
// Pass a path to use another file; delete the file to start again.
string path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "flatgen-sessions.arena");
SessionStore.Run(Console.Out, path);

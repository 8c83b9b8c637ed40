using System.Globalization;
using FlatGen.Samples.Cache;

// A response cache: 10,000 responses' headers kept as dictionaries and as packed maps, measured, then written to a file
// (the path given, or flatgen-responses.cache in the temp directory) that the next run, in another process, reads back.
string path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "flatgen-responses.cache");
int responses = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
CacheRun.Run(Console.Out, path, responses);

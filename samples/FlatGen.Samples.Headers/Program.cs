using FlatGen.Samples.Headers;

// Reads a real HTTP/1.1 request head (request.http, or a file named on the command line) and shows the maps.
string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "request.http");
RequestReport.Write(Console.Out, File.ReadAllBytes(path));

using FlatGen.Samples.Headers;

// Reads a real HTTP/1.1 request head (request.http, or a file named on the command line) and shows the maps, then
// what the header map does with a request of more names than it holds (tail-request.http).
string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "request.http");
byte[] request = File.ReadAllBytes(path);
RequestReport.Write(Console.Out, request);
Console.WriteLine();
RequestReport.WriteTail(Console.Out, request, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "tail-request.http")));

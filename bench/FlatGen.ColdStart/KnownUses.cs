// Map types with known keys, each with its own matcher, used once each: what a new one costs the JIT once the core
// every map of its kind shares was compiled for the first ones.
using FlatGen;

namespace FlatGen.ColdStart;

[FlatMultiMap(16, 32, KnownKeys = ["Host", "Accept", "Cookie"])] public partial struct KnownMap00;
[FlatMultiMap(16, 32, KnownKeys = ["Date", "Server", "Vary"])] public partial struct KnownMap01;
[FlatMultiMap(16, 32, KnownKeys = ["ETag", "Age", "Via"])] public partial struct KnownMap02;
[FlatMultiMap(16, 32, KnownKeys = ["Origin", "Referer", "Range"])] public partial struct KnownMap03;
[FlatMultiMap(16, 32, KnownKeys = ["Expect", "From", "Pragma"])] public partial struct KnownMap04;
[FlatMultiMap(16, 32, KnownKeys = ["Warning", "Upgrade", "Trailer"])] public partial struct KnownMap05;
[FlatMultiMap(16, 32, KnownKeys = ["Allow", "Link", "Expires"])] public partial struct KnownMap06;
[FlatMultiMap(16, 32, KnownKeys = ["Location", "Refresh", "Purpose"])] public partial struct KnownMap07;

internal static class KnownUses
{
    public static readonly Func<int>[] Maps =
    [
        static () => { var map = new KnownMap00(); map.Add("Host", "a"); map.Add("Accept", "b"); map.Add("Accept", "c"); map.Add("x-id", "d"); map.Add("etag-0", "e"); int n = map.GetValues("Accept").Length + map.GetValues("x-id").Length + map.GetValues("none").Length; foreach (var entry in map) { n += entry.Values.Length; } map.Clear(); return n; },
        static () => { var map = new KnownMap01(); map.Add("Date", "a"); map.Add("Server", "b"); map.Add("Server", "c"); map.Add("x-id", "d"); map.Add("etag-1", "e"); int n = map.GetValues("Server").Length + map.GetValues("x-id").Length + map.GetValues("none").Length; foreach (var entry in map) { n += entry.Values.Length; } map.Clear(); return n; },
        static () => { var map = new KnownMap02(); map.Add("ETag", "a"); map.Add("Age", "b"); map.Add("Age", "c"); map.Add("x-id", "d"); map.Add("etag-2", "e"); int n = map.GetValues("Age").Length + map.GetValues("x-id").Length + map.GetValues("none").Length; foreach (var entry in map) { n += entry.Values.Length; } map.Clear(); return n; },
        static () => { var map = new KnownMap03(); map.Add("Origin", "a"); map.Add("Referer", "b"); map.Add("Referer", "c"); map.Add("x-id", "d"); map.Add("etag-3", "e"); int n = map.GetValues("Referer").Length + map.GetValues("x-id").Length + map.GetValues("none").Length; foreach (var entry in map) { n += entry.Values.Length; } map.Clear(); return n; },
        static () => { var map = new KnownMap04(); map.Add("Expect", "a"); map.Add("From", "b"); map.Add("From", "c"); map.Add("x-id", "d"); map.Add("etag-4", "e"); int n = map.GetValues("From").Length + map.GetValues("x-id").Length + map.GetValues("none").Length; foreach (var entry in map) { n += entry.Values.Length; } map.Clear(); return n; },
        static () => { var map = new KnownMap05(); map.Add("Warning", "a"); map.Add("Upgrade", "b"); map.Add("Upgrade", "c"); map.Add("x-id", "d"); map.Add("etag-5", "e"); int n = map.GetValues("Upgrade").Length + map.GetValues("x-id").Length + map.GetValues("none").Length; foreach (var entry in map) { n += entry.Values.Length; } map.Clear(); return n; },
        static () => { var map = new KnownMap06(); map.Add("Allow", "a"); map.Add("Link", "b"); map.Add("Link", "c"); map.Add("x-id", "d"); map.Add("etag-6", "e"); int n = map.GetValues("Link").Length + map.GetValues("x-id").Length + map.GetValues("none").Length; foreach (var entry in map) { n += entry.Values.Length; } map.Clear(); return n; },
        static () => { var map = new KnownMap07(); map.Add("Location", "a"); map.Add("Refresh", "b"); map.Add("Refresh", "c"); map.Add("x-id", "d"); map.Add("etag-7", "e"); int n = map.GetValues("Refresh").Length + map.GetValues("x-id").Length + map.GetValues("none").Length; foreach (var entry in map) { n += entry.Values.Length; } map.Clear(); return n; },
    ];
}

using System.Globalization;
using FlatGen.Samples.Tags;

// Tags collected per operation and flushed, a million times, by a reused flat map and by a reused dictionary.
// Each runs three times and the last run is shown: the first runs include the JIT's tiering, not the code's speed.
const int Operations = 1_000_000;

Console.WriteLine(OperationTags.Layout);
TagRun.Result flat = default, dictionary = default;
for (int run = 0; run < 3; run++)
{
    flat = TagRun.WithFlatMap(Operations);
    dictionary = TagRun.WithDictionary(Operations);
}

foreach (TagRun.Result result in new[] { flat, dictionary })
{
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{result.Name,-34} {Operations:N0} operations: {result.Elapsed.TotalMilliseconds,7:N1} ms, {result.AllocatedBytes,13:N0} bytes allocated (checksum {result.Checksum})"));
}

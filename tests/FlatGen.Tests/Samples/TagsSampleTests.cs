extern alias TagsSample;

using TagsSample::FlatGen.Samples.Tags;

namespace FlatGen.Tests.Samples;

/// <summary>The Tags sample's claim: a reused flat map sees what a dictionary sees, with no allocation at all.</summary>
public sealed class TagsSampleTests
{
    [Fact]
    public void The_flat_map_sees_the_same_tags_as_the_dictionary_and_allocates_nothing()
    {
        TagRun.WithFlatMap(1_000);

        TagRun.Result flat = TagRun.WithFlatMap(20_000);
        TagRun.Result dictionary = TagRun.WithDictionary(20_000);

        Assert.Equal(dictionary.Checksum, flat.Checksum);
        Assert.Equal(0, flat.AllocatedBytes);
        Assert.True(dictionary.AllocatedBytes > 20_000 * 3 * 32, $"The dictionary allocated only {dictionary.AllocatedBytes} bytes.");
    }
}

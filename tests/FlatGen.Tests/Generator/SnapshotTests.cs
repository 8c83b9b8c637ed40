using FlatGen.Tests.Generator.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FlatGen.Tests.Generator;

/// <summary>
/// Lock the generated code: every change to it shows up as a snapshot diff in review. Each snapshot's code must
/// also compile on C# 12 without a warning, documentation warnings included.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Small_capacities_use_byte_indices() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(16, 32)]
        public partial struct RequestTags;
        """);

    [Fact]
    public void StringValues_members_come_with_a_reference_to_Microsoft_Extensions_Primitives() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(16, 32, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Host"])]
        public partial struct RequestHeaders;

        [FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 64)]
        public partial struct StoredHeaders;
        """, [MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Primitives.StringValues).Assembly.Location)]);

    [Fact]
    public void Large_capacities_use_ushort_indices() => VerifyCompiles("""
        using FlatGen;

        namespace Demo.Wide;

        [FlatMultiMap(300, 600)]
        public partial struct LabelSet;
        """);

    [Fact]
    public void Key_and_value_indices_are_sized_separately() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(100, 1000)]
        internal partial struct ManyValues;
        """);

    [Fact]
    public void Ignore_case_uses_the_ignore_case_comparer() => VerifyCompiles("""
        using FlatGen;

        namespace Demo
        {
            [FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
            public partial struct HttpHeaders;
        }
        """);

    [Fact]
    public void Global_namespace() => VerifyCompiles("""
        [FlatGen.FlatMultiMap(4, 8)]
        public partial struct GlobalTags
        {
            /// <summary>A user member beside the generated ones.</summary>
            public readonly bool IsEmpty => Count == 0;
        }
        """);

    [Fact]
    public void Nested_in_partial_types() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        internal static partial class Telemetry
        {
            internal partial record struct Scope
            {
                [FlatMultiMap(8, 16)]
                internal partial struct @Tags;
            }
        }
        """);

    [Fact]
    public void Two_maps_get_one_file_each() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(2, 2)]
        internal partial struct First;

        [FlatMultiMap(3, 3, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase)]
        internal partial struct Second;
        """);

    [Fact]
    public void Known_keys_ordinal() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(8, 16, KnownKeys = ["service.name", "region", "shard", "x-request-id", "k"])]
        public partial struct MetricTags;
        """);

    [Fact]
    public void Known_keys_ignore_case_with_unknown_keys_interned() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(32, 64, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, InternUnknownKeys = true,
            KnownKeys = new[] { "Host", "Accept", "Content-Type", "Content-Length", "X-Request-Id", "ETag", "TE" })]
        public partial struct RequestHeaders;
        """);

    [Fact]
    public void Known_keys_reusing_value_strings_with_a_non_ASCII_key_ignoring_case() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(16, 32, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, ReuseValueStrings = true,
            KnownKeys = new[] { "TE", "Via", "Host", "Accept", "Referer", "User-Agent", "Größe" })]
        public partial struct ServerHeaders;
        """);

    [Fact]
    public void Known_keys_many_of_one_length_switch_on_a_character() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(16, 16, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase,
            KnownKeys = ["Accept", "Cookie", "Expect", "Origin", "Pragma", "Server", "Expires", "Referer", "Upgrade", "Warning", "Via-1", "Via-2"])]
        public partial struct SixAndSeven;
        """);

    [Fact]
    public void Known_keys_sharing_long_prefixes() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(8, 8, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase,
            KnownKeys = new string[] { "Access-Control-Allow-Origin", "Access-Control-Allow-Headers", "Access-Control-Allow-Methods", "Access-Control-Max-Age" })]
        public partial struct CorsHeaders;
        """);

    [Fact]
    public void Known_keys_non_ASCII_and_escaped() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(8, 8, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Größe", "naïve-key", "Quote\"<&>", "tab\tkey", "\U0001F600-emoji"])]
        public partial struct Unicode;

        [FlatMultiMap(4, 4, KnownKeys = ["Größe", "\U0001F600-emoji"])]
        public partial struct UnicodeOrdinal;
        """);

    [Fact]
    public void Known_keys_whose_member_names_meet() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(8, 16, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Cookie", "Set-Cookie"])]
        public partial struct CookieHeaders;
        """);

    [Fact]
    public void Evict_oldest_in_both_storages() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(64, 256, Overflow = FlatOverflow.EvictOldest)]
        public partial struct ListenerRegistry;

        [FlatMultiMap(8, 16, Storage = FlatStorage.InlineUtf8, InlineBytes = 256, Overflow = FlatOverflow.EvictOldest)]
        public partial struct RecentTags;
        """);

    [Fact]
    public void Spill_with_and_without_known_keys() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(32, 64, Overflow = FlatOverflow.Spill)]
        public partial struct RequestTags;

        [FlatMultiMap(8, 16, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Host", "Accept"], Overflow = FlatOverflow.Spill)]
        public partial struct RequestHeaders;
        """);

    [Fact]
    public void Inline_UTF8_storage() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(16, 32, Storage = FlatStorage.InlineUtf8, InlineBytes = 1024)]
        public partial struct SessionTags;
        """);

    [Fact]
    public void Inline_UTF8_storage_with_known_keys_ignoring_case() => VerifyCompiles("""
        using FlatGen;

        namespace Demo;

        [FlatMultiMap(8, 16, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, Storage = FlatStorage.InlineUtf8, InlineBytes = 300,
            KnownKeys = ["Host", "Content-Type"])]
        public partial struct StoredHeaders;
        """);

    private static void VerifyCompiles(string source, IEnumerable<MetadataReference>? extraReferences = null, [System.Runtime.CompilerServices.CallerMemberName] string testMethod = "")
    {
        GeneratorRun run = GeneratorHarness.Run(source, extraReferences: extraReferences);

        Assert.Null(run.Generator.Exception);
        Assert.NotEmpty(run.Generator.GeneratedSources);
        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics());
        run.AssertRunAgainIsCached();
        SnapshotVerifier.Verify(run, testMethod: testMethod);
    }
}

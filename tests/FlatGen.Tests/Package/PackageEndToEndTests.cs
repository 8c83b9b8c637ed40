using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using FlatGen.Tests.Infrastructure;

namespace FlatGen.Tests.Package;

/// <summary>
/// The package as a stranger gets it: pack FlatGen into a local feed, create projects from nothing that reference it
/// with an isolated packages folder, and build and run them, all on the .NET 8 language level (C# 12): a console app
/// (maps, JSON by reflection and by a source-generated context), an ASP.NET Core minimal API handler, a library built
/// under <c>AnalysisLevel latest-all</c> with warnings as errors, and one with declaration errors, which must surface
/// as the documented FLATGEN diagnostics.
/// </summary>
[Collection(nameof(RuntimeBuildsCollection))]
public sealed class PackageEndToEndTests : IDisposable
{
    private static readonly string AssemblyVersion = typeof(FlatMultiMapAttribute).Assembly.GetName().Version!.ToString(3);

    private readonly string _root = Directory.CreateTempSubdirectory("flatgen-package-").FullName;

    [Fact]
    public void A_new_project_builds_and_runs_with_the_package_and_reports_FLATGEN_errors()
    {
        string feed = Path.Combine(_root, "feed");
        (int exitCode, string output) = DotnetCommand.Run(RepositoryPaths.Root, "pack", Path.Combine(RepositoryPaths.Root, "src", "FlatGen.Runtime"), "-c", "Release", "--no-restore", "-o", feed);
        Assert.True(exitCode == 0, output);

        // A local pack is a unique prerelease, so a repack is never shadowed by a stale copy in the NuGet cache.
        string package = Assert.Single(Directory.GetFiles(feed, "FlatGen.*.nupkg"));
        string version = Path.GetFileNameWithoutExtension(package)["FlatGen.".Length..];
        Assert.StartsWith(AssemblyVersion + "-dev.", version, StringComparison.Ordinal);
        AssertPackageLayout(package);
        File.WriteAllText(Path.Combine(_root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="restored" value="{GlobalPackagesFolder()}" />
              </packageSources>
            </configuration>
            """);

        string app = CreateProject("App", version, """
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using FlatGen;

            var tags = new Tags();
            tags.Add("region", "eu-west");
            tags.Add("shard", "7");
            tags.Add("region", "eu-north");
            var headers = new Headers();
            headers.Add("Content-Type", "application/json");
            headers.Add("x-trace".AsSpan(), "abc");
            Console.WriteLine($"{tags.Count} keys, {tags.ValueCount} values: {tags}");
            Console.WriteLine($"content-type = {string.Join(",", headers.GetValues("content-type").ToArray())}");
            Console.WriteLine($"typed = {headers.ContentType[0]}, {headers}");
            Console.WriteLine($"{Tags.SizeInBytes} bytes");
            var stored = new Stored();
            stored.Add("zone"u8, "eu-1"u8);
            Console.WriteLine($"inline round trip: {Stored.Read(stored.AsBytes())}");
            string json = JsonSerializer.Serialize(tags);
            Console.WriteLine($"json: {json} {JsonSerializer.Deserialize<Tags>(json) == tags}");
            Console.WriteLine($"context: {JsonSerializer.Serialize(stored, AppJson.Default.Stored)} {JsonSerializer.Deserialize(json, AppJson.Default.Tags) == tags}");
            Console.WriteLine($"first: {tags.GetFirstOrDefault("region")}, {headers.ContentTypeFirst}");
            Console.WriteLine($"runtime: {Path.GetRelativePath(AppContext.BaseDirectory, typeof(IFlatMultiMap).Assembly.Location).Replace('\\', '/')}");

            [JsonSourceGenerationOptions(Converters = [typeof(FlatMultiMapJsonConverterFactory)])]
            [JsonSerializable(typeof(Tags))]
            [JsonSerializable(typeof(Stored))]
            partial class AppJson : JsonSerializerContext;

            [FlatMultiMap(4, 8)]
            partial struct Tags;

            [FlatMultiMap(4, 8, Storage = FlatStorage.InlineUtf8, InlineBytes = 64)]
            partial struct Stored;

            [FlatMultiMap(8, 16, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Host", "Content-Type"])]
            partial struct Headers;
            """);
        (exitCode, output) = DotnetCommand.Run(app, "run");
        Assert.True(exitCode == 0, output);
        Assert.Contains("2 keys, 3 values: { region: [eu-west, eu-north], shard: [7] }", output);
        Assert.Contains("content-type = application/json", output);
        Assert.Contains("typed = application/json, { Content-Type: [application/json], x-trace: [abc] }", output);
        Assert.Contains("176 bytes", output);
        Assert.Contains("inline round trip: { zone: [eu-1] }", output);
        Assert.Contains("""json: {"region":["eu-west","eu-north"],"shard":["7"]} True""", output);
        Assert.Contains("""context: {"zone":["eu-1"]} True""", output);
        Assert.Contains("first: eu-west, application/json", output);
        // The host loads the ReadyToRun image where the package has one for this machine, the IL elsewhere.
        string expectedRuntime = ReadyToRunRuntimes().Contains(RuntimeInformation.RuntimeIdentifier)
            ? $"runtimes/{RuntimeInformation.RuntimeIdentifier}/lib/net10.0/FlatGen.Runtime.dll"
            : "FlatGen.Runtime.dll";
        Assert.Contains("runtime: " + expectedRuntime + Environment.NewLine, output);

        // ASP.NET Core: request headers into a map with one call, Results.Ok(map) as JSON, the map back into headers.
        string web = CreateProject("Web", version, """
            using FlatGen;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            RequestDelegate handler = RequestDelegateFactory.Create((HttpContext context) =>
            {
                var headers = new RequestHeaders();
                headers.TryAddRange(context.Request.Headers, out int notAdded);
                headers.CopyTo(context.Response.Headers);
                return Results.Ok(headers);
            }).RequestDelegate;
            var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
            context.Request.Headers.Host = "example.com";
            context.Request.Headers.Accept = new(["text/html", "*/*"]);
            context.Response.Body = new MemoryStream();
            await handler(context);
            Console.WriteLine($"body: {System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray())}");
            Console.WriteLine($"back: {context.Response.Headers.Accept}");

            [FlatMultiMap(16, 32, KeyComparison = FlatKeyComparison.OrdinalIgnoreCase, KnownKeys = ["Host", "Accept"])]
            partial struct RequestHeaders;
            """, items: """<FrameworkReference Include="Microsoft.AspNetCore.App" />""");
        (exitCode, output) = DotnetCommand.Run(web, "run");
        Assert.True(exitCode == 0, output);
        Assert.Contains("""body: {"Host":["example.com"],"Accept":["text/html","*/*"]}""", output);
        Assert.Contains("back: text/html,*/*", output);

        // A public map passes every .NET analyzer rule, with warnings as errors (CA1815 asked for equality).
        string library = CreateProject("Library", version, """
            namespace Contoso;

            /// <summary>Request tags.</summary>
            [FlatGen.FlatMultiMap(8, 16, KnownKeys = ["Host"])]
            public partial struct PublicTags;

            /// <summary>Stored tags.</summary>
            [FlatGen.FlatMultiMap(8, 16, Storage = FlatGen.FlatStorage.InlineUtf8, InlineBytes = 128)]
            public partial struct StoredTags;
            """, properties: """
            <OutputType>Library</OutputType>
            <AnalysisLevel>latest-all</AnalysisLevel>
            <GenerateDocumentationFile>true</GenerateDocumentationFile>
            """);
        (exitCode, output) = DotnetCommand.Run(library, "build");
        Assert.True(exitCode == 0, output);
        Assert.Contains(" 0 Warning(s)", output);

        // The analyzer ships in the same assembly: a write to a readonly field's copy fails a warnings-as-errors build.
        string broken = CreateProject("Broken", version, """
            [FlatGen.FlatMultiMap(4, 8)]
            public struct NotPartial;

            [FlatGen.FlatMultiMap(4, 8)]
            public partial struct Tags;

            public class Holder
            {
                private readonly Tags _tags;

                public void Tag() => _tags.Add("k", "v");
            }

            [System.Text.Json.Serialization.JsonSerializable(typeof(Holder))]
            [System.Text.Json.Serialization.JsonSerializable(typeof(Tags))]
            public partial class LosingContext : System.Text.Json.Serialization.JsonSerializerContext;
            """);
        (exitCode, output) = DotnetCommand.Run(broken, "build");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error FLATGEN001: The struct 'NotPartial' must be declared 'partial'", output);
        Assert.Contains("error FLATGEN028: 'Tags.Add' changes a copy of the map, because the readonly field 'Holder._tags'", output);
        Assert.Contains("error FLATGEN033: 'LosingContext' serialises the flat multi-map 'Tags' (from 'Tags')", output);
        Assert.DoesNotContain("(from 'Holder')", output); // Holder's map is a private field, which System.Text.Json skips.
        Assert.DoesNotContain("CS8032", output);
        Assert.DoesNotContain("AD0001", output);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Where restore put this repository's packages: the package's dependencies come from there, not the network.</summary>
    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void AssertPackageLayout(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("analyzers/dotnet/cs/FlatGen.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/FlatGen.CodeFixes.dll", entries);
        Assert.Contains("lib/net8.0/FlatGen.Runtime.dll", entries);
        Assert.Contains("lib/net8.0/FlatGen.Runtime.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("FlatGen.Generator.dll", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), "no symbols package");
        Assert.False(IsReadyToRun(zip.GetEntry("lib/net8.0/FlatGen.Runtime.dll")!), "lib/net8.0 is the IL build");

        // One ReadyToRun image a runtime the helper project names, and no other.
        string[] images = [.. entries.Where(e => e.StartsWith("runtimes/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.Equal(ReadyToRunRuntimes().Select(rid => $"runtimes/{rid}/lib/net10.0/FlatGen.Runtime.dll").Order(StringComparer.Ordinal), images);
        Assert.All(images, image => Assert.True(IsReadyToRun(zip.GetEntry(image)!), image + " is not a ReadyToRun image"));
        Assert.All(images, image => Assert.Equal(ReadyToRunMachine(image.Split('/')[1]), Machine(zip.GetEntry(image)!)));
    }

    /// <summary>The runtimes the package carries a ReadyToRun image for: the helper project's RuntimeIdentifiers.</summary>
    private static string[] ReadyToRunRuntimes() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "FlatGen.Runtime.ReadyToRun", "FlatGen.Runtime.ReadyToRun.csproj"))
            .Descendants("RuntimeIdentifiers").Single().Value.Split(';');

    /// <summary>Whether an assembly holds precompiled code: a ReadyToRun image has a managed native header.</summary>
    private static bool IsReadyToRun(ZipArchiveEntry entry) => Read(entry, reader => reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0);

    /// <summary>The PE machine field, which for a ReadyToRun image names the target operating system too.</summary>
    private static ushort Machine(ZipArchiveEntry entry) => Read(entry, reader => (ushort)reader.PEHeaders.CoffHeader.Machine);

    /// <summary>
    /// The machine field crossgen2 writes for a runtime identifier: the architecture's, exclusive-or a constant for the
    /// operating system other than Windows (the runtime's <c>ReadyToRun</c> format: 0x7B79 Linux, 0x4644 Apple).
    /// </summary>
    private static ushort ReadyToRunMachine(string runtimeIdentifier)
    {
        string[] parts = runtimeIdentifier.Split('-');
        ushort architecture = parts[^1] switch { "x64" => 0x8664, "arm64" => 0xAA64, var other => throw new NotSupportedException(other) };
        ushort system = parts[0] switch { "win" => 0, "linux" => 0x7B79, "osx" => 0x4644, var other => throw new NotSupportedException(other) };
        return (ushort)(architecture ^ system);
    }

    private static T Read<T>(ZipArchiveEntry entry, Func<PEReader, T> read)
    {
        using var bytes = new MemoryStream();
        using (Stream stream = entry.Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        using var reader = new PEReader(bytes);
        return read(reader);
    }

    /// <summary>A console project on the .NET 8 language level (C# 12), restoring into its own packages folder.</summary>
    private string CreateProject(string name, string version, string program, string properties = "", string items = "")
    {
        string directory = Path.Combine(_root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <LangVersion>12</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>{Path.Combine(_root, "packages")}</RestorePackagesPath>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FlatGen" Version="{version}" />
                {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return directory;
    }
}

using System.IO.Compression;
using FlatGen.Tests.Infrastructure;

namespace FlatGen.Tests.Package;

/// <summary>
/// The package as a stranger gets it: pack FlatGen into a local feed, create console projects from nothing that
/// reference it with an isolated packages folder, and build and run them. One targets the .NET 8 language level
/// (C# 12); one has a declaration error, which must surface as the documented FLATGEN diagnostic.
/// </summary>
public sealed class PackageEndToEndTests : IDisposable
{
    private static readonly string Version = typeof(FlatMultiMapAttribute).Assembly.GetName().Version!.ToString(3);

    private readonly string _root = Directory.CreateTempSubdirectory("flatgen-package-").FullName;

    [Fact]
    public void A_new_project_builds_and_runs_with_the_package_and_reports_FLATGEN_errors()
    {
        string feed = Path.Combine(_root, "feed");
        (int exitCode, string output) = DotnetCommand.Run(RepositoryPaths.Root, "pack", Path.Combine(RepositoryPaths.Root, "src", "FlatGen.Runtime"), "-c", "Release", "--no-restore", "-o", feed);
        Assert.True(exitCode == 0, output);

        AssertPackageLayout(Path.Combine(feed, $"FlatGen.{Version}.nupkg"));
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

        string app = CreateProject("App", """
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
        Assert.Contains("136 bytes", output);
        Assert.Contains("inline round trip: { zone: [eu-1] }", output);

        // The analyzer ships in the same assembly: a write to a readonly field's copy fails a warnings-as-errors build.
        string broken = CreateProject("Broken", """
            [FlatGen.FlatMultiMap(4, 8)]
            public struct NotPartial;

            [FlatGen.FlatMultiMap(4, 8)]
            public partial struct Tags;

            public class Holder
            {
                private readonly Tags _tags;

                public void Tag() => _tags.Add("k", "v");
            }
            """);
        (exitCode, output) = DotnetCommand.Run(broken, "build");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error FLATGEN001: The struct 'NotPartial' must be declared 'partial'", output);
        Assert.Contains("error FLATGEN028: 'Tags.Add' changes a copy of the map, because the readonly field 'Holder._tags'", output);
        Assert.DoesNotContain("CS8032", output);
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
        Assert.Contains("lib/net8.0/FlatGen.Runtime.dll", entries);
        Assert.Contains("lib/net8.0/FlatGen.Runtime.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("FlatGen.Generator.dll", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), "no symbols package");
    }

    /// <summary>A console project on the .NET 8 language level (C# 12), restoring into its own packages folder.</summary>
    private string CreateProject(string name, string program)
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
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FlatGen" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return directory;
    }
}

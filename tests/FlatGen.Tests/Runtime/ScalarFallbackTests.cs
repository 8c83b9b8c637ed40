using System.Globalization;
using System.Reflection;
using System.Runtime.Intrinsics;
using System.Text.RegularExpressions;
using FlatGen.Tests.Infrastructure;

namespace FlatGen.Tests.Runtime;

/// <summary>
/// The hash and the ignore-case comparison fold 16 bytes a vector where the machine has <see cref="Vector128"/> and
/// 8 bytes a word where it has not, and an inline map's stored hashes must mean the same on both. This machine takes
/// the vector paths, so the hash, comparison and inline-map tests run again in a child process with the JIT's
/// hardware intrinsics off (<c>DOTNET_EnableHWIntrinsic=0</c>): the scalar paths are held to the same golden values,
/// the same written-out definition, the same validation and the same packed bytes.
/// </summary>
public sealed class ScalarFallbackTests
{
    private const string IntrinsicsSwitch = "DOTNET_EnableHWIntrinsic";

    /// <summary>The classes run again.</summary>
    private static readonly Type[] Classes = [typeof(KeyHashTests), typeof(KeyComparisonTests), typeof(InlineMapTests), typeof(Packed.PackedFormatTests), typeof(ShortAsciiNarrowingTests), typeof(ShortAsciiBytesTests)];

    [Fact]
    public void The_vector_paths_are_taken_exactly_when_intrinsics_are_on()
    {
        bool intrinsicsOff = Environment.GetEnvironmentVariable(IntrinsicsSwitch) == "0";
        Assert.Equal(!intrinsicsOff, Vector128.IsHardwareAccelerated);
    }

    [Fact]
    public void The_hash_comparison_and_inline_tests_pass_on_the_scalar_paths()
    {
        if (Environment.GetEnvironmentVariable(IntrinsicsSwitch) == "0")
        {
            return; // This is the child run; only the classes above were asked for.
        }

        // Each class, and this class's own check that the child takes the scalar paths.
        string check = typeof(ScalarFallbackTests).FullName + "." + nameof(The_vector_paths_are_taken_exactly_when_intrinsics_are_on);
        string filter = string.Join('|', Classes.Select(type => type.FullName!).Append(check).Select(name => "FullyQualifiedName~" + name));
        (int exitCode, string output) = DotnetCommand.Run(
            AppContext.BaseDirectory,
            [IntrinsicsSwitch + "=0"],
            "test", typeof(ScalarFallbackTests).Assembly.Location, "--filter", filter);

        Assert.True(exitCode == 0, output);
        Match summary = Regex.Match(output, @"Failed:\s+(\d+), Passed:\s+(\d+),");
        Assert.True(summary.Success, output);
        Assert.Equal("0", summary.Groups[1].Value);
        Assert.Equal(1 + Classes.Sum(TestCaseCount), int.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A class's test cases: one per fact, one per inline data row of a theory.</summary>
    private static int TestCaseCount(Type type) =>
        type.GetMethods().Sum(method => method.GetCustomAttribute<TheoryAttribute>() is not null
            ? method.GetCustomAttributes<InlineDataAttribute>().Count()
            : method.GetCustomAttribute<FactAttribute>() is not null ? 1 : 0);
}

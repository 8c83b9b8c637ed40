using System.Diagnostics;

namespace FlatGen.Tests.Infrastructure;

/// <summary>Runs the <c>dotnet</c> command line in a child process, for tests that build, pack or run projects.</summary>
internal static class DotnetCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; returns its exit code and its output and errors together.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, [], arguments);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and the variables <paramref name="environment"/> (each <c>NAME=value</c>) set.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, string[] environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (string variable in environment)
        {
            int equals = variable.IndexOf('=', StringComparison.Ordinal);
            start.Environment[variable[..equals]] = variable[(equals + 1)..];
        }

        using Process process = Process.Start(start)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish in {Timeout.TotalMinutes} minutes.\n{output}");
        }

        return (process.ExitCode, output + errors.Result);
    }
}

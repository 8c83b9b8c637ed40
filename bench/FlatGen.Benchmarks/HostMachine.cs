using System.Globalization;

namespace FlatGen.Benchmarks;

/// <summary>The host a harness measured on, as its results name it: the CPU, the cores, the runtime.</summary>
internal static class HostMachine
{
    public static string Describe()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
        return cpu + ", " + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " cores, " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
    }
}

using System.Globalization;

namespace FlatGen.Benchmarks;

/// <summary>The host a harness measured on, as its results name it: the CPU, the cores, the runtime.</summary>
internal static class HostMachine
{
    public static string Describe() =>
        Processor() + ", " + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " cores, " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    /// <summary>The widest vector instructions the runtime uses here: hosts of one CPU family rank rows differently with and without AVX-512.</summary>
    public static string VectorInstructions() =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "AVX-512"
        : System.Runtime.Intrinsics.X86.Avx2.IsSupported ? "AVX2"
        : System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported ? "AdvSimd"
        : "no vector instructions";

    /// <summary>The CPU's model name, as Linux reports it; "unknown CPU" elsewhere.</summary>
    public static string Processor() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}

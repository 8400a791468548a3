using FractureLab.Mechanics.Gpu;

namespace FractureLab.Mechanics.Backends;

/// <summary>The back ends a user can choose explicitly.</summary>
public enum BackendKind
{
    Reference,
    Simd,
    Gpu,
}

/// <summary>
/// A back end as the command line chose it: kind, threads of the Simd back end (0 = all cores) and the accelerator of
/// the Gpu back end. Gpu back ends share one accelerator per process (kernels compile once).
/// </summary>
public sealed record BackendChoice(BackendKind Kind, int Threads = 0, GpuDeviceKind Device = GpuDeviceKind.Auto)
{
    private static readonly Dictionary<GpuDeviceKind, GpuDevice> Devices = [];

    public static BackendChoice Parse(string backend, int threads, string device) => new(
        backend.ToLowerInvariant() switch
        {
            "reference" => BackendKind.Reference,
            "simd" => BackendKind.Simd,
            "gpu" => BackendKind.Gpu,
            _ => throw new InputException($"--backend '{backend}': expected reference, simd or gpu"),
        },
        threads,
        GpuDeviceKinds.Parse(device));

    public IPairBackend Create() => Kind switch
    {
        BackendKind.Reference => new ReferenceBackend(),
        BackendKind.Gpu => new GpuBackend(SharedDevice(Device)),
        _ => new SimdBackend(Threads <= 0 ? Environment.ProcessorCount : Threads),
    };

    private static GpuDevice SharedDevice(GpuDeviceKind kind)
    {
        lock (Devices)
        {
            if (!Devices.TryGetValue(kind, out var d)) Devices[kind] = d = new GpuDevice(kind);
            return d;
        }
    }
}

public static class BackendFactory
{
    public static IPairBackend Create(BackendKind kind, int threads = 0) => new BackendChoice(kind, threads).Create();
}

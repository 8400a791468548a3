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
/// the Gpu back end and its precision. Gpu back ends share one accelerator per process (kernels compile once).
/// </summary>
public sealed record BackendChoice(BackendKind Kind, int Threads = 0, GpuDeviceKind Device = GpuDeviceKind.Auto, GpuPrecision Precision = GpuPrecision.Double)
{
    private static readonly Dictionary<GpuDeviceKind, GpuDevice> Devices = [];

    public static BackendChoice Parse(string backend, int threads, string device, string precision = "double")
    {
        var choice = Create(backend, threads, device, precision);
        if (choice.Precision != GpuPrecision.Double && choice.Kind != BackendKind.Gpu)
            throw new InputException($"--precision {precision} applies to --backend gpu only (the {backend} back end is double precision)");
        return choice;
    }

    private static BackendChoice Create(string backend, int threads, string device, string precision) => new(
        backend.ToLowerInvariant() switch
        {
            "reference" => BackendKind.Reference,
            "simd" => BackendKind.Simd,
            "gpu" => BackendKind.Gpu,
            _ => throw new InputException($"--backend '{backend}': expected reference, simd or gpu"),
        },
        threads,
        GpuDeviceKinds.Parse(device),
        GpuPrecisions.Parse(precision));

    public IPairBackend Create() => Kind switch
    {
        BackendKind.Reference => new ReferenceBackend(),
        BackendKind.Gpu => new GpuBackend(SharedDevice(Device), precision: Precision),
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

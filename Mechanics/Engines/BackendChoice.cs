using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Gpu;

namespace FractureLab.Mechanics.Engines;

/// <summary>The back ends a user can choose explicitly.</summary>
public enum BackendKind
{
    Reference,
    Simd,
    Gpu,
}

/// <summary>
/// A back end as the command line chose it: kind, threads of the Simd back end (0 = all cores) and the accelerator of the
/// Simd and Gpu back ends' pair precision. It sits above the back ends (Reference, Simd, Gpu are peers below it, and none of them
/// knows this type). The accelerator is owned by the choice: created on the first Gpu back end (kernels compile once),
/// shared by every back end the choice creates, freed when the choice is disposed (no process-wide cache). A copy made
/// with <c>with</c> shares the accelerator of the original; dispose the original.
/// </summary>
public sealed record BackendChoice(BackendKind Kind, int Threads = 0, GpuDeviceKind Device = GpuDeviceKind.Auto, PairPrecision Precision = PairPrecision.Double, PairLayout? Layout = null) : IDisposable
{
    private GpuDevice? _device;
    private readonly object _lock = new();

    public static BackendChoice Parse(string backend, int threads, string device, string precision = "double", string layout = "auto")
    {
        var choice = Create(backend, threads, device, precision) with { Layout = layout.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : PairLayouts.Parse(layout) };
        if (choice.Layout is not null && choice.Kind != BackendKind.Simd)
            throw new InputException($"--pair-layout {layout} applies to --backend simd (the reference back end walks the atom list; the gpu back end keeps its own)");
        if (choice.Layout is { } chosen) PairLayouts.Supported(chosen, choice.Precision); // refused before any work, not when the back end is made
        if (choice.Precision != PairPrecision.Double && choice.Kind == BackendKind.Reference)
            throw new InputException($"--precision {precision} applies to --backend simd and gpu (the reference back end is double precision: it is what the others are checked against)");
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
        PairPrecisions.Parse(precision));

    public IPairBackend Create() => Kind switch
    {
        BackendKind.Reference => new ReferenceBackend(),
        BackendKind.Gpu => new GpuBackend(Accelerator(), precision: Precision),
        _ => new SimdBackend(Threads <= 0 ? Environment.ProcessorCount : Threads, precision: Precision, layout: Layout ?? PairLayouts.Fastest),
    };

    private GpuDevice Accelerator()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _device ??= new GpuDevice(Device);
        }
    }

    private bool _disposed;

    /// <summary>Frees the accelerator (if a Gpu back end was created); back ends made from this choice must not be used after.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _device?.Dispose();
            _device = null;
        }
    }
}

/// <summary>A CPU back end in one call (tests, the builders' Simd relaxations).</summary>
public static class BackendFactory
{
    public static IPairBackend Create(BackendKind kind, int threads = 0) =>
        kind == BackendKind.Gpu ? throw new ArgumentException("a Gpu back end needs a BackendChoice that owns its accelerator", nameof(kind)) : new BackendChoice(kind, threads).Create();
}

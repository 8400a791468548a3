using ILGPU;
using ILGPU.Runtime;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// One ILGPU context and accelerator. The kernels call the same scalar definitions as the Reference back end (the erfc of
/// <see cref="Coulomb.ScaledErfcPolynomial"/> included: pure arithmetic, no table).
/// </summary>
public sealed class GpuDevice : IDisposable
{
    private readonly Context _context;

    public Accelerator Accelerator { get; }
    /// <summary>The kernels, compiled at first use.</summary>
    public GpuKernels Kernels => _kernels ??= new GpuKernels(Accelerator);
    public DeviceReducer Reducer => _reducer ??= new DeviceReducer(Accelerator, Kernels);
    /// <summary>The mesh Ewald and FFT kernels, compiled at first use.</summary>
    public MeshKernelSet Mesh => _meshKernels ??= new MeshKernelSet(Accelerator);
    private GpuKernels? _kernels;
    private MeshKernelSet? _meshKernels;
    private DeviceReducer? _reducer;
    public AcceleratorType Type => Accelerator.AcceleratorType;

    /// <summary>What ran: accelerator kind, name and memory, for plans and logs.</summary>
    public string Description => Accelerator.AcceleratorType == AcceleratorType.CPU
        ? $"CPU '{Accelerator.Name}' (ILGPU's CPU accelerator: for tests, not for speed)"
        : $"{Accelerator.AcceleratorType} '{Accelerator.Name}' ({Accelerator.MemorySize / (1024.0 * 1024 * 1024):F1} GiB)";

    public GpuDevice(GpuDeviceKind kind = GpuDeviceKind.Auto)
    {
        _context = Context.Create(b => b.Default().Arrays(ArrayMode.InlineMutableStaticArrays));
        var device = Pick(_context, kind);
        Accelerator = device.CreateAccelerator(_context);
    }

    /// <summary>Whether an accelerator of <paramref name="kind"/> is present (auto: any).</summary>
    public static bool Available(GpuDeviceKind kind)
    {
        using var context = Context.Create(b => b.Default());
        return kind switch
        {
            GpuDeviceKind.Cuda => context.Devices.Any(d => d.AcceleratorType == AcceleratorType.Cuda),
            GpuDeviceKind.OpenCL => context.Devices.Any(d => d.AcceleratorType == AcceleratorType.OpenCL),
            _ => context.Devices.Length > 0,
        };
    }

    private static Device Pick(Context context, GpuDeviceKind kind)
    {
        Device? Find(AcceleratorType t) => context.Devices.FirstOrDefault(d => d.AcceleratorType == t);
        var chosen = kind switch
        {
            GpuDeviceKind.Cuda => Find(AcceleratorType.Cuda),
            GpuDeviceKind.OpenCL => Find(AcceleratorType.OpenCL),
            GpuDeviceKind.Cpu => Find(AcceleratorType.CPU),
            _ => Find(AcceleratorType.Cuda) ?? Find(AcceleratorType.OpenCL) ?? Find(AcceleratorType.CPU),
        };
        return chosen ?? throw new InputException(
            $"--device {kind.ToString().ToLowerInvariant()}: no such accelerator on this machine (found: {string.Join(", ", context.Devices.Select(d => $"{d.AcceleratorType} '{d.Name}'"))})");
    }

    public void Dispose()
    {
        _reducer?.Dispose();
        Accelerator.Dispose();
        _context.Dispose();
    }
}

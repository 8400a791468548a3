using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Neighbors;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// The Gpu back end (ILGPU: CUDA, OpenCL or the CPU accelerator), in double or mixed precision. As an
/// <see cref="IPairBackend"/> under a host integrator (minimizers, barostats, deformation, plain Ewald) it uploads the
/// positions each force call and returns the forces, energies and virial; its neighbor list lives on the device and is
/// rebuilt whenever the host's rebuild criterion fires. Mesh Ewald (pppm) runs on the device with the pair kernel
/// (<see cref="DeviceMeshEwald"/>); plain Ewald stays on the host. <see cref="ResidentIntegrator"/> keeps the atoms on
/// the device across steps instead (any host integrator, box deformation included; not with plain Ewald), copying to
/// the host only for output.
/// </summary>
/// <param name="device">the accelerator; disposed with the back end when <paramref name="ownsDevice"/>.</param>
/// <param name="ownsDevice">whether disposing the back end disposes the device.</param>
/// <param name="precision">double, or float32 positions in the pair kernel (<see cref="PairPrecision"/>).</param>
public sealed class GpuBackend(GpuDevice device, bool ownsDevice = false, PairPrecision precision = PairPrecision.Double) : IPairBackend, IDisposable
{
    private DeviceForces? _forces;
    private AtomSystem? _system;
    private NeighborList? _hostList;
    private int _hostBuilds = -1;
    private double[] _syncedX = [], _syncedY = [], _syncedZ = [];

    public GpuDevice Device { get; } = device;
    public PairPrecision Precision { get; } = precision;
    public string Name => $"gpu ({Device.Description}, {(Precision == PairPrecision.Mixed ? "mixed precision: float32 positions, double pair terms and sums" : "double precision")})";
    public bool UsesHostNeighborList => false;
    /// <summary>Builds of the device neighbor list so far.</summary>
    public int ListBuilds => _forces?.List.Builds ?? 0;

    /// <summary>Entries per atom the device list holds (its per-atom capacity; grows when an atom has more neighbors), 0 before the first build.</summary>
    public int ListStride => _forces?.List.Stride ?? 0;

    /// <summary>Mean entries per atom of the device list (pairs within cut-off plus skin, each pair twice).</summary>
    public double MeanListEntries() => _forces?.List.MeanEntries() ?? 0;

    public void ComputePairs(AtomSystem s, NeighborList list, CompiledForceField ff, ForceResult result, bool perAtomVirial)
    {
        var f = Bind(s, ff, list.Skin);
        f.Atoms.UploadPositions(s);
        if (!ReferenceEquals(list, _hostList) || list.Builds != _hostBuilds)
        {
            f.List.Build(f.Atoms, s.Box);
            _hostList = list;
            _hostBuilds = list.Builds;
        }
        f.Evaluate(s.Box);
        f.Atoms.DownloadForces(s);
        f.AddTotals(result);
        if (perAtomVirial) result.PerAtomVirial = f.PerAtomVirial();
        RememberSynced(s);
    }

    /// <summary>
    /// The device forces of <paramref name="s"/> with its state uploaded for a run of resident steps: positions are
    /// uploaded (and the device list dropped) only if the host changed them since the device last saw them.
    /// </summary>
    internal DeviceForces Resident(AtomSystem s, CompiledForceField ff, double skin)
    {
        var f = Bind(s, ff, skin);
        if (!(s.X.AsSpan().SequenceEqual(_syncedX) && s.Y.AsSpan().SequenceEqual(_syncedY) && s.Z.AsSpan().SequenceEqual(_syncedZ)))
        {
            f.Atoms.UploadPositions(s);
            f.List.Invalidate();
        }
        f.Atoms.UploadVelocitiesAndForces(s);
        return f;
    }

    /// <summary>Copies the device state to the host after resident steps.</summary>
    internal void Synchronize(AtomSystem s)
    {
        _forces!.Atoms.Download(s);
        RememberSynced(s);
        _hostList = null; // the host list's reference positions are stale: the next bridged call rebuilds on the device
    }

    private DeviceForces Bind(AtomSystem s, CompiledForceField ff, double skin)
    {
        if (_forces is not null && ReferenceEquals(_system, s) && ReferenceEquals(_forces.ForceField, ff)) return _forces;
        _forces?.Dispose();
        _forces = new DeviceForces(Device, ff, s, skin, Precision);
        _forces.Atoms.Upload(s);
        _system = s;
        _hostList = null;
        _syncedX = [];
        return _forces;
    }

    private void RememberSynced(AtomSystem s)
    {
        if (_syncedX.Length != s.Count) { _syncedX = new double[s.Count]; _syncedY = new double[s.Count]; _syncedZ = new double[s.Count]; }
        s.X.CopyTo(_syncedX, 0); s.Y.CopyTo(_syncedY, 0); s.Z.CopyTo(_syncedZ, 0);
    }

    public void Dispose()
    {
        _forces?.Dispose();
        _forces = null;
        if (ownsDevice) Device.Dispose();
    }
}

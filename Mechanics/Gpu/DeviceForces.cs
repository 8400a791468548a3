using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.Potentials;
using ILGPU;
using ILGPU.Runtime;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// Forces of one compiled force field on one system's device-resident atoms: the device neighbor list, the pair
/// kernel, mesh Ewald when the force field uses it (<see cref="DeviceMeshEwald"/>), and the reductions of per-atom
/// energies, virials and kinetic tensors to totals (copied to the host only when asked). Self energies stay with
/// <see cref="ForceComputer"/>, and so does plain Ewald (its k-vector sum runs on the host).
/// </summary>
public sealed class DeviceForces : IDisposable
{
    private readonly GpuDevice _device;
    private readonly MemoryBuffer1D<ShortRangePair, Stride1D.Dense> _pairs;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _perAtom, _kinetic;
    private readonly MemoryBuffer1D<float, Stride1D.Dense>[] _single = [];
    private readonly DeviceMeshEwald? _mesh;

    public CompiledForceField ForceField { get; }
    public DeviceAtoms Atoms { get; }
    public DeviceNeighborList List { get; }
    public GpuKernels Kernels => _device.Kernels;
    public DeviceReducer Reducer => _device.Reducer;

    public PairPrecision Precision { get; }

    /// <param name="system">the atoms (their count, and the charges mesh Ewald needs; uploaded by the caller).</param>
    public DeviceForces(GpuDevice device, CompiledForceField ff, AtomSystem system, double skin = 2.0, PairPrecision precision = PairPrecision.Double)
    {
        int atoms = system.Count;
        Precision = precision;
        _device = device;
        ForceField = ff;
        var acc = device.Accelerator;
        _pairs = acc.Allocate1D(ff.Pairs);
        _perAtom = acc.Allocate1D<double>((long)ForceKernels.PerAtomQuantities * atoms);
        _kinetic = acc.Allocate1D<double>(6L * atoms);
        Atoms = new DeviceAtoms(acc, atoms);
        List = new DeviceNeighborList(acc, device.Kernels, device.Reducer, ff.MaxCutoff, skin);
        if (ff.Reciprocal is MeshEwald mesh) _mesh = new DeviceMeshEwald(device, mesh, system.Charge);
        if (precision == PairPrecision.Mixed) _single = [acc.Allocate1D<float>(atoms), acc.Allocate1D<float>(atoms), acc.Allocate1D<float>(atoms)];
    }

    /// <summary>Forces (eV/Å) on the device atoms, and per-atom energies and virials, with the list of the current positions.</summary>
    public void Compute(Box box)
    {
        if (List.NeedsRebuild(Atoms, box)) List.Build(Atoms, box);
        Evaluate(box);
    }

    /// <summary>The pair kernel (and mesh Ewald), on the list as it stands.</summary>
    public void Evaluate(Box box)
    {
        var a = Atoms.Views;
        if (Precision == PairPrecision.Mixed)
        {
            Kernels.ToSingle(Atoms.Count, a, _single[0].View, _single[1].View, _single[2].View);
            Kernels.MixedPairs(Atoms.Count, a, List.Views, List.DeviceBoxOf(box), _pairs.View, ForceField.TypeCount, ForceField.Coulomb, _perAtom.View,
                new SinglePositions(_single[0].View, _single[1].View, _single[2].View));
        }
        else
            Kernels.Pairs(Atoms.Count, a, List.Views, List.DeviceBoxOf(box), _pairs.View, ForceField.TypeCount, ForceField.Coulomb, _perAtom.View,
                new DoublePositions(a.X, a.Y, a.Z));
        _mesh?.Compute(a, Atoms.Count, box);
    }

    /// <summary>Adds the pair energies (eV) and virial (eV) of the last evaluation, and mesh Ewald's, to <paramref name="result"/>.</summary>
    public void AddTotals(ForceResult result)
    {
        var t = Reducer.Sums(_perAtom.View, Atoms.Count, ForceKernels.PerAtomQuantities);
        result.ShortRangeEnergy += t[0];
        result.CoulombPairEnergy += t[1];
        for (int a = 0; a < 6; a++) result.Virial[a] += t[2 + a];
        _mesh?.AddTotals(result);
    }

    /// <summary>Per-atom virials (eV, 6 per atom in host order xx, yy, zz, xy, xz, yz) of the last evaluation.</summary>
    public double[] PerAtomVirial()
    {
        int n = Atoms.Count;
        var soa = new double[(long)ForceKernels.PerAtomQuantities * n];
        _perAtom.CopyToCPU(soa);
        var aos = new double[6 * n];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < 6; a++) aos[6 * i + a] = soa[(2 + a) * n + i];
        return aos;
    }

    /// <summary>Kinetic tensor Σ m v_a v_b (eV), reduced on the device.</summary>
    public double[] KineticTensor()
    {
        Kernels.KineticTensor(Atoms.Count, Atoms.Views, _kinetic.View);
        return Reducer.Sums(_kinetic.View, Atoms.Count, 6);
    }

    public void Dispose()
    {
        _pairs.Dispose(); _perAtom.Dispose(); _kinetic.Dispose();
        foreach (var b in _single) b.Dispose();
        _mesh?.Dispose();
        Atoms.Dispose(); List.Dispose();
    }
}

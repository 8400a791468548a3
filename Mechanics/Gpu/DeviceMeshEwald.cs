using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Geometry;
using ILGPU;
using ILGPU.Runtime;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// Smooth PME (<see cref="MeshEwald"/>: same α, grid, order and definitions) on the device, on device-resident atoms:
/// B-spline weights, charge spreading, forward FFT, influence function with energy and virial per wave vector,
/// inverse FFT and force interpolation all run as kernels (<see cref="MeshKernels"/>, <see cref="DeviceFft3D"/>);
/// only the seven totals come back, and only when asked. Deterministic: the charge grid is summed in fixed point with
/// integer atomics (<see cref="FixedPointChargeGrid"/>), the FFT and the reductions use no atomics.
/// </summary>
public sealed class DeviceMeshEwald : IDisposable
{
    /// <summary>Per wave vector: energy and six virial terms.</summary>
    private const int PointQuantities = 7;

    private readonly GpuDevice _device;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>[] _splines, _bFactors;
    private readonly MemoryBuffer1D<int, Stride1D.Dense>[] _gridIndex;
    private readonly MemoryBuffer1D<long, Stride1D.Dense> _cells;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _perPoint;
    private readonly DeviceFft3D _fft;
    private readonly double _netCharge;
    private double _volume;

    public MeshEwald Definition { get; }

    /// <summary>Fixed-point scale of the charge grid (1/e): the largest power of two with Σ|q| · scale below 2⁶².</summary>
    public double Scale { get; }

    /// <param name="charges">the atoms' charges (e): fixed during a run; they set the net charge and the fixed-point scale.</param>
    public DeviceMeshEwald(GpuDevice device, MeshEwald definition, IReadOnlyList<double> charges)
    {
        _device = device;
        Definition = definition;
        var acc = device.Accelerator;
        int n = charges.Count, p = definition.Order;
        _splines = [.. Enumerable.Range(0, 6).Select(_ => acc.Allocate1D<double>(Math.Max(1, (long)n * p)))];
        _gridIndex = [.. Enumerable.Range(0, 3).Select(_ => acc.Allocate1D<int>(Math.Max(1, n)))];
        _bFactors = [.. definition.BFactorsSquared.Select(b => acc.Allocate1D(b))];
        _fft = new DeviceFft3D(acc, device.Mesh, [.. definition.Grid]);
        _cells = acc.Allocate1D<long>(_fft.Size);
        _cells.MemSetToZero();
        _perPoint = acc.Allocate1D<double>((long)PointQuantities * _fft.Size);
        double absSum = 0;
        foreach (double q in charges) { _netCharge += q; absSum += Math.Abs(q); }
        Scale = Math.Pow(2, Math.Min(48, 62 - Math.Ceiling(Math.Log2(Math.Max(absSum, 1.0)))));
    }

    private MeshAtomViews AtomData => new()
    {
        Wx = _splines[0].View, Wy = _splines[1].View, Wz = _splines[2].View,
        Dx = _splines[3].View, Dy = _splines[4].View, Dz = _splines[5].View,
        Gx = _gridIndex[0].View, Gy = _gridIndex[1].View, Gz = _gridIndex[2].View,
    };

    /// <summary>Adds the mesh forces (eV/Å) to the device atoms' forces; energy and virial stay on the device until <see cref="AddTotals"/>.</summary>
    public void Compute(AtomViews atoms, int count, Box box)
    {
        if (!(box.Periodic[0] && box.Periodic[1] && box.Periodic[2])) throw new InputException("mesh Ewald needs a box periodic along x, y and z");
        var k = _device.Mesh;
        var frame = Definition.Frame(box);
        var m = AtomData;
        _volume = box.Volume;
        k.Weights(count, atoms, frame, m);
        k.Spread(count, atoms, frame, m, new FixedPointChargeGrid(_cells.View, Scale));
        k.ToComplex(_fft.Size, _cells.View, Scale, _fft.Re, _fft.Im);
        _fft.Forward();
        k.Influence(_fft.Size, _fft.Re, _fft.Im, _bFactors[0].View, _bFactors[1].View, _bFactors[2].View, frame, _perPoint.View);
        _fft.Inverse();
        k.Interpolate(count, atoms, frame, m, _fft.Re);
    }

    /// <summary>Adds the k-space energy (eV) and virial (eV) of the last <see cref="Compute"/>, background included, to <paramref name="result"/>.</summary>
    public void AddTotals(ForceResult result)
    {
        var t = _device.Reducer.Sums(_perPoint.View, _fft.Size, PointQuantities);
        double background = Definition.BackgroundEnergy(_netCharge, _volume);
        result.KSpaceEnergy += t[0] + background;
        for (int a = 0; a < 3; a++) result.Virial[a] += t[1 + a] + background;
        for (int a = 3; a < 6; a++) result.Virial[a] += t[1 + a];
        result.KSpaceIncluded = true;
    }

    public void Dispose()
    {
        foreach (var b in _splines.Concat(_bFactors).Append(_perPoint)) b.Dispose();
        foreach (var b in _gridIndex) b.Dispose();
        _cells.Dispose();
        _fft.Dispose();
    }
}

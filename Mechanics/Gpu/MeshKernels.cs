using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Numerics;
using ILGPU;

namespace FractureLab.Mechanics.Gpu;

/// <summary>A device view from an offset, as the shared mesh definitions (<see cref="MeshStencil"/>) take it.</summary>
public struct DeviceArray(ArrayView<double> view, int offset) : IRealArray
{
    private ArrayView<double> _view = view;
    private readonly int _offset = offset;

    public double this[int i]
    {
        get => _view[_offset + i];
        set => _view[_offset + i] = value;
    }
}

/// <summary>
/// The charge grid on the device in fixed point: each contribution is rounded to a multiple of 1/<see cref="Scale"/> e
/// and added with a 64-bit integer atomic, so the sum does not depend on the order the threads arrive in (integer
/// addition is associative), and the grid is the same on every run and device (as in AMBER's SPFP, Le Grand, Götz,
/// Walker, Comput. Phys. Commun. 184, 374 (2013)). <see cref="DeviceMeshEwald"/> picks the scale from Σ|q|.
/// </summary>
public struct FixedPointChargeGrid(ArrayView<long> cells, double scale) : IChargeGrid
{
    private ArrayView<long> _cells = cells;
    public readonly double Scale = scale;

    public void Add(int i, double value) => Atomic.Add(ref _cells[i], (long)(value * Scale + (value >= 0 ? 0.5 : -0.5)));
}

/// <summary>Per-atom B-spline data on the device: n weights and slopes per atom and axis (atom i at i·n), and the grid indices.</summary>
public struct MeshAtomViews
{
    public ArrayView<double> Wx, Wy, Wz, Dx, Dy, Dz;
    public ArrayView<int> Gx, Gy, Gz;
}

/// <summary>
/// The kernels of smooth PME on the device; each calls the same definitions as the host (<see cref="MeshStencil"/>):
/// weights per atom, charge spreading (fixed-point atomics), the charge grid to the FFT's complex grid, the
/// influence function per wave vector with its energy and virial, and the force interpolation (each atom writes its own force).
/// </summary>
public static class MeshKernels
{
    public static void Weights(Index1D i, AtomViews a, MeshFrame f, MeshAtomViews m)
    {
        int o = i * f.Order;
        m.Gx[i] = MeshStencil.Weights(a.X[i], f.LoX, f.Lx, f.K0, f.Order, new DeviceArray(m.Wx, o), new DeviceArray(m.Dx, o), false);
        m.Gy[i] = MeshStencil.Weights(a.Y[i], f.LoY, f.Ly, f.K1, f.Order, new DeviceArray(m.Wy, o), new DeviceArray(m.Dy, o), false);
        m.Gz[i] = MeshStencil.Weights(a.Z[i], f.LoZ, f.Lz, f.K2, f.Order, new DeviceArray(m.Wz, o), new DeviceArray(m.Dz, o), true);
    }

    public static void Spread(Index1D i, AtomViews a, MeshFrame f, MeshAtomViews m, FixedPointChargeGrid grid)
    {
        double q = a.Charge[i];
        if (q == 0) return;
        int o = i * f.Order;
        MeshStencil.Spread(q, m.Gx[i], m.Gy[i], m.Gz[i], f.Order, f.K0, f.K1, f.K2,
            new DeviceArray(m.Wx, o), new DeviceArray(m.Wy, o), new DeviceArray(m.Wz, o), grid);
    }

    /// <summary>The fixed-point charge grid as the FFT's complex input; clears the cells for the next spreading.</summary>
    public static void ToComplex(Index1D k, ArrayView<long> cells, double scale, ArrayView<double> re, ArrayView<double> im)
    {
        re[k] = cells[k] / scale;
        im[k] = 0;
        cells[k] = 0;
    }

    /// <summary>
    /// Wave vector of grid point idx: energy and virial terms into perPoint (q·size + idx, q = energy, xx, yy, zz, xy,
    /// xz, yz), and F(Q)(m) multiplied by θ̂ = 2g (m = 0 dropped).
    /// </summary>
    public static void Influence(Index1D idx, ArrayView<double> re, ArrayView<double> im, ArrayView<double> bx, ArrayView<double> by, ArrayView<double> bz,
        MeshFrame f, ArrayView<double> perPoint)
    {
        int size = f.K0 * f.K1 * f.K2;
        int c = idx % f.K2, b = idx / f.K2 % f.K1, a = idx / (f.K1 * f.K2);
        if (idx == 0)
        {
            re[0] = 0; im[0] = 0;
            for (int q = 0; q < 7; q++) perPoint[q * size] = 0;
            return;
        }
        var t = MeshStencil.PointTerms(MeshStencil.WaveNumber(a, f.K0, f.Lx), MeshStencil.WaveNumber(b, f.K1, f.Ly), MeshStencil.WaveNumber(c, f.K2, f.Lz),
            bx[a] * by[b] * bz[c], f.Pref, f.Pi2OverAlpha2, re[idx], im[idx]);
        perPoint[idx] = t.Energy;
        perPoint[size + idx] = t.Xx; perPoint[2 * size + idx] = t.Yy; perPoint[3 * size + idx] = t.Zz;
        perPoint[4 * size + idx] = t.Xy; perPoint[5 * size + idx] = t.Xz; perPoint[6 * size + idx] = t.Yz;
        re[idx] *= 2.0 * t.G;
        im[idx] *= 2.0 * t.G;
    }

    public static void Interpolate(Index1D i, AtomViews a, MeshFrame f, MeshAtomViews m, ArrayView<double> theta)
    {
        double q = a.Charge[i];
        if (q == 0) return;
        int o = i * f.Order;
        var g = MeshStencil.Gradient(m.Gx[i], m.Gy[i], m.Gz[i], f.Order, f.K0, f.K1, f.K2,
            new DeviceArray(m.Wx, o), new DeviceArray(m.Dx, o), new DeviceArray(m.Wy, o), new DeviceArray(m.Dy, o),
            new DeviceArray(m.Wz, o), new DeviceArray(m.Dz, o), new DeviceArray(theta, 0));
        a.Fx[i] -= q * (f.K0 / f.Lx) * g.X;
        a.Fy[i] -= q * (f.K1 / f.Ly) * g.Y;
        a.Fz[i] -= q * (f.K2 / f.Lz) * g.Z;
    }
}

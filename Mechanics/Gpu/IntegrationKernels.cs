using FractureLab.Mechanics.Units;
using ILGPU;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// The per-atom updates of <see cref="Integrators.IDynamicsState"/> on the device, the same arithmetic as the host's
/// <see cref="Integrators.Kinetics"/> and <see cref="Integrators.BoxScaling"/>, and the per-atom kinetic tensor
/// m v_a v_b (eV) for reductions. Axis 0, 1, 2 = x, y, z.
/// </summary>
public static class IntegrationKernels
{
    /// <summary>v += h·F/m with h = (dt/2)·(F/m → Å/ps²), as Kinetics.HalfKick.</summary>
    public static void Kick(Index1D i, AtomViews a, double h)
    {
        double f = h / a.Mass[i];
        a.Vx[i] += f * a.Fx[i]; a.Vy[i] += f * a.Fy[i]; a.Vz[i] += f * a.Fz[i];
    }

    public static void Drift(Index1D i, AtomViews a, double dtPs)
    {
        a.X[i] += dtPs * a.Vx[i]; a.Y[i] += dtPs * a.Vy[i]; a.Z[i] += dtPs * a.Vz[i];
    }

    public static void Scale(Index1D i, AtomViews a, double factor)
    {
        a.Vx[i] *= factor; a.Vy[i] *= factor; a.Vz[i] *= factor;
    }

    public static void ScaleAxisVelocity(Index1D i, AtomViews a, int axis, double factor)
    {
        if (axis == 0) a.Vx[i] *= factor;
        else if (axis == 1) a.Vy[i] *= factor;
        else a.Vz[i] *= factor;
    }

    /// <summary>x_a = mid + (x_a − mid)·factor, as BoxScaling.ScaleAxis.</summary>
    public static void ScaleAxisPosition(Index1D i, AtomViews a, int axis, double mid, double factor)
    {
        if (axis == 0) a.X[i] = mid + (a.X[i] - mid) * factor;
        else if (axis == 1) a.Y[i] = mid + (a.Y[i] - mid) * factor;
        else a.Z[i] = mid + (a.Z[i] - mid) * factor;
    }

    /// <summary>m v_a v_b · mvv2e (eV) per atom, laid out q·n + i (xx, yy, zz, xy, xz, yz).</summary>
    public static void KineticTensor(Index1D i, AtomViews a, ArrayView<double> perAtom)
    {
        int n = a.X.IntLength;
        double m = a.Mass[i] * MetalUnits.MvvToEv, vx = a.Vx[i], vy = a.Vy[i], vz = a.Vz[i];
        perAtom[i] = m * vx * vx; perAtom[n + i] = m * vy * vy; perAtom[2 * n + i] = m * vz * vz;
        perAtom[3 * n + i] = m * vx * vy; perAtom[4 * n + i] = m * vx * vz; perAtom[5 * n + i] = m * vy * vz;
    }
}

using FractureLab.Mechanics.Units;
using ILGPU;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// Velocity Verlet pieces on the device, the same arithmetic as <see cref="Integrators.Kinetics"/> (half-kick
/// v += (dt/2)·F/m, drift x += dt·v, velocity scaling), and the per-atom kinetic tensor m v_a v_b (eV) for reductions.
/// </summary>
public static class IntegrationKernels
{
    /// <summary>Half-kick with h = (dt/2)·(F/m → Å/ps²) as Kinetics.HalfKick, then (when dt &gt; 0) the drift.</summary>
    public static void KickDrift(Index1D i, AtomViews a, double h, double dtPs)
    {
        double f = h / a.Mass[i];
        a.Vx[i] += f * a.Fx[i]; a.Vy[i] += f * a.Fy[i]; a.Vz[i] += f * a.Fz[i];
        if (dtPs > 0) { a.X[i] += dtPs * a.Vx[i]; a.Y[i] += dtPs * a.Vy[i]; a.Z[i] += dtPs * a.Vz[i]; }
    }

    public static void Scale(Index1D i, AtomViews a, double factor)
    {
        a.Vx[i] *= factor; a.Vy[i] *= factor; a.Vz[i] *= factor;
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

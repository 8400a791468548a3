using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Integrators;

namespace FractureLab.Mechanics.Minimizers;

/// <summary>
/// FIRE minimizer (Bitzek, Koskinen, Gähler, Moseley, Gumbsch, Phys. Rev. Lett. 97, 170201 (2006)) with
/// its published parameters (N_min 5, f_inc 1.1, f_dec 0.5, α0 0.1, f_α 0.99), box fixed. Stops when
/// every force component is below <paramref name="forceTolerance"/> (eV/Å). As LAMMPS's min_style fire, no atom
/// moves further than <paramref name="maxStepA"/> along any axis in one iteration (LAMMPS `min_modify dmax`, default
/// 0.1 Å): the drift's timestep is cut to dmax / max|v|. Without the cap, random insertions with contacts of a few
/// hundred eV/Å sent atoms through one another once the FIRE timestep had grown (silica, seeds 3 and 2026).
/// </summary>
public static class Fire
{
    /// <param name="frozen">Atoms held where they are (as LAMMPS's fix setforce 0 0 0 on a group), or null for none: their forces are zeroed after every evaluation, so they never move.</param>
    public static MinimizationResult Minimize(AtomSystem s, ForceComputer forces, double forceTolerance = 1e-4, int maxIterations = 10000, double dtPs = 0.001, double dtMaxPs = 0.01,
        double maxStepA = 0.1, bool[]? frozen = null)
    {
        if (!(maxStepA > 0)) throw new InputException($"FIRE: maximum step {maxStepA} Å must be positive");
        if (frozen is not null && frozen.Length != s.Count) throw new ArgumentException($"frozen mask has {frozen.Length} entries for {s.Count} atoms");
        // FIRE's masses are fictitious (the minimum does not depend on them): adiabatic shells (a fraction of an amu on a stiff
        // spring, periods of a few fs) move with their cores' masses here, else the step the cores need makes the shells
        // unstable and FIRE keeps halving it (the 320-particle shell glass: over 10 000 iterations against 972 rigid)
        var masses = (double[])s.TypeMasses.Clone();
        for (int t = 0; t < s.TypeCount; t++)
            if (Elements.ElementTable.IsShell(s.TypeElements[t]) && Array.IndexOf(s.TypeElements, Elements.ElementTable.CoreOf(s.TypeElements[t])) is var c and >= 0)
                masses[t] = s.TypeMasses[c];
        Array.Clear(s.Vx); Array.Clear(s.Vy); Array.Clear(s.Vz);
        var r = Compute();
        double alpha = 0.1, dt = dtPs;
        int positive = 0;
        for (int it = 1; it <= maxIterations; it++)
        {
            double fmax = MaxForce(s);
            if (fmax < forceTolerance) return new MinimizationResult(it - 1, r.PotentialEnergy, fmax, true);
            double p = 0, vn = 0, fn = 0;
            for (int i = 0; i < s.Count; i++)
            {
                p += s.Fx[i] * s.Vx[i] + s.Fy[i] * s.Vy[i] + s.Fz[i] * s.Vz[i];
                vn += s.Vx[i] * s.Vx[i] + s.Vy[i] * s.Vy[i] + s.Vz[i] * s.Vz[i];
                fn += s.Fx[i] * s.Fx[i] + s.Fy[i] * s.Fy[i] + s.Fz[i] * s.Fz[i];
            }
            if (p > 0)
            {
                double mix = fn > 0 ? alpha * Math.Sqrt(vn / fn) : 0;
                for (int i = 0; i < s.Count; i++)
                {
                    s.Vx[i] = (1 - alpha) * s.Vx[i] + mix * s.Fx[i];
                    s.Vy[i] = (1 - alpha) * s.Vy[i] + mix * s.Fy[i];
                    s.Vz[i] = (1 - alpha) * s.Vz[i] + mix * s.Fz[i];
                }
                if (++positive > 5) { dt = Math.Min(dt * 1.1, dtMaxPs); alpha *= 0.99; }
            }
            else
            {
                positive = 0;
                dt *= 0.5;
                alpha = 0.1;
                Array.Clear(s.Vx); Array.Clear(s.Vy); Array.Clear(s.Vz);
            }
            // semi-implicit Euler (MD step with the current forces), the drift capped at maxStepA per axis
            Kinetics.HalfKick(s, 2 * dt, masses);
            double vmax = MaxComponent(s.Vx, s.Vy, s.Vz);
            Kinetics.Drift(s, vmax * dt > maxStepA ? maxStepA / vmax : dt);
            r = Compute();
        }
        return new MinimizationResult(maxIterations, r.PotentialEnergy, MaxForce(s), false);

        ForceResult Compute()
        {
            var result = forces.Compute(s);
            if (frozen is not null) Integrators.HostDynamics.ZeroHeld(s, frozen);
            return result;
        }
    }

    internal static double MaxForce(AtomSystem s) => MaxComponent(s.Fx, s.Fy, s.Fz);

    /// <summary>Largest |component| of a per-atom vector stored as three arrays.</summary>
    private static double MaxComponent(double[] x, double[] y, double[] z)
    {
        double m = 0;
        for (int i = 0; i < x.Length; i++) m = Math.Max(m, Math.Max(Math.Abs(x[i]), Math.Max(Math.Abs(y[i]), Math.Abs(z[i]))));
        return m;
    }
}

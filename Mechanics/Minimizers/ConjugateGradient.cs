using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Mechanics.Minimizers;

/// <summary>
/// Polak-Ribière conjugate gradient (Nocedal &amp; Wright, Numerical Optimization, §5.2, PR+ with
/// restart), box fixed, with a backtracking (Armijo) line search along the search direction capped at
/// <paramref name="maxStepAngstrom"/> per atom (as LAMMPS min_modify dmax). Stops on the force tolerance
/// (eV/Å) or a relative energy change below <paramref name="energyTolerance"/>. A line search needs a
/// continuous energy: with short-range terms truncated unshifted (LAMMPS's default) the energy jumps
/// by U(r_c) when a pair crosses the cut-off, and CG stalls once forces are that small (use FIRE, an
/// energy tolerance, or shifted energies).
/// </summary>
public static class ConjugateGradient
{
    public static MinimizationResult Minimize(AtomSystem s, ForceComputer forces, double forceTolerance = 1e-4, double energyTolerance = 0.0, int maxIterations = 10000, double maxStepAngstrom = 0.1)
    {
        int n = s.Count;
        var e = forces.Compute(s).PotentialEnergy;
        var g = new double[3 * n];      // −gradient = force
        var h = new double[3 * n];      // search direction
        var x0 = new double[3 * n];
        var images0 = new int[3 * n];
        Pack(s, g);
        Array.Copy(g, h, g.Length);
        bool steepest = true;
        for (int it = 1; it <= maxIterations; it++)
        {
            double fmax = Fire.MaxForce(s);
            if (fmax < forceTolerance) return new MinimizationResult(it - 1, e, fmax, true);
            double slope = Dot(g, h);
            if (slope <= 0) { Array.Copy(g, h, g.Length); slope = Dot(g, g); }
            double hmax = 0;
            for (int k = 0; k < h.Length; k++) hmax = Math.Max(hmax, Math.Abs(h[k]));
            double step = maxStepAngstrom / hmax;
            for (int i = 0; i < n; i++)
            {
                x0[3 * i] = s.X[i]; x0[3 * i + 1] = s.Y[i]; x0[3 * i + 2] = s.Z[i];
                images0[3 * i] = s.ImageX[i]; images0[3 * i + 1] = s.ImageY[i]; images0[3 * i + 2] = s.ImageZ[i];
            }
            double eNew = e;
            bool accepted = false;
            for (int ls = 0; ls < 40; ls++)
            {
                for (int i = 0; i < n; i++)
                {
                    s.ImageX[i] = images0[3 * i]; s.ImageY[i] = images0[3 * i + 1]; s.ImageZ[i] = images0[3 * i + 2];
                    s.X[i] = x0[3 * i] + step * h[3 * i]; s.Y[i] = x0[3 * i + 1] + step * h[3 * i + 1]; s.Z[i] = x0[3 * i + 2] + step * h[3 * i + 2];
                }
                eNew = forces.Compute(s).PotentialEnergy;
                if (eNew <= e - 1e-4 * step * slope) { accepted = true; break; }
                step *= 0.5;
            }
            if (!accepted && !steepest)
            {
                // restart along the force (steepest descent) before giving up
                Restore(s, x0, images0);
                e = forces.Compute(s).PotentialEnergy;
                Pack(s, g);
                Array.Copy(g, h, g.Length);
                steepest = true;
                continue;
            }
            steepest = false;
            if (!accepted)
            {
                Restore(s, x0, images0);
                e = forces.Compute(s).PotentialEnergy;
                return new MinimizationResult(it, e, Fire.MaxForce(s), false);
            }
            bool energyConverged = energyTolerance > 0 && Math.Abs(e - eNew) <= energyTolerance * Math.Max(Math.Abs(eNew), 1e-30);
            e = eNew;
            var gOld = (double[])g.Clone();
            Pack(s, g);
            if (energyConverged) return new MinimizationResult(it, e, Fire.MaxForce(s), true);
            double beta = Math.Max(0.0, (Dot(g, g) - Dot(g, gOld)) / Dot(gOld, gOld));
            for (int k = 0; k < h.Length; k++) h[k] = g[k] + beta * h[k];
        }
        return new MinimizationResult(maxIterations, e, Fire.MaxForce(s), false);
    }

    private static void Restore(AtomSystem s, double[] x0, int[] images0)
    {
        for (int i = 0; i < s.Count; i++)
        {
            s.X[i] = x0[3 * i]; s.Y[i] = x0[3 * i + 1]; s.Z[i] = x0[3 * i + 2];
            s.ImageX[i] = images0[3 * i]; s.ImageY[i] = images0[3 * i + 1]; s.ImageZ[i] = images0[3 * i + 2];
        }
    }

    private static void Pack(AtomSystem s, double[] g)
    {
        for (int i = 0; i < s.Count; i++) { g[3 * i] = s.Fx[i]; g[3 * i + 1] = s.Fy[i]; g[3 * i + 2] = s.Fz[i]; }
    }

    private static double Dot(double[] a, double[] b)
    {
        double d = 0;
        for (int k = 0; k < a.Length; k++) d += a[k] * b[k];
        return d;
    }
}

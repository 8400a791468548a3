using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// Chooses the mesh of <see cref="MeshEwald"/> for a relative force accuracy in LAMMPS's sense (kspace_style pppm ACC:
/// rms force error / the force between two unit charges 1 Å apart, k_e/1 Å²). Instead of an analytic error estimate,
/// the k-space forces of the actual configuration are compared with those of a much finer reference mesh (order 8,
/// spacing 0.25/α, whose own error is orders of magnitude smaller), and the grid is refined (spacing × 0.85 per try,
/// sizes with no prime factor above 5, as LAMMPS chooses them: our FFT is mixed radix) until the rms of
/// |F_grid − F_reference| is within the target.
/// Done once at set-up, O(N log N).
/// </summary>
public static class MeshEwaldTuning
{
    public sealed record Choice(int[] Grid, int Order, double RmsForceErrorEvPerA, double TargetEvPerA)
    {
        /// <summary>
        /// Estimated cost per evaluation (ns) on the machine of the measurement: two FFTs at ~1.2 ns per point and pass
        /// (G log₂G), ~20 ns per grid point for the influence function and the block sums, spreading and gathering at
        /// ~4 ns per atom and stencil point (N n³); measured on 3 600 atoms at 1e-5: order 5 on 48³ 10.8 ms, order 6 on
        /// 36³ 5.5 ms, order 7 on 36³ 6.7 ms (model 8.5, 5.8, 7.6).
        /// </summary>
        public double CostNs(int atoms)
        {
            double g = (double)Grid[0] * Grid[1] * Grid[2];
            return 2 * 1.2 * g * Math.Log2(g) + 20.0 * g + 4.0 * atoms * Order * Order * Order;
        }
    }

    /// <summary>Orders 5, 6 and 7 each with its grid for the accuracy; the cheapest by <see cref="Choice.CostNs"/>.</summary>
    public static Choice ChooseCheapest(AtomSystem s, double alpha, double accuracyRelative) =>
        new[] { 5, 6, 7 }.Select(order => Choose(s, alpha, accuracyRelative, order)).MinBy(c => c.CostNs(s.Count))!;

    public static Choice Choose(AtomSystem s, double alpha, double accuracyRelative, int order)
    {
        double target = accuracyRelative * MetalUnits.CoulombConstant;
        var reference = Forces(s, new MeshEwald(alpha, GridFor(s, 0.25 / alpha, 8), 8));
        double h = 2.5 / alpha;
        int[]? tried = null;
        for (int attempt = 0; attempt < 40; attempt++, h *= 0.85)
        {
            var grid = GridFor(s, h, order);
            if (tried is not null && grid.SequenceEqual(tried)) continue;
            tried = grid;
            double rms = Rms(Forces(s, new MeshEwald(alpha, grid, order)), reference);
            if (rms <= target) return new Choice(grid, order, rms, target);
        }
        throw new InputException($"mesh Ewald: no grid up to spacing {h:0.###} Å reaches the accuracy {accuracyRelative:G3}; give the grid or a smaller accuracy");
    }

    /// <summary>Grid points per axis for a spacing (Å): at least 2 × order, with no prime factor above 5.</summary>
    public static int[] GridFor(AtomSystem s, double spacingAngstrom, int order) =>
        Enumerable.Range(0, 3).Select(a => Smooth(Math.Max(2 * order, (int)Math.Ceiling(s.Box.Length(a) / spacingAngstrom)))).ToArray();

    /// <summary>The smallest m ≥ n whose prime factors are 2, 3 and 5 only (FFT-friendly).</summary>
    public static int Smooth(int n)
    {
        for (int m = Math.Max(n, 1); ; m++)
        {
            int r = m;
            foreach (int f in new[] { 2, 3, 5 }) while (r % f == 0) r /= f;
            if (r == 1) return m;
        }
    }

    private static double[] Forces(AtomSystem s, MeshEwald mesh)
    {
        var c = s.Clone();
        Array.Clear(c.Fx); Array.Clear(c.Fy); Array.Clear(c.Fz);
        mesh.Compute(c, stackalloc double[6]);
        var f = new double[3 * c.Count];
        for (int i = 0; i < c.Count; i++) { f[3 * i] = c.Fx[i]; f[3 * i + 1] = c.Fy[i]; f[3 * i + 2] = c.Fz[i]; }
        return f;
    }

    private static double Rms(double[] a, double[] b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++) sum += (a[k] - b[k]) * (a[k] - b[k]);
        return Math.Sqrt(sum / (a.Length / 3));
    }
}

using FractureLab.BondSwitch.Geometry;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Softness;

/// <summary>
/// Radial structure functions (Cubuk et al., PRL 114, 108001 (2015)): for atom i, neighbour species X and centre
/// μ, G_X(i; μ) = Σ_{j∈X, r_ij&lt;R} exp(−(r_ij − μ)²/(2L²)), with μ on a grid (Å) and width L (Å); R = μ_max + 3L.
/// The thesis' grid, width and species are not public, so all are settings (defaults 1-6 Å step 0.1 Å, L = 0.1 Å,
/// SCIENCE.md §4).
/// </summary>
public sealed record RadialFeatures(string[] Species, double[] MuAngstrom, double WidthAngstrom)
{
    public static RadialFeatures Grid(IReadOnlyList<string> species, double muMinAngstrom = 1.0, double muMaxAngstrom = 6.0, double stepAngstrom = 0.1, double widthAngstrom = 0.1)
    {
        if (species.Count == 0) throw new InputException("softness: give at least one feature species");
        if (!(stepAngstrom > 0) || !(muMaxAngstrom >= muMinAngstrom) || !(muMinAngstrom >= 0)) throw new InputException($"softness: μ grid {muMinAngstrom}-{muMaxAngstrom} Å step {stepAngstrom} Å is not valid");
        if (!(widthAngstrom > 0)) throw new InputException($"softness: width L must be positive, not {widthAngstrom}");
        int n = (int)Math.Floor((muMaxAngstrom - muMinAngstrom) / stepAngstrom + 1e-9) + 1;
        return new([.. species], Enumerable.Range(0, n).Select(k => muMinAngstrom + k * stepAngstrom).ToArray(), widthAngstrom);
    }

    public int Length => Species.Length * MuAngstrom.Length;
    public double RangeAngstrom => MuAngstrom[^1] + 3 * WidthAngstrom;

    public string Name(int k) => FormattableString.Invariant($"G_{Species[k / MuAngstrom.Length]}_{MuAngstrom[k % MuAngstrom.Length]:0.0##}");

    /// <summary>Feature vectors of the atoms with the given indices.</summary>
    public double[][] Compute(Snapshot snap, IReadOnlyList<int> atoms)
    {
        var want = new bool[snap.System.Count];
        foreach (int i in atoms) want[i] = true;
        var lists = PairSearch.NeighborsOf(snap.System, RangeAngstrom, i => want[i]);
        double inv2L2 = 1.0 / (2 * WidthAngstrom * WidthAngstrom);
        var result = new double[atoms.Count][];
        for (int a = 0; a < atoms.Count; a++)
        {
            var g = new double[Length];
            foreach (var (j, dx, dy, dz) in lists[atoms[a]])
            {
                int x = Array.FindIndex(Species, sp => string.Equals(sp, snap.Element(j), StringComparison.OrdinalIgnoreCase));
                if (x < 0) continue;
                double r = Math.Sqrt(dx * dx + dy * dy + dz * dz);
                for (int m = 0; m < MuAngstrom.Length; m++)
                {
                    double u = r - MuAngstrom[m];
                    g[x * MuAngstrom.Length + m] += Math.Exp(-u * u * inv2L2);
                }
            }
            result[a] = g;
        }
        return result;
    }
}

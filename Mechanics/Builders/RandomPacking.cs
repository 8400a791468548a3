using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Elements;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Builders;

/// <summary>
/// Random insertion at a target density with a minimum pair distance (SCIENCE.md §1: ~1.6 Å), the usual
/// start of a melt-quench. Cubic periodic box of side (Σm/ρ)^(1/3); cells of the minimum distance keep each
/// trial O(1). Deterministic for a seed.
/// </summary>
public static class RandomPacking
{
    private const double AmuPerGramPerMol = 1.0;

    /// <summary>Cube side (Å) for the given atoms at <paramref name="densityGPerCm3"/>: V = Σm/(ρ N_A), 1 cm³ = 1e24 Å³.</summary>
    public static double CubeSide(IEnumerable<(string Element, int Count)> elements, double densityGPerCm3)
    {
        double mass = elements.Sum(e => Mass(e.Element) * e.Count * AmuPerGramPerMol);
        return Math.Cbrt(mass / Units.MetalUnits.Avogadro / densityGPerCm3 * Units.MetalUnits.CubicAngstromsPerCubicCentimetre);
    }

    /// <summary>
    /// Inserts the atoms at random in a periodic box of volume Σm/(ρ N_A) whose side lengths are in the ratio
    /// <paramref name="aspect"/> (null: a cube), no two closer than <paramref name="minDistanceA"/>.
    /// </summary>
    public static AtomSystem Build(IReadOnlyList<(string Element, int Count)> elements, double densityGPerCm3, double minDistanceA, int seed,
        double[]? aspect = null, int maxTrialsPerAtom = 20000)
    {
        if (!(densityGPerCm3 > 0)) throw new InputException($"density {densityGPerCm3} g/cm³ must be positive");
        if (!(minDistanceA > 0)) throw new InputException($"minimum distance {minDistanceA} Å must be positive");
        aspect ??= [1, 1, 1];
        if (aspect.Length != 3 || aspect.Any(a => !(a > 0))) throw new InputException("aspect needs three positive ratios");
        double scale = CubeSide(elements, densityGPerCm3) / Math.Cbrt(aspect[0] * aspect[1] * aspect[2]);
        double[] len = [scale * aspect[0], scale * aspect[1], scale * aspect[2]];
        int n = elements.Sum(e => e.Count);
        var s = new AtomSystem(n, elements.Select(e => e.Element).ToArray(), elements.Select(e => Mass(e.Element)).ToArray(), new Box([0, 0, 0], len));
        var rng = new Random(seed);
        int[] cells = len.Select(l => l / minDistanceA >= 3 ? (int)(l / minDistanceA) : 1).ToArray();
        var grid = new List<int>[cells[0] * cells[1] * cells[2]];
        for (int c = 0; c < grid.Length; c++) grid[c] = [];
        // Insert in a shuffled order of species so that no species is packed last into the leftover space.
        var order = elements.SelectMany((e, t) => Enumerable.Repeat(t, e.Count)).OrderBy(_ => rng.Next()).ToArray();
        double min2 = minDistanceA * minDistanceA;
        for (int i = 0; i < n; i++)
        {
            bool placed = false;
            for (int trial = 0; trial < maxTrialsPerAtom && !placed; trial++)
            {
                double[] r = [rng.NextDouble() * len[0], rng.NextDouble() * len[1], rng.NextDouble() * len[2]];
                int[] c = [.. Enumerable.Range(0, 3).Select(a => Math.Min(cells[a] - 1, (int)(r[a] / len[a] * cells[a])))];
                if (Clashes(s, grid, cells, len, c, r, min2)) continue;
                double x = r[0], y = r[1], z = r[2];
                s.X[i] = x; s.Y[i] = y; s.Z[i] = z;
                s.Type[i] = order[i];
                s.Id[i] = i + 1;
                grid[(c[0] * cells[1] + c[1]) * cells[2] + c[2]].Add(i);
                placed = true;
            }
            if (!placed)
                throw new InputException($"random insertion: no room for atom {i + 1} of {n} at {densityGPerCm3} g/cm³ with minimum distance {minDistanceA} Å; lower the density or the distance");
        }
        return s;
    }

    private static bool Clashes(AtomSystem s, List<int>[] grid, int[] cells, double[] len, int[] c, double[] r, double min2)
    {
        // One cell holds every atom along an axis under three cells wide, so a reach of 0 still sees them all.
        int rx = cells[0] >= 3 ? 1 : 0, ry = cells[1] >= 3 ? 1 : 0, rz = cells[2] >= 3 ? 1 : 0;
        for (int dx = -rx; dx <= rx; dx++)
        for (int dy = -ry; dy <= ry; dy++)
        for (int dz = -rz; dz <= rz; dz++)
        {
            int cell = (Wrap(c[0] + dx, cells[0]) * cells[1] + Wrap(c[1] + dy, cells[1])) * cells[2] + Wrap(c[2] + dz, cells[2]);
            foreach (int j in grid[cell])
            {
                double ddx = MinImage(r[0] - s.X[j], len[0]), ddy = MinImage(r[1] - s.Y[j], len[1]), ddz = MinImage(r[2] - s.Z[j], len[2]);
                if (ddx * ddx + ddy * ddy + ddz * ddz < min2) return true;
            }
        }
        return false;
    }

    private static int Wrap(int i, int n) => ((i % n) + n) % n;
    private static double MinImage(double d, double l) => d - l * Math.Round(d / l);

    private static double Mass(string element) =>
        ElementTable.TryGetMass(element, out double m) ? m : throw new InputException($"no mass for element '{element}'");
}

using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Crystals;

/// <summary>One position of the unit cell: the site it belongs to, its element, fractional coordinates and occupancy.</summary>
public sealed record CellPosition(string Label, string Element, double[] Fraction, double Occupancy);

/// <summary>A built crystal and what was drawn: the system and, per site with partial occupancy, positions filled of those available.</summary>
public sealed record CrystalBuild(AtomSystem System, IReadOnlyList<CellPosition> UnitCell, IReadOnlyDictionary<string, (int Filled, int Positions)> Draws, double NetChargeE, OrientedCell Orientation);

/// <summary>
/// Crystals from a CIF: every site through every symmetry operation, images within <c>toleranceA</c> of each other merged
/// (a site on a special position gives its multiplicity, not the group's order); a supercell of whole cells; partially
/// occupied sites filled by a seeded random draw that keeps the composition exact (occupancy × positions must be whole;
/// sites sharing positions, e.g. Ti 0.85 / Al 0.15, share them without overlap).
/// </summary>
public static class CrystalBuilder
{
    /// <summary>The positions of one unit cell, site by site in the CIF's order.</summary>
    public static List<CellPosition> UnitCell(CifFile cif, double toleranceA = 0.01)
    {
        var cell = new List<CellPosition>();
        foreach (var site in cif.Sites)
        {
            var mine = new List<double[]>();
            foreach (var op in cif.Operations)
            {
                var f = op.Apply([site.X, site.Y, site.Z]);
                if (!mine.Any(g => Distance(cif, f, g) < toleranceA)) mine.Add(f);
            }
            cell.AddRange(mine.Select(f => new CellPosition(site.Label, site.Element, f, site.Occupancy)));
        }
        return cell;
    }

    /// <summary>Distance (Å) between fractional points, minimum image, in the CIF's (possibly oblique) cell.</summary>
    public static double Distance(CifFile cif, double[] f, double[] g)
    {
        var d = new double[3];
        for (int a = 0; a < 3; a++) { d[a] = f[a] - g[a]; d[a] -= Math.Round(d[a]); }
        var m = Metric(cif);
        double s = 0;
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) s += d[a] * m[a, b] * d[b];
        return Math.Sqrt(Math.Max(0, s));
    }

    /// <summary>The metric tensor G_ab = a_a · a_b (Å²) of the cell.</summary>
    private static double[,] Metric(CifFile cif)
    {
        var l = cif.LengthsA;
        var c = cif.AnglesDeg.Select(x => Math.Cos(x * Math.PI / 180)).ToArray(); // alpha (b,c), beta (a,c), gamma (a,b)
        return new[,]
        {
            { l[0] * l[0], l[0] * l[1] * c[2], l[0] * l[2] * c[1] },
            { l[0] * l[1] * c[2], l[1] * l[1], l[1] * l[2] * c[0] },
            { l[0] * l[2] * c[1], l[1] * l[2] * c[0], l[2] * l[2] },
        };
    }

    /// <summary>
    /// <paramref name="nx"/> × <paramref name="ny"/> × <paramref name="nz"/> copies of an orthogonal cell of the lattice as a
    /// periodic box (<paramref name="orientation"/>, default <see cref="OrientedCell.Default"/>: the CIF's own cell if
    /// orthogonal, the orthohexagonal one if hexagonal, else the smallest orthogonal one), charges (e) from
    /// <paramref name="charges"/> by element, partial occupancies drawn with <paramref name="seed"/>.
    /// </summary>
    public static CrystalBuild Supercell(CifFile cif, int nx, int ny, int nz, IReadOnlyDictionary<string, double> charges, int seed = 1, OrientedCell? orientation = null)
    {
        orientation ??= OrientedCell.Default(cif);
        if (!orientation.IsIdentity) cif = orientation.Apply(cif);
        else if (cif.AnglesDeg.Any(a => Math.Abs(a - 90) > 1e-4))
            throw new InputException($"{cif.Source}: cell angles {string.Join(", ", cif.AnglesDeg)}° are not orthogonal; give an orientation (an orthogonal cell of the lattice)");
        if (nx < 1 || ny < 1 || nz < 1 || (long)nx * ny * nz > 1_000_000) throw new InputException($"supercell {nx}x{ny}x{nz}: each count must be at least 1, a million cells at most");
        var cell = UnitCell(cif);
        int n = nx * ny * nz;
        // positions shared by several sites (mixed occupancy) form one group; each group is filled per supercell
        var groups = new List<List<int>>();
        for (int i = 0; i < cell.Count; i++)
        {
            var g = groups.FirstOrDefault(gr => Distance(cif, cell[gr[0]].Fraction, cell[i].Fraction) < 0.01);
            if (g is null) groups.Add([i]); else g.Add(i);
        }
        var rng = new Random(seed);
        var chosen = new List<(CellPosition P, int Cx, int Cy, int Cz)>();
        var draws = new Dictionary<string, (int, int)>();
        // groups with the same labels (the orbit of a mixed site) are drawn together, so the counts are exact over the box
        foreach (var kind in groups.GroupBy(g => string.Join("|", g.Select(i => cell[i].Label).Order())))
        {
            var slots = (from g in kind from cx in Enumerable.Range(0, nx) from cy in Enumerable.Range(0, ny) from cz in Enumerable.Range(0, nz) select (g, cx, cy, cz)).ToList();
            var labels = kind.First().Select(i => cell[i]).ToList();
            double total = labels.Sum(p => p.Occupancy);
            if (total > 1 + 1e-6) throw new InputException($"{cif.Source}: sites {string.Join(", ", labels.Select(l => l.Label))} share positions with occupancies summing to {total:G4} > 1");
            bool full = labels.Count == 1 && labels[0].Occupancy >= 1 - 1e-9;
            if (!full) slots = [.. slots.OrderBy(_ => rng.Next())];
            int next = 0;
            foreach (var site in labels)
            {
                double want = site.Occupancy * slots.Count;
                int k = (int)Math.Round(want);
                if (Math.Abs(want - k) > 1e-3)
                    throw new InputException($"{cif.Source}: site {site.Label} (occupancy {site.Occupancy:G6}) over {slots.Count} positions asks for {want:G6} atoms; choose a supercell where occupancy × positions is whole");
                foreach (var slot in slots.Skip(next).Take(k))
                    chosen.Add((cell[slot.g.First(i => cell[i].Label == site.Label)], slot.cx, slot.cy, slot.cz));
                next += k;
                if (!full) draws[site.Label] = (k, slots.Count);
            }
        }
        var box = new Box([0, 0, 0], [nx * cif.LengthsA[0], ny * cif.LengthsA[1], nz * cif.LengthsA[2]]);
        var atoms = chosen.Select(c => new PlacedAtom(c.P.Element, (c.Cx + c.P.Fraction[0]) * cif.LengthsA[0], (c.Cy + c.P.Fraction[1]) * cif.LengthsA[1], (c.Cz + c.P.Fraction[2]) * cif.LengthsA[2],
            charges.TryGetValue(c.P.Element, out double q) ? q : throw new InputException($"no charge for {c.P.Element} (site {c.P.Label}) in the force field"))).ToList();
        var s = AtomListBuilder.Build(box, atoms);
        return new CrystalBuild(s, cell, draws, s.Charge.Sum(), orientation);
    }

    /// <summary>a = b, α = β = 90°, γ = 120° (or 60°): a hexagonal lattice (also the hexagonal setting of rhombohedral groups).</summary>
    public static bool IsHexagonal(CifFile cif) =>
        Math.Abs(cif.LengthsA[0] - cif.LengthsA[1]) <= 1e-6 * cif.LengthsA[0] && Math.Abs(cif.AnglesDeg[0] - 90) < 1e-4 && Math.Abs(cif.AnglesDeg[1] - 90) < 1e-4 &&
        (Math.Abs(cif.AnglesDeg[2] - 120) < 1e-4 || Math.Abs(cif.AnglesDeg[2] - 60) < 1e-4);
}

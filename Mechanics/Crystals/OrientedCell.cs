using System.Globalization;

namespace FractureLab.Mechanics.Crystals;

/// <summary>
/// An orthogonal cell of any lattice with a chosen lattice direction along a chosen box axis: three lattice vectors
/// (integer combinations of a, b, c, rows of <see cref="Matrix"/>) that are orthogonal within a strain tolerance, the
/// smallest such cell (fewest unit cells). The positions are mapped by their fractional coordinates in the new cell onto
/// an orthogonal box with the same edge lengths: that map keeps the edge lengths and straightens the angles, a pure shear
/// of ε_ij = cos θ_ij / 2 between edges i and j (small-strain tensor of the metric change, G_ij → 0), reported as
/// <see cref="MaxShearStrain"/>. Exact (zero strain) for orthogonal lattices and for the orthohexagonal cell of a hexagonal
/// one (A = a, B = a + 2b, C = c; International Tables Vol. A §5.1).
/// </summary>
/// <param name="Matrix">rows: the new cell's edges along box x, y, z in units of the CIF's a, b, c (right-handed)</param>
/// <param name="MaxShearStrain">largest |cos θ_ij| / 2 between the edges (0 for an exactly orthogonal cell)</param>
public sealed record OrientedCell(int[][] Matrix, double MaxShearStrain)
{
    /// <summary>Identity: the CIF's own cell (orthogonal lattices).</summary>
    public static OrientedCell Identity { get; } = new([[1, 0, 0], [0, 1, 0], [0, 0, 1]], 0);

    /// <summary>Number of unit cells in the new cell, |det M|.</summary>
    public int Cells => Math.Abs(Det(Matrix));

    /// <summary>The CIF's own cell (M = 1).</summary>
    public bool IsIdentity => Enumerable.Range(0, 3).All(i => Enumerable.Range(0, 3).All(j => Matrix[i][j] == (i == j ? 1 : 0)));

    /// <summary>Cartesian lattice vectors (Å, rows a, b, c): a along x, b in the xy plane (the usual crystallographic convention).</summary>
    public static double[][] LatticeVectors(CifFile cif)
    {
        double a = cif.LengthsA[0], b = cif.LengthsA[1], c = cif.LengthsA[2];
        double ca = Math.Cos(cif.AnglesDeg[0] * Math.PI / 180), cb = Math.Cos(cif.AnglesDeg[1] * Math.PI / 180);
        double cg = Math.Cos(cif.AnglesDeg[2] * Math.PI / 180), sg = Math.Sin(cif.AnglesDeg[2] * Math.PI / 180);
        double cy = (ca - cb * cg) / sg, cz2 = 1 - cb * cb - cy * cy;
        if (cz2 <= 1e-12) throw new InputException($"{cif.Source}: cell angles {string.Join(", ", cif.AnglesDeg)}° do not make a cell of positive volume");
        return [[a, 0, 0], [b * cg, b * sg, 0], [c * cb, c * cy, c * Math.Sqrt(cz2)]];
    }

    /// <summary>
    /// The cell for a CIF when no direction is asked for: its own cell if orthogonal, the orthohexagonal cell if hexagonal,
    /// else the smallest orthogonal cell with c, a or b along z (fewest unit cells, then least strain, then that order).
    /// </summary>
    public static OrientedCell Default(CifFile cif, double strainTolerance = 0.01)
    {
        if (cif.AnglesDeg.All(x => Math.Abs(x - 90) < 1e-4)) return Identity;
        if (CrystalBuilder.IsHexagonal(cif))
            return Math.Abs(cif.AnglesDeg[2] - 120) < 1e-4 ? new([[1, 0, 0], [1, 2, 0], [0, 0, 1]], 0) : new([[1, 0, 0], [-1, 2, 0], [0, 0, 1]], 0);
        var found = new List<OrientedCell>();
        InputException? last = null;
        foreach (int[] d in new[] { new[] { 0, 0, 1 }, [1, 0, 0], [0, 1, 0] })
            try { found.Add(Find(cif, d, 2, strainTolerance)); }
            catch (InputException e) { last = e; }
        if (found.Count == 0) throw last!;
        return found.OrderBy(o => o.Cells).ThenBy(o => Math.Round(o.MaxShearStrain, 9)).First();
    }

    /// <summary>
    /// The smallest orthogonal cell (within <paramref name="strainTolerance"/>, as max |cos θ|/2) with the lattice direction
    /// [uvw] = <paramref name="direction"/> along box axis <paramref name="axis"/> (0, 1, 2 = x, y, z). Searches the
    /// lattice vectors with components up to <paramref name="range"/>.
    /// </summary>
    public static OrientedCell Find(CifFile cif, int[] direction, int axis = 2, double strainTolerance = 0.01, int range = 6)
    {
        if (direction.Length != 3 || direction.All(d => d == 0)) throw new InputException($"orientation [{string.Join(",", direction)}]: expected three integers, not all zero");
        if (axis is < 0 or > 2) throw new InputException($"load axis {axis}: expected x, y or z");
        int g = Gcd(Gcd(Math.Abs(direction[0]), Math.Abs(direction[1])), Math.Abs(direction[2]));
        int[] v1 = [.. direction.Select(d => d / g)];
        var lat = LatticeVectors(cif);
        double[] Cart(int[] n) => Combine(lat, n);
        double Cos(double[] p, double[] q) => Dot(p, q) / Math.Sqrt(Dot(p, p) * Dot(q, q));
        var c1 = Cart(v1);
        double maxCos = 2 * strainTolerance;
        var normal = new List<(int[] N, double[] C, double L)>();
        for (int i = -range; i <= range; i++)
            for (int j = -range; j <= range; j++)
                for (int k = -range; k <= range; k++)
                {
                    if (i == 0 && j == 0 && k == 0) continue;
                    int[] n = [i, j, k];
                    if (Gcd(Gcd(Math.Abs(i), Math.Abs(j)), Math.Abs(k)) != 1) continue;
                    var c = Cart(n);
                    if (Math.Abs(Cos(c, c1)) <= maxCos) normal.Add((n, c, Math.Sqrt(Dot(c, c))));
                }
        // shortest first; among equal lengths, fewer negative components (a [1-10] before a [-110])
        normal.Sort((p, q) => Math.Abs(p.L - q.L) > 1e-9 * p.L ? p.L.CompareTo(q.L) : p.N.Count(x => x < 0).CompareTo(q.N.Count(x => x < 0)));
        if (normal.Count > 400) normal.RemoveRange(400, normal.Count - 400);
        (int[] A, int[] B, double Strain, int Cells)? best = null;
        for (int p = 0; p < normal.Count; p++)
            for (int q = p + 1; q < normal.Count; q++)
            {
                double cpq = Math.Abs(Cos(normal[p].C, normal[q].C));
                if (cpq > maxCos) continue;
                int cells = Math.Abs(Det([v1, normal[p].N, normal[q].N]));
                if (cells == 0) continue;
                double strain = Math.Max(cpq, Math.Max(Math.Abs(Cos(normal[p].C, c1)), Math.Abs(Cos(normal[q].C, c1)))) / 2;
                if (best is null || cells < best.Value.Cells || (cells == best.Value.Cells && strain < best.Value.Strain - 1e-12))
                    best = (normal[p].N, normal[q].N, strain, cells);
            }
        if (best is null)
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{cif.Source}: no orthogonal cell with [{string.Join(",", v1)}] along {"xyz"[axis]} within a shear strain of {strainTolerance:G3} (lattice vectors up to {range} cells); raise the strain tolerance or choose another direction"));
        // box order: the other two edges follow the load axis cyclically (load z: x, y; load x: y, z; load y: z, x)
        var rows = new int[3][];
        rows[axis] = v1;
        rows[(axis + 1) % 3] = best.Value.A;
        rows[(axis + 2) % 3] = best.Value.B;
        if (Det(rows) < 0) rows[(axis + 2) % 3] = [.. best.Value.B.Select(x => -x)];
        return new OrientedCell(rows, best.Value.Strain);
    }

    /// <summary>Parses "u,v,w" (a lattice direction).</summary>
    public static int[] ParseDirection(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || parts.Any(t => !int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
            throw new InputException($"orientation '{text}': expected a lattice direction as three integers u,v,w, e.g. 0,0,1");
        return [.. parts.Select(t => int.Parse(t, CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// The CIF's structure in this cell as an equivalent P1 structure with an orthogonal cell (edges |M_i · (a, b, c)|);
    /// every position keeps its site label, occupancy and oxidation state. Checks that the new cell holds |det M| times
    /// the unit cell's positions.
    /// </summary>
    public CifFile Apply(CifFile cif, double toleranceA = 0.01)
    {
        var lat = LatticeVectors(cif);
        double[] lengths = [.. Matrix.Select(r => Math.Sqrt(Dot(Combine(lat, r), Combine(lat, r))))];
        var inverse = Inverse(Matrix);
        var box = cif with { LengthsA = lengths, AnglesDeg = [90, 90, 90] };
        var unit = CrystalBuilder.UnitCell(cif, toleranceA);
        var states = cif.Sites.GroupBy(s => s.Label).ToDictionary(gr => gr.Key, gr => gr.First().OxidationState);
        // translations that can reach the new cell: the range of its corners in old-cell coordinates
        int[] lo = new int[3], hi = new int[3];
        for (int k = 0; k < 3; k++)
        {
            var corners = Enumerable.Range(0, 8).Select(m => (m & 1) * Matrix[0][k] + ((m >> 1) & 1) * Matrix[1][k] + ((m >> 2) & 1) * Matrix[2][k]).ToList();
            lo[k] = corners.Min() - 1; hi[k] = corners.Max() + 1;
        }
        var sites = new List<CifSite>();
        var seen = new List<(string Label, double[] F)>();
        foreach (var p in unit)
            for (int t0 = lo[0]; t0 <= hi[0]; t0++)
                for (int t1 = lo[1]; t1 <= hi[1]; t1++)
                    for (int t2 = lo[2]; t2 <= hi[2]; t2++)
                    {
                        double[] old = [p.Fraction[0] + t0, p.Fraction[1] + t1, p.Fraction[2] + t2];
                        var f = new double[3];
                        for (int k = 0; k < 3; k++) f[k] = old[0] * inverse[0, k] + old[1] * inverse[1, k] + old[2] * inverse[2, k];
                        if (f.Any(x => x < -1e-7 || x >= 1 - 1e-7)) continue;
                        for (int k = 0; k < 3; k++) f[k] = Math.Max(0, f[k]);
                        if (seen.Any(s => s.Label == p.Label && CrystalBuilder.Distance(box, f, s.F) < toleranceA)) continue;
                        seen.Add((p.Label, f));
                        sites.Add(new CifSite(p.Label, p.Element, f[0], f[1], f[2], p.Occupancy, 0) { OxidationState = states.GetValueOrDefault(p.Label) });
                    }
        if (sites.Count != Cells * unit.Count)
            throw new InputException($"{cif.Source}: the oriented cell [{Describe()}] got {sites.Count} positions, expected {Cells} × {unit.Count}");
        var identity = SymmetryOperation.Parse("x,y,z", out _)!;
        return box with { Name = $"{cif.Name} (cell {Describe()})", Operations = [identity], Sites = sites };
    }

    /// <summary>"[1 0 0; 1 2 0; 0 0 1]": the rows of M.</summary>
    public string Describe() => "[" + string.Join("; ", Matrix.Select(r => string.Join(" ", r))) + "]";

    /// <summary>The Cartesian vector (Å) n₀a + n₁b + n₂c.</summary>
    private static double[] Combine(double[][] lat, int[] n) => [.. Enumerable.Range(0, 3).Select(k => n[0] * lat[0][k] + n[1] * lat[1][k] + n[2] * lat[2][k])];
    private static double Dot(double[] p, double[] q) => p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
    private static int Det(int[][] m) =>
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);

    /// <summary>M⁻¹ (adjugate over the determinant), so that old fractional coordinates f give new ones f·M⁻¹.</summary>
    private static double[,] Inverse(int[][] m)
    {
        double det = Det(m);
        var r = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
                r[i, j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / det;
            }
        return r;
    }
}

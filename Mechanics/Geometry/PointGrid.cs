namespace FractureLab.Mechanics.Geometry;

/// <summary>
/// Points in a periodic orthogonal box binned in cells of at least <c>cellA</c> Å, for the nearest point and the points
/// within a radius (minimum image). Points can be added after construction.
/// </summary>
public sealed class PointGrid
{
    private readonly Box box;
    private readonly int[] n = new int[3];
    private readonly List<int>[] bins;
    private readonly List<double[]> points = [];

    public PointGrid(Box box, double cellA)
    {
        this.box = box;
        for (int a = 0; a < 3; a++) n[a] = Math.Max(1, (int)Math.Floor(box.Length(a) / cellA));
        bins = [.. Enumerable.Range(0, n[0] * n[1] * n[2]).Select(_ => new List<int>())];
    }

    public int Count => points.Count;

    public double[] this[int i] => points[i];

    public void Add(double x, double y, double z)
    {
        points.Add([x, y, z]);
        bins[Bin(x, y, z)].Add(points.Count - 1);
    }

    /// <summary>Distance (Å, minimum image) from (x, y, z) to the nearest point within <paramref name="maxA"/>, or <paramref name="maxA"/> if none is nearer.</summary>
    public double Nearest(double x, double y, double z, double maxA)
    {
        // a direct loop (no allocation): a bin visited twice only repeats a minimum
        double best = maxA * maxA;
        int c0 = Cell(0, x), c1 = Cell(1, y), c2 = Cell(2, z);
        int r0 = Reach(0, maxA), r1 = Reach(1, maxA), r2 = Reach(2, maxA);
        for (int i = -r0; i <= r0; i++)
            for (int j = -r1; j <= r1; j++)
            {
                int row = (Mod(c0 + i, n[0]) * n[1] + Mod(c1 + j, n[1])) * n[2];
                for (int k = -r2; k <= r2; k++)
                    foreach (int q in bins[row + Mod(c2 + k, n[2])])
                        best = Math.Min(best, Distance2(q, x, y, z));
            }
        return Math.Sqrt(best);
    }

    /// <summary>Whether any point lies within <paramref name="radiusA"/> of (x, y, z) (minimum image); stops at the first, own bin first.</summary>
    public bool AnyWithin(double x, double y, double z, double radiusA)
    {
        double r2 = radiusA * radiusA;
        foreach (int q in bins[Bin(x, y, z)]) if (Distance2(q, x, y, z) < r2) return true;
        return Nearest(x, y, z, radiusA) < radiusA;
    }

    private int Reach(int a, double radiusA) => Math.Min((n[a] - 1) / 2 + 1, (int)Math.Ceiling(radiusA / (box.Length(a) / n[a])));

    /// <summary>Indices of the points within <paramref name="radiusA"/> of (x, y, z) (minimum image); candidates from the bins, filtered by distance.</summary>
    public IEnumerable<int> Within(double x, double y, double z, double radiusA)
    {
        double[] p = [x, y, z];
        int[] c = new int[3], reach = new int[3];
        for (int a = 0; a < 3; a++)
        {
            c[a] = Cell(a, p[a]);
            reach[a] = Reach(a, radiusA); // bins visited twice are skipped below
        }
        double r2 = radiusA * radiusA;
        var seen = new HashSet<int>();
        for (int i = -reach[0]; i <= reach[0]; i++)
            for (int j = -reach[1]; j <= reach[1]; j++)
                for (int k = -reach[2]; k <= reach[2]; k++)
                {
                    int b = (Mod(c[0] + i, n[0]) * n[1] + Mod(c[1] + j, n[1])) * n[2] + Mod(c[2] + k, n[2]);
                    if (!seen.Add(b)) continue;
                    foreach (int q in bins[b])
                        if (Distance2(q, x, y, z) <= r2) yield return q;
                }
    }

    private double Distance2(int i, double x, double y, double z) => box.Distance2(points[i][0], points[i][1], points[i][2], x, y, z);

    private int Cell(int a, double v)
    {
        double f = (v - box.Lo[a]) / box.Length(a);
        f -= Math.Floor(f);
        return Math.Min(n[a] - 1, (int)(f * n[a]));
    }

    private int Bin(double x, double y, double z) => (Cell(0, x) * n[1] + Cell(1, y)) * n[2] + Cell(2, z);

    private static int Mod(int v, int m) => ((v % m) + m) % m;
}

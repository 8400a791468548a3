using FractureLab.BondSwitch.Geometry;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Structure;

/// <summary>
/// Coordination of one centre species by one neighbour species within a cut-off (Å): the count per centre atom,
/// the distribution (fraction of centres that are n-fold, e.g. ³B and ⁴B), the mean, and the bond angles
/// neighbour-centre-neighbour (degrees).
/// </summary>
public sealed record CoordinationResult(string Center, string Neighbor, double CutoffAngstrom, int[] CenterIndices, int[] Counts, List<double> AnglesDeg)
{
    /// <summary>Fraction of centre atoms with each coordination number, in increasing order of n.</summary>
    public SortedDictionary<int, double> Distribution
    {
        get
        {
            var d = new SortedDictionary<int, double>();
            foreach (var g in Counts.GroupBy(c => c)) d[g.Key] = (double)g.Count() / Counts.Length;
            return d;
        }
    }

    public double Mean => Counts.Average();

    /// <summary>Histogram of the bond angles: bin centres (degrees) and probability density (1/degree).</summary>
    public (double[] AngleDeg, double[] Density) AngleHistogram(double binDeg = 1.0) => Coordination.AngleHistogram(AnglesDeg, binDeg);
}

public static class Coordination
{
    /// <summary>Histogram of angles (degrees, 0-180): bin centres and probability density (1/degree).</summary>
    public static (double[] AngleDeg, double[] Density) AngleHistogram(IReadOnlyCollection<double> anglesDeg, double binDeg = 1.0)
    {
        int bins = (int)Math.Round(180 / binDeg);
        var h = new double[bins];
        foreach (double t in anglesDeg) h[Math.Min(bins - 1, (int)(t / binDeg))] += 1;
        double norm = anglesDeg.Count * binDeg;
        return (Enumerable.Range(0, bins).Select(k => (k + 0.5) * binDeg).ToArray(), h.Select(v => norm > 0 ? v / norm : 0).ToArray());
    }

    public static CoordinationResult Compute(Snapshot snap, string center, string neighbor, double cutoffAngstrom)
    {
        if (!(cutoffAngstrom > 0)) throw new InputException($"coordination cut-off must be positive, not {cutoffAngstrom}");
        var centers = snap.IndicesOf(center);
        if (centers.Length == 0) throw new InputException($"{snap.Name}: no {center} atoms");
        var isCenter = new bool[snap.System.Count];
        foreach (int i in centers) isCenter[i] = true;
        var lists = PairSearch.NeighborsOf(snap.System, cutoffAngstrom, i => isCenter[i]);
        var counts = new int[centers.Length];
        var angles = new List<double>();
        for (int c = 0; c < centers.Length; c++)
        {
            var mine = lists[centers[c]].Where(p => string.Equals(snap.Element(p.J), neighbor, StringComparison.OrdinalIgnoreCase)).ToList();
            counts[c] = mine.Count;
            for (int p = 0; p < mine.Count; p++)
                for (int q = p + 1; q < mine.Count; q++)
                {
                    var (_, ax, ay, az) = mine[p];
                    var (_, bx, by, bz) = mine[q];
                    double cos = (ax * bx + ay * by + az * bz) / Math.Sqrt((ax * ax + ay * ay + az * az) * (bx * bx + by * by + bz * bz));
                    angles.Add(Math.Acos(Math.Clamp(cos, -1, 1)) * 180 / Math.PI);
                }
        }
        return new CoordinationResult(center, neighbor, cutoffAngstrom, centers, counts, angles);
    }
}

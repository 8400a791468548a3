using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Crystals;

/// <summary>
/// Which atoms have the crystal's local order: a site of the perfect crystal has n neighbours within
/// <see cref="RadiusA"/>; an atom of the same element matches it when its own n nearest neighbours hold the same number of
/// each element and their sorted distances differ from the site's by an RMS of at most <see cref="ToleranceA"/> (taking the
/// n nearest rather than a cut-off keeps a neighbour that vibrates across the cut-off from breaking the match). A
/// distance-fingerprint criterion in the spirit of Oganov &amp; Valle, J. Chem. Phys. 130, 104504 (2009); it needs no
/// bond-orientational parameters and works for any crystal, whatever the grain's orientation.
/// </summary>
public sealed class CrystalOrder
{
    private readonly Dictionary<string, List<(Dictionary<string, int> Counts, Dictionary<string, double[]> Distances)>> references = [];

    public double RadiusA { get; }
    public double ToleranceA { get; }

    /// <summary>Reference shells from every atom of a periodic crystal (images enumerated, so a small cell is fine).</summary>
    public CrystalOrder(AtomSystem crystal, double radiusA = 4.5, double toleranceA = 0.15)
    {
        RadiusA = radiusA;
        ToleranceA = toleranceA;
        int[] reach = [.. Enumerable.Range(0, 3).Select(a => (int)Math.Ceiling(radiusA / crystal.Box.Length(a)))];
        var seen = new HashSet<string>();
        for (int i = 0; i < crystal.Count; i++)
        {
            var shell = new List<(string, double)>();
            for (int j = 0; j < crystal.Count; j++)
                for (int nx = -reach[0]; nx <= reach[0]; nx++)
                    for (int ny = -reach[1]; ny <= reach[1]; ny++)
                        for (int nz = -reach[2]; nz <= reach[2]; nz++)
                        {
                            if (j == i && nx == 0 && ny == 0 && nz == 0) continue;
                            double dx = crystal.X[j] + nx * crystal.Box.Length(0) - crystal.X[i];
                            double dy = crystal.Y[j] + ny * crystal.Box.Length(1) - crystal.Y[i];
                            double dz = crystal.Z[j] + nz * crystal.Box.Length(2) - crystal.Z[i];
                            double d = Math.Sqrt(dx * dx + dy * dy + dz * dz);
                            if (d < radiusA) shell.Add((crystal.TypeElements[crystal.Type[j]], d));
                        }
            string element = crystal.TypeElements[crystal.Type[i]];
            var (counts, distances) = Group(shell);
            string key = element + ":" + string.Join(";", distances.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + string.Join(",", k.Value.Select(v => v.ToString("F2")))));
            if (!seen.Add(key)) continue;
            if (!references.TryGetValue(element, out var list)) references[element] = list = [];
            list.Add((counts, distances));
        }
    }

    /// <summary>Per atom of <paramref name="s"/>, whether its shell matches a crystal site (minimum image in s's box).</summary>
    public bool[] Matches(AtomSystem s)
    {
        var grid = new PointGrid(s.Box, RadiusA);
        for (int i = 0; i < s.Count; i++) grid.Add(s.X[i], s.Y[i], s.Z[i]);
        var result = new bool[s.Count];
        System.Threading.Tasks.Parallel.For(0, s.Count, i =>
        {
            string element = s.TypeElements[s.Type[i]];
            if (!references.TryGetValue(element, out var refs)) return;
            var shell = new List<(string Element, double D)>();
            foreach (int j in grid.Within(s.X[i], s.Y[i], s.Z[i], RadiusA + 1.0))
            {
                if (j == i) continue;
                double dx = s.Box.NearestImage(0, s.X[j] - s.X[i]), dy = s.Box.NearestImage(1, s.Y[j] - s.Y[i]), dz = s.Box.NearestImage(2, s.Z[j] - s.Z[i]);
                shell.Add((s.TypeElements[s.Type[j]], Math.Sqrt(dx * dx + dy * dy + dz * dz)));
            }
            shell.Sort((a, b) => a.D.CompareTo(b.D));
            result[i] = refs.Any(r =>
            {
                int n = r.Counts.Values.Sum();
                if (shell.Count < n) return false;
                var (counts, distances) = Group(shell.GetRange(0, n));
                return Same(r.Counts, counts) && Rms(r.Distances, distances) <= ToleranceA;
            });
        });
        return result;
    }

    private static (Dictionary<string, int>, Dictionary<string, double[]>) Group(List<(string Element, double D)> shell)
    {
        var byElement = shell.GroupBy(x => x.Element).ToDictionary(g => g.Key, g => g.Select(x => x.D).Order().ToArray());
        return (byElement.ToDictionary(k => k.Key, k => k.Value.Length), byElement);
    }

    private static bool Same(Dictionary<string, int> a, Dictionary<string, int> b) => a.Count == b.Count && a.All(k => b.TryGetValue(k.Key, out int v) && v == k.Value);

    private static double Rms(Dictionary<string, double[]> a, Dictionary<string, double[]> b)
    {
        double s = 0; int n = 0;
        foreach (var (e, d) in a)
            for (int k = 0; k < d.Length; k++) { double x = d[k] - b[e][k]; s += x * x; n++; }
        return n == 0 ? 0 : Math.Sqrt(s / n);
    }
}

using FractureLab.BondSwitch.Geometry;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Structure;

/// <summary>Voronoi volume (Å³) and face count of every atom of a snapshot.</summary>
public sealed record VoronoiResult(double[] VolumesA3, int[] Faces, bool Radical)
{
    public double TotalA3 => VolumesA3.Sum();
}

/// <summary>
/// Exact Voronoi cells, as LAMMPS <c>compute voronoi/atom</c> (voro++): each atom's cell is the box around it cut by the
/// bisector plane of every neighbour (periodic images included), or with <c>radii</c> the radical (Laguerre) plane at
/// distance (d² + r_i² − r_j²)/(2d) from atom i (Gellatly &amp; Finney, J. Non-Cryst. Solids 50, 313 (1982)). Non-periodic
/// axes are closed by the box faces. Neighbours are taken out to a radius that is doubled for any atom whose cell might
/// still be cut by an atom beyond it (a vertex at R can be cut only by a neighbour closer than R + √(R² + r_j² − r_i²)).
/// </summary>
public static class Voronoi
{
    public static VoronoiResult Compute(Snapshot snap, IReadOnlyDictionary<string, double>? radiiA = null, double faceAreaThresholdA2 = 0)
    {
        var s = snap.System;
        int n = s.Count;
        if (n == 0) throw new InputException($"{snap.Name}: no atoms for the Voronoi cells");
        var radius = new double[n];
        if (radiiA is not null)
            for (int i = 0; i < n; i++)
                radius[i] = radiiA.TryGetValue(snap.Element(i), out double r) && r >= 0 ? r
                    : throw new InputException($"voronoi radii: no radius (≥ 0) for {snap.Element(i)}; give one for every element");
        double maxRadius = radius.Max();
        var box = s.Box;
        double spacing = Math.Cbrt(box.Volume / n);
        double rc = 2.5 * spacing;
        double longest = Enumerable.Range(0, 3).Max(a => box.Length(a));
        var volumes = new double[n];
        var faces = new int[n];
        var todo = Enumerable.Range(0, n).ToHashSet();
        while (todo.Count > 0)
        {
            if (rc > 3 * longest) throw new InputException($"{snap.Name}: Voronoi cells still open at a {rc:0.#} Å neighbour radius (atoms too sparse or a box too small)");
            var neighbors = PairSearch.NeighborsOf(s, rc, todo.Contains);
            foreach (int i in todo.ToList())
            {
                var (cell, radiusOk) = Cell(s, i, neighbors[i], radius, maxRadius, rc);
                if (!radiusOk) continue;
                volumes[i] = cell.Volume();
                faces[i] = cell.Faces(faceAreaThresholdA2);
                todo.Remove(i);
            }
            rc *= 2;
        }
        return new VoronoiResult(volumes, faces, radiiA is not null);
    }

    private static (VoronoiCell Cell, bool Complete) Cell(Mechanics.Atoms.AtomSystem s, int i, List<(int J, double Dx, double Dy, double Dz)> nbrs, double[] radius, double maxRadius, double rc)
    {
        var box = s.Box;
        double[] x = [s.X[i], s.Y[i], s.Z[i]];
        var lo = new double[3]; var hi = new double[3];
        for (int a = 0; a < 3; a++)
        {
            // periodic: a cube that the neighbours cut down; non-periodic: the box walls, as voro++'s container
            if (box.Periodic[a]) { lo[a] = -rc; hi[a] = rc; }
            else { lo[a] = Math.Min(box.Lo[a] - x[a], -1e-9); hi[a] = Math.Max(box.Hi[a] - x[a], 1e-9); }
        }
        var cell = new VoronoiCell(new(lo[0], lo[1], lo[2]), new(hi[0], hi[1], hi[2]));
        foreach (var (j, dx, dy, dz) in nbrs.OrderBy(v => v.Dx * v.Dx + v.Dy * v.Dy + v.Dz * v.Dz))
        {
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 == 0) throw new InputException($"atoms {s.Id[i]} and {s.Id[j]} sit on the same point: no Voronoi cell");
            double rmax = cell.MaxRadius;
            if (Math.Sqrt(d2) > rmax + Math.Sqrt(rmax * rmax + Math.Max(0, maxRadius * maxRadius - radius[i] * radius[i]))) break;
            // plane n·x = d with n = r_ij: bisector at d²/2, radical plane shifted by (r_i² − r_j²)/2
            cell.Clip(new(dx, dy, dz), 0.5 * (d2 + radius[i] * radius[i] - radius[j] * radius[j]));
        }
        double rmaxFinal = cell.MaxRadius;
        bool complete = rc >= rmaxFinal + Math.Sqrt(rmaxFinal * rmaxFinal + Math.Max(0, maxRadius * maxRadius - radius[i] * radius[i]));
        return (cell, complete);
    }
}

/// <summary>The volumes of one element's atoms: count, mean, standard deviation and a histogram (probability density per Å³).</summary>
public sealed record VoronoiElementDistribution(string Element, int Atoms, double MeanA3, double SdA3, double[] CentresA3, double[] Density);

public static class VoronoiDistribution
{
    /// <summary>Per element, in the snapshot's type order; 40 bins over each element's range (sd by MathNet, n − 1).</summary>
    public static List<VoronoiElementDistribution> PerElement(Snapshot snap, VoronoiResult v, int bins = 40)
    {
        var list = new List<VoronoiElementDistribution>();
        foreach (string el in snap.System.TypeElements.Where(snap.Has).Distinct())
        {
            var x = snap.IndicesOf(el).Select(i => v.VolumesA3[i]).ToArray();
            double lo = x.Min(), hi = x.Max(), w = Math.Max(hi - lo, 1e-9) / bins;
            var counts = new double[bins];
            foreach (double a in x) counts[Math.Min(bins - 1, (int)((a - lo) / w))]++;
            list.Add(new VoronoiElementDistribution(el, x.Length, x.Average(), x.Length > 1 ? MathNet.Numerics.Statistics.Statistics.StandardDeviation(x) : 0,
                Enumerable.Range(0, bins).Select(k => lo + (k + 0.5) * w).ToArray(), counts.Select(c => c / (x.Length * w)).ToArray()));
        }
        return list;
    }
}

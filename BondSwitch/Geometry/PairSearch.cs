using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Neighbors;

namespace FractureLab.BondSwitch.Geometry;

/// <summary>Receives one pair: atom indices and the separation r_j − r_i (Å) of the image within the cut-off.</summary>
public delegate void PairVisitor(int i, int j, double dx, double dy, double dz);

/// <summary>
/// All pairs closer than a cut-off, through the MD core's cell-list neighbor builder (no skin), so periodic images,
/// boxes shorter than twice the cut-off and non-periodic axes are handled as in the force loop. The snapshot
/// itself is not changed (the builder wraps a copy).
/// </summary>
public static class PairSearch
{
    /// <summary>Visits each pair once (in the list's cell order; i = j for a periodic self-image, which structure analyses skip).</summary>
    public static void ForEachPair(AtomSystem system, double cutoffAngstrom, PairVisitor visit)
    {
        var s = system.Clone();
        var list = new NeighborList(cutoffAngstrom, skin: 0.0);
        list.Build(s);
        double rc2 = cutoffAngstrom * cutoffAngstrom;
        var start = list.Start;
        var neighbors = list.Neighbors;
        var shifts = list.Shifts;
        var order = list.Order;
        for (int p = 0; p < s.Count; p++)
        {
            int i = order[p];
            for (int k = start[p]; k < start[p + 1]; k++)
            {
                int j = order[neighbors[k]], code = shifts[k];
                double dx = s.X[j] + list.ShiftX[code] - s.X[i];
                double dy = s.Y[j] + list.ShiftY[code] - s.Y[i];
                double dz = s.Z[j] + list.ShiftZ[code] - s.Z[i];
                if (dx * dx + dy * dy + dz * dz < rc2) visit(i, j, dx, dy, dz);
            }
        }
    }

    /// <summary>
    /// Neighbors of every atom within the cut-off (both directions, self-images left out), as lists of (index,
    /// separation r_j − r_i in Å), for the atoms selected by <paramref name="include"/> (all when null).
    /// </summary>
    public static List<(int J, double Dx, double Dy, double Dz)>[] NeighborsOf(AtomSystem system, double cutoffAngstrom, Func<int, bool>? include = null)
    {
        var result = new List<(int, double, double, double)>[system.Count];
        for (int i = 0; i < system.Count; i++) result[i] = [];
        ForEachPair(system, cutoffAngstrom, (i, j, dx, dy, dz) =>
        {
            if (i == j) return;
            if (include is null || include(i)) result[i].Add((j, dx, dy, dz));
            if (include is null || include(j)) result[j].Add((i, -dx, -dy, -dz));
        });
        return result;
    }
}

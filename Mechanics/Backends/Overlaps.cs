using FractureLab.Mechanics.Atoms;

namespace FractureLab.Mechanics.Backends;

/// <summary>Atoms on top of each other: an input error in any structure a force field is bound to.</summary>
public static class Overlaps
{
    /// <summary>Closer than this (Å), two atoms are on top of each other.</summary>
    public const double MinimumDistanceA = 0.1;

    /// <summary>
    /// Radius (Å) of the list the check runs on, so also its cell size: at least 2 Å and at least the mean spacing
    /// (V/N)^(1/3), so the cell grid has about one cell per atom or fewer whatever the vacuum (a 0.5 Å list had 8 sort keys
    /// per 0.125 Å³: 1.6 GB for a 97 200-atom box, 16 GB for 10⁶ atoms).
    /// </summary>
    private static double ListRadiusA(AtomSystem s) => Math.Max(2.0, Math.Cbrt(s.Box.Volume / Math.Max(1, s.Count)));

    /// <summary>
    /// Throws an <see cref="InputException"/> naming the ids of two atoms closer than <see cref="MinimumDistanceA"/> (minimum
    /// image); a core and its own shell (<see cref="CompiledForceField.CoreShell"/>) may sit together.
    /// </summary>
    public static void Check(AtomSystem s, CompiledForceField ff)
    {
        var ion = new HashSet<(int, int)>();
        if (ff.CoreShell is { } cs)
            for (int q = 0; q < cs.Core.Length; q++) ion.Add((Math.Min(cs.Core[q], cs.Shell[q]), Math.Max(cs.Core[q], cs.Shell[q])));
        var list = new Neighbors.NeighborList(ListRadiusA(s), 0.0);
        var copy = s.Clone();
        list.Build(copy);
        var order = list.Order;
        for (int p = 0; p < copy.Count; p++)
            for (int k = list.Start[p]; k < list.Start[p + 1]; k++)
            {
                int i = order[p], j = order[list.Neighbors[k]], c = list.Shifts[k];
                double dx = copy.X[i] - copy.X[j] - list.ShiftX[c], dy = copy.Y[i] - copy.Y[j] - list.ShiftY[c], dz = copy.Z[i] - copy.Z[j] - list.ShiftZ[c];
                double r = Math.Sqrt(dx * dx + dy * dy + dz * dz);
                if (r < MinimumDistanceA && !ion.Contains((Math.Min(i, j), Math.Max(i, j))))
                    throw new InputException($"atoms {copy.Id[i]} and {copy.Id[j]} are on top of each other ({r:G3} Å apart)");
            }
    }
}

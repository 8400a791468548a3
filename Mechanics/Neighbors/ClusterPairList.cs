using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Neighbors;

/// <summary>
/// Cluster-pair list (Páll &amp; Hess, Comput. Phys. Commun. 184, 2641 (2013), the layout of GROMACS' CPU kernels): the
/// atoms are grouped into clusters of <see cref="ClusterSize"/> atoms close in space, and the list holds pairs of
/// clusters whose bounding boxes come within the list radius, so a kernel computes a whole cluster of neighbours per
/// vector with no gather, no compaction and no scatter, at the price of lanes beyond the cut-off.
/// <para>
/// Clusters, as in GROMACS: the box is cut into columns along z whose square section holds about
/// <see cref="ClusterSize"/> atoms per cube; the atoms of a column are sorted by z and cut into consecutive clusters (the
/// last one of a column padded). Each pair of clusters (I, J, image s) is stored once: J &gt; I, or J = I with s = 0
/// (the cluster with itself: a kernel takes only lanes j &gt; i) or with a positive image s (a periodic self-image, boxes
/// shorter than the list radius). Images are explicit, as in <see cref="NeighborList"/>, and the positions are not
/// wrapped between builds, so x_j + s·L − x_i stays the true separation.
/// </para>
/// </summary>
public sealed class ClusterPairList(int clusterSize)
{
    /// <summary>Atoms per cluster: the vector width of the kernel that reads the list.</summary>
    public int ClusterSize { get; } = clusterSize > 0 ? clusterSize : throw new ArgumentOutOfRangeException(nameof(clusterSize));
    public int ClusterCount { get; private set; }

    /// <summary>Atom of each cluster lane (cluster c, lane l at c·M + l), or −1 for a padding lane.</summary>
    public int[] AtomOfLane { get; private set; } = [];
    /// <summary>Centre of each cluster's bounding box at the build (Å): the kernel reads positions as offsets from it.</summary>
    public double[] CenterX { get; private set; } = [];
    public double[] CenterY { get; private set; } = [];
    public double[] CenterZ { get; private set; } = [];

    /// <summary>CSR row starts: the partners of cluster I are entries Start[I] .. Start[I+1]−1, the cluster itself first when it is its own partner.</summary>
    public int[] Start { get; private set; } = [0];
    /// <summary>Partner cluster J per entry.</summary>
    public int[] Partner { get; private set; } = [];
    /// <summary>Per entry, c_J − c_I (Å) at the build, without the image.</summary>
    public double[] CenterDx { get; private set; } = [];
    public double[] CenterDy { get; private set; } = [];
    public double[] CenterDz { get; private set; } = [];
    /// <summary>Per entry, the image s (box lengths along x, y, z, as doubles so a kernel multiplies them by the current lengths).</summary>
    public double[] ImageX { get; private set; } = [];
    public double[] ImageY { get; private set; } = [];
    public double[] ImageZ { get; private set; } = [];
    /// <summary>Whether cluster I's first entry is itself with no image (its lanes then pair only j &gt; i).</summary>
    public bool[] SelfFirst { get; private set; } = [];
    public int EntryCount { get; private set; }

    /// <summary>The <see cref="NeighborList.Builds"/> count this list was built at (a kernel rebuilds it when the atom list was rebuilt).</summary>
    public int BuiltAt { get; private set; } = -1;

    /// <summary>
    /// Builds the clusters and the pairs within the atom list's radius (Å, cut-off plus skin) from the positions the atom list
    /// was built from (<see cref="NeighborList.Reference"/>: the same after a resume as in the uninterrupted run, and the
    /// ones the rebuild criterion measures displacements from).
    /// </summary>
    public void Build(NeighborList list, AtomSystem s)
    {
        var reference = list.Reference ?? throw new InvalidOperationException("the cluster-pair list is built from a built atom list that stores pairs");
        Build([reference.X, reference.Y, reference.Z], new Box(reference.Lo, reference.Hi, s.Box.Periodic), list.Cutoff + list.Skin, list.Builds);
    }

    /// <summary>Builds the clusters and the pairs within <paramref name="radius"/> (Å) from wrapped positions (Å) per axis in <paramref name="box"/>.</summary>
    public void Build(double[][] positions, Box box, double radius, int builtAt)
    {
        int m = ClusterSize, n = positions[0].Length;
        // Columns along z: a square section of side a with about M atoms in a cube of side a.
        var lo = new double[3]; var len = new double[3];
        for (int axis = 0; axis < 3; axis++)
        {
            var x = positions[axis];
            if (box.Periodic[axis]) { lo[axis] = box.Lo[axis]; len[axis] = box.Length(axis); continue; }
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int i = 0; i < n; i++) { min = Math.Min(min, x[i]); max = Math.Max(max, x[i]); }
            if (n == 0) min = max = 0;
            lo[axis] = min; len[axis] = Math.Max(max - min, 1e-9);
        }
        double density = n / (len[0] * len[1] * len[2]);
        double side = Math.Cbrt(m / Math.Max(density, 1e-12));
        int nx = Math.Max(1, (int)Math.Round(len[0] / side)), ny = Math.Max(1, (int)Math.Round(len[1] / side));
        double wx = len[0] / nx, wy = len[1] / ny;
        int columns = nx * ny;

        // Sort by column, then z (index as the tie-break, so the build is a function of the positions alone).
        var column = new int[n];
        var order = new int[n];
        var count = new int[columns + 1];
        for (int i = 0; i < n; i++)
        {
            int cx = Math.Clamp((int)((positions[0][i] - lo[0]) / wx), 0, nx - 1), cy = Math.Clamp((int)((positions[1][i] - lo[1]) / wy), 0, ny - 1);
            column[i] = cx * ny + cy;
            count[column[i] + 1]++;
        }
        for (int c = 0; c < columns; c++) count[c + 1] += count[c];
        var fill = (int[])count.Clone();
        for (int i = 0; i < n; i++) order[fill[column[i]]++] = i;
        var z = positions[2];
        for (int c = 0; c < columns; c++)
            Array.Sort(order, count[c], count[c + 1] - count[c], Comparer<int>.Create((a, b) => z[a] != z[b] ? z[a].CompareTo(z[b]) : a.CompareTo(b)));

        // Cut each column into clusters of M.
        var columnStart = new int[columns + 1];
        for (int c = 0; c < columns; c++) columnStart[c + 1] = columnStart[c] + (count[c + 1] - count[c] + m - 1) / m;
        int nc = columnStart[columns];
        ClusterCount = nc;
        AtomOfLane = new int[nc * m];
        Array.Fill(AtomOfLane, -1);
        for (int c = 0; c < columns; c++)
            for (int k = count[c]; k < count[c + 1]; k++) AtomOfLane[columnStart[c] * m + (k - count[c])] = order[k];
        var bmin = new double[3 * nc]; var bmax = new double[3 * nc];
        CenterX = new double[nc]; CenterY = new double[nc]; CenterZ = new double[nc];
        for (int c = 0; c < nc; c++)
        {
            for (int axis = 0; axis < 3; axis++) { bmin[3 * c + axis] = double.PositiveInfinity; bmax[3 * c + axis] = double.NegativeInfinity; }
            for (int l = 0; l < m; l++)
            {
                int a = AtomOfLane[c * m + l];
                if (a < 0) continue;
                for (int axis = 0; axis < 3; axis++)
                {
                    double x = positions[axis][a];
                    bmin[3 * c + axis] = Math.Min(bmin[3 * c + axis], x); bmax[3 * c + axis] = Math.Max(bmax[3 * c + axis], x);
                }
            }
            CenterX[c] = 0.5 * (bmin[3 * c] + bmax[3 * c]); CenterY[c] = 0.5 * (bmin[3 * c + 1] + bmax[3 * c + 1]); CenterZ[c] = 0.5 * (bmin[3 * c + 2] + bmax[3 * c + 2]);
        }

        // Pairs: for cluster I, the columns within reach (each periodic image of a column once) and, in each, the clusters
        // whose z range meets I's widened by the radius (binary search: the z ranges of a column's clusters increase).
        double r2 = radius * radius;
        // columns within reach along x and y (in double first: a flat slab's columns may be nanometres wide)
        int kx = (int)Math.Min(box.Periodic[0] ? radius / wx + 1 : nx - 1, radius / wx + 1);
        int ky = (int)Math.Min(box.Periodic[1] ? radius / wy + 1 : ny - 1, radius / wy + 1);
        int kz = box.Periodic[2] ? (int)Math.Ceiling(radius / len[2]) + 1 : 0;
        var start = new List<int>(nc + 1) { 0 };
        var partner = new List<int>(nc * 48);
        var img = new List<(int X, int Y, int Z)>(nc * 48);
        var self = new bool[nc];
        for (int c = 0; c < columns; c++)
        {
            int cx = c / ny, cy = c % ny;
            for (int ci = columnStart[c]; ci < columnStart[c + 1]; ci++)
            {
                int rowStart = partner.Count;
                for (int dx = -kx; dx <= kx; dx++)
                {
                    int gx = cx + dx;
                    if (!box.Periodic[0] && (gx < 0 || gx >= nx)) continue;
                    int sx = (int)Math.Floor((double)gx / nx);
                    gx -= sx * nx;
                    for (int dy = -ky; dy <= ky; dy++)
                    {
                        int gy = cy + dy;
                        if (!box.Periodic[1] && (gy < 0 || gy >= ny)) continue;
                        int sy = (int)Math.Floor((double)gy / ny);
                        gy -= sy * ny;
                        int g = gx * ny + gy;
                        for (int sz = -kz; sz <= kz; sz++)
                        {
                            double shiftZ = sz * len[2];
                            double low = bmin[3 * ci + 2] - radius - shiftZ, high = bmax[3 * ci + 2] + radius - shiftZ;
                            int first = FirstReaching(bmax, columnStart[g], columnStart[g + 1], low);
                            for (int cj = first; cj < columnStart[g + 1] && bmin[3 * cj + 2] <= high; cj++)
                            {
                                if (cj < ci) continue;
                                bool zero = sx == 0 && sy == 0 && sz == 0;
                                if (cj == ci && !zero && !Positive(sx, sy, sz)) continue;
                                double d2 = Gap2(bmin, bmax, ci, cj, 0, sx * len[0]) + Gap2(bmin, bmax, ci, cj, 1, sy * len[1]) + Gap2(bmin, bmax, ci, cj, 2, shiftZ);
                                if (!(d2 < r2)) continue;
                                if (cj == ci && zero)
                                {
                                    // the cluster with itself goes first in its row
                                    partner.Insert(rowStart, cj); img.Insert(rowStart, (0, 0, 0));
                                    self[ci] = true;
                                }
                                else { partner.Add(cj); img.Add((sx, sy, sz)); }
                            }
                        }
                    }
                }
                start.Add(partner.Count);
            }
        }
        int entries = partner.Count;
        EntryCount = entries;
        Start = start.ToArray();
        Partner = partner.ToArray();
        SelfFirst = self;
        CenterDx = new double[entries]; CenterDy = new double[entries]; CenterDz = new double[entries];
        ImageX = new double[entries]; ImageY = new double[entries]; ImageZ = new double[entries];
        for (int ci = 0; ci < nc; ci++)
            for (int e = Start[ci]; e < Start[ci + 1]; e++)
            {
                int cj = Partner[e];
                CenterDx[e] = CenterX[cj] - CenterX[ci]; CenterDy[e] = CenterY[cj] - CenterY[ci]; CenterDz[e] = CenterZ[cj] - CenterZ[ci];
                ImageX[e] = img[e].X; ImageY[e] = img[e].Y; ImageZ[e] = img[e].Z;
            }
        BuiltAt = builtAt;
    }

    /// <summary>A periodic self-image is stored for one of s and −s: the one whose first non-zero component is positive.</summary>
    private static bool Positive(int sx, int sy, int sz) => sx != 0 ? sx > 0 : sy != 0 ? sy > 0 : sz > 0;

    /// <summary>The first cluster in [from, to) whose upper z bound reaches <paramref name="low"/> (upper bounds increase along a column).</summary>
    private static int FirstReaching(double[] bmax, int from, int to, double low)
    {
        while (from < to)
        {
            int mid = (from + to) >>> 1;
            if (bmax[3 * mid + 2] < low) from = mid + 1; else to = mid;
        }
        return from;
    }

    /// <summary>The squared gap (Å²) along <paramref name="axis"/> between box I and box J shifted by <paramref name="shift"/> (zero where they overlap).</summary>
    private static double Gap2(double[] bmin, double[] bmax, int ci, int cj, int axis, double shift)
    {
        double gap = Math.Max(0, Math.Max(bmin[3 * cj + axis] + shift - bmax[3 * ci + axis], bmin[3 * ci + axis] - bmax[3 * cj + axis] - shift));
        return gap * gap;
    }
}

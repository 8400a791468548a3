using ILGPU;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// A full neighbor list on the device: per atom up to <see cref="Stride"/> entries (neighbor index and image code) and
/// the true count. Entry k of atom i is at k·Atoms + i, so the threads of a warp read consecutive words.
/// </summary>
public struct NeighborViews
{
    public ArrayView<int> Neighbor, Code, Count;
    public int Stride, Atoms;

    public readonly long Offset(int i, int k) => (long)k * Atoms + i;
}

/// <summary>Cells of the binning: counts per axis and cell edge lengths (Å).</summary>
public readonly record struct CellGrid(int Nx, int Ny, int Nz, double CellX, double CellY, double CellZ)
{
    public int Total => Nx * Ny * Nz;
}

/// <summary>Image reach per axis of the all-pairs build (boxes too small for 3 cells per axis).</summary>
public readonly record struct ImageReach(int X, int Y, int Z);

/// <summary>
/// Device kernels of the neighbor build: wrap into the box (LAMMPS Domain::remap, as <see cref="Atoms.AtomSystem.WrapIntoBox"/>),
/// counting sort of atoms by cell with each cell then ordered by atom index (deterministic lists), and a full list per
/// atom from the 27 surrounding cells or, for boxes under three list radii, from all atoms and their images.
/// </summary>
public static class NeighborKernels
{
    public static void Wrap(Index1D i, AtomViews a, DeviceBox b)
    {
        if (b.PeriodicX != 0) WrapAxis(ref a.X[i], ref a.ImageX[i], b.LoX, b.Lx);
        if (b.PeriodicY != 0) WrapAxis(ref a.Y[i], ref a.ImageY[i], b.LoY, b.Ly);
        if (b.PeriodicZ != 0) WrapAxis(ref a.Z[i], ref a.ImageZ[i], b.LoZ, b.Lz);
    }

    private static void WrapAxis(ref double x, ref int image, double lo, double len)
    {
        double s = Math.Floor((x - lo) / len);
        if (s != 0)
        {
            x -= s * len;
            image += (int)s;
            if (x >= lo + len) x = lo;
        }
    }

    /// <summary>Squared displacement (Å²) of each atom since the reference positions of the last build.</summary>
    public static void Displacement(Index1D i, AtomViews a, ArrayView<double> reference, ArrayView<double> d2)
    {
        int n = a.X.IntLength;
        double dx = a.X[i] - reference[i], dy = a.Y[i] - reference[n + i], dz = a.Z[i] - reference[2 * n + i];
        d2[i] = dx * dx + dy * dy + dz * dz;
    }

    public static void SaveReference(Index1D i, AtomViews a, ArrayView<double> reference)
    {
        int n = a.X.IntLength;
        reference[i] = a.X[i]; reference[n + i] = a.Y[i]; reference[2 * n + i] = a.Z[i];
    }

    private static int Bin(double x, double lo, double cell, int count)
    {
        int c = (int)Math.Floor((x - lo) / cell);
        return c < 0 ? 0 : c >= count ? count - 1 : c;
    }

    public static void BinAtoms(Index1D i, AtomViews a, DeviceBox b, CellGrid g, ArrayView<int> cellOf, ArrayView<int> counts)
    {
        int c = Bin(a.X[i], b.LoX, g.CellX, g.Nx) + g.Nx * (Bin(a.Y[i], b.LoY, g.CellY, g.Ny) + g.Ny * Bin(a.Z[i], b.LoZ, g.CellZ, g.Nz));
        cellOf[i] = c;
        Atomic.Add(ref counts[c], 1);
    }

    /// <summary>Exclusive scan of the cell counts (one thread: a few thousand cells).</summary>
    public static void ScanCells(Index1D t, ArrayView<int> counts, ArrayView<int> start, ArrayView<int> fill)
    {
        int total = 0;
        for (int c = 0; c < counts.IntLength; c++)
        {
            start[c] = total;
            fill[c] = total;
            total += counts[c];
        }
        start[counts.IntLength] = total;
    }

    public static void Scatter(Index1D i, ArrayView<int> cellOf, ArrayView<int> fill, ArrayView<int> sorted)
    {
        int slot = Atomic.Add(ref fill[cellOf[i]], 1);
        sorted[slot] = i;
    }

    /// <summary>Orders each cell's atoms by index (insertion sort; cells hold about a hundred atoms), so lists do not depend on thread timing.</summary>
    public static void SortCells(Index1D c, ArrayView<int> start, ArrayView<int> sorted)
    {
        int lo = start[c], hi = start[c + 1];
        for (int k = lo + 1; k < hi; k++)
        {
            int v = sorted[k], m = k - 1;
            while (m >= lo && sorted[m] > v) { sorted[m + 1] = sorted[m]; m--; }
            sorted[m + 1] = v;
        }
    }

    private static int WrapCell(int c, int count, int periodic, out int shift)
    {
        shift = 0;
        if (c < 0) { if (periodic == 0) return -1; shift = -1; return c + count; }
        if (c >= count) { if (periodic == 0) return -1; shift = 1; return c - count; }
        return c;
    }

    public static void BuildFromCells(Index1D i, AtomViews a, DeviceBox b, CellGrid g, ArrayView<int> cellOf, ArrayView<int> start, ArrayView<int> sorted,
        NeighborViews nl, double radiusSquared)
    {
        int home = cellOf[i];
        int cx = home % g.Nx, cy = home / g.Nx % g.Ny, cz = home / (g.Nx * g.Ny);
        double xi = a.X[i], yi = a.Y[i], zi = a.Z[i];
        int count = 0, center = b.Code(0, 0, 0);
        for (int dz = -1; dz <= 1; dz++)
        {
            int wz = WrapCell(cz + dz, g.Nz, b.PeriodicZ, out int sz);
            if (wz < 0) continue;
            for (int dy = -1; dy <= 1; dy++)
            {
                int wy = WrapCell(cy + dy, g.Ny, b.PeriodicY, out int sy);
                if (wy < 0) continue;
                for (int dx = -1; dx <= 1; dx++)
                {
                    int wx = WrapCell(cx + dx, g.Nx, b.PeriodicX, out int sx);
                    if (wx < 0) continue;
                    int code = b.Code(sx, sy, sz);
                    b.Shift(code, out double ox, out double oy, out double oz);
                    int cell = wx + g.Nx * (wy + g.Ny * wz);
                    for (int k = start[cell]; k < start[cell + 1]; k++)
                    {
                        int j = sorted[k];
                        if (j == i && code == center) continue;
                        double rx = a.X[j] + ox - xi, ry = a.Y[j] + oy - yi, rz = a.Z[j] + oz - zi;
                        if (rx * rx + ry * ry + rz * rz < radiusSquared) Append(nl, i, ref count, j, code);
                    }
                }
            }
        }
        nl.Count[i] = count;
    }

    /// <summary>All atoms and their images within the list radius: for boxes shorter than three list radii (explicit images, as LAMMPS ghosts).</summary>
    public static void BuildAllPairs(Index1D i, AtomViews a, DeviceBox b, ImageReach reach, NeighborViews nl, double radiusSquared)
    {
        int n = a.X.IntLength, count = 0, center = b.Code(0, 0, 0);
        double xi = a.X[i], yi = a.Y[i], zi = a.Z[i];
        for (int sz = -reach.Z; sz <= reach.Z; sz++)
            for (int sy = -reach.Y; sy <= reach.Y; sy++)
                for (int sx = -reach.X; sx <= reach.X; sx++)
                {
                    int code = b.Code(sx, sy, sz);
                    b.Shift(code, out double ox, out double oy, out double oz);
                    for (int j = 0; j < n; j++)
                    {
                        if (j == i && code == center) continue;
                        double rx = a.X[j] + ox - xi, ry = a.Y[j] + oy - yi, rz = a.Z[j] + oz - zi;
                        if (rx * rx + ry * ry + rz * rz < radiusSquared) Append(nl, i, ref count, j, code);
                    }
                }
        nl.Count[i] = count;
    }

    private static void Append(NeighborViews nl, int i, ref int count, int j, int code)
    {
        if (count < nl.Stride)
        {
            long o = nl.Offset(i, count);
            nl.Neighbor[o] = j;
            nl.Code[o] = code;
        }
        count++;
    }
}

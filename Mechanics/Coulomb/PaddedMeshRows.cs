using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// The host's fast path of <see cref="MeshStencil.Spread"/> and <see cref="MeshStencil.Gradient"/> for spline orders up
/// to 8 where Vector512 runs natively: an atom's run of n grid points along z is one 8-lane vector. The grids it works on
/// have z-padded rows of K2 + 8 points, row point j holding grid point z = (j − (n − 1)) mod K2, so the run of an atom at
/// integer grid coordinate g_z (points g_z − (n − 1) … g_z, <see cref="MeshStencil"/>'s reversed z weights) starts at
/// row point g_z and never wraps; the z weights are stored 8 per atom, zero past n, so the extra lanes add nothing.
/// The same sums as the scalar stencil, in another order (tested against it).
/// </summary>
internal static class PaddedMeshRows
{
    public const int Lanes = 8;

    /// <summary>Whether the vector rows can run this order here.</summary>
    public static bool Supported(int order) => Vector512.IsHardwareAccelerated && order <= Lanes;

    /// <summary>Points per padded row for a grid of K2 points along z.</summary>
    public static int RowLength(int k2) => k2 + Lanes;

    /// <summary>Grid point z of padded row point j (0 ≤ j &lt; K2 + 8) for spline order n (K2 ≥ 2n, so one wrap at most).</summary>
    public static int GridPoint(int j, int order, int k2)
    {
        int z = j - (order - 1);
        return z < 0 ? z + k2 : z >= k2 ? z - k2 : z;
    }

    /// <summary>
    /// Adds one padded row to the K2 grid points it holds (<see cref="GridPoint"/>): the row points n − 1 … n + K2 − 2 in
    /// order, then the wrapped ones below and above, each sum in the same order whatever the row.
    /// </summary>
    public static void FoldRow(ReadOnlySpan<double> row, Span<double> sums, int order)
    {
        int k2 = sums.Length, lead = order - 1;
        var middle = row.Slice(lead, k2);
        int z = 0;
        for (; z + Vector512<double>.Count <= k2; z += Vector512<double>.Count)
            (Vector512.Create(sums.Slice(z)) + Vector512.Create(middle.Slice(z))).CopyTo(sums.Slice(z));
        for (; z < k2; z++) sums[z] += middle[z];
        for (int j = 0; j < lead; j++) sums[k2 - lead + j] += row[j];
        for (int j = lead + k2; j < row.Length; j++) sums[j - lead - k2] += row[j];
    }

    /// <summary>Adds q Π_a M_n(u_a − k_a) to one atom's n³ points of a padded grid (Essmann eq. 4.6, as <see cref="MeshStencil.Spread"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Spread(double q, int gx, int gy, int gz, int order, int k0, int k1, int k2,
        ReadOnlySpan<double> wx, ReadOnlySpan<double> wy, ReadOnlySpan<double> wz8, double[] grid)
    {
        int len = RowLength(k2);
        var wz = Vector512.Create(wz8);
        ref double g0 = ref MemoryMarshal.GetArrayDataReference(grid);
        for (int a = 0; a < order; a++)
        {
            int ga = Wrap(gx - a, k0);
            double qa = q * wx[a];
            for (int b = 0; b < order; b++)
            {
                ref double run = ref Unsafe.Add(ref g0, (ga * k1 + Wrap(gy - b, k1)) * len + gz);
                Vector512.FusedMultiplyAdd(Vector512.Create(qa * wy[b]), wz, Vector512.LoadUnsafe(ref run)).StoreUnsafe(ref run);
            }
        }
    }

    /// <summary>
    /// <see cref="MeshStencil.Gradient"/> on a padded θ grid: the x, y and z sums are kept per z lane over the n² runs,
    /// and weighed by the z weights (or slopes, for z) at the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MeshGradient Gradient(int gx, int gy, int gz, int order, int k0, int k1, int k2,
        ReadOnlySpan<double> wx, ReadOnlySpan<double> dx, ReadOnlySpan<double> wy, ReadOnlySpan<double> dy,
        ReadOnlySpan<double> wz8, ReadOnlySpan<double> dz8, double[] theta)
    {
        int len = RowLength(k2);
        ref double t0 = ref MemoryMarshal.GetArrayDataReference(theta);
        var sx = Vector512<double>.Zero; var sy = Vector512<double>.Zero; var sz = Vector512<double>.Zero;
        for (int a = 0; a < order; a++)
        {
            int ga = Wrap(gx - a, k0);
            double wa = wx[a], da = dx[a];
            for (int b = 0; b < order; b++)
            {
                var t = Vector512.LoadUnsafe(ref Unsafe.Add(ref t0, (ga * k1 + Wrap(gy - b, k1)) * len + gz));
                double wb = wy[b], db = dy[b];
                sx = Vector512.FusedMultiplyAdd(Vector512.Create(da * wb), t, sx);
                sy = Vector512.FusedMultiplyAdd(Vector512.Create(wa * db), t, sy);
                sz = Vector512.FusedMultiplyAdd(Vector512.Create(wa * wb), t, sz);
            }
        }
        var wz = Vector512.Create(wz8);
        return new MeshGradient { X = Vector512.Sum(sx * wz), Y = Vector512.Sum(sy * wz), Z = Vector512.Sum(sz * Vector512.Create(dz8)) };
    }

    private static int Wrap(int g, int k) => g < 0 ? g + k : g;
}

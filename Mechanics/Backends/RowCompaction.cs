using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.Neighbors;
using FractureLab.Mechanics.Numerics;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// One row of the half list reduced to the entries inside the largest cut-off, as separation vectors (Å), r² (Å²),
/// neighbor charges (e) and neighbor slots in list order. A list built to cut-off + 2 Å skin holds (12/10)³ ≈ 1.7 times the pairs that
/// interact at 10 Å: the pair arithmetic (about 150 of the 160 FLOPs per entry) then runs on the kept entries only.
/// The row is padded to a whole number of vectors with lanes beyond every cut-off (zero separation vector, j = the
/// row's atom), so the vector loop needs no scalar tail.
/// </summary>
internal sealed class RowCompaction(bool registerCompaction)
{
    private readonly bool _register = registerCompaction;

    /// <summary>The most lanes a vector of the pair loop has (16 float32 lanes in mixed precision).</summary>
    private const int MaxWidth = 16;

    public double[] Dx = [], Dy = [], Dz = [], R2 = [], Q = [];
    public int[] J = [];

    /// <summary>
    /// The kernel's per-slot rows (x, y, z in Å, charge in e), four doubles per slot: pass 1 loads a neighbor's
    /// position and charge as one 32-byte row.
    /// </summary>
    public static void SlotRows(NeighborList list, double[] x, double[] y, double[] z, double[] q, double[] rows)
    {
        var order = list.Order;
        for (int p = 0; p < order.Length; p++)
        {
            int a = order[p];
            rows[4 * p] = x[a]; rows[4 * p + 1] = y[a]; rows[4 * p + 2] = z[a]; rows[4 * p + 3] = q[a];
        }
    }

    /// <summary>Number of kept entries (the padded length is this rounded up to the vector width).</summary>
    public int Count;

    /// <summary>Room for a row of <paramref name="entries"/> list entries plus the padding and one vector of overrun.</summary>
    public void Reserve(int entries)
    {
        int need = entries + 2 * MaxWidth;
        if (Dx.Length >= need) return;
        Dx = new double[need]; Dy = new double[need]; Dz = new double[need]; R2 = new double[need]; Q = new double[need]; J = new int[need];
    }

    /// <summary>
    /// Slot rows (x, y, z in Å, charge in e: four doubles per slot, <see cref="SlotRows"/>) and the list's image shifts (Å)
    /// the rows are computed from. Where the list's images are the nearest
    /// ones (<see cref="NeighborList.ImagesAreNearest"/>) the separations are mapped to the nearest image instead,
    /// d − L·round(d/L) with 1/L precomputed (no shift reads); the two agree to rounding.
    /// </summary>
    public readonly ref struct Sources(double[] rows, NeighborList list, Box box)
    {
        public readonly bool NearestImage = list.ImagesAreNearest(box);
        public readonly double Lx = Periodic(box, 0), Ly = Periodic(box, 1), Lz = Periodic(box, 2);
        public readonly double InvLx = Inverse(box, 0), InvLy = Inverse(box, 1), InvLz = Inverse(box, 2);
        public readonly ref double Rows = ref MemoryMarshal.GetArrayDataReference(rows);
        public readonly ref int Neighbors = ref MemoryMarshal.GetReference(list.Neighbors), Shifts = ref MemoryMarshal.GetReference(list.Shifts);
        public readonly ref double ShiftX = ref MemoryMarshal.GetArrayDataReference(list.ShiftX), ShiftY = ref MemoryMarshal.GetArrayDataReference(list.ShiftY), ShiftZ = ref MemoryMarshal.GetArrayDataReference(list.ShiftZ);

        /// <summary>The box length (Å) along a periodic axis, 0 along a non-periodic one (no mapping there).</summary>
        private static double Periodic(Box box, int axis) => box.Periodic[axis] ? box.Length(axis) : 0;
        private static double Inverse(Box box, int axis) => box.Periodic[axis] ? 1.0 / box.Length(axis) : 0;
    }

    /// <summary>
    /// Separations r_i − (r_j + shift) and neighbor charges of the list entries [<paramref name="from"/>, <paramref name="to"/>) of atom
    /// <paramref name="i"/>, keeping those with r² &lt; <paramref name="keep2"/> (Å²), then the padding at
    /// <paramref name="beyond2"/> (Å², outside every cut-off) up to a multiple of <paramref name="padTo"/> (the pair terms'
    /// lanes, a multiple of TV.Count). Returns the padded length; <see cref="Count"/> is the kept count. Indices come from
    /// the list built for these positions, so no bounds checks are made.
    /// </summary>
    public int Fill<TV>(in Sources src, int i, int from, int to, double keep2, double beyond2, int padTo) where TV : struct, ILanes<TV>
    {
        ref double row = ref Unsafe.Add(ref src.Rows, 4 * i);
        double xi = row, yi = Unsafe.Add(ref row, 1), zi = Unsafe.Add(ref row, 2);
        var keep2V = TV.Create(keep2);
        TV lx = TV.Create(src.Lx), ly = TV.Create(src.Ly), lz = TV.Create(src.Lz);
        TV invLx = TV.Create(src.InvLx), invLy = TV.Create(src.InvLy), invLz = TV.Create(src.InvLz);
        int n = 0, k = from;
        for (; k + TV.Count <= to; k += TV.Count)
        {
            ref int j = ref Unsafe.Add(ref src.Neighbors, k);
            TV.GatherRows(ref src.Rows, ref j, out var xj, out var yj, out var zj, out var qj);
            TV dx = TV.Create(xi) - xj, dy = TV.Create(yi) - yj, dz = TV.Create(zi) - zj;
            if (src.NearestImage)
            {
                dx -= lx * TV.Round(dx * invLx);
                dy -= ly * TV.Round(dy * invLy);
                dz -= lz * TV.Round(dz * invLz);
            }
            else
            {
                ref int c = ref Unsafe.Add(ref src.Shifts, k);
                dx -= TV.Gather(ref src.ShiftX, ref c);
                dy -= TV.Gather(ref src.ShiftY, ref c);
                dz -= TV.Gather(ref src.ShiftZ, ref c);
            }
            var r2 = dx * dx + dy * dy + dz * dz;
            n = Append(n, TV.LessThan(r2, keep2V), dx, dy, dz, r2, qj, ref j);
        }
        for (; k < to; k++)
        {
            int j = Unsafe.Add(ref src.Neighbors, k), c = Unsafe.Add(ref src.Shifts, k);
            ref double rj = ref Unsafe.Add(ref src.Rows, 4 * j);
            double dx = xi - rj - Unsafe.Add(ref src.ShiftX, c);
            double dy = yi - Unsafe.Add(ref rj, 1) - Unsafe.Add(ref src.ShiftY, c);
            double dz = zi - Unsafe.Add(ref rj, 2) - Unsafe.Add(ref src.ShiftZ, c);
            double r2 = dx * dx + dy * dy + dz * dz;
            Dx[n] = dx; Dy[n] = dy; Dz[n] = dz; R2[n] = r2; Q[n] = Unsafe.Add(ref rj, 3); J[n] = j;
            n += r2 < keep2 ? 1 : 0;
        }
        Count = n;
        int padded = (n + padTo - 1) / padTo * padTo;
        for (int e = n; e < padded; e++) { Dx[e] = 0; Dy[e] = 0; Dz[e] = 0; R2[e] = beyond2; Q[e] = 0; J[e] = i; }
        return padded;
    }

    /// <summary>
    /// Appends the lanes of <paramref name="keep"/> (all bits set: inside the cut-off) in lane order at position
    /// <paramref name="n"/>; returns the new count. Where the vector type can compress (<see cref="ILanes{TV}.CanCompress"/>:
    /// AVX-512's vcompresspd to a register, its memory form being microcoded on AMD Zen 4, or AVX2's vpermd by the lane
    /// mask) the lanes are packed in registers and stored full width, which may write a whole vector past the new end, as
    /// the reserve allows; else lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Append<TV>(int n, TV keep, TV dx, TV dy, TV dz, TV r2, TV q, ref int j) where TV : struct, ILanes<TV>
    {
        ulong bits = TV.MaskBits(keep);
        if (bits == 0) return n;
        if (_register && TV.CanCompress)
        {
            TV.CompressStore(keep, dx, ref Dx[n]);
            TV.CompressStore(keep, dy, ref Dy[n]);
            TV.CompressStore(keep, dz, ref Dz[n]);
            TV.CompressStore(keep, r2, ref R2[n]);
            TV.CompressStore(keep, q, ref Q[n]);
            TV.CompressStore(keep, ref j, ref J[n]);
            return n + BitOperations.PopCount(bits);
        }
        for (int l = 0; l < TV.Count; l++)
        {
            Dx[n] = dx[l]; Dy[n] = dy[l]; Dz[n] = dz[l]; R2[n] = r2[l]; Q[n] = q[l]; J[n] = Unsafe.Add(ref j, l);
            n += (int)((bits >> l) & 1);
        }
        return n;
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.Neighbors;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// One row of the half list reduced to the entries inside the largest cut-off, as separation vectors (Å), r² (Å²) and
/// neighbor indices in list order. A list built to cut-off + 2 Å skin holds (12/10)³ ≈ 1.7 times the pairs that
/// interact at 10 Å: the pair arithmetic (about 150 of the 160 FLOPs per entry) then runs on the kept entries only.
/// The row is padded to a multiple of eight (one Vector512) with lanes beyond every cut-off (zero separation vector,
/// j = the row's atom), so the vector loop needs no scalar tail.
/// </summary>
internal sealed class RowCompaction(bool avx512)
{
    private readonly bool _avx512 = avx512 && Avx512F.IsSupported;

    /// <summary>Lanes per vector of the pair loop.</summary>
    public const int Width = 8;

    public double[] Dx = [], Dy = [], Dz = [], R2 = [];
    public int[] J = [];

    /// <summary>Number of kept entries (the padded length is this rounded up to <see cref="Width"/>).</summary>
    public int Count;

    /// <summary>Room for a row of <paramref name="entries"/> list entries plus the padding and one vector of overrun.</summary>
    public void Reserve(int entries)
    {
        int need = entries + 2 * Width;
        if (Dx.Length >= need) return;
        Dx = new double[need]; Dy = new double[need]; Dz = new double[need]; R2 = new double[need]; J = new int[need];
    }

    /// <summary>
    /// Positions (Å) and the list's image shifts (Å) the rows are computed from. Where the list's images are the nearest
    /// ones (<see cref="NeighborList.ImagesAreNearest"/>) the separations are mapped to the nearest image instead,
    /// d − L·round(d/L) with 1/L precomputed (no shift reads); the two agree to rounding.
    /// </summary>
    public readonly ref struct Sources(double[] x, double[] y, double[] z, NeighborList list, Box box)
    {
        public readonly bool NearestImage = list.ImagesAreNearest(box);
        public readonly double Lx = Periodic(box, 0), Ly = Periodic(box, 1), Lz = Periodic(box, 2);
        public readonly double InvLx = Inverse(box, 0), InvLy = Inverse(box, 1), InvLz = Inverse(box, 2);
        public readonly ref double X = ref MemoryMarshal.GetArrayDataReference(x), Y = ref MemoryMarshal.GetArrayDataReference(y), Z = ref MemoryMarshal.GetArrayDataReference(z);
        public readonly ref int Neighbors = ref MemoryMarshal.GetReference(list.Neighbors), Shifts = ref MemoryMarshal.GetReference(list.Shifts);
        public readonly ref double ShiftX = ref MemoryMarshal.GetArrayDataReference(list.ShiftX), ShiftY = ref MemoryMarshal.GetArrayDataReference(list.ShiftY), ShiftZ = ref MemoryMarshal.GetArrayDataReference(list.ShiftZ);

        /// <summary>The box length (Å) along a periodic axis, 0 along a non-periodic one (no mapping there).</summary>
        private static double Periodic(Box box, int axis) => box.Periodic[axis] ? box.Length(axis) : 0;
        private static double Inverse(Box box, int axis) => box.Periodic[axis] ? 1.0 / box.Length(axis) : 0;
    }

    /// <summary>
    /// Separations r_i − (r_j + shift) of the list entries [<paramref name="from"/>, <paramref name="to"/>) of atom
    /// <paramref name="i"/>, keeping those with r² &lt; <paramref name="keep2"/> (Å²), then the padding at
    /// <paramref name="beyond2"/> (Å², outside every cut-off). Returns the padded length; <see cref="Count"/> is the
    /// kept count. Indices come from the list built for these positions, so no bounds checks are made.
    /// </summary>
    public int Fill(in Sources src, int i, int from, int to, double keep2, double beyond2)
    {
        double xi = Unsafe.Add(ref src.X, i), yi = Unsafe.Add(ref src.Y, i), zi = Unsafe.Add(ref src.Z, i);
        var keep2V = Vector512.Create(keep2);
        Vector512<double> lx = Vector512.Create(src.Lx), ly = Vector512.Create(src.Ly), lz = Vector512.Create(src.Lz);
        Vector512<double> invLx = Vector512.Create(src.InvLx), invLy = Vector512.Create(src.InvLy), invLz = Vector512.Create(src.InvLz);
        int n = 0, k = from;
        for (; k + Width <= to; k += Width)
        {
            var j = Vector256.LoadUnsafe(ref Unsafe.Add(ref src.Neighbors, k));
            Vector512<double> dx, dy, dz;
            if (src.NearestImage)
            {
                dx = Vector512.Create(xi) - Lanes(ref src.X, j); dx -= lx * Vector512.Round(dx * invLx);
                dy = Vector512.Create(yi) - Lanes(ref src.Y, j); dy -= ly * Vector512.Round(dy * invLy);
                dz = Vector512.Create(zi) - Lanes(ref src.Z, j); dz -= lz * Vector512.Round(dz * invLz);
            }
            else
            {
                var c = Vector256.LoadUnsafe(ref Unsafe.Add(ref src.Shifts, k));
                dx = Vector512.Create(xi) - (Lanes(ref src.X, j) + Lanes(ref src.ShiftX, c));
                dy = Vector512.Create(yi) - (Lanes(ref src.Y, j) + Lanes(ref src.ShiftY, c));
                dz = Vector512.Create(zi) - (Lanes(ref src.Z, j) + Lanes(ref src.ShiftZ, c));
            }
            var r2 = dx * dx + dy * dy + dz * dz;
            n = Append(n, Vector512.LessThan(r2, keep2V), dx, dy, dz, r2, j);
        }
        for (; k < to; k++)
        {
            int j = Unsafe.Add(ref src.Neighbors, k), c = Unsafe.Add(ref src.Shifts, k);
            double dx = xi - (Unsafe.Add(ref src.X, j) + Unsafe.Add(ref src.ShiftX, c));
            double dy = yi - (Unsafe.Add(ref src.Y, j) + Unsafe.Add(ref src.ShiftY, c));
            double dz = zi - (Unsafe.Add(ref src.Z, j) + Unsafe.Add(ref src.ShiftZ, c));
            double r2 = dx * dx + dy * dy + dz * dz;
            Dx[n] = dx; Dy[n] = dy; Dz[n] = dz; R2[n] = r2; J[n] = j;
            n += r2 < keep2 ? 1 : 0;
        }
        Count = n;
        int padded = (n + Width - 1) & ~(Width - 1);
        for (int e = n; e < padded; e++) { Dx[e] = 0; Dy[e] = 0; Dz[e] = 0; R2[e] = beyond2; J[e] = i; }
        return padded;
    }

    /// <summary>a[i_l] for the eight lanes, without bounds checks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Lanes(ref double a, Vector256<int> i) => Vector512.Create(
        Unsafe.Add(ref a, i[0]), Unsafe.Add(ref a, i[1]), Unsafe.Add(ref a, i[2]), Unsafe.Add(ref a, i[3]),
        Unsafe.Add(ref a, i[4]), Unsafe.Add(ref a, i[5]), Unsafe.Add(ref a, i[6]), Unsafe.Add(ref a, i[7]));

    /// <summary>
    /// Appends the lanes of <paramref name="keep"/> (all bits set: inside the cut-off) in lane order at position
    /// <paramref name="n"/>; returns the new count. With AVX-512 the lanes are packed in registers (vcompresspd to a
    /// register, then a full-width store: the memory form is microcoded on AMD Zen 4) and the store may write up to
    /// seven lanes past the new end, which the reserve allows; else lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Append(int n, Vector512<double> keep, Vector512<double> dx, Vector512<double> dy, Vector512<double> dz, Vector512<double> r2, Vector256<int> j)
    {
        ulong bits = keep.ExtractMostSignificantBits();
        if (bits == 0) return n;
        if (_avx512)
        {
            Avx512F.Compress(default, keep, dx).StoreUnsafe(ref Dx[n]);
            Avx512F.Compress(default, keep, dy).StoreUnsafe(ref Dy[n]);
            Avx512F.Compress(default, keep, dz).StoreUnsafe(ref Dz[n]);
            Avx512F.Compress(default, keep, r2).StoreUnsafe(ref R2[n]);
            Avx512F.VL.Compress(default, Avx512F.ConvertToVector256Int32(keep.AsInt64()), j).StoreUnsafe(ref J[n]); // 64-bit lane mask narrowed to 32
            return n + BitOperations.PopCount(bits);
        }
        for (int l = 0; l < Width; l++)
        {
            Dx[n] = dx.GetElement(l); Dy[n] = dy.GetElement(l); Dz[n] = dz.GetElement(l); R2[n] = r2.GetElement(l); J[n] = j.GetElement(l);
            n += (int)((bits >> l) & 1);
        }
        return n;
    }
}

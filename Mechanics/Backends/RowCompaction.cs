using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// One row of the half list reduced to the entries inside the largest cut-off, as separation vectors (Å), r² (Å²) and
/// neighbor indices in list order. A list built to cut-off + 2 Å skin holds (12/10)³ ≈ 1.7 times the pairs that
/// interact at 10 Å: the pair arithmetic (about 150 of the 160 FLOPs per entry) then runs on the kept entries only.
/// The row is padded to a multiple of four with lanes beyond every cut-off (zero separation vector, j = the row's atom),
/// so the vector loop needs no scalar tail.
/// </summary>
internal sealed class RowCompaction(bool avx512)
{
    private readonly bool _avx512 = avx512 && Avx512F.VL.IsSupported;

    public double[] Dx = [], Dy = [], Dz = [], R2 = [];
    public int[] J = [];

    /// <summary>Number of kept entries (the padded length is this rounded up to four).</summary>
    public int Count;

    /// <summary>Room for a row of <paramref name="entries"/> list entries plus the padding and one vector of overrun.</summary>
    public void Reserve(int entries)
    {
        int need = entries + 8;
        if (Dx.Length >= need) return;
        Dx = new double[need]; Dy = new double[need]; Dz = new double[need]; R2 = new double[need]; J = new int[need];
    }

    /// <summary>Positions (Å) and the list's image shifts (Å) the rows are computed from.</summary>
    public readonly ref struct Sources(double[] x, double[] y, double[] z, ReadOnlySpan<int> neighbors, ReadOnlySpan<int> shifts, double[] shiftX, double[] shiftY, double[] shiftZ)
    {
        public readonly ref double X = ref MemoryMarshal.GetArrayDataReference(x), Y = ref MemoryMarshal.GetArrayDataReference(y), Z = ref MemoryMarshal.GetArrayDataReference(z);
        public readonly ref int Neighbors = ref MemoryMarshal.GetReference(neighbors), Shifts = ref MemoryMarshal.GetReference(shifts);
        public readonly ref double ShiftX = ref MemoryMarshal.GetArrayDataReference(shiftX), ShiftY = ref MemoryMarshal.GetArrayDataReference(shiftY), ShiftZ = ref MemoryMarshal.GetArrayDataReference(shiftZ);
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
        var keep2V = Vector256.Create(keep2);
        int n = 0, k = from;
        for (; k + 4 <= to; k += 4)
        {
            int j0 = Unsafe.Add(ref src.Neighbors, k), j1 = Unsafe.Add(ref src.Neighbors, k + 1), j2 = Unsafe.Add(ref src.Neighbors, k + 2), j3 = Unsafe.Add(ref src.Neighbors, k + 3);
            int c0 = Unsafe.Add(ref src.Shifts, k), c1 = Unsafe.Add(ref src.Shifts, k + 1), c2 = Unsafe.Add(ref src.Shifts, k + 2), c3 = Unsafe.Add(ref src.Shifts, k + 3);
            var dx = Vector256.Create(xi) - (Lanes(ref src.X, j0, j1, j2, j3) + Lanes(ref src.ShiftX, c0, c1, c2, c3));
            var dy = Vector256.Create(yi) - (Lanes(ref src.Y, j0, j1, j2, j3) + Lanes(ref src.ShiftY, c0, c1, c2, c3));
            var dz = Vector256.Create(zi) - (Lanes(ref src.Z, j0, j1, j2, j3) + Lanes(ref src.ShiftZ, c0, c1, c2, c3));
            var r2 = dx * dx + dy * dy + dz * dz;
            n = Append(n, Vector256.LessThan(r2, keep2V), dx, dy, dz, r2, Vector128.Create(j0, j1, j2, j3));
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
        int padded = (n + 3) & ~3;
        for (int e = n; e < padded; e++) { Dx[e] = 0; Dy[e] = 0; Dz[e] = 0; R2[e] = beyond2; J[e] = i; }
        return padded;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lanes(ref double a, int i0, int i1, int i2, int i3) =>
        Vector256.Create(Unsafe.Add(ref a, i0), Unsafe.Add(ref a, i1), Unsafe.Add(ref a, i2), Unsafe.Add(ref a, i3));

    /// <summary>
    /// Appends the lanes of <paramref name="keep"/> (all bits set: inside the cut-off) in lane order at position
    /// <paramref name="n"/>; returns the new count. With AVX-512VL the lanes are packed in registers (vcompresspd to a
    /// register, then a full-width store: the memory form is microcoded on AMD Zen 4) and the store may write up to
    /// three lanes past the new end, which the reserve allows; else lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Append(int n, Vector256<double> keep, Vector256<double> dx, Vector256<double> dy, Vector256<double> dz, Vector256<double> r2, Vector128<int> j)
    {
        uint bits = keep.ExtractMostSignificantBits();
        if (bits == 0) return n;
        if (_avx512)
        {
            Avx512F.VL.Compress(default, keep, dx).StoreUnsafe(ref Dx[n]);
            Avx512F.VL.Compress(default, keep, dy).StoreUnsafe(ref Dy[n]);
            Avx512F.VL.Compress(default, keep, dz).StoreUnsafe(ref Dz[n]);
            Avx512F.VL.Compress(default, keep, r2).StoreUnsafe(ref R2[n]);
            Avx512F.VL.Compress(default, Avx512F.VL.ConvertToVector128Int32(keep.AsInt64()), j).StoreUnsafe(ref J[n]); // 64-bit lane mask narrowed to 32
            return n + BitOperations.PopCount(bits);
        }
        for (int l = 0; l < 4; l++)
        {
            Dx[n] = dx.GetElement(l); Dy[n] = dy.GetElement(l); Dz[n] = dz.GetElement(l); R2[n] = r2.GetElement(l); J[n] = j.GetElement(l);
            n += (int)((bits >> l) & 1);
        }
        return n;
    }
}

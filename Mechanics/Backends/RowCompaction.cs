using System.Numerics;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Appends the lanes of <paramref name="keep"/> (all bits set: inside the cut-off) in lane order. With AVX-512VL the
    /// lanes are packed in registers (vcompresspd to a register, then a full-width store: the memory form is microcoded
    /// on AMD Zen 4) and the store may write up to three lanes past the new end, which the reserve allows; else lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(Vector256<double> keep, Vector256<double> dx, Vector256<double> dy, Vector256<double> dz, Vector256<double> r2, Vector128<int> j)
    {
        uint bits = keep.ExtractMostSignificantBits();
        if (bits == 0) return;
        int n = Count;
        if (_avx512)
        {
            Avx512F.VL.Compress(default, keep, dx).StoreUnsafe(ref Dx[n]);
            Avx512F.VL.Compress(default, keep, dy).StoreUnsafe(ref Dy[n]);
            Avx512F.VL.Compress(default, keep, dz).StoreUnsafe(ref Dz[n]);
            Avx512F.VL.Compress(default, keep, r2).StoreUnsafe(ref R2[n]);
            Avx512F.VL.Compress(default, Avx512F.VL.ConvertToVector128Int32(keep.AsInt64()), j).StoreUnsafe(ref J[n]); // 64-bit lane mask narrowed to 32
            Count = n + BitOperations.PopCount(bits);
            return;
        }
        for (int l = 0; l < 4; l++)
        {
            Dx[n] = dx.GetElement(l); Dy[n] = dy.GetElement(l); Dz[n] = dz.GetElement(l); R2[n] = r2.GetElement(l); J[n] = j.GetElement(l);
            n += (int)((bits >> l) & 1);
        }
        Count = n;
    }

    /// <summary>One entry (the scalar tail of a row), kept when <paramref name="keep"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(bool keep, double dx, double dy, double dz, double r2, int j)
    {
        int n = Count;
        Dx[n] = dx; Dy[n] = dy; Dz[n] = dz; R2[n] = r2; J[n] = j;
        Count = n + (keep ? 1 : 0);
    }

    /// <summary>Pads to a multiple of four with entries at r² = <paramref name="beyondR2"/> (outside every cut-off) on atom <paramref name="self"/>; returns the padded length.</summary>
    public int Pad(double beyondR2, int self)
    {
        int n = Count, padded = (n + 3) & ~3;
        for (int k = n; k < padded; k++) { Dx[k] = 0; Dy[k] = 0; Dz[k] = 0; R2[k] = beyondR2; J[k] = self; }
        return padded;
    }
}

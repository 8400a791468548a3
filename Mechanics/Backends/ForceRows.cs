using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FractureLab.Mechanics.Numerics;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// A force buffer laid out as one 32-byte row (f_x, f_y, f_z, 0) per atom, so the reaction forces of four pairs go
/// to their four neighbors as four vector read-modify-writes after a 4×4 transpose (per four-lane block of the
/// vector), instead of twelve lane extractions and scalar read-modify-writes. Each atom's row receives the same subtractions in the same order as
/// the scalar form, so the sums are bit for bit the same.
/// </summary>
internal static class ForceRows
{
    /// <summary>Doubles needed for <paramref name="atoms"/> rows.</summary>
    public static int Length(int atoms) => 4 * atoms;

    /// <summary>f[j_l] −= (fx_l, fy_l, fz_l) for the lanes l, j_l read from <paramref name="j"/>; the j are distinct or carry zero forces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract<TV>(double[] f, ref int j, TV fx, TV fy, TV fz) where TV : struct, ILanes<TV>
    {
        for (int b = 0; b < TV.Count / 4; b++)
        {
            ref int jb = ref Unsafe.Add(ref j, 4 * b);
            Subtract(f, jb, Unsafe.Add(ref jb, 1), Unsafe.Add(ref jb, 2), Unsafe.Add(ref jb, 3), TV.Block(fx, b), TV.Block(fy, b), TV.Block(fz, b));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Subtract(double[] f, int j0, int j1, int j2, int j3, Vector256<double> fx, Vector256<double> fy, Vector256<double> fz)
    {
        if (Avx.IsSupported)
        {
            var xy02 = Avx.UnpackLow(fx, fy);                       // fx0 fy0 fx2 fy2
            var xy13 = Avx.UnpackHigh(fx, fy);                      // fx1 fy1 fx3 fy3
            var z02 = Avx.UnpackLow(fz, Vector256<double>.Zero);    // fz0 0 fz2 0
            var z13 = Avx.UnpackHigh(fz, Vector256<double>.Zero);   // fz1 0 fz3 0
            ref double f0 = ref f[0];
            Sub(ref Unsafe.Add(ref f0, 4 * j0), Avx.Permute2x128(xy02, z02, 0x20));
            Sub(ref Unsafe.Add(ref f0, 4 * j1), Avx.Permute2x128(xy13, z13, 0x20));
            Sub(ref Unsafe.Add(ref f0, 4 * j2), Avx.Permute2x128(xy02, z02, 0x31));
            Sub(ref Unsafe.Add(ref f0, 4 * j3), Avx.Permute2x128(xy13, z13, 0x31));
            return;
        }
        SubtractLane(f, j0, fx[0], fy[0], fz[0]); SubtractLane(f, j1, fx[1], fy[1], fz[1]);
        SubtractLane(f, j2, fx[2], fy[2], fz[2]); SubtractLane(f, j3, fx[3], fy[3], fz[3]);
    }

    private static void SubtractLane(double[] f, int j, double fx, double fy, double fz)
    {
        f[4 * j] -= fx; f[4 * j + 1] -= fy; f[4 * j + 2] -= fz;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sub(ref double row, Vector256<double> value) => (Vector256.LoadUnsafe(ref row) - value).StoreUnsafe(ref row);
}

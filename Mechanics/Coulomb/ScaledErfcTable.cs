using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// The "exact" erfc of the pair kernels, fast and vectorizable: erfc(x) = e^(−x²) f(x) with f = erfcx, the scaled
/// complementary error function, interpolated on [0, 8] by quintic Hermite polynomials on intervals of 1/64 from f,
/// f' = 2x f − 2/√π and f'' = (2 + 4x²) f − 4x/√π at the nodes (f from MathNet.Numerics' erfc). The interpolation
/// error is below 1e-13 relative to erfc (test against MathNet); beyond x = 8 (erfc &lt; 1.2e-29) the asymptotic series
/// erfcx(x) = 1/(x√π) Σ_k (−1)^k (2k−1)!!/(2x²)^k (Abramowitz &amp; Stegun 7.1.23) to k = 12, relative error below 1e-14
/// there. Pure arithmetic on one static table, so the GPU kernels compile the same definition (ILGPU inlines the table).
/// One definition for the scalar, the vector and the device kernels, so the back ends agree lane by lane.
/// </summary>
public static class ScaledErfcTable
{
    public const double XMax = 8.0;
    private const int PerUnit = 64;
    private const double H = 1.0 / PerUnit;
    private const double TwoOverSqrtPi = Coulomb.Erfc.TwoOverSqrtPi;
    private static readonly double[] C = Build();

    private static double[] Build()
    {
        int n = (int)(XMax * PerUnit);
        var c = new double[6 * (n + 1) + 2]; // two spare doubles: the vector body reads eight from each interval's start
        double F(double x) => MathNet.Numerics.SpecialFunctions.Erfc(x) * Math.Exp(x * x);
        for (int i = 0; i <= n; i++)
        {
            double x0 = i * H, x1 = x0 + H;
            double f0 = F(x0), f1 = F(x1);
            double d0 = H * (2 * x0 * f0 - TwoOverSqrtPi), d1 = H * (2 * x1 * f1 - TwoOverSqrtPi);
            double s0 = H * H * ((2 + 4 * x0 * x0) * f0 - 2 * x0 * TwoOverSqrtPi), s1 = H * H * ((2 + 4 * x1 * x1) * f1 - 2 * x1 * TwoOverSqrtPi);
            // Quintic Hermite in t = (x − x0)/h, written as monomials c0 + c1 t + … + c5 t⁵.
            c[6 * i] = f0;
            c[6 * i + 1] = d0;
            c[6 * i + 2] = 0.5 * s0;
            c[6 * i + 3] = -10 * f0 - 6 * d0 - 1.5 * s0 + 0.5 * s1 - 4 * d1 + 10 * f1;
            c[6 * i + 4] = 15 * f0 + 8 * d0 + 1.5 * s0 - s1 + 7 * d1 - 15 * f1;
            c[6 * i + 5] = -6 * f0 - 3 * d0 - 0.5 * s0 + 0.5 * s1 - 3 * d1 + 6 * f1;
        }
        return c;
    }

    /// <summary>erfc(x) for x ≥ 0, given e^(−x²).</summary>
    public static double Erfc(double x, double expMinusX2)
    {
        if (!(x < XMax)) return expMinusX2 * AsymptoticScaled(x);
        double u = x * PerUnit;
        int i = (int)u;
        double t = u - i;
        int o = 6 * i;
        return expMinusX2 * (C[o] + t * (C[o + 1] + t * (C[o + 2] + t * (C[o + 3] + t * (C[o + 4] + t * C[o + 5])))));
    }

    /// <summary>erfcx(x) for x ≥ 8 by A&amp;S 7.1.23, 13 terms: the smallest term at x = 8 is below 2e-14 of the sum.</summary>
    private static double AsymptoticScaled(double x)
    {
        double inv2x2 = 0.5 / (x * x), term = 1.0, sum = 1.0;
        for (int k = 1; k <= 12; k++)
        {
            term *= -(2 * k - 1) * inv2x2;
            sum += term;
        }
        return sum / (x * 1.7724538509055160273);
    }

    /// <summary>
    /// Vector body of <see cref="Erfc(double,double)"/>: the same arithmetic per lane. Lanes at x ≥ 8 (rare: erfc below
    /// 1.2e-29 there) read the table at 0 and take the asymptotic series instead; no call, so the pair loops that inline
    /// this keep their vectors in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Erfc(Vector512<double> x, Vector512<double> expMinusX2)
    {
        var inTable = Vector512.LessThan(x, Vector512.Create(XMax));
        // x ≥ 0 by contract; the max keeps the table reads inside the table whatever the input.
        var u = Vector512.Max(Vector512.ConditionalSelect(inTable, x, default), default) * Vector512.Create((double)PerUnit);
        var floor = Vector512.Floor(u);
        var t = u - floor;
        var o = Vector512.ConvertToInt64(floor) * 6;
        ref double c = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(C);
        Vector512<double> k0, k1, k2, k3, k4, k5;
        if (Avx512F.IsSupported) Coefficients(ref c, o, out k0, out k1, out k2, out k3, out k4, out k5);
        else
        {
            k0 = Coefficient(ref c, 0, o); k1 = Coefficient(ref c, 1, o); k2 = Coefficient(ref c, 2, o);
            k3 = Coefficient(ref c, 3, o); k4 = Coefficient(ref c, 4, o); k5 = Coefficient(ref c, 5, o);
        }
        var result = expMinusX2 * (k0 + t * (k1 + t * (k2 + t * (k3 + t * (k4 + t * k5)))));
        if (inTable.ExtractMostSignificantBits() != 0xFF)
            result = Vector512.ConditionalSelect(inTable, result, expMinusX2 * AsymptoticScaled(x));
        return result;
    }

    /// <summary>
    /// The six coefficients of the eight lanes' intervals with AVX-512: each interval's coefficients are contiguous, so
    /// eight 64-byte loads and an 8×8 transpose (8 unpacks, 14 two-source permutes) replace 48 scalar loads and inserts.
    /// The same numbers as <see cref="Coefficient"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Coefficients(ref double c, Vector512<long> o, out Vector512<double> k0, out Vector512<double> k1,
        out Vector512<double> k2, out Vector512<double> k3, out Vector512<double> k4, out Vector512<double> k5)
    {
        Vector512<double> Row(ref double c, long offset) => Vector512.LoadUnsafe(ref Unsafe.Add(ref c, (nint)offset));
        var r0 = Row(ref c, o[0]); var r1 = Row(ref c, o[1]); var r2 = Row(ref c, o[2]); var r3 = Row(ref c, o[3]);
        var r4 = Row(ref c, o[4]); var r5 = Row(ref c, o[5]); var r6 = Row(ref c, o[6]); var r7 = Row(ref c, o[7]);
        // Pairs: even columns [a0 b0 a2 b2 a4 b4 a6 b6], odd columns [a1 b1 a3 b3 a5 b5 a7 b7].
        var e01 = Avx512F.UnpackLow(r0, r1); var d01 = Avx512F.UnpackHigh(r0, r1);
        var e23 = Avx512F.UnpackLow(r2, r3); var d23 = Avx512F.UnpackHigh(r2, r3);
        var e45 = Avx512F.UnpackLow(r4, r5); var d45 = Avx512F.UnpackHigh(r4, r5);
        var e67 = Avx512F.UnpackLow(r6, r7); var d67 = Avx512F.UnpackHigh(r6, r7);
        // Quads: columns (0, 4), (2, 6), (1, 5), (3, 7) of four rows each.
        var lowPairs = Vector512.Create(0L, 1, 8, 9, 4, 5, 12, 13);
        var highPairs = Vector512.Create(2L, 3, 10, 11, 6, 7, 14, 15);
        var q04a = Avx512F.PermuteVar8x64x2(e01, lowPairs, e23); var q04b = Avx512F.PermuteVar8x64x2(e45, lowPairs, e67);
        var q26a = Avx512F.PermuteVar8x64x2(e01, highPairs, e23); var q26b = Avx512F.PermuteVar8x64x2(e45, highPairs, e67);
        var q15a = Avx512F.PermuteVar8x64x2(d01, lowPairs, d23); var q15b = Avx512F.PermuteVar8x64x2(d45, lowPairs, d67);
        var q37a = Avx512F.PermuteVar8x64x2(d01, highPairs, d23); var q37b = Avx512F.PermuteVar8x64x2(d45, highPairs, d67);
        // Columns: the first or second half of each quad from the two row groups.
        var firstHalves = Vector512.Create(0L, 1, 2, 3, 8, 9, 10, 11);
        var secondHalves = Vector512.Create(4L, 5, 6, 7, 12, 13, 14, 15);
        k0 = Avx512F.PermuteVar8x64x2(q04a, firstHalves, q04b); k4 = Avx512F.PermuteVar8x64x2(q04a, secondHalves, q04b);
        k2 = Avx512F.PermuteVar8x64x2(q26a, firstHalves, q26b);
        k1 = Avx512F.PermuteVar8x64x2(q15a, firstHalves, q15b); k5 = Avx512F.PermuteVar8x64x2(q15a, secondHalves, q15b);
        k3 = Avx512F.PermuteVar8x64x2(q37a, firstHalves, q37b);
    }

    /// <summary>Table coefficient k of the eight lanes' intervals (offsets o in the table), without bounds checks: the offsets come from x in [0, 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Coefficient(ref double c, int k, Vector512<long> o) => Vector512.Create(
        Unsafe.Add(ref c, (nint)o[0] + k), Unsafe.Add(ref c, (nint)o[1] + k), Unsafe.Add(ref c, (nint)o[2] + k), Unsafe.Add(ref c, (nint)o[3] + k),
        Unsafe.Add(ref c, (nint)o[4] + k), Unsafe.Add(ref c, (nint)o[5] + k), Unsafe.Add(ref c, (nint)o[6] + k), Unsafe.Add(ref c, (nint)o[7] + k));

    /// <summary>Vector body of <see cref="AsymptoticScaled(double)"/>, the same arithmetic per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> AsymptoticScaled(Vector512<double> x)
    {
        var inv2x2 = Vector512.Create(0.5) / (x * x);
        var term = Vector512<double>.One; var sum = Vector512<double>.One;
        for (int k = 1; k <= 12; k++)
        {
            term *= Vector512.Create((double)-(2 * k - 1)) * inv2x2;
            sum += term;
        }
        return sum / (x * Vector512.Create(1.7724538509055160273));
    }
}

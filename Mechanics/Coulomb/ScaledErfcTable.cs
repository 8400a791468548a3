using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Numerics;

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
        var c = new double[6 * (n + 1) + 2]; // two spare doubles: ILanes.GatherSix may read eight from each interval's start
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
    public static TV Erfc<TV>(TV x, TV expMinusX2) where TV : struct, ILanes<TV>
    {
        var inTable = TV.LessThan(x, TV.Create(XMax));
        // x ≥ 0 by contract; the max keeps the table reads inside the table whatever the input.
        var u = TV.Max(TV.ConditionalSelect(inTable, x, TV.Zero), TV.Zero) * TV.Create(PerUnit);
        var floor = TV.Floor(u);
        var t = u - floor;
        TV.GatherSix(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(C), floor * TV.Create(6),
            out var k0, out var k1, out var k2, out var k3, out var k4, out var k5);
        var result = expMinusX2 * (k0 + t * (k1 + t * (k2 + t * (k3 + t * (k4 + t * k5)))));
        if (TV.MaskBits(inTable) != (1UL << TV.Count) - 1)
            result = TV.ConditionalSelect(inTable, result, expMinusX2 * AsymptoticScaled(x));
        return result;
    }

    /// <summary>Vector body of <see cref="AsymptoticScaled(double)"/>, the same arithmetic per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV AsymptoticScaled<TV>(TV x) where TV : struct, ILanes<TV>
    {
        var inv2x2 = TV.Create(0.5) / (x * x);
        var term = TV.One; var sum = TV.One;
        for (int k = 1; k <= 12; k++)
        {
            term *= TV.Create((double)-(2 * k - 1)) * inv2x2;
            sum += term;
        }
        return sum / (x * TV.Create(1.7724538509055160273));
    }
}

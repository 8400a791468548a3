using System.Runtime.Intrinsics;

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
        var c = new double[6 * (n + 1)];
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

    /// <summary>Vector body of <see cref="Erfc(double,double)"/>: the same arithmetic per lane.</summary>
    public static Vector256<double> Erfc(Vector256<double> x, Vector256<double> expMinusX2)
    {
        if (!Vector256.LessThanAll(x, Vector256.Create(XMax)))
            return Vector256.Create(Erfc(x[0], expMinusX2[0]), Erfc(x[1], expMinusX2[1]), Erfc(x[2], expMinusX2[2]), Erfc(x[3], expMinusX2[3]));
        var u = x * Vector256.Create((double)PerUnit);
        var floor = Vector256.Floor(u);
        var t = u - floor;
        int o0 = 6 * (int)floor[0], o1 = 6 * (int)floor[1], o2 = 6 * (int)floor[2], o3 = 6 * (int)floor[3];
        Vector256<double> K(int k) => Vector256.Create(C[o0 + k], C[o1 + k], C[o2 + k], C[o3 + k]);
        return expMinusX2 * (K(0) + t * (K(1) + t * (K(2) + t * (K(3) + t * (K(4) + t * K(5))))));
    }
}

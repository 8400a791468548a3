using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Numerics;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>Which complementary error function a Coulomb method evaluates.</summary>
public enum ErfcFlavor
{
    /// <summary>Abramowitz &amp; Stegun 7.1.26 polynomial, |error| ≤ 1.5e-7 (LAMMPS coul/dsf, born/coul/dsf, coul/long without tables).</summary>
    AbramowitzStegun,
    /// <summary>
    /// Full precision (LAMMPS's libm erfc in coul/wolf): in the kernels <see cref="ScaledErfcPolynomial"/>, within 1e-14
    /// of erfc up to x = 6 (1e-13 up to 26).
    /// </summary>
    Exact,
}

/// <summary>
/// The one definition of erfc used by every back end. A&amp;S 7.1.26 (Abramowitz &amp; Stegun, Handbook of
/// Mathematical Functions, 1964): erfc(x) ≈ t(a1 + t(a2 + t(a3 + t(a4 + t a5)))) e^(−x²), t = 1/(1 + p x),
/// with LAMMPS's constants (EWALD_P, A1..A5 in pair_coul_dsf.cpp), valid for x ≥ 0.
/// </summary>
public static class Erfc
{
    public const double P = 0.3275911;
    public const double A1 = 0.254829592;
    public const double A2 = -0.284496736;
    public const double A3 = 1.421413741;
    public const double A4 = -1.453152027;
    public const double A5 = 1.061405429;

    /// <summary>2/√π.</summary>
    public const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>A&amp;S 7.1.26 given expMinusX2 = e^(−x²), which the caller needs for the force anyway (Horner with fused multiply-adds).</summary>
    public static double AbramowitzStegun(double x, double expMinusX2)
    {
        double t = 1.0 / Math.FusedMultiplyAdd(P, x, 1.0);
        double poly = Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(A5, t, A4), t, A3), t, A2), t, A1);
        return t * poly * expMinusX2;
    }

    /// <summary>Vector body of <see cref="AbramowitzStegun(double,double)"/>, lane by lane the same arithmetic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV AbramowitzStegun<TV>(TV x, TV expMinusX2) where TV : struct, ILanes<TV>
    {
        var t = TV.One / TV.FusedMultiplyAdd(TV.Create(P), x, TV.One);
        var poly = TV.FusedMultiplyAdd(TV.FusedMultiplyAdd(TV.FusedMultiplyAdd(TV.FusedMultiplyAdd(TV.Create(A5), t, TV.Create(A4)), t, TV.Create(A3)), t, TV.Create(A2)), t, TV.Create(A1));
        return t * poly * expMinusX2;
    }

    /// <summary>Full-precision erfc (MathNet.Numerics), for constants computed once.</summary>
    public static double Exact(double x) => MathNet.Numerics.SpecialFunctions.Erfc(x);

    /// <summary>erfc(x) in the chosen flavor; <paramref name="expMinusX2"/> = e^(−x²).</summary>
    public static double Evaluate(ErfcFlavor flavor, double x, double expMinusX2) =>
        flavor == ErfcFlavor.AbramowitzStegun ? AbramowitzStegun(x, expMinusX2) : ScaledErfcPolynomial.Erfc(x, expMinusX2);

    /// <summary>Vector erfc in the chosen flavor, the same arithmetic as the scalar one lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Evaluate<TV>(ErfcFlavor flavor, TV x, TV expMinusX2) where TV : struct, ILanes<TV> =>
        flavor == ErfcFlavor.AbramowitzStegun ? AbramowitzStegun(x, expMinusX2) : ScaledErfcPolynomial.Erfc(x, expMinusX2);
}

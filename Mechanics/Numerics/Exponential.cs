using System.Runtime.Intrinsics;

namespace FractureLab.Mechanics.Numerics;

/// <summary>
/// The one e^x of the pair kernels, scalar and vector with the same arithmetic lane by lane (so every back end
/// evaluates the same numbers): Cody-Waite reduction x = k ln2 + r with ln2 split in a high part exact in 32 bits and
/// a low part (Cody &amp; Waite, Software Manual for the Elementary Functions, 1980), k rounded to nearest by the
/// 1.5·2⁵² shifter, e^r by its Taylor series to r¹² in Horner form with fused multiply-adds (|r| ≤ ln2/2: truncation
/// below 2e-16), and 2^k assembled in the exponent bits. Relative error within 1e-15 of Math.Exp for
/// −708 ≤ x ≤ 709 (tested); below −708 it returns 0, above 709 +∞. About ten times faster than Vector256.Exp here.
/// </summary>
public static class Exponential
{
    private const double Log2E = 1.4426950408889634074;
    private const double Ln2Hi = 6.93147180369123816490e-01; // ln 2 rounded to 32 significant bits (fdlibm)
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Shifter = 6755399441055744.0; // 1.5·2^52: adding it rounds to an integer in the low bits
    private const double Lowest = -708.0, Highest = 709.0;
    private const double C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720, C7 = 1.0 / 5040,
        C8 = 1.0 / 40320, C9 = 1.0 / 362880, C10 = 1.0 / 3628800, C11 = 1.0 / 39916800, C12 = 1.0 / 479001600;

    public static double Exp(double x)
    {
        double xc = Math.Min(Math.Max(x, Lowest), Highest);
        double kd = Math.FusedMultiplyAdd(xc, Log2E, Shifter);
        long k = BitConverter.DoubleToInt64Bits(kd) - BitConverter.DoubleToInt64Bits(Shifter);
        double kf = kd - Shifter;
        double r = Math.FusedMultiplyAdd(-kf, Ln2Hi, xc);
        r = Math.FusedMultiplyAdd(-kf, Ln2Lo, r);
        double p = Math.FusedMultiplyAdd(C12, r, C11);
        p = Math.FusedMultiplyAdd(p, r, C10);
        p = Math.FusedMultiplyAdd(p, r, C9);
        p = Math.FusedMultiplyAdd(p, r, C8);
        p = Math.FusedMultiplyAdd(p, r, C7);
        p = Math.FusedMultiplyAdd(p, r, C6);
        p = Math.FusedMultiplyAdd(p, r, C5);
        p = Math.FusedMultiplyAdd(p, r, C4);
        p = Math.FusedMultiplyAdd(p, r, C3);
        p = Math.FusedMultiplyAdd(p, r, C2);
        p = Math.FusedMultiplyAdd(p, r, 1.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0);
        double scale = BitConverter.Int64BitsToDouble((k + 1023) << 52);
        double result = p * scale;
        return x < Lowest ? 0.0 : x > Highest ? double.PositiveInfinity : result;
    }

    public static Vector256<double> Exp(Vector256<double> x)
    {
        var xc = Vector256.Min(Vector256.Max(x, Vector256.Create(Lowest)), Vector256.Create(Highest));
        var shifter = Vector256.Create(Shifter);
        var kd = Vector256.FusedMultiplyAdd(xc, Vector256.Create(Log2E), shifter);
        var k = kd.AsInt64() - shifter.AsInt64();
        var kf = kd - shifter;
        var r = Vector256.FusedMultiplyAdd(-kf, Vector256.Create(Ln2Hi), xc);
        r = Vector256.FusedMultiplyAdd(-kf, Vector256.Create(Ln2Lo), r);
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(C12), r, Vector256.Create(C11));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C10));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C9));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C8));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C7));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C2));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        var scale = Vector256.ShiftLeft(k + Vector256.Create(1023L), 52).AsDouble();
        var result = p * scale;
        result = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(Lowest)), Vector256<double>.Zero, result);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(Highest)), Vector256.Create(double.PositiveInfinity), result);
    }
}

using FractureLab.Fracture.Analysis;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// The compliance route's result: K_Ic and G_c, the fitted b of 1/E_eff = c0 + b·f(a)/L0 (1/GPa), the LEFM ratio
/// b·E′/4 (1 when the compliance grows exactly as a periodic array of LEFM cracks), and G_c, K per point.
/// </summary>
public sealed record ComplianceFit(RouteEstimate K, RouteEstimate Gc, double C0PerGpa, double B, double BStdErr, double LefmRatio, double[] GcJPerM2, double[] KMPaSqrtM);

/// <summary>
/// Compliance route (Griffith energy release rate; SCIENCE.md §10). Box compliance per thickness C = L0/(E_eff·W), crack
/// area 2a: G = (P²/2)·dC/dA = (σ_c²·W·L0/4)·d(1/E_eff)/da. For a periodic array of LEFM cracks 1/E_eff = 1/E +
/// (4/(E′·L0))·f(a) with f(a) = −(W/π)·ln cos(πa/W) (integrating d(1/E)/da = 4 tan(πa/W)/(E′·L0), from K² = σ²·W·tan(πa/W));
/// so the measured 1/E_eff is fitted as c0 + b·f(a)/L0 (least squares over every pull), and then
/// G_c = 0.1·σ_c²·W·b·tan(πa/W)/4 J/m² (σ in GPa, W in Å, b in 1/GPa): L0 drops out, which is what makes this the
/// energy route that does not depend on the box length. K = √(E′·G_c). The standard error combines the scatter of the
/// per-point K and the fit's error in b.
/// </summary>
public static class ComplianceRoute
{
    /// <summary>The share of σ_max below which a pre-cracked curve is taken as linear for E_eff.</summary>
    public const double LinearShareOfPeak = 0.4;

    /// <summary>
    /// E_eff (GPa) of a pre-cracked curve: the least-squares slope (with intercept) over the records from the start up to the
    /// first stress above <see cref="LinearShareOfPeak"/>·σ_max, at least five records. A wider window than the 0-1 % of the
    /// modulus fit: at 300 K the thermal noise of a few-thousand-atom box swamps a 1 % slope, and E_eff must resolve the few
    /// per cent a crack changes it by.
    /// </summary>
    public static double EffectiveModulus(IReadOnlyList<double> strain, IReadOnlyList<double> stressGpa)
    {
        double peak = stressGpa.Max();
        int end = 0;
        while (end < stressGpa.Count && stressGpa[end] <= LinearShareOfPeak * peak) end++;
        end = Math.Clamp(end, Math.Min(5, stressGpa.Count), stressGpa.Count);
        if (end < 2) throw new Mechanics.InputException("a pre-cracked curve needs at least two records for E_eff");
        return MathNet.Numerics.Fit.Line(strain.Take(end).ToArray(), stressGpa.Take(end).ToArray()).B;
    }

    public static double F(double halfLengthA, double periodA) => -(periodA / Math.PI) * Math.Log(Math.Cos(Math.PI * halfLengthA / periodA));

    public static ComplianceFit? Fit(IReadOnlyList<CrackPoint> points, double effectiveModulusGpa)
    {
        if (points.Select(p => Math.Round(p.HalfLengthA, 3)).Distinct().Count() < 2) return null;
        var x = points.Select(p => F(p.HalfLengthA, p.PeriodA) / p.InitialLengthA).ToArray();
        var y = points.Select(p => 1.0 / p.EffectiveModulusGpa).ToArray();
        var (c0, b) = MathNet.Numerics.Fit.Line(x, y);
        int n = points.Count;
        double bse = double.NaN;
        if (n > 2)
        {
            double xm = x.Average(), sxx = x.Sum(v => (v - xm) * (v - xm));
            double s2 = y.Select((v, i) => v - (c0 + b * x[i])).Sum(r => r * r) / (n - 2);
            bse = Math.Sqrt(s2 / sxx);
        }
        var gc = points.Select(p => FractureUnits.JPerM2PerAngstromGpa * p.SigmaCGpa * p.SigmaCGpa * p.PeriodA * b * Math.Tan(Math.PI * p.HalfLengthA / p.PeriodA) / 4).ToArray();
        var k = gc.Select(g => g > 0 ? FractureUnits.KFromEnergy(effectiveModulusGpa, g) : double.NaN).ToArray();
        var kOk = k.Where(double.IsFinite).ToList();
        var mean = RouteEstimate.MeanOf(kOk);
        double relB = double.IsFinite(bse) && b != 0 ? 0.5 * bse / Math.Abs(b) : 0;
        double se = Math.Sqrt(Sq(double.IsFinite(mean.StdErr) ? mean.StdErr : 0) + Sq(mean.Value * relB));
        var kEst = new RouteEstimate(mean.Value, n > 2 ? se : double.NaN, kOk.Count, Math.Max(0, n - 2));
        var gEst = RouteEstimate.MeanOf(gc);
        return new ComplianceFit(kEst with { GcJPerM2 = gEst.Value }, gEst, c0, b, bse, b * effectiveModulusGpa / 4, gc, k);
    }

    private static double Sq(double v) => v * v;
}

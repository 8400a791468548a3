using FractureLab.Fracture.Analysis;
using MathNet.Numerics;

namespace FractureLab.Fracture.Toughness;

/// <summary>One pre-cracked pull's point: crack half-length a, period W and box length along the load L0 (Å), σ_c = σ_max (GPa), the initial slope E_eff (GPa), the seed.</summary>
public sealed record CrackPoint(double HalfLengthA, double PeriodA, double SigmaCGpa, double EffectiveModulusGpa, double InitialLengthA, int Seed);

/// <summary>The crack-length fit: K_Ic, the residuals (GPa) and the check that the strengths scale as LEFM says.</summary>
public sealed record CrackLengthFit(RouteEstimate K, double[] ResidualsGpa, double RelativeRmsResidual, double InterceptGpa, double InterceptStdErrGpa, bool ScalesAsLefm, string Check);

/// <summary>
/// Crack-length (LEFM) route (SCIENCE.md §10; Brochard et al., Int. J. Fract. 194, 149 (2015)): σ_c = K_Ic·g with
/// g = 1/(F(a/W)·√(πa)) and F the periodic-array factor; least squares through the origin, K = Σσg/Σg², standard error
/// √(s²/Σg²) with s² = Σr²/(n − 1). The check: a fit with an intercept, σ_c = K′g + c, whose c should vanish within two
/// standard errors, and the relative rms residual within 10 %; otherwise the route is flagged (the strengths do not
/// scale as 1/√a: cracks too short against the process zone, or a strength cut-off).
/// </summary>
public static class CrackLengthRoute
{
    public const double MaxRelativeRms = 0.10;

    public static double G(double halfLengthA, double periodA) =>
        1.0 / (CrackGeometryFactor.F(GeometryFactorKind.PeriodicArray, halfLengthA, periodA) * Math.Sqrt(Math.PI * halfLengthA));

    public static CrackLengthFit Fit(IReadOnlyList<CrackPoint> points)
    {
        if (points.Count == 0) throw new ArgumentException("no pre-cracked pulls to fit");
        var g = points.Select(p => G(p.HalfLengthA, p.PeriodA)).ToArray();
        var s = points.Select(p => p.SigmaCGpa).ToArray();
        double sgg = g.Sum(x => x * x), k = g.Zip(s, (a, b) => a * b).Sum() / sgg;
        var res = s.Select((v, i) => v - k * g[i]).ToArray();
        int n = points.Count;
        double s2 = n > 1 ? res.Sum(r => r * r) / (n - 1) : double.NaN;
        double se = Math.Sqrt(s2 / sgg);
        double relRms = Math.Sqrt(res.Sum(r => r * r) / n) / s.Average();
        double c = double.NaN, seC = double.NaN;
        bool distinct = g.Distinct().Count() >= 2;
        if (distinct && n >= 3)
        {
            var (c0, k1) = MathNet.Numerics.Fit.Line(g, s);
            c = c0;
            var r2 = s.Select((v, i) => v - (c0 + k1 * g[i])).ToArray();
            double gm = g.Average(), sxx = g.Sum(x => (x - gm) * (x - gm));
            double sr2 = r2.Sum(r => r * r) / (n - 2);
            seC = Math.Sqrt(sr2 * (1.0 / n + gm * gm / sxx));
        }
        bool interceptOk = !double.IsFinite(c) || !double.IsFinite(seC) || Math.Abs(c) <= 2 * seC + 1e-12 * Math.Abs(s.Average());
        bool ok = relRms <= MaxRelativeRms && interceptOk;
        string check = !distinct ? "one crack length only: the LEFM scaling is not tested"
            : ok ? $"strengths scale as 1/(F sqrt(pi a)): relative rms residual {relRms:P1}, intercept {Fmt(c)} +- {Fmt(seC)} GPa consistent with 0"
            : $"strengths do NOT scale as LEFM says: relative rms residual {relRms:P1} (limit {MaxRelativeRms:P0}), intercept {Fmt(c)} +- {Fmt(seC)} GPa";
        var est = new RouteEstimate(k * FractureUnits.MPaSqrtMPerGpaSqrtAngstrom, se * FractureUnits.MPaSqrtMPerGpaSqrtAngstrom, n, n - 1);
        return new CrackLengthFit(est, res, relRms, c, seC, ok && distinct, check);
    }

    private static string Fmt(double v) => double.IsFinite(v) ? v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}

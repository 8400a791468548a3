using FractureLab.Mechanics;
using MathNet.Numerics;

namespace FractureLab.Fracture.Analysis;

/// <summary>
/// From a tensile curve to E, ν, σ_max, ε_f, G_c and K_Ic (SCIENCE.md §3):
/// E = slope of a least-squares line with intercept over 0 ≤ ε ≤ 0.01 (and 0.02), MathNet Fit.Line;
/// ν = −dε_lateral/dε_axial over the same window; ε_f = first strain after the peak with σ &lt; 10 % σ_max;
/// G_c = L0·∫₀^{ε_f} σ dε (trapezoids over the recorded points), γ_f = G_c/2;
/// K_Ic = √(E·G_c) (plane stress), √(E·G_c/(1−ν²)) (plane strain) (Griffith-Irwin);
/// K_Ic = σ_max·√(πa)·F(a/W) (linear elastic fracture mechanics).
/// </summary>
public static class TensileAnalysis
{
    public static TensileResult Analyze(TensileCurve c, TensileAnalysisOptions? o = null, string source = "curve")
    {
        o ??= new TensileAnalysisOptions();
        c.Validate(source);
        var conventions = new List<string>();
        var fit1 = FitModulus(c, o.FitStrain, source);
        var fit2 = FitModulus(c, 2 * o.FitStrain, source);

        double? nu = o.PoissonRatio;
        if (nu is null && !o.FixedLateral && c.LateralStrainA is not null && c.LateralStrainB is not null)
        {
            nu = -0.5 * (LateralSlope(c, c.LateralStrainA, o.FitStrain) + LateralSlope(c, c.LateralStrainB, o.FitStrain));
            conventions.Add($"nu = -d(eps_lateral)/d(eps_axial), mean of both lateral axes over 0 <= eps <= {o.FitStrain}");
        }

        double? e, m = null;
        string source_;
        if (o.FixedLateral)
        {
            m = fit1.SlopeGpa;
            // M = E(1−ν)/((1+ν)(1−2ν)) for uniaxial strain (SCIENCE.md §2, protocol B), inverted for E.
            e = o.YoungsModulusGpa ?? (nu is { } v ? m * (1 + v) * (1 - 2 * v) / (1 - v) : null);
            source_ = o.YoungsModulusGpa is not null ? "given (uncracked box)"
                : nu is not null ? "from the longitudinal modulus M of this curve via nu" : "not available: fixed lateral lengths give M, and no nu was given";
        }
        else
        {
            e = o.YoungsModulusGpa ?? fit1.SlopeGpa;
            source_ = o.YoungsModulusGpa is not null ? "given (uncracked box)" : $"this curve's own slope over 0-{o.FitStrain} (no uncracked box)";
        }
        conventions.Add($"E: {source_}");

        int peak = 0;
        for (int i = 1; i < c.Count; i++) if (c.StressGpa[i] > c.StressGpa[peak]) peak = i;
        double sMax = c.StressGpa[peak];
        int fail = -1;
        for (int i = peak + 1; i < c.Count; i++) if (c.StressGpa[i] < o.FailureFraction * sMax) { fail = i; break; }
        bool separated = fail >= 0;
        conventions.Add($"failure strain: first point after the peak with stress < {o.FailureFraction} sigma_max");

        double areaFactor = 1.0;
        if (o.Area == FractureArea.Ligament)
        {
            if (o.CrackHalfLengthA is not { } a || o.PeriodA is not { } w)
                throw new InputException($"{source}: the ligament area needs the crack half-length and the period");
            areaFactor = w / (w - 2 * a);
            conventions.Add("G_c per ligament area (W - 2a) x thickness");
        }
        else conventions.Add("G_c per full cross-section perpendicular to the load; gamma_f = G_c/2");

        double integralAll = Trapezoid(c, c.Count - 1);
        double lowerG = FractureUnits.WorkPerAreaJPerM2(c.InitialLengthA, integralAll) * areaFactor;
        double? g = separated ? FractureUnits.WorkPerAreaJPerM2(c.InitialLengthA, Trapezoid(c, fail)) * areaFactor : null;

        double? kStress = null, factor = null;
        if (o.CrackHalfLengthA is { } ha && o.PeriodA is { } pw)
        {
            factor = CrackGeometryFactor.F(o.GeometryFactor, ha, pw);
            kStress = FractureUnits.KFromStress(sMax, ha, factor.Value);
            conventions.Add($"K_Ic stress route: sigma_max sqrt(pi a) F, {CrackGeometryFactor.Describe(o.GeometryFactor)}");
        }
        double? kE = e is { } ee && g is { } gg ? FractureUnits.KFromEnergy(ee, gg) : null;
        double? kEps = kE is { } k && nu is { } n ? k / Math.Sqrt(1 - n * n) : null;
        double? kLower = e is { } e2 && !separated ? FractureUnits.KFromEnergy(e2, lowerG) : null;
        double? kLowerEps = kLower is { } kl && nu is { } n2 ? kl / Math.Sqrt(1 - n2 * n2) : null;

        return new TensileResult(fit1, fit2, e, source_, m, nu, sMax, c.Strain[peak], separated,
            separated ? c.Strain[fail] : null, g, g / 2, kE, kEps, kStress, factor, lowerG, kLower, conventions)
        {
            KIcEnergyPlaneStrainLowerBoundMPaSqrtM = kLowerEps,
        };
    }

    private static ModulusFit FitModulus(TensileCurve c, double upTo, string source)
    {
        var idx = Enumerable.Range(0, c.Count).Where(i => c.Strain[i] >= 0 && c.Strain[i] <= upTo + 1e-12).ToArray();
        if (idx.Length < 2)
            throw new InputException($"{source}: fewer than 2 points with 0 <= strain <= {upTo}; record the curve more often");
        var x = idx.Select(i => c.Strain[i]).ToArray();
        var y = idx.Select(i => c.StressGpa[i]).ToArray();
        var (a, b) = Fit.Line(x, y);
        double r2 = idx.Length > 2 ? GoodnessOfFit.RSquared(x.Select(v => a + b * v), y) : 1.0;
        return new ModulusFit(upTo, b, a, r2, idx.Length);
    }

    private static double LateralSlope(TensileCurve c, double[] lateral, double upTo)
    {
        var idx = Enumerable.Range(0, c.Count).Where(i => c.Strain[i] >= 0 && c.Strain[i] <= upTo + 1e-12).ToArray();
        return Fit.Line(idx.Select(i => c.Strain[i]).ToArray(), idx.Select(i => lateral[i]).ToArray()).B;
    }

    /// <summary>∫σ dε from the first point to point <paramref name="last"/> by trapezoids (GPa).</summary>
    private static double Trapezoid(TensileCurve c, int last)
    {
        double sum = 0;
        for (int i = 1; i <= last; i++) sum += 0.5 * (c.StressGpa[i] + c.StressGpa[i - 1]) * (c.Strain[i] - c.Strain[i - 1]);
        return sum;
    }
}

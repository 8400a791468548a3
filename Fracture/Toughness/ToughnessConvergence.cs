using System.Text.Json.Nodes;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// Convergence of a route's K_Ic against box size and strain rate (SCIENCE.md §10): least-squares lines K = K∞ + s·(1/W)
/// over the sizes at one rate (K∞ the infinite-size extrapolation) and K = K₀ + s·log10(rate) over the rates at one size
/// (extrapolated to <see cref="QuasiStaticRatePerS"/>), each with the standard error of the extrapolated value and the
/// points used. Where every point has a standard error the line is weighted by 1/stderr² and the extrapolated value's
/// error is propagated from the points' errors, then scaled by √(χ²/ν) when the points scatter more than their errors
/// say (the Birge ratio, as the Particle Data Group scales discrepant fits; Bevington &amp; Robinson, Data Reduction and
/// Error Analysis, 3rd ed., §6.4). Without per-point errors the fit is unweighted and the error comes from the scatter
/// alone (n ≥ 3; with two points the line is exact and has none).
/// </summary>
public static class ToughnessConvergence
{
    /// <summary>The rate the rate fit is extrapolated to (1/s): a lab's quasi-static test is 1e-4 to 1 1/s; ten decades below MD.</summary>
    public const double QuasiStaticRatePerS = 1.0;

    /// <summary>
    /// A fitted line y = Intercept + Slope·x and its value at <see cref="ExtrapolatedAt"/>. <see cref="StdErr"/> is the
    /// one to quote: for a weighted fit max(1, √(χ²/ν)) × <see cref="StdErrFromPoints"/>; for an unweighted one the
    /// scatter's. <see cref="ChiSquaredPerDof"/> is NaN for an unweighted fit or two points.
    /// </summary>
    public sealed record LineFit(double[] X, double[] Y, double[]? YStdErr, double Intercept, double Slope, double ExtrapolatedAt,
                                 double Extrapolated, double StdErr, double StdErrFromPoints, double ChiSquaredPerDof)
    {
        public bool Weighted => YStdErr is not null;

        /// <summary>
        /// How far the extrapolation reaches past the data, in units of the data's span: |x0 − nearest x| / (max x − min x).
        /// Above 1 the line is carried farther than the points extend (a rate fit over 1e9-1e11 1/s to 1 1/s reaches 4.5).
        /// </summary>
        public double Reach => Math.Abs(ExtrapolatedAt - Math.Clamp(ExtrapolatedAt, X.Min(), X.Max())) / (X.Max() - X.Min());
    }

    /// <summary>
    /// y = a + b x by least squares and its value at x0 with its standard error. With <paramref name="yStdErr"/> (every
    /// entry finite and positive) the fit is weighted by 1/σ²; otherwise unweighted.
    /// </summary>
    public static LineFit? Fit(double[] x, double[] y, double x0, double[]? yStdErr = null)
    {
        if (x.Length < 2 || x.Distinct().Count() < 2) return null;
        if (yStdErr is not null && (yStdErr.Length != x.Length || yStdErr.Any(e => !double.IsFinite(e) || e <= 0))) yStdErr = null;
        double[] w = yStdErr?.Select(e => 1 / (e * e)).ToArray() ?? x.Select(_ => 1.0).ToArray();
        var coef = MathNet.Numerics.LinearRegression.WeightedRegression.Weighted(x.Select(v => new[] { 1.0, v }).ToArray(), y, w);
        double a = coef[0], b = coef[1];
        // Covariance of (a, b) for weights 1/σ² (Bevington & Robinson eq. 6.21-6.22): Var a = Σwx²/Δ, Var b = Σw/Δ,
        // Cov = −Σwx/Δ with Δ = Σw·Σwx² − (Σwx)²; the variance of a + b·x0 follows.
        double sw = w.Sum(), swx = x.Select((v, i) => w[i] * v).Sum(), swxx = x.Select((v, i) => w[i] * v * v).Sum();
        double delta = sw * swxx - swx * swx;
        double var0 = (swxx - 2 * x0 * swx + x0 * x0 * sw) / delta;
        int dof = x.Length - 2;
        double chi2 = x.Select((v, i) => w[i] * Math.Pow(y[i] - (a + b * v), 2)).Sum();
        double fromPoints = double.NaN, chi2PerDof = double.NaN, se;
        if (yStdErr is not null)
        {
            fromPoints = Math.Sqrt(var0);
            if (dof > 0) chi2PerDof = chi2 / dof;
            se = fromPoints * (dof > 0 ? Math.Max(1, Math.Sqrt(chi2PerDof)) : 1);
        }
        else se = dof > 0 ? Math.Sqrt(chi2 / dof * var0) : double.NaN;
        return new LineFit(x, y, yStdErr, a, b, x0, a + b * x0, se, fromPoints, chi2PerDof);
    }

    /// <summary>The size fit (K against 1/W) of one route over the cells at one rate, or null with fewer than two sizes.</summary>
    private static LineFit? SizeFit(IEnumerable<(CellResult Cell, RouteEstimate K)> points) =>
        FitOf(points, c => 1.0 / c.WidthA, 0);

    /// <summary>The rate fit (K against log10 rate) of one route over the cells at one size, or null with fewer than two rates.</summary>
    private static LineFit? RateFit(IEnumerable<(CellResult Cell, RouteEstimate K)> points) =>
        FitOf(points, c => Math.Log10(c.Cell.RatePerS), Math.Log10(QuasiStaticRatePerS));

    private static LineFit? FitOf(IEnumerable<(CellResult Cell, RouteEstimate K)> points, Func<CellResult, double> x, double x0)
    {
        var l = points.ToList();
        return Fit(l.Select(p => x(p.Cell)).ToArray(), l.Select(p => p.K.Value).ToArray(), x0, l.Select(p => p.K.StdErr).ToArray());
    }

    /// <summary>
    /// Every fitted line of one route: the size trend at each rate (<paramref name="route"/>'s points grouped by rate,
    /// <c>BySize</c> true, <c>At</c> "rate 1e10 1/s") and the rate trend at each size (grouped by size, "size 2x1x2");
    /// groups with fewer than two distinct x have no line.
    /// </summary>
    public static IEnumerable<(bool BySize, string At, LineFit Fit)> Lines(IReadOnlyList<CellResult> cells, string route)
    {
        var pts = Points(cells, route);
        foreach (var g in pts.GroupBy(p => p.Cell.Cell.RatePerS))
            if (SizeFit(g) is { } fit) yield return (true, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rate {g.Key:0.###e0} 1/s"), fit);
        foreach (var g in pts.GroupBy(p => string.Join('x', p.Cell.Cell.Size)))
            if (RateFit(g) is { } fit) yield return (false, $"size {g.Key}", fit);
    }

    /// <summary>Each route's finite K_Ic over the cells.</summary>
    public static List<(CellResult Cell, RouteEstimate K)> Points(IReadOnlyList<CellResult> cells, string route) =>
        cells.Select(c => (c, k: ToughnessAnalysis.Routes(c).First(r => r.Name == route).K))
             .Where(p => p.k is { } k && double.IsFinite(k.Value)).Select(p => (p.c, p.k!)).ToList();

    /// <summary>Per route: the size trend at each rate and the rate trend at each size, as JSON.</summary>
    public static JsonObject Json(IReadOnlyList<CellResult> cells)
    {
        var o = new JsonObject();
        foreach (var route in cells.SelectMany(ToughnessAnalysis.Routes).Select(r => r.Name).Distinct())
        {
            var r = new JsonObject();
            var sizes = new JsonArray();
            var rates = new JsonArray();
            foreach (var (bySize, at, fit) in Lines(cells, route))
                if (bySize) sizes.Add(Line(fit, "1/W_per_A", "KIc_infinite_size", at));
                else rates.Add(Line(fit, "log10_rate_per_s", "KIc_at_1_per_s", at));
            if (sizes.Count > 0) r["size"] = sizes;
            if (rates.Count > 0) r["rate"] = rates;
            if (r.Count > 0) o[route] = r;
        }
        return o;
    }

    private static JsonObject Line(LineFit f, string xName, string extrapolatedName, string at)
    {
        return new JsonObject
        {
            ["at"] = at,
            [xName] = new JsonArray(f.X.Select(v => JsonOutput.Number(v)).ToArray()),
            ["KIc_MPa_sqrt_m"] = new JsonArray(f.Y.Select(v => JsonOutput.Number(v)).ToArray()),
            ["KIc_stderr"] = f.YStdErr is null ? null : new JsonArray(f.YStdErr.Select(v => JsonOutput.Number(v)).ToArray()),
            ["weighting"] = f.Weighted ? "1/stderr^2" : "none",
            ["slope"] = JsonOutput.Number(f.Slope),
            [extrapolatedName] = new JsonObject
            {
                ["value"] = JsonOutput.Number(f.Extrapolated), ["stderr"] = JsonOutput.Number(f.StdErr),
                ["stderr_from_points"] = JsonOutput.Number(f.StdErrFromPoints), ["chi2_per_dof"] = JsonOutput.Number(f.ChiSquaredPerDof),
                ["points"] = f.X.Length,
                ["reach_in_data_spans"] = JsonOutput.Number(f.Reach),
            },
        };
    }
}

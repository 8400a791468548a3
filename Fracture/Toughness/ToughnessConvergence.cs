using System.Text.Json.Nodes;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// Convergence of a route's K_Ic against box size and strain rate (SCIENCE.md §10): least-squares lines K = K∞ + s·(1/W)
/// over the sizes at one rate (K∞ the infinite-size extrapolation) and K = K₀ + s·log10(rate) over the rates at one size
/// (extrapolated to <see cref="QuasiStaticRatePerS"/>), each with the standard error of the extrapolated value (n ≥ 3; with
/// two points the line is exact and has none) and the points used.
/// </summary>
public static class ToughnessConvergence
{
    /// <summary>The rate the rate fit is extrapolated to (1/s): a lab's quasi-static test is 1e-4 to 1 1/s; ten decades below MD.</summary>
    public const double QuasiStaticRatePerS = 1.0;

    public sealed record LineFit(double[] X, double[] Y, double Intercept, double Slope, double ExtrapolatedAt, double Extrapolated, double StdErr);

    /// <summary>y = a + b x by least squares and its value at x0 with the standard error of the fitted line there.</summary>
    public static LineFit? Fit(double[] x, double[] y, double x0)
    {
        if (x.Length < 2 || x.Distinct().Count() < 2) return null;
        var (a, b) = MathNet.Numerics.Fit.Line(x, y);
        double se = double.NaN;
        if (x.Length > 2)
        {
            double xm = x.Average(), sxx = x.Sum(v => (v - xm) * (v - xm));
            double s2 = y.Select((v, i) => v - (a + b * x[i])).Sum(r => r * r) / (x.Length - 2);
            se = Math.Sqrt(s2 * (1.0 / x.Length + (x0 - xm) * (x0 - xm) / sxx));
        }
        return new LineFit(x, y, a, b, x0, a + b * x0, se);
    }

    /// <summary>Per route: the size trend at each rate and the rate trend at each size, as JSON.</summary>
    public static JsonObject Json(IReadOnlyList<CellResult> cells)
    {
        var o = new JsonObject();
        foreach (var route in cells.SelectMany(ToughnessAnalysis.Routes).Select(r => r.Name).Distinct())
        {
            var pts = cells.Select(c => (c, k: ToughnessAnalysis.Routes(c).First(r => r.Name == route).K)).Where(p => p.k is { } k && double.IsFinite(k.Value)).ToList();
            var r = new JsonObject();
            var sizes = new JsonArray();
            foreach (var g in pts.GroupBy(p => p.c.Cell.RatePerS))
            {
                var l = g.ToList();
                var fit = Fit(l.Select(p => 1.0 / p.c.WidthA).ToArray(), l.Select(p => p.k!.Value).ToArray(), 0);
                if (fit is not null) sizes.Add(Line(fit, "1/W_per_A", "KIc_infinite_size", $"rate {g.Key:0.###e0} 1/s"));
            }
            var rates = new JsonArray();
            foreach (var g in pts.GroupBy(p => string.Join('x', p.c.Cell.Size)))
            {
                var l = g.ToList();
                var fit = Fit(l.Select(p => Math.Log10(p.c.Cell.RatePerS)).ToArray(), l.Select(p => p.k!.Value).ToArray(), Math.Log10(QuasiStaticRatePerS));
                if (fit is not null) rates.Add(Line(fit, "log10_rate_per_s", "KIc_at_1_per_s", $"size {g.Key}"));
            }
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
            ["slope"] = JsonOutput.Number(f.Slope),
            [extrapolatedName] = new JsonObject { ["value"] = JsonOutput.Number(f.Extrapolated), ["stderr"] = JsonOutput.Number(f.StdErr), ["points"] = f.X.Length },
        };
    }
}

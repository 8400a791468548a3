using FractureLab.Experiments.Plots;
using FractureLab.Fracture.Toughness;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.Fracture.Reports;

/// <summary>The figures of a toughness study: σ_c against a with the fitted LEFM curve, J against the domain size, J along the pulls, convergence.</summary>
public static class ToughnessPlots
{
    /// <summary>σ_c of every pull against a, and K/(F(a/W)√(πa)) with the fitted K (periodic-array factor).</summary>
    public static PlotModel StrengthVsCrackLength(CellResult c)
    {
        var m = PlotExport.NewModel($"Strength vs crack length ({c.Cell.Label})", "crack half-length a (Å)", "σ_c = σ_max (GPa)");
        var pts = new ScatterSeries { Title = "pulls", MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = OxyColors.SteelBlue };
        foreach (var p in c.Pulls) pts.Points.Add(new ScatterPoint(p.Point.HalfLengthA, p.Point.SigmaCGpa));
        m.Series.Add(pts);
        if (c.CrackLength is { } fit)
        {
            double w = c.Pulls[0].Point.PeriodA, k = fit.K.Value / Analysis.FractureUnits.MPaSqrtMPerGpaSqrtAngstrom;
            var line = new LineSeries { Title = $"LEFM, K_Ic = {fit.K.Value:0.000} MPa·m^0.5", Color = OxyColors.Black, LineStyle = LineStyle.Dash };
            double lo = 0.5 * c.Pulls.Min(p => p.Point.HalfLengthA), hi = Math.Min(0.49 * w, 1.2 * c.Pulls.Max(p => p.Point.HalfLengthA));
            for (int i = 0; i <= 60; i++) { double a = lo + (hi - lo) * i / 60; line.Points.Add(new DataPoint(a, k * CrackLengthRoute.G(a, w))); }
            m.Series.Add(line);
        }
        return m;
    }

    /// <summary>J at onset against the outer domain size, both tips of every pull (path independence).</summary>
    public static PlotModel JVsDomain(CellResult c)
    {
        var m = PlotExport.NewModel("J at onset vs domain size", "outer domain half-size (Å)", "J (J/m²)");
        foreach (var p in c.Pulls.Where(p => p.J is not null))
        {
            var s = new LineSeries { Title = $"2a/W {p.Pull.Fraction:0.000} r{p.Seed()}", MarkerType = MarkerType.Circle };
            for (int d = 0; d < p.J!.OuterA.Length; d++)
            {
                double v = 0.5 * (p.J.JRight[d] + p.J.JLeft[d]);
                if (double.IsFinite(v)) s.Points.Add(new DataPoint(p.J.OuterA[d], v));
            }
            m.Series.Add(s);
        }
        return m;
    }

    /// <summary>The R-curves of the K-field loadings: applied K against the tip's advance, one series per replica (kfield.csv files).</summary>
    public static PlotModel RCurve(IReadOnlyList<(string Label, IReadOnlyList<(double K, double Advance)> Points)> curves)
    {
        var m = PlotExport.NewModel("K-field loading: R-curve", "tip advance (Å)", "applied K_I (MPa·m^0.5)");
        foreach (var (label, pts) in curves)
        {
            var s = new LineSeries { Title = label, MarkerType = MarkerType.Circle, MarkerSize = 3 };
            foreach (var (k, a) in pts) if (double.IsFinite(a)) s.Points.Add(new DataPoint(a, k));
            m.Series.Add(s);
        }
        return m;
    }

    /// <summary>
    /// K_Ic of every route against 1/W (sizes) or log10 rate, with the routes' error bars and, where a route has two or
    /// more points at one rate (or size), its fitted line of <see cref="ToughnessConvergence"/> drawn to the extrapolation
    /// (W → ∞ at 1/W = 0, or the quasi-static rate).
    /// </summary>
    public static PlotModel Convergence(IReadOnlyList<CellResult> cells, bool bySize)
    {
        var m = PlotExport.NewModel(bySize ? "K_Ic vs box size" : "K_Ic vs strain rate", bySize ? "1/W (1/Å)" : "log10(strain rate, 1/s)", "K_Ic (MPa·m^0.5)");
        var colors = new[] { OxyColors.SteelBlue, OxyColors.Firebrick, OxyColors.ForestGreen, OxyColors.DarkOrange, OxyColors.Purple, OxyColors.Gray };
        int i = 0;
        foreach (var route in ToughnessAnalysis.Routes(cells[0]).Select(r => r.Name))
        {
            var pts = ToughnessConvergence.Points(cells, route);
            if (pts.Count == 0) continue;
            var color = colors[i++ % colors.Length];
            var s = new ScatterErrorSeries { Title = route, MarkerType = MarkerType.Circle, MarkerSize = 4, MarkerFill = color, ErrorBarColor = color };
            foreach (var (c, k) in pts)
                s.Points.Add(PlotExport.ErrorPoint(bySize ? 1 / c.WidthA : Math.Log10(c.Cell.RatePerS), k.Value, k.StdErr));
            m.Series.Add(s);
            foreach (var (_, _, fit) in ToughnessConvergence.Lines(cells, route).Where(l => l.BySize == bySize))
            {
                var line = new LineSeries { Color = color, LineStyle = LineStyle.Dash };
                // The size line runs to 1/W = 0; the rate line stays over the rates run (quasi-static is ten decades away).
                double lo = bySize ? Math.Min(fit.ExtrapolatedAt, fit.X.Min()) : fit.X.Min(), hi = fit.X.Max();
                line.Points.Add(new DataPoint(lo, fit.Intercept + fit.Slope * lo));
                line.Points.Add(new DataPoint(hi, fit.Intercept + fit.Slope * hi));
                m.Series.Add(line);
            }
        }
        return m;
    }

    private static int Seed(this PullResult p) => p.Pull.Seed;
}

using FractureLab.BondSwitch.Structure;
using FractureLab.Experiments.Plots;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.BondSwitch.Plots;

/// <summary>The figures of <c>structure</c>: one g(r) panel per partial, S(q) and D(r) with the measured curve when given.</summary>
public static class StructurePlots
{
    public static PlotModel Rdf(RdfCurve c) => Line($"g(r) {c.Label}", "r (Å)", "g(r)", c.Label, c.RAngstrom, c.G);

    public static PlotModel SofQ(ScatteringResult r, string tag) => Line($"S(q), {tag}", "q (1/Å)", "S(q)", "simulation", r.QInvA, r.S);

    public static PlotModel DofR(ScatteringResult r, string tag) => Line($"D(r), {tag}", "r (Å)", $"D(r) ({r.Units})", "simulation", r.RA, r.DFromQ);

    /// <summary>The measured points under the simulated curve.</summary>
    public static void AddMeasured(PlotModel model, string title, IEnumerable<(double X, double Y)> points)
    {
        var exp = new ScatterSeries { Title = title, MarkerType = MarkerType.Circle, MarkerSize = 2, MarkerFill = OxyColors.Black };
        foreach (var (x, y) in points) exp.Points.Add(new ScatterPoint(x, y));
        model.Series.Insert(0, exp);
    }

    /// <summary>A measured curve put through the same transform as the simulation's (dashed).</summary>
    public static void AddTransformed(PlotModel model, string title, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var line = new LineSeries { Title = title, Color = OxyColors.Black, LineStyle = LineStyle.Dash };
        for (int k = 0; k < x.Count; k++) line.Points.Add(new DataPoint(x[k], y[k]));
        model.Series.Insert(0, line);
    }

    private static PlotModel Line(string title, string xAxis, string yAxis, string series, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var model = PlotExport.NewModel(title, xAxis, yAxis);
        var line = new LineSeries { Title = series, Color = OxyColors.SteelBlue, StrokeThickness = 1.5 };
        for (int k = 0; k < x.Count; k++) line.Points.Add(new DataPoint(x[k], y[k]));
        model.Series.Add(line);
        return model;
    }
}

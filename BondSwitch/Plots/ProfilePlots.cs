using FractureLab.BondSwitch.Structure;
using FractureLab.Experiments.Plots;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.BondSwitch.Plots;

/// <summary>The figure of <c>profile</c>: density across the box and, when computed, the order parameter F(Z).</summary>
public static class ProfilePlots
{
    public static List<PlotModel> Panels(IReadOnlyList<SlabRow> rows, string axis, bool order)
    {
        var panels = new List<PlotModel> { Line("density", $"{axis} (Å)", "density (g/cm³)", OxyColors.SteelBlue, rows.Select(r => (r.CenterA, r.DensityGPerCm3))) };
        if (order) panels.Add(Line("order F(Z)", $"{axis} (Å)", "F", OxyColors.OrangeRed, rows.Select(r => (r.CenterA, r.Order ?? 0))));
        return panels;
    }

    private static PlotModel Line(string title, string xAxis, string yAxis, OxyColor color, IEnumerable<(double X, double Y)> points)
    {
        var model = PlotExport.NewModel(title, xAxis, yAxis);
        var line = new LineSeries { Color = color, MarkerType = MarkerType.Circle, MarkerSize = 2.5 };
        foreach (var (x, y) in points) line.Points.Add(new DataPoint(x, y));
        model.Series.Add(line);
        return model;
    }
}

using FractureLab.BondSwitch.Output;
using FractureLab.Experiments.Plots;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.BondSwitch.Plots;

/// <summary>
/// Bond-switching figures in the style of the thesis: the fraction of centre atoms decreased, increased and swapped
/// against strain, one panel per class, several runs overlaid.
/// </summary>
public static class BondSwitchPlots
{
    private static readonly OxyColor[] Palette = [OxyColors.SteelBlue, OxyColors.OrangeRed, OxyColors.SeaGreen, OxyColors.Purple, OxyColors.Goldenrod, OxyColors.Gray];

    public static byte[] Png(string centerNeighbor, IReadOnlyList<(string Label, IReadOnlyList<SwitchCurvePoint> Points)> runs)
    {
        (string Name, Func<SwitchCurvePoint, double> Value)[] classes =
            [("decreased", p => p.Decreased), ("increased", p => p.Increased), ("swapped", p => p.Swapped)];
        var panels = classes.Select(c =>
        {
            var model = PlotExport.NewModel($"{centerNeighbor}: {c.Name}", "engineering strain", $"fraction of centres {c.Name}");
            for (int r = 0; r < runs.Count; r++)
            {
                var line = new LineSeries { Title = runs[r].Label, Color = Palette[r % Palette.Length], MarkerType = MarkerType.Circle, MarkerSize = 2.5, StrokeThickness = 1.5 };
                foreach (var p in runs[r].Points.OrderBy(p => p.Strain)) line.Points.Add(new DataPoint(p.Strain, c.Value(p)));
                model.Series.Add(line);
            }
            return model;
        }).ToList();
        return PlotExport.PngGrid(panels, 3);
    }
}

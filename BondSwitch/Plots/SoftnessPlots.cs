using FractureLab.Experiments.Plots;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.BondSwitch.Plots;

/// <summary>The softness figures shared by <c>softness</c> and <c>ion-softness</c>.</summary>
public static class SoftnessPlots
{
    /// <summary>Probability density of the softness of one species (bin centres and densities).</summary>
    public static PlotModel Histogram(double[] s, double[] density, string species, string titleSuffix = "")
    {
        var model = PlotExport.NewModel($"softness of {species}{titleSuffix}", "softness S", "probability density");
        var line = new LineSeries { Title = species, Color = OxyColors.SteelBlue, StrokeThickness = 1.5 };
        for (int k = 0; k < s.Length; k++) line.Points.Add(new DataPoint(s[k], density[k]));
        model.Series.Add(line);
        return model;
    }
}

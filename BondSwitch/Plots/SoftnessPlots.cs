using System.Globalization;
using FractureLab.BondSwitch.Softness;
using FractureLab.Experiments.Plots;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.BondSwitch.Plots;

/// <summary>The softness figures of <c>softness</c> and <c>ion-softness</c>.</summary>
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

    /// <summary>Mean softness of all centres, of those switched by then, and of the unchanged ones, against strain.</summary>
    public static PlotModel VsStrain(SoftnessResult r)
    {
        var model = PlotExport.NewModel("mean softness vs strain", "engineering strain", "mean S");
        (string Title, Func<SoftnessPoint, double> Value, OxyColor Color)[] series =
            [("all", x => x.MeanSoftness, OxyColors.Black), ("switched by then", x => x.MeanSoftnessSwitched, OxyColors.OrangeRed), ("unchanged", x => x.MeanSoftnessUnchanged, OxyColors.SteelBlue)];
        foreach (var (title, value, color) in series)
        {
            var line = new LineSeries { Title = title, Color = color, MarkerType = MarkerType.Circle, MarkerSize = 2.5 };
            foreach (var x in r.VsStrain.OrderBy(x => x.Strain)) if (double.IsFinite(value(x))) line.Points.Add(new DataPoint(x.Strain, value(x)));
            model.Series.Add(line);
        }
        return model;
    }

    /// <summary>The ions' softness histogram, then the label's measure and each property against softness (with Pearson's r).</summary>
    public static List<PlotModel> IonPanels(IonSoftnessResult r, string species, IReadOnlyDictionary<string, double[]> properties)
    {
        var (hs, hd) = SoftnessHistogram.Of(r.Softness);
        var panels = new List<PlotModel> { Histogram(hs, hd, species) };
        foreach (string n in properties.Keys.Prepend("label_measure"))
        {
            var values = n == "label_measure" ? r.Measure : properties[n];
            var m = PlotExport.NewModel(string.Create(CultureInfo.InvariantCulture, $"{n} (r = {r.Pearson.GetValueOrDefault(n, double.NaN):0.00})"), "softness", n);
            var pts = new ScatterSeries { MarkerType = MarkerType.Circle, MarkerSize = 2, MarkerFill = OxyColors.SteelBlue };
            for (int k = 0; k < values.Length; k++) if (double.IsFinite(values[k])) pts.Points.Add(new ScatterPoint(r.Softness[k], values[k]));
            m.Series.Add(pts);
            panels.Add(m);
        }
        return panels;
    }
}

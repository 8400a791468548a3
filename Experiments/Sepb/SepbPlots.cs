using FractureLab.Experiments.LoadCurves;
using FractureLab.Experiments.Plots;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Series;

namespace FractureLab.Experiments.Sepb;

/// <summary>The figures of an SEPB report: each specimen's load-displacement curve with P_max marked, and K_Ic of the set.</summary>
public static class SepbPlots
{
    /// <summary>Load (N) vs displacement (mm) with P_max, and the re-opening knee when one was found.</summary>
    public static PlotModel Curve(SepbSpecimenResult r)
    {
        var curve = r.Curve ?? throw new ArgumentException("specimen has no curve", nameof(r));
        var model = PlotExport.NewModel($"{r.Specimen.Id}: {curve.Format}", "displacement (mm)", "load (N)");
        var line = new LineSeries { Title = "load", Color = OxyColors.SteelBlue, StrokeThickness = 1.5 };
        for (int i = 0; i < curve.Count; i++) line.Points.Add(new DataPoint(curve.DisplacementMm[i], curve.LoadN[i]));
        model.Series.Add(line);
        if (r.CurveAnalysis is { } a)
        {
            var peak = new ScatterSeries { Title = $"P_max = {a.PmaxN:0.###} N ({a.Fracture.ToString().ToLowerInvariant()} fracture)", MarkerType = MarkerType.Circle, MarkerSize = 6, MarkerFill = OxyColors.Red };
            peak.Points.Add(new ScatterPoint(a.DisplacementAtPmaxMm, a.PmaxN));
            model.Series.Add(peak);
            if (a.Knee is { } k)
            {
                var knee = new ScatterSeries { Title = $"re-opening knee {k.LoadN:0.###} N (not P_max)", MarkerType = MarkerType.Triangle, MarkerSize = 6, MarkerFill = OxyColors.DarkOrange };
                knee.Points.Add(new ScatterPoint(k.DisplacementMm, k.LoadN));
                model.Series.Add(knee);
            }
        }
        if (r.PmaxSource == "sheet" && r.PmaxN is { } p)
            model.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Horizontal, Y = p, Color = OxyColors.Gray, LineStyle = LineStyle.Dash, Text = $"sheet Pmax_N = {p:0.###} N" });
        return model;
    }

    /// <summary>K_Ic (MPa·m^0.5) per specimen, valid and invalid apart, with the mean and 95 % interval of the valid ones.</summary>
    public static PlotModel KIc(SepbReduction red)
    {
        var model = PlotExport.NewModel($"SEPB K_Ic, {Path.GetFileName(red.Sheet)}", "specimen", "K_Ic (MPa·m^0.5)");
        // specimens by their sheet id (in sheet order), one tick each
        var ids = red.Results.Select(r => r.Specimen.Id).ToList();
        var axis = (OxyPlot.Axes.LinearAxis)model.Axes[0];
        axis.MajorStep = 1;
        axis.MinorStep = 1;
        axis.Minimum = 0.5;
        axis.Maximum = ids.Count + 0.5;
        axis.Angle = ids.Count > 8 ? -45 : 0;
        axis.LabelFormatter = v => Math.Abs(v - Math.Round(v)) < 1e-9 && v >= 1 && v <= ids.Count ? ids[(int)Math.Round(v) - 1] : "";
        var valid = new ScatterSeries { Title = "valid", MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = OxyColors.SteelBlue };
        var invalid = new ScatterSeries { Title = "invalid", MarkerType = MarkerType.Cross, MarkerSize = 6, MarkerStroke = OxyColors.Red };
        for (int i = 0; i < red.Results.Count; i++)
            if (red.Results[i].KIcMPaSqrtM is { } k)
                (red.Results[i].Valid ? valid : invalid).Points.Add(new ScatterPoint(i + 1, k));
        model.Series.Add(valid);
        model.Series.Add(invalid);
        var s = red.Overall.KIc;
        if (s.N > 0)
        {
            model.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Horizontal, Y = s.Mean, Color = OxyColors.Black, Text = $"mean {s.Mean:0.###} (n = {s.N})" });
            if (s.N > 1)
                model.Annotations.Add(new RectangleAnnotation { MinimumY = s.Ci95Low, MaximumY = s.Ci95High, Fill = OxyColor.FromAColor(40, OxyColors.SteelBlue), Text = "95 % CI" });
        }
        return model;
    }
}

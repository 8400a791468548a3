using FractureLab.Experiments.Plots;
using FractureLab.Fracture.Analysis;
using FractureLab.Fracture.Runs;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.Fracture.Reports;

/// <summary>The stress-strain figure of a fracture run: both curves, the modulus fit line and the peak.</summary>
public static class FracturePlots
{
    public static PlotModel StressStrain(FractureJobResult r, int axis)
    {
        var model = PlotExport.NewModel("Tensile stress-strain", "engineering strain", $"stress σ_{"xyz"[axis]}{"xyz"[axis]} (GPa)");
        model.Series.Add(Line("pre-cracked", r.CrackedCurve, OxyColors.SteelBlue));
        model.Series.Add(Line("uncracked (E, nu)", r.UncrackedCurve, OxyColors.Gray));
        var fit = r.UncrackedAnalysis.Fit1;
        var fitLine = new LineSeries { Title = $"E fit 0-{fit.UpToStrain:0.##}: {fit.SlopeGpa:0.0} GPa", Color = OxyColors.Black, LineStyle = LineStyle.Dash };
        double top = Math.Min(r.Analysis.StrengthGpa, fit.InterceptGpa + fit.SlopeGpa * 0.1);
        fitLine.Points.Add(new DataPoint(0, fit.InterceptGpa));
        fitLine.Points.Add(new DataPoint((top - fit.InterceptGpa) / fit.SlopeGpa, top));
        model.Series.Add(fitLine);
        var peak = new ScatterSeries { Title = $"σ_max {r.Analysis.StrengthGpa:0.00} GPa", MarkerType = MarkerType.Circle, MarkerSize = 6, MarkerFill = OxyColors.Red };
        peak.Points.Add(new ScatterPoint(r.Analysis.StrainAtPeak, r.Analysis.StrengthGpa));
        model.Series.Add(peak);
        return model;
    }

    private static LineSeries Line(string title, TensileCurve c, OxyColor color)
    {
        var l = new LineSeries { Title = title, Color = color, StrokeThickness = 1.5 };
        for (int i = 0; i < c.Count; i++) l.Points.Add(new DataPoint(c.Strain[i], c.StressGpa[i]));
        return l;
    }
}

using System.Globalization;
using FractureLab.BondSwitch.IonDynamics;
using FractureLab.Experiments.Plots;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace FractureLab.BondSwitch.Plots;

/// <summary>The panels of diffusion.png: MSD with the fitted 6Dt, the non-Gaussian parameter α₂(t), the self van Hove function.</summary>
public static class DiffusionPlots
{
    public static PlotModel Msd(DiffusionResult r)
    {
        var m = new PlotModel { Title = $"MSD ({r.Label})", Background = OxyColors.White };
        m.Axes.Add(new LogarithmicAxis { Position = AxisPosition.Bottom, Title = "t (ps)" });
        m.Axes.Add(new LogarithmicAxis { Position = AxisPosition.Left, Title = "MSD (Å²)" });
        var line = new LineSeries { Title = "tracer", Color = OxyColors.SteelBlue };
        for (int k = 1; k < r.TimesPs.Length; k++) if (r.MsdA2[k] > 0) line.Points.Add(new DataPoint(r.TimesPs[k], r.MsdA2[k]));
        m.Series.Add(line);
        var fit = new LineSeries { Title = string.Create(CultureInfo.InvariantCulture, $"6Dt, D = {r.Tracer.DCm2PerS:0.##e0} cm²/s"), Color = OxyColors.Black, LineStyle = LineStyle.Dash };
        foreach (double t in new[] { r.Tracer.FromPs, r.Tracer.ToPs }) fit.Points.Add(new DataPoint(t, 6 * r.Tracer.DA2PerPs * t));
        m.Series.Add(fit);
        m.Legends.Add(PlotExport.OutsideLegend());
        return m;
    }

    public static PlotModel Alpha2(DiffusionResult r)
    {
        var m = new PlotModel { Title = "non-Gaussian parameter", Background = OxyColors.White };
        m.Axes.Add(new LogarithmicAxis { Position = AxisPosition.Bottom, Title = "t (ps)" });
        m.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "α₂" });
        var line = new LineSeries { Color = OxyColors.OrangeRed, MarkerType = MarkerType.Circle, MarkerSize = 2 };
        for (int k = 0; k < r.AlphaLags.Length; k++) line.Points.Add(new DataPoint(r.TimesPs[r.AlphaLags[k]], r.Alpha2[k]));
        m.Series.Add(line);
        return m;
    }

    public static PlotModel VanHove(DiffusionResult r)
    {
        var m = PlotExport.NewModel("self van Hove 4πr²G_s(r,t)", "r (Å)", "probability density (1/Å)");
        OxyColor[] colors = [OxyColors.SteelBlue, OxyColors.SeaGreen, OxyColors.OrangeRed];
        for (int k = 0; k < r.VanHove.Length; k++)
        {
            var v = r.VanHove[k];
            var line = new LineSeries { Title = string.Create(CultureInfo.InvariantCulture, $"t = {v.TimePs:0.##} ps"), Color = colors[k % colors.Length] };
            for (int j = 0; j < v.RA.Length; j++) line.Points.Add(new DataPoint(v.RA[j], v.Density[j]));
            m.Series.Add(line);
        }
        return m;
    }
}

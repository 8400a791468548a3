using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FractureLab.Experiments.Plots;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace FractureLab.Experiments.Indentation;

/// <summary>Crack resistance of one series: the three fits side by side, the one with the lowest AIC marked preferred.</summary>
public sealed record CrackResistanceResult(string Source, IReadOnlyList<IndentationLevel> Levels, IReadOnlyList<CrackResistanceFit> Fits)
{
    public CrackResistanceFit Preferred => Fits.OrderBy(f => f.Aic).First();

    public static CrackResistanceResult Compute(string source, IReadOnlyList<IndentationLevel> levels) =>
        new(source, levels, Enum.GetValues<CrackInitiationModel>().Select(m => CrackResistanceFitter.Fit(levels, m)).ToList());

    public JsonObject SummaryJson()
    {
        var fits = new JsonObject();
        foreach (var f in Fits)
            fits[f.Model.Key()] = new JsonObject
            {
                ["model"] = f.Model.Name(),
                ["P50_N"] = f.P50N,
                ["ci95_N"] = new JsonArray(f.Ci95LowN, f.Ci95HighN),
                ["shape"] = double.IsFinite(f.Shape) ? f.Shape : null,
                ["log_likelihood"] = f.LogLikelihood,
                ["aic"] = f.Aic,
                ["separated"] = f.Separated,
                ["note"] = f.Note,
            };
        return new JsonObject
        {
            ["source"] = Source,
            ["definition"] = "crack resistance CR = Vickers load at which the probability of radial crack initiation (cracked corners / (4 × indents)) is 50 % (Wada; Kato et al. 2010)",
            ["CR_N"] = Preferred.P50N,
            ["CR_ci95_N"] = new JsonArray(Preferred.Ci95LowN, Preferred.Ci95HighN),
            ["preferred_model"] = Preferred.Model.Key(),
            ["fits"] = fits,
        };
    }

    public string Markdown(string plotFile)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Crack resistance: {Path.GetFileName(Source)}");
        md.AppendLine();
        md.AppendLine("Probability of radial crack initiation = cracked corners / (4 × indents), fitted by maximum likelihood (binomial).");
        md.AppendLine();
        md.AppendLine("| model | CR = P50 (N) | 95 % CI (N) | shape | ln L | AIC |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var f in Fits)
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {f.Model.Name()}{(f == Preferred ? " (preferred)" : "")} | {f.P50N:0.###} | [{f.Ci95LowN:0.###}, {f.Ci95HighN:0.###}] | {f.Shape:0.###} | {f.LogLikelihood:0.##} | {f.Aic:0.##} |"));
        md.AppendLine();
        md.AppendLine($"![crack initiation probability]({plotFile})");
        return md.ToString();
    }

    /// <summary>Observed fractions and the fitted curves vs load on a logarithmic axis.</summary>
    public PlotModel Plot()
    {
        var model = PlotExport.NewModel($"Crack resistance, {Path.GetFileName(Source)}", "Vickers load (N)", "probability of radial cracking");
        model.Axes.RemoveAt(0);
        model.Axes.Insert(0, new LogarithmicAxis { Position = AxisPosition.Bottom, Title = "Vickers load (N)", MajorGridlineStyle = LineStyle.Dot });
        var observed = new ScatterSeries { Title = "observed", MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = OxyColors.Black };
        foreach (var l in Levels) observed.Points.Add(new ScatterPoint(l.LoadN, l.Fraction));
        model.Series.Add(observed);
        double lo = Levels.Min(l => l.LoadN) / 1.5, hi = Levels.Max(l => l.LoadN) * 1.5;
        foreach (var f in Fits.Where(f => !f.Separated))
        {
            var line = new LineSeries { Title = $"{f.Model.Name()}: CR = {f.P50N:0.###} N" };
            double loc = f.Model == CrackInitiationModel.LogisticInLoad ? f.P50N : Math.Log(f.P50N);
            for (int i = 0; i <= 200; i++)
            {
                double p = lo * Math.Pow(hi / lo, i / 200.0);
                line.Points.Add(new DataPoint(p, f.Model.Probability(p, loc, f.Shape)));
            }
            model.Series.Add(line);
        }
        return model;
    }
}

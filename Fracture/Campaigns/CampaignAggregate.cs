using System.Globalization;
using System.Text.Json;
using FractureLab.Experiments.Plots;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics.IO;
using MathNet.Numerics.Statistics;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.Fracture.Campaigns;

/// <summary>
/// aggregate.csv of a campaign: per composition and condition, n, the number separated, and the mean and sample sd
/// (MathNet.Numerics) of each number of the runs' summary.json; one plot per number against composition.
/// </summary>
public static class CampaignAggregate
{
    /// <summary>The numbers of a run's summary.json that are aggregated.</summary>
    public static readonly string[] Numbers =
        ["youngs_modulus_GPa", "poisson_ratio", "strength_GPa", "strain_at_peak", "failure_strain", "fracture_energy_J_m2",
         "KIc_energy_MPa_sqrt_m", "KIc_energy_plane_strain_MPa_sqrt_m", "KIc_stress_MPa_sqrt_m", "density_g_cm3"];

    /// <summary>Mean, sample sd (NaN for one value) and count of the values, NaN and 0 for none.</summary>
    public static (double Mean, double Sd, int N) Describe(IReadOnlyList<double> v) =>
        v.Count == 0 ? (double.NaN, double.NaN, 0) : (v.Mean(), v.Count > 1 ? v.StandardDeviation() : double.NaN, v.Count);

    /// <summary>Writes aggregate.csv and the plots; returns the number of finished runs gathered.</summary>
    public static int Write(List<CampaignRun> runs, string outDir)
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new List<(CampaignRun First, int N, int Separated, Dictionary<string, (double Mean, double Sd, int N)> Stats)>();
        foreach (var g in runs.GroupBy(r => (r.Composition.Label, r.Condition)))
        {
            var docs = g.Where(r => RunDirectory.Finished(r.Dir)).Select(r => JsonDocument.Parse(File.ReadAllText(Path.Combine(r.Dir, "summary.json")))).ToList();
            var stats = Numbers.ToDictionary(q => q, q => Describe(docs
                .Select(d => d.RootElement.TryGetProperty(q, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : (double?)null)
                .OfType<double>().ToList()));
            int separated = docs.Count(d => d.RootElement.GetProperty("separated").GetBoolean());
            table.Add((g.First(), docs.Count, separated, stats));
            foreach (var d in docs) d.Dispose();
        }
        var output = new LabOutput(outDir);
        output.Text("aggregate.csv", w =>
        {
            var header = new List<string> { "glass", "x", "protocol", "strain_rate_per_s", "n", "n_separated" };
            foreach (var q in Numbers) header.AddRange([q, q + "_sd"]);
            header.AddRange(["E_GPa", "KIc_MPa_sqrt_m", "KIc_MPa_sqrt_m_sd"]);
            w.WriteLine(string.Join(',', header));
            string N(double v) => double.IsFinite(v) ? v.ToString("R", ci) : "";
            foreach (var (first, n, sep, stats) in table)
            {
                var cells = new List<string> { first.Composition.Label, first.Composition.X is { } x ? N(x) : "", first.Protocol.ToString(), N(first.RatePerS), n.ToString(ci), sep.ToString(ci) };
                foreach (var q in Numbers) cells.AddRange([N(stats[q].Mean), N(stats[q].Sd)]);
                // For `compare`: E and K_Ic under the names experiments use; K_Ic is the work-of-fracture route, plane stress (as the thesis).
                cells.AddRange([N(stats["youngs_modulus_GPa"].Mean), N(stats["KIc_energy_MPa_sqrt_m"].Mean), N(stats["KIc_energy_MPa_sqrt_m"].Sd)]);
                w.WriteLine(string.Join(',', cells));
            }
        });
        foreach (var q in Numbers.Where(q => table.Any(t => t.Stats[q].N > 0)))
        {
            var model = PlotExport.NewModel(q, "composition (x, or order in the file)", q);
            foreach (var cond in table.GroupBy(t => t.First.Condition))
            {
                var s = new ScatterErrorSeries { Title = cond.Key, MarkerType = MarkerType.Circle, MarkerSize = 5 };
                int k = 0;
                foreach (var t in cond)
                {
                    var st = t.Stats[q];
                    if (st.N > 0) s.Points.Add(PlotExport.ErrorPoint(t.First.Composition.X ?? k, st.Mean, st.Sd));
                    k++;
                }
                model.Series.Add(s);
            }
            output.Png($"aggregate_{q}.png", PlotExport.Png(model));
            output.Text($"aggregate_{q}.svg", w => w.Write(PlotExport.Svg(model)));
        }
        return runs.Count(r => RunDirectory.Finished(r.Dir));
    }
}

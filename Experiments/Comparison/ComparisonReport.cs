using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using FractureLab.Experiments.Plots;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace FractureLab.Experiments.Comparison;

/// <summary>The files of a simulation-vs-experiment comparison: a joined table, a summary, a report and one plot per quantity.</summary>
public static class ComparisonReport
{
    public static void WriteCsv(SimExpComparison c, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, null, leaveOpen: true);
        var header = new List<string> { c.KeyColumn };
        if (c.XColumn is not null && c.XColumn != c.KeyColumn) header.Add(c.XColumn);
        foreach (var q in c.Quantities) header.AddRange([$"{q}_sim", $"{q}_sim_err", $"{q}_exp", $"{q}_exp_err", $"{q}_diff_pct"]);
        csv.WriteHeader(header.ToArray());
        foreach (var p in c.Points)
        {
            var row = new List<string> { p.Key };
            if (c.XColumn is not null && c.XColumn != c.KeyColumn) row.Add(N(p.X));
            foreach (var q in c.Quantities)
            {
                var s = p.Simulation.GetValueOrDefault(q);
                var e = p.Experiment.GetValueOrDefault(q);
                row.AddRange([N(s?.Value), N(s?.Error), N(e?.Value), N(e?.Error),
                    N(s is not null && e is not null && e.Value != 0 ? 100 * (s.Value - e.Value) / e.Value : null)]);
            }
            csv.WriteRecord(row.ToArray());
        }
    }

    public static JsonObject SummaryJson(SimExpComparison c)
    {
        var q = new JsonObject();
        foreach (var name in c.Quantities)
        {
            double d = c.MeanRelativeDeviation(name);
            q[name] = new JsonObject
            {
                ["label"] = QuantityNames.Label(name),
                ["compositions"] = c.Points.Count(p => p.Simulation.ContainsKey(name) && p.Experiment.ContainsKey(name)),
                ["mean_abs_relative_deviation"] = double.IsFinite(d) ? d : null,
            };
        }
        return new JsonObject
        {
            ["simulation"] = c.SimSource,
            ["experiment"] = c.ExpSource,
            ["key"] = c.KeyColumn,
            ["x"] = c.XColumn,
            ["joined"] = new JsonArray(c.Points.Select(p => (JsonNode?)JsonValue.Create(p.Key)).ToArray()),
            ["simulation_only"] = new JsonArray(c.SimOnlyKeys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
            ["experiment_only"] = new JsonArray(c.ExpOnlyKeys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
            ["quantities"] = q,
        };
    }

    public static string Markdown(SimExpComparison c, IReadOnlyDictionary<string, string> plots)
    {
        var md = new StringBuilder();
        md.AppendLine("# Simulation vs experiment");
        md.AppendLine();
        md.AppendLine($"Simulation: `{c.SimSource}`; experiment: `{c.ExpSource}`; joined on `{c.KeyColumn}`" +
                      (c.XColumn is null ? "." : $", plotted against `{c.XColumn}`."));
        if (c.SimOnlyKeys.Count > 0) md.AppendLine($"Only in the simulation: {string.Join(", ", c.SimOnlyKeys)}.");
        if (c.ExpOnlyKeys.Count > 0) md.AppendLine($"Only in the experiment: {string.Join(", ", c.ExpOnlyKeys)}.");
        md.AppendLine();
        foreach (var q in c.Quantities)
        {
            md.AppendLine($"## {QuantityNames.Label(q)}");
            md.AppendLine();
            md.AppendLine($"| {c.KeyColumn} | simulation | experiment | sim − exp (%) |");
            md.AppendLine("| --- | --- | --- | --- |");
            foreach (var p in c.Points)
            {
                var s = p.Simulation.GetValueOrDefault(q);
                var e = p.Experiment.GetValueOrDefault(q);
                string diff = s is not null && e is not null && e.Value != 0 ? (100 * (s.Value - e.Value) / e.Value).ToString("+0.0;-0.0", CultureInfo.InvariantCulture) : "–";
                md.AppendLine($"| {p.Key} | {E(s)} | {E(e)} | {diff} |");
            }
            double d = c.MeanRelativeDeviation(q);
            md.AppendLine();
            if (double.IsFinite(d)) md.AppendLine($"Mean |sim − exp|/exp: {d:P1}.");
            if (plots.TryGetValue(q, out var file)) md.AppendLine($"\n![{QuantityNames.Label(q)}]({file})");
            md.AppendLine();
        }
        return md.ToString();
    }

    /// <summary>One quantity vs composition: simulation and experiment with error bars where known.</summary>
    public static PlotModel Plot(SimExpComparison c, string quantity)
    {
        var model = PlotExport.NewModel(QuantityNames.Label(quantity), c.XColumn ?? c.KeyColumn, QuantityNames.Label(quantity));
        if (c.XColumn is null)
        {
            var labels = c.Points.Select(p => p.Key).ToList();
            var axis = (LinearAxis)model.Axes[0];
            axis.MajorStep = 1;
            axis.MinorStep = 1;
            axis.Minimum = -0.5;
            axis.Maximum = labels.Count - 0.5;
            axis.LabelFormatter = v => Math.Abs(v - Math.Round(v)) < 1e-9 && v >= 0 && v < labels.Count ? labels[(int)Math.Round(v)] : "";
        }
        model.Series.Add(Series("simulation", OxyColors.SteelBlue, MarkerType.Square, c.Points.Select(p => (p.X, p.Simulation.GetValueOrDefault(quantity)))));
        model.Series.Add(Series("experiment", OxyColors.Firebrick, MarkerType.Circle, c.Points.Select(p => (p.X, p.Experiment.GetValueOrDefault(quantity)))));
        return model;
    }

    private static ScatterErrorSeries Series(string title, OxyColor color, MarkerType marker, IEnumerable<(double X, Estimate? E)> points)
    {
        var s = new ScatterErrorSeries { Title = title, MarkerType = marker, MarkerSize = 6, MarkerFill = color, ErrorBarColor = color, ErrorBarStopWidth = 4 };
        foreach (var (x, e) in points)
            if (e is not null && double.IsFinite(x))
                s.Points.Add(PlotExport.ErrorPoint(x, e.Value, e.Error));
        return s;
    }

    private static string N(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string E(Estimate? e) => e is null ? "–"
        : double.IsFinite(e.Error) ? string.Create(CultureInfo.InvariantCulture, $"{e.Value:0.###} ± {e.Error:0.###}{(e.Rows > 1 ? $" (n = {e.Rows})" : "")}")
        : e.Value.ToString("0.###", CultureInfo.InvariantCulture);
}

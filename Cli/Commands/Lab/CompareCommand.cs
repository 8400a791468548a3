using System.CommandLine;
using System.Globalization;
using FractureLab.Mechanics.IO;
using FractureLab.Experiments.Comparison;
using FractureLab.Experiments.Plots;
using FractureLab.Experiments.Tables;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab compare --sim RESULTS.csv --exp EXPERIMENT.csv --out DIR</c>: joins simulation and experiment
/// on a composition key and plots every shared quantity vs composition with error bars.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var sim = new Option<string>("--sim") { Description = "simulation results CSV (a campaign's results, or any table with _sim columns)", Required = true };
        var exp = new Option<string>("--exp") { Description = "experiment CSV (e.g. Experiments/Examples/thesis_table_4_1.csv, or sepb results.csv)", Required = true };
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => Path.Combine("out", "compare") };
        var key = new Option<string?>("--key") { Description = "composition column to join on (default: the first shared text column)" };
        var x = new Option<string?>("--x") { Description = "numeric column for the x axis (default: the first shared numeric column, e.g. x_Li2O_mol_pct)" };
        var cmd = new Command("compare", "Simulation vs experiment: K_Ic, E, density and any other shared quantity vs composition");
        foreach (var o in new Option[] { sim, exp, outOpt, key, x }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var c = SimExpComparison.Build(CsvTable.Read(p.GetValue(sim)!), CsvTable.Read(p.GetValue(exp)!), p.GetValue(key), p.GetValue(x));
            var output = new LabOutput(p.GetValue(outOpt)!);
            var plots = new Dictionary<string, string>();
            var models = c.Quantities.Select(q => ComparisonReport.Plot(c, q)).ToList();
            for (int i = 0; i < models.Count; i++)
            {
                string file = "compare_" + LabOutput.SafeName(c.Quantities[i]) + ".png";
                output.Png(file, PlotExport.Png(models[i]));
                plots[c.Quantities[i]] = file;
            }
            output.Png("comparison.png", PlotExport.PngGrid(models, columns: Math.Min(3, models.Count)));
            output.Text("comparison.csv", w => ComparisonReport.WriteCsv(c, w));
            output.Json("summary.json", ComparisonReport.SummaryJson(c));
            output.Text("report.md", w => w.Write(ComparisonReport.Markdown(c, plots)));
            Console.WriteLine($"joined {c.Points.Count} compositions on '{c.KeyColumn}'{(c.XColumn is null ? "" : $" (x: {c.XColumn})")}");
            foreach (var q in c.Quantities)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {QuantityNames.Label(q),-24} mean |sim − exp|/exp = {c.MeanRelativeDeviation(q):P1}"));
            Console.WriteLine($"results in {output.Folder}");
            return 0;
        }));
        return cmd;
    }
}

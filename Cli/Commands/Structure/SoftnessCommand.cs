using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Mechanics.IO;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Softness;
using FractureLab.Experiments.Plots;
using FractureLab.Mechanics;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab softness --reference FILE --current FILE... --center EL --neighbor EL [--features O,B,...] --out DIR</c>:
/// radial-structure-function features of the centre atoms in the reference, labels from bond switching over the
/// current snapshots, a cross-validated logistic-regression classifier, and softness per atom and vs strain.
/// </summary>
public static class SoftnessCommand
{
    public static Command Create()
    {
        var opts = new SwitchOptions();
        var fo = new SoftnessFeatureOptions("neighbour species of the features, e.g. O,B,P,Li (default: every element present)");
        var outOpt = new Option<string>("--out") { Description = "output folder", Required = true };
        var cmd = new Command("softness", "Softness of centre atoms (radial features, logistic regression on bond-switching labels)");
        opts.AddTo(cmd);
        fo.AddTo(cmd);
        cmd.Options.Add(outOpt);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var (reference, currents, analysis, _) = opts.Load(p);
            var grid = fo.Grid(p, reference.System.TypeElements.Where(reference.Has).ToArray());
            var r = SoftnessAnalysis.Run(analysis, reference, currents, grid, p.GetValue(fo.Folds), p.GetValue(fo.L2), p.GetValue(fo.Seed));
            var output = new LabOutput(p.GetValue(outOpt)!);
            output.Text("softness_atoms.csv", w => TableWriter.Write(w, ["id", "element", "softness", "switches"],
                r.CenterIds.Select((id, k) => (IReadOnlyList<object?>)[id, analysis.Center, r.ReferenceSoftness[k], r.Switches[k] ? 1 : 0])));
            var (s, density) = r.Histogram();
            output.Text("softness_histogram.csv", w => TableWriter.Write(w, ["softness", "density"], s.Select((x, k) => (IReadOnlyList<object?>)[x, density[k]])));
            output.Text("softness_vs_strain.csv", w => TableWriter.Write(w, ["snapshot", "strain", "mean_softness", "mean_softness_switched", "mean_softness_unchanged"],
                r.VsStrain.Select(v => (IReadOnlyList<object?>)[v.Snapshot, v.Strain, v.MeanSoftness, v.MeanSoftnessSwitched, v.MeanSoftnessUnchanged])));
            var v = r.Validation;
            output.Json("summary.json", new JsonObject
            {
                ["center"] = analysis.Center,
                ["neighbor"] = analysis.Neighbor,
                ["cutoffs"] = analysis.Cutoffs.Describe(),
                ["label"] = "switches: any class but unchanged in any current snapshot",
                ["centers"] = r.CenterIds.Length,
                ["switching"] = r.Switches.Count(x => x),
                ["feature_species"] = new JsonArray([.. grid.Species.Select(x => (JsonNode)x)]),
                ["mu_A"] = new JsonArray([.. grid.MuAngstrom.Select(x => (JsonNode)x)]),
                ["width_A"] = grid.WidthAngstrom,
                ["l2"] = p.GetValue(fo.L2),
                ["cv_folds"] = v.Folds,
                ["cv_accuracy"] = v.Accuracy,
                ["cv_accuracy_sd"] = v.AccuracySd,
                ["cv_balanced_accuracy"] = v.BalancedAccuracy,
                ["cv_balanced_accuracy_sd"] = v.BalancedAccuracySd,
                ["mean_softness_switching"] = r.ReferenceSoftness.Where((_, k) => r.Switches[k]).Average(),
                ["mean_softness_unchanged"] = r.ReferenceSoftness.Where((_, k) => !r.Switches[k]).Average(),
            });
            output.Png("softness.png", PlotExport.PngGrid([BondSwitch.Plots.SoftnessPlots.Histogram(s, density, analysis.Center, " (reference)"), VsStrain(r)], 2));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{analysis.Center}: {r.Switches.Count(x => x)} of {r.CenterIds.Length} switch; {v.Folds}-fold cross-validated accuracy {v.Accuracy:0.000} ± {v.AccuracySd:0.000}, balanced {v.BalancedAccuracy:0.000} ± {v.BalancedAccuracySd:0.000}"));
            Console.WriteLine($"results in {output.Folder}");
            return 0;
        }));
        return cmd;
    }

    private static PlotModel VsStrain(SoftnessResult r)
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
}

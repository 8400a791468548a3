using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Plots;
using FractureLab.BondSwitch.Switching;
using FractureLab.Experiments.Plots;
using FractureLab.Mechanics.IO;

namespace FractureLab.BondSwitch.Softness;

/// <summary>
/// The folders <c>softness</c> and <c>ion-softness</c> write: the per-atom table, the summary with the cross-validated
/// accuracy, and the figures. Each returns the lines a caller prints.
/// </summary>
public static class SoftnessReport
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>softness_atoms.csv, softness_histogram.csv, softness_vs_strain.csv, summary.json, softness.png.</summary>
    public static IReadOnlyList<string> Write(SoftnessResult r, BondSwitchAnalysis analysis, RadialFeatures grid, double l2, LabOutput output)
    {
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
            ["l2"] = l2,
            ["cv_folds"] = v.Folds,
            ["cv_accuracy"] = v.Accuracy,
            ["cv_accuracy_sd"] = v.AccuracySd,
            ["cv_balanced_accuracy"] = v.BalancedAccuracy,
            ["cv_balanced_accuracy_sd"] = v.BalancedAccuracySd,
            ["mean_softness_switching"] = r.ReferenceSoftness.Where((_, k) => r.Switches[k]).Average(),
            ["mean_softness_unchanged"] = r.ReferenceSoftness.Where((_, k) => !r.Switches[k]).Average(),
        });
        output.Png("softness.png", PlotExport.PngGrid([SoftnessPlots.Histogram(s, density, analysis.Center, " (reference)"), SoftnessPlots.VsStrain(r)], 2));
        return
        [
            string.Create(Ci, $"{analysis.Center}: {r.Switches.Count(x => x)} of {r.CenterIds.Length} switch; {v.Folds}-fold cross-validated accuracy {v.Accuracy:0.000} ± {v.AccuracySd:0.000}, balanced {v.BalancedAccuracy:0.000} ± {v.BalancedAccuracySd:0.000}"),
            $"results in {output.Folder}",
        ];
    }

    /// <summary>
    /// ion_softness.csv (softness, label, the label's measure and every property per ion), summary.json and ion_softness.png;
    /// <paramref name="unitNote"/> describes the anion units the properties came from (or is empty).
    /// </summary>
    public static IReadOnlyList<string> WriteIons(IonSoftnessResult r, string species, string referenceFrame, DynamicLabels rules, RadialFeatures grid,
        IReadOnlyDictionary<string, double[]> properties, string unitNote, LabOutput output)
    {
        var names = properties.Keys.ToList();
        output.Text("ion_softness.csv", w => TableWriter.Write(w, ["id", "softness", "label", rules.Mode == "hops" ? "hops" : "D_cum_A", .. names],
            r.Ids.Select((id, k) => (IReadOnlyList<object?>)[id, r.Softness[k], r.Label[k] switch { 1 => "soft", 0 => "hard", _ => "" }, r.Measure[k], .. names.Select(n => (object?)properties[n][k])])));
        var v = r.Validation;
        output.Json("summary.json", new JsonObject
        {
            ["species"] = species,
            ["ions"] = r.Ids.Length,
            ["reference_frame"] = referenceFrame,
            ["label"] = r.LabelDefinition,
            ["soft"] = r.Label.Count(x => x == 1),
            ["hard"] = r.Label.Count(x => x == 0),
            ["feature_species"] = new JsonArray([.. grid.Species.Select(x => (JsonNode)x)]),
            ["cv_folds"] = v.Folds, ["cv_accuracy"] = v.Accuracy, ["cv_accuracy_sd"] = v.AccuracySd,
            ["cv_balanced_accuracy"] = v.BalancedAccuracy, ["cv_balanced_accuracy_sd"] = v.BalancedAccuracySd,
            ["pearson_softness_with"] = new JsonObject(r.Pearson.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["units"] = unitNote.Length > 0 ? unitNote : null,
            ["per_atom_energy"] = properties.ContainsKey("pe_eV") ? "c_pe of the reference frame (LAMMPS compute pe/atom; fracturelab md --dump-pe)" : "not in the dump (write it with md --dump-pe or LAMMPS compute pe/atom as c_pe)",
        });
        var panels = SoftnessPlots.IonPanels(r, species, properties);
        output.Png("ion_softness.png", PlotExport.PngGrid(panels, Math.Min(3, panels.Count)));
        return
        [
            string.Create(Ci, $"{species}: {r.Label.Count(x => x == 1)} soft, {r.Label.Count(x => x == 0)} hard of {r.Ids.Length}; {v.Folds}-fold CV accuracy {v.Accuracy:0.000} ± {v.AccuracySd:0.000}; Pearson: {string.Join(", ", r.Pearson.Select(kv => $"{kv.Key} {kv.Value:0.00}"))}"),
            $"results in {output.Folder}",
        ];
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.IonDynamics;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Softness;
using FractureLab.BondSwitch.Structure;
using FractureLab.Experiments.Plots;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab ion-softness --dump FILE... --species Li [--labels dcum|hops] [--features Li] [--units P-S] [--voronoi] --out DIR</c>:
/// softness of mobile ions from their dynamics, and its correlation with the anion units around them, their per-atom
/// energy (c_pe in the dump) and their Voronoi volume.
/// </summary>
public static class IonSoftnessCommand
{
    public static Command Create()
    {
        var dumps = new Option<string[]>("--dump") { Description = "LAMMPS dumps of one run in time order (the softness is that of the first frame kept)", Required = true, AllowMultipleArgumentsPerToken = true };
        var species = new Option<string>("--species") { Description = "mobile species, e.g. Li", Required = true };
        var elements = new Option<string?>("--elements") { Description = "element of each atom type, for dumps without element names" };
        var timestep = new Option<double>("--timestep-fs") { Description = "MD timestep (fs) to turn dump steps into time", DefaultValueFactory = _ => 1.0 };
        var interval = new Option<double?>("--frame-interval-ps") { Description = "time between frames (ps); default from the dump's steps" };
        var skip = new Option<double>("--skip-ps") { Description = "equilibration to leave out (ps)", DefaultValueFactory = _ => 0.0 };
        var labels = new Option<string>("--labels") { Description = "dynamic label: dcum (cumulative non-affine displacement) or hops", DefaultValueFactory = _ => "dcum" };
        var dcumInterval = new Option<double>("--interval-ps") { Description = "interval of the D_cum sum (ps)", DefaultValueFactory = _ => 1.0 };
        var softAbove = new Option<double?>("--soft-above") { Description = "soft when the label measure is at or above this (Å or hops; default: upper quartile of D_cum, or 1 hop)" };
        var hardBelow = new Option<double?>("--hard-below") { Description = "hard when at or below this (default: lower quartile of D_cum, or 0 hops)" };
        var hop = new Option<double>("--hop-threshold") { Description = "hop: jump of the window-averaged position beyond this (Å)", DefaultValueFactory = _ => 1.5 };
        var units = new Option<string?>("--units") { Description = "anion units FORMER-LIGAND (e.g. P-S) whose share among each ion's ligand neighbours is correlated with the softness" };
        var unitCutoff = new Option<double?>("--units-cutoff") { Description = "former-ligand bond cut-off of the units (Å; default: first minimum of its g(r))" };
        var environment = new Option<double>("--environment-cutoff") { Description = "ion-ligand distance counted as a neighbour (Å)", DefaultValueFactory = _ => 3.0 };
        var voronoi = new Option<bool>("--voronoi") { Description = "correlate with the Voronoi volume of each ion" };
        var fo = new SoftnessFeatureOptions("species of the radial features (default: the mobile species only, as the thesis' Li-only features)");
        var outOpt = new Option<string>("--out") { Description = "output folder", Required = true };
        var cmd = new Command("ion-softness", "Softness of mobile ions from their dynamics (D_cum or hops), against anion units, per-atom energy and Voronoi volume");
        foreach (var o in new Option[] { dumps, species, elements, timestep, interval, skip, labels, dcumInterval, softAbove, hardBelow, hop, units, unitCutoff, environment, voronoi }) cmd.Options.Add(o);
        fo.AddTo(cmd);
        cmd.Options.Add(outOpt);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var els = p.GetValue(elements)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var frames = p.GetValue(dumps)!.SelectMany(f => SnapshotReader.Read(f, els)).ToList();
            string sp = p.GetValue(species)!;
            var t = IonTrajectory.From(frames, sp, p.GetValue(timestep), p.GetValue(interval), p.GetValue(skip));
            var reference = frames[t.FirstFrame];
            var ions = t.Ids.Select(id => { reference.TryIndexOf(id, out int i); return i; }).ToArray();
            var properties = new Dictionary<string, double[]>();
            if (reference.Computed.TryGetValue("c_pe", out var pe)) properties["pe_eV"] = ions.Select(i => pe[i]).ToArray();
            if (p.GetValue(voronoi)) { var cells = Voronoi.Compute(reference); properties["voronoi_volume_A3"] = ions.Select(i => cells.VolumesA3[i]).ToArray(); }
            string unitNote = "";
            if (p.GetValue(units) is { } pairText)
            {
                var parts = pairText.Split('-', StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts.Any(x => x.Length == 0)) throw new InputException($"--units '{pairText}': expected FORMER-LIGAND, e.g. P-S");
                double rc = p.GetValue(unitCutoff) ?? RadialDistribution.FirstMinimum(RadialDistribution.Partial(reference, parts[0], parts[1]));
                var sp0 = AnionSpeciationAnalysis.Compute(reference, parts[0], parts[1], rc);
                foreach (var (k, share) in IonSoftness.UnitEnvironment(reference, sp0, ions, p.GetValue(environment))) properties[k] = share;
                unitNote = string.Create(CultureInfo.InvariantCulture, $"{pairText} units within {rc:0.###} Å: {string.Join(", ", sp0.Counts.Select(kv => $"{kv.Key} {kv.Value}"))}");
            }
            var rules = new DynamicLabels(p.GetValue(labels)!, p.GetValue(dcumInterval), p.GetValue(softAbove), p.GetValue(hardBelow), p.GetValue(hop));
            var grid = fo.Grid(p, [sp]);
            var r = IonSoftness.Run(frames, t, grid, rules, properties, p.GetValue(fo.Folds), p.GetValue(fo.L2), p.GetValue(fo.Seed));
            var output = new LabOutput(p.GetValue(outOpt)!);
            var names = properties.Keys.ToList();
            output.Text("ion_softness.csv", w => TableWriter.Write(w, ["id", "softness", "label", rules.Mode == "hops" ? "hops" : "D_cum_A", .. names],
                r.Ids.Select((id, k) => (IReadOnlyList<object?>)[id, r.Softness[k], r.Label[k] switch { 1 => "soft", 0 => "hard", _ => "" }, r.Measure[k], .. names.Select(n => (object?)properties[n][k])])));
            var v = r.Validation;
            output.Json("summary.json", new JsonObject
            {
                ["species"] = sp,
                ["ions"] = r.Ids.Length,
                ["reference_frame"] = reference.Name,
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
            var (hs, hd) = SoftnessHistogram.Of(r.Softness);
            var panels = new List<PlotModel> { BondSwitch.Plots.SoftnessPlots.Histogram(hs, hd, sp) };
            foreach (string n in names.Prepend("label_measure"))
            {
                var values = n == "label_measure" ? r.Measure : properties[n];
                var m = PlotExport.NewModel(string.Create(CultureInfo.InvariantCulture, $"{n} (r = {r.Pearson.GetValueOrDefault(n, double.NaN):0.00})"), "softness", n);
                var pts = new ScatterSeries { MarkerType = MarkerType.Circle, MarkerSize = 2, MarkerFill = OxyColors.SteelBlue };
                for (int k = 0; k < values.Length; k++) if (double.IsFinite(values[k])) pts.Points.Add(new ScatterPoint(r.Softness[k], values[k]));
                m.Series.Add(pts);
                panels.Add(m);
            }
            output.Png("ion_softness.png", PlotExport.PngGrid(panels, Math.Min(3, panels.Count)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sp}: {r.Label.Count(x => x == 1)} soft, {r.Label.Count(x => x == 0)} hard of {r.Ids.Length}; {v.Folds}-fold CV accuracy {v.Accuracy:0.000} ± {v.AccuracySd:0.000}; Pearson: {string.Join(", ", r.Pearson.Select(kv => $"{kv.Key} {kv.Value:0.00}"))}"));
            Console.WriteLine($"results in {output.Folder}");
            return 0;
        }));
        return cmd;
    }
}

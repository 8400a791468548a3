using System.CommandLine;
using FractureLab.BondSwitch.IonDynamics;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Softness;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;

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
            (string, string)? unitPair = p.GetValue(units) is { } pairText
                ? pairText.Split('-', StringSplitOptions.TrimEntries) is [var former, var ligand] && former.Length > 0 && ligand.Length > 0
                    ? (former, ligand) : throw new InputException($"--units '{pairText}': expected FORMER-LIGAND, e.g. P-S")
                : null;
            var (properties, unitNote) = IonSoftness.ReferenceProperties(reference, t.Ids, p.GetValue(voronoi), unitPair, p.GetValue(unitCutoff), p.GetValue(environment));
            var rules = new DynamicLabels(p.GetValue(labels)!, p.GetValue(dcumInterval), p.GetValue(softAbove), p.GetValue(hardBelow), p.GetValue(hop));
            var grid = fo.Grid(p, [sp]);
            var r = IonSoftness.Run(frames, t, grid, rules, properties, p.GetValue(fo.Folds), p.GetValue(fo.L2), p.GetValue(fo.Seed));
            foreach (string line in SoftnessReport.WriteIons(r, sp, reference.Name, rules, grid, properties, unitNote, new LabOutput(p.GetValue(outOpt)!))) Console.WriteLine(line);
            return 0;
        }));
        return cmd;
    }
}

using System.CommandLine;
using System.Globalization;
using FractureLab.BondSwitch.Plots;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Strain;
using FractureLab.BondSwitch.Switching;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab bondswitch --reference FILE --current FILE... --center EL --neighbor EL [--cutoff R] --out FILE.csv</c>:
/// the bond-switching table (one row per current snapshot), its figure (FILE.png, other runs overlaid with
/// --overlay), and with --dump a LAMMPS dump of the current snapshots with per-atom bond_switch, shear_strain,
/// volumetric_strain and d2min columns for OVITO; with --groups (a glass-ceramic's grains.csv) the table split by group
/// (glass / interface / grain) with each group's mean coordination, as FILE_groups.csv.
/// </summary>
public static class BondSwitchCommand
{
    public static Command Create()
    {
        var opts = new SwitchOptions();
        var outOpt = new Option<string>("--out") { Description = "bond-switching table (CSV); the figure goes next to it as .png", Required = true };
        var dumpOpt = new Option<string?>("--dump") { Description = "also write a LAMMPS dump of the current snapshots with per-atom bond_switch and atomic-strain columns" };
        var strainCut = new Option<double>("--strain-cutoff") { Description = "neighbour cut-off of the atomic strain in the dump and the --groups table (Å; OVITO's default 3.0)", DefaultValueFactory = _ => 3.0 };
        var overlay = new Option<string[]>("--overlay") { Description = "tables of other runs (written by this command) drawn in the same figure", AllowMultipleArgumentsPerToken = true };
        var groups = new Option<string?>("--groups") { Description = "CSV of a group per atom id (build-glass-ceramic's grains.csv): also write the table split by group, as FILE_groups.csv" };
        var groupColumn = new Option<string>("--group-column") { Description = "column of --groups holding the group", DefaultValueFactory = _ => "region" };
        var cmd = new Command("bondswitch", "Bond switching of centre atoms against a reference (unchanged / decreased / increased / swapped)");
        opts.AddTo(cmd);
        foreach (var o in new Option[] { outOpt, dumpOpt, strainCut, overlay, groups, groupColumn }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var (reference, currents, analysis, fromRdf) = opts.Load(p);
            int? axis = opts.StrainAxis(p);
            var tallies = currents.Select(c => analysis.Classify(c, axis)).ToList();
            var others = (p.GetValue(overlay) ?? []).Select(o => (Path.GetFileNameWithoutExtension(o), (IReadOnlyList<SwitchCurvePoint>)BondSwitchCurveReader.Read(o))).ToList();
            string csv = p.GetValue(outOpt)!;
            string? dir = Path.GetDirectoryName(Path.GetFullPath(csv));
            if (dir is not null) Directory.CreateDirectory(dir);
            AtomicFile.Write(csv, w => BondSwitchTables.WriteCsv(w, analysis, tallies));
            string label = $"{analysis.Center}-{analysis.Neighbor}";
            List<GroupTally>? split = null;
            if (p.GetValue(groups) is string groupFile)
            {
                split = AtomGroups.Read(groupFile, p.GetValue(groupColumn)!).SplitSeries(tallies, reference, currents, p.GetValue(strainCut));
                AtomicFile.Write(Path.Combine(dir ?? ".", Path.GetFileNameWithoutExtension(csv) + "_groups.csv"), w => BondSwitchTables.WriteGroupsCsv(w, analysis, split));
            }
            var runs = new List<(string, IReadOnlyList<SwitchCurvePoint>)> { (Path.GetFileNameWithoutExtension(csv), tallies.Select(SwitchCurvePoint.Of).ToList()) };
            runs.AddRange(others);
            string png = Path.ChangeExtension(csv, ".png");
            AtomicFile.WriteBytes(png, s => s.Write(BondSwitchPlots.Png(label, runs)));
            if (p.GetValue(dumpOpt) is { } dumpPath)
            {
                double rs = p.GetValue(strainCut);
                AtomicFile.Write(dumpPath, w =>
                {
                    using var dump = new LammpsDumpWriter(w);
                    for (int k = 0; k < currents.Count; k++)
                        BondSwitchTables.WriteDumpFrame(dump, currents[k], tallies[k], AtomicStrain.Compute(reference, currents[k], rs), k);
                });
            }
            var ci = CultureInfo.InvariantCulture;
            Console.WriteLine($"{label}: {analysis.Cutoffs.Describe()}{(fromRdf ? " (first minimum of the reference g(r))" : "")}");
            Console.WriteLine($"{"snapshot",-28} {"strain",8} {"centres",8} {"unch.",7} {"decr.",7} {"incr.",7} {"swap.",7}");
            foreach (var t in tallies)
                Console.WriteLine(string.Create(ci, $"{t.Snapshot,-28} {t.Strain,8:0.0000} {t.Centers,8} {t.Unchanged,7} {t.Decreased,7} {t.Increased,7} {t.Swapped,7}"));
            if (split is not null)
            {
                Console.WriteLine($"{"snapshot",-28} {"strain",8} {"group",-10} {"centres",8} {"switched",9} {"mean CN",8} {"shear",7}");
                foreach (var g in split)
                    Console.WriteLine(string.Create(ci, $"{g.Snapshot,-28} {g.Strain,8:0.0000} {g.Group,-10} {g.Centers,8} {g.SwitchedFraction,9:P1} {g.MeanCoordination,8:0.000} {g.MeanShearStrain,7:0.000}"));
            }
            Console.WriteLine($"table {csv}, figure {png}{(split is null ? "" : $", by group {Path.GetFileNameWithoutExtension(csv)}_groups.csv")}");
            return 0;
        }));
        return cmd;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Structure;
using FractureLab.BondSwitch.Switching;
using FractureLab.Experiments.Plots;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab profile FILE [--axis z] [--width 2] [--groups grains.csv] --out DIR</c>: density, concentration and
/// disorder F(Z) profiles across the box (<see cref="SlabProfile"/>), as profile.csv, profile.json and profile.png.
/// </summary>
public static class ProfileCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("structure") { Description = "LAMMPS data or dump file (the first frame)" };
        var axis = new Option<string>("--axis") { Description = "axis across which the slabs are stacked: x, y or z", DefaultValueFactory = _ => "z" };
        var width = new Option<double>("--width") { Description = "slab width, Å (rounded so whole slabs fill the box)", DefaultValueFactory = _ => 2.0 };
        var groups = new Option<string?>("--groups") { Description = "CSV of a group per atom id (build-glass-ceramic's grains.csv): atoms of each group per slab" };
        var groupColumn = new Option<string>("--group-column") { Description = "column of --groups holding the group", DefaultValueFactory = _ => "region" };
        var noOrder = new Option<bool>("--no-order") { Description = "skip the F(Z) order parameter" };
        var kRange = new Option<string>("--k-range") { Description = "in-plane |k| range of F(Z), 1/Å", DefaultValueFactory = _ => "1,4" };
        var elements = new Option<string?>("--elements") { Description = "element of each atom type, e.g. Li,Al,Ti,P,O" };
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/profile" };
        var cmd = new Command("profile", "Density, concentration and disorder F(Z) profiles across a box (interfaces of glass-ceramics)");
        cmd.Arguments.Add(file);
        foreach (var o in new Option[] { axis, width, groups, groupColumn, noOrder, kRange, elements, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            int a = p.GetValue(axis) switch { "x" => 0, "y" => 1, "z" => 2, var s => throw new InputException($"--axis '{s}': expected x, y or z") };
            var k = p.GetValue(kRange)!.Split(',');
            if (k.Length != 2 || !double.TryParse(k[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double kMin) || !double.TryParse(k[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double kMax))
                throw new InputException($"--k-range '{p.GetValue(kRange)}': expected two numbers k_min,k_max (1/Å)");
            var snap = SnapshotReader.Read(p.GetValue(file)!, p.GetValue(elements)?.Split(',', StringSplitOptions.TrimEntries))[0];
            var atomGroups = p.GetValue(groups) is string g ? AtomGroups.Read(g, p.GetValue(groupColumn)!) : null;
            bool order = !p.GetValue(noOrder);
            var rows = SlabProfile.Compute(snap, a, p.GetValue(width), order, atomGroups is null ? null : atomGroups.Of, kMin, kMax);
            string dir = p.GetValue(outOpt)!;
            Directory.CreateDirectory(dir);
            var elementNames = snap.System.TypeElements.Distinct().ToArray();
            var groupNames = atomGroups?.Names.ToArray() ?? [];
            string ax = "xyz"[a].ToString();
            var header = new List<string> { $"{ax}_A", "atoms", "density_g_cm3" };
            header.AddRange(elementNames.Select(e => $"at_pct_{e}"));
            header.AddRange(groupNames.Select(n => $"atoms_{n}"));
            header.Add("F");
            AtomicFile.Write(Path.Combine(dir, "profile.csv"), w => TableWriter.Write(w, header, rows.Select(r =>
            {
                var cells = new List<object?> { r.CenterA, r.Atoms, r.DensityGPerCm3 };
                cells.AddRange(elementNames.Select(e => (object?)(r.Atoms > 0 ? 100.0 * r.ByElement.GetValueOrDefault(e) / r.Atoms : 0.0)));
                cells.AddRange(groupNames.Select(n => (object?)r.ByGroup.GetValueOrDefault(n)));
                cells.Add(r.Order);
                return (IReadOnlyList<object?>)cells;
            })));
            JsonOutput.Write(Path.Combine(dir, "profile.json"), new JsonObject
            {
                ["structure"] = p.GetValue(file),
                ["axis"] = ax,
                ["slabs"] = rows.Count,
                ["slab_width_A"] = snap.System.Box.Length(a) / rows.Count,
                ["order_parameter"] = order ? SlabProfile.OrderDefinition : null,
                ["k_range_per_A"] = new JsonArray(kMin, kMax),
                ["groups"] = atomGroups?.Source,
                ["mean_density_g_cm3"] = snap.System.DensityGPerCm3(),
            });
            var density = PlotExport.NewModel("density", $"{ax} (Å)", "density (g/cm³)");
            var line = new LineSeries { Color = OxyColors.SteelBlue, MarkerType = MarkerType.Circle, MarkerSize = 2.5 };
            foreach (var r in rows) line.Points.Add(new DataPoint(r.CenterA, r.DensityGPerCm3));
            density.Series.Add(line);
            var panels = new List<PlotModel> { density };
            if (order)
            {
                var f = PlotExport.NewModel("order F(Z)", $"{ax} (Å)", "F");
                var fl = new LineSeries { Color = OxyColors.OrangeRed, MarkerType = MarkerType.Circle, MarkerSize = 2.5 };
                foreach (var r in rows) fl.Points.Add(new DataPoint(r.CenterA, r.Order ?? 0));
                f.Series.Add(fl);
                panels.Add(f);
            }
            byte[] png = PlotExport.PngGrid(panels, panels.Count);
            AtomicFile.WriteBytes(Path.Combine(dir, "profile.png"), st => st.Write(png, 0, png.Length));
            string orderText = order ? string.Create(CultureInfo.InvariantCulture, $", F {rows.Min(r => r.Order ?? 0):F3}-{rows.Max(r => r.Order ?? 0):F3}") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rows.Count} slabs of {snap.System.Box.Length(a) / rows.Count:F2} Å along {ax}; density {rows.Min(r => r.DensityGPerCm3):F3}-{rows.Max(r => r.DensityGPerCm3):F3} g/cm³{orderText}; profile in {dir}/profile.csv"));
            return 0;
        }));
        return cmd;
    }
}

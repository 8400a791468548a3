using System.CommandLine;
using System.Globalization;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Structure;
using FractureLab.BondSwitch.Switching;
using FractureLab.Mechanics;

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
            Console.WriteLine(SlabProfileReport.Write(snap, p.GetValue(file)!, a, p.GetValue(width), !p.GetValue(noOrder), atomGroups, kMin, kMax, p.GetValue(outOpt)!));
            return 0;
        }));
        return cmd;
    }
}

using System.CommandLine;
using FractureLab.Fracture.Analysis;

namespace FractureLab.Cli.Commands;

/// <summary><c>analyze-curve</c> (any stress-strain CSV) and <c>analyze-lammps</c> (LAMMPS thermo logs): the fracture numbers of SCIENCE.md §3.</summary>
public static class AnalyzeCommands
{
    public static Command Curve()
    {
        var shared = new TensileCliOptions();
        var csv = new Option<string>("--csv") { Description = "stress-strain CSV (ours: stress_strain.csv)", Required = true };
        var strain = new Option<string>("--strain-column") { Description = "engineering strain column", DefaultValueFactory = _ => "strain" };
        var stress = new Option<string>("--stress-column") { Description = "tensile stress column, GPa", DefaultValueFactory = _ => "stress_GPa" };
        var axis = new Option<string>("--axis") { Description = "loading axis (for lx_A/ly_A/lz_A columns)", DefaultValueFactory = _ => "z" };
        var length = new Option<double?>("--length-A") { Description = "L0 along the loading axis, Å (default: first l<axis>_A)" };
        var cmd = new Command("analyze-curve", "E, nu, strength, G_c and K_Ic of a stress-strain curve");
        foreach (var o in new Option[] { csv, strain, stress, axis, length }) cmd.Options.Add(o);
        shared.AddTo(cmd);
        cmd.SetAction(p => Program.Guard(() =>
        {
            string path = p.GetValue(csv)!;
            var curve = CurveSources.FromCsv(path, p.GetValue(strain)!, p.GetValue(stress)!, CurveSources.ParseAxis(p.GetValue(axis)!), p.GetValue(length));
            return shared.Report(p, curve, path);
        }));
        return cmd;
    }

    public static Command Lammps()
    {
        var shared = new TensileCliOptions();
        var log = new Option<string>("--log") { Description = "LAMMPS log file with thermo output (Pxx Pyy Pzz Lx Ly Lz)", Required = true };
        var axis = new Option<string>("--axis") { Description = "loading axis", DefaultValueFactory = _ => "z" };
        var units = new Option<string>("--units") { Description = "LAMMPS units of the run: metal (bar) or real (atm)", DefaultValueFactory = _ => "metal" };
        var strain = new Option<string?>("--strain-column") { Description = "thermo column holding the strain (default: from L<axis>)" };
        var stress = new Option<string?>("--stress-column") { Description = "thermo column holding the tensile stress in GPa (default: -P<axis><axis>)" };
        var length = new Option<double?>("--length-A") { Description = "L0, Å (default: first L<axis>)" };
        var cmd = new Command("analyze-lammps", "The same analysis on a LAMMPS tensile run's log");
        foreach (var o in new Option[] { log, axis, units, strain, stress, length }) cmd.Options.Add(o);
        shared.AddTo(cmd);
        cmd.SetAction(p => Program.Guard(() =>
        {
            string path = p.GetValue(log)!;
            var curve = CurveSources.FromLammpsLog(path, CurveSources.ParseAxis(p.GetValue(axis)!), p.GetValue(units)!, p.GetValue(strain), p.GetValue(stress), p.GetValue(length));
            return shared.Report(p, curve, path);
        }));
        return cmd;
    }
}

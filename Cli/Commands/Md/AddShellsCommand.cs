using System.CommandLine;
using System.Globalization;
using FractureLab.Mechanics.Builders;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Cli.Commands;

/// <summary><c>fracturelab add-shells --data FILE --forcefield FF --out FILE.data [--displacement 0.02] [--seed N]</c>: parse, <see cref="ShellBuilder.AddShells"/>, write.</summary>
public static class AddShellsCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "LAMMPS data file of the rigid-ion structure", Required = true };
        var ff = new Option<string>("--forcefield") { Description = "core-shell force field (a TOML file with [[shells]])", Required = true };
        var disp = new Option<double>("--displacement") { Description = "distance of each new shell from its core, Å (random direction)", DefaultValueFactory = _ => ShellBuilder.DefaultDisplacementA };
        var seed = new Option<int>("--seed") { Description = "seed of the shell directions", DefaultValueFactory = _ => 1 };
        var outOpt = new Option<string>("--out") { Description = "output data file", Required = true };
        var cmd = new Command("add-shells", "Add the shells of a core-shell force field to a structure (one shell per polarizable ion, its mass taken from the ion's)");
        foreach (var o in new Option[] { data, ff, disp, seed, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var s = LammpsDataReader.Read(p.GetValue(data)!);
            var field = ForceFieldCatalog.Resolve(p.GetValue(ff)!);
            var shelled = ShellBuilder.AddShells(s, field, p.GetValue(disp), p.GetValue(seed));
            // bind once so the pairing is checked and the charges are the force field's
            _ = new Mechanics.Backends.CompiledForceField(field, shelled);
            string path = p.GetValue(outOpt)!;
            LammpsDataWriter.Write(path, shelled, $"FractureLab add-shells {Path.GetFileName(p.GetValue(data)!)} ({field.Name})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shelled.Count - s.Count} shells added ({string.Join(", ", field.Shells.Select(d => d.Shell))}), {shelled.Count} particles; {path}"));
            return 0;
        }));
        return cmd;
    }
}

using System.CommandLine;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Crystals;
using FractureLab.Mechanics.ForceFields;

namespace FractureLab.Cli.Commands;

/// <summary><c>fracturelab build-crystal --cif FILE [--size NX,NY,NZ] [--forcefield FF] [--seed N] --out DIR</c>: parse, build, write, print.</summary>
public static class BuildCrystalCommand
{
    public static Command Create()
    {
        var cif = new Option<string>("--cif") { Description = "CIF file of the crystal (cell, symmetry operations, sites, occupancies)", Required = true };
        var size = new Option<string>("--size") { Description = "cells along a, b, c, e.g. 3,3,2", DefaultValueFactory = _ => "1,1,1" };
        var ff = new Option<string?>("--forcefield") { Description = "take the charges from this force field (default: the CIF's oxidation states, Ti4+, else formal ones)" };
        var seed = new Option<int>("--seed") { Description = "seed of the draw that fills partially occupied sites", DefaultValueFactory = _ => 1 };
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/crystal" };
        var cmd = new Command("build-crystal", "Build a periodic crystal from a CIF file (supercell, partial occupancies, charges)");
        foreach (var o in new Option[] { cif, size, ff, seed, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var file = CifFile.Read(p.GetValue(cif)!);
            var counts = p.GetValue(size)!.Split(',', StringSplitOptions.TrimEntries);
            if (counts.Length != 3 || counts.Any(c => !int.TryParse(c, out int v) || v < 1))
                throw new InputException($"--size '{p.GetValue(size)}': expected three positive integers, e.g. 3,3,2");
            int[] n = [.. counts.Select(int.Parse)];
            string? ffName = p.GetValue(ff);
            IReadOnlyDictionary<string, double> charges;
            string source;
            if (ffName is null)
            {
                charges = CrystalCharges.Formal(file);
                source = "the CIF's oxidation states (type symbols such as Ti4+), else formal ones";
            }
            else
            {
                var field = ForceFieldCatalog.Resolve(ffName);
                charges = new Dictionary<string, double>(field.Charges, StringComparer.OrdinalIgnoreCase);
                source = $"the charges of force field {field.Name}";
            }
            var build = CrystalBuilder.Supercell(file, n[0], n[1], n[2], charges, p.GetValue(seed));
            Console.WriteLine(CrystalFolder.Write(file, build, n, source, p.GetValue(seed), p.GetValue(outOpt)!));
            return 0;
        }));
        return cmd;
    }
}

using System.CommandLine;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Crystals;

namespace FractureLab.Cli.Commands;

/// <summary><c>fracturelab build-crystal --cif FILE [--orient U,V,W] [--size NX,NY,NZ | --atoms N] [--substitute H:D=F --compensate E] [--forcefield FF] [--seed N] --out DIR</c>: parse, build, write, print.</summary>
public static class BuildCrystalCommand
{
    public static Command Create()
    {
        var cif = new Option<string>("--cif") { Description = "CIF file of the crystal (cell, symmetry operations, sites, occupancies)", Required = true };
        var orient = new Option<string?>("--orient") { Description = "lattice direction u,v,w put along the load axis (default: the CIF's cell if orthogonal, the orthohexagonal cell if hexagonal)" };
        var axis = new Option<string>("--load-axis") { Description = "box axis the --orient direction goes along: x, y or z", DefaultValueFactory = _ => "z" };
        var strain = new Option<double>("--strain-tolerance") { Description = "largest shear strain allowed to make the cell orthogonal (|cos θ|/2)", DefaultValueFactory = _ => 0.01 };
        var size = new Option<string?>("--size") { Description = "cells of the (oriented) orthogonal cell along x, y, z, e.g. 3,3,2 (default 1,1,1)" };
        var atoms = new Option<int?>("--atoms") { Description = "about this many atoms in a box as near a cube as the cell allows (instead of --size)" };
        var substitute = new Option<string?>("--substitute") { Description = "aliovalent substitution HOST:DOPANT=FRACTION, e.g. Ti:Al=0.15" };
        var compensate = new Option<string?>("--compensate") { Description = "element that balances the substitution's charge: added on interstitial sites, or removed" };
        var ff = new Option<string?>("--forcefield") { Description = "take the charges from this force field (default: the CIF's oxidation states, Ti4+, else formal ones)" };
        var seed = new Option<int>("--seed") { Description = "seed of the draws (partial occupancies, substitution, interstitials)", DefaultValueFactory = _ => 1 };
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/crystal" };
        var cmd = new Command("build-crystal", "Build a periodic crystal from a CIF file (oriented orthogonal supercell, partial occupancies, substitution, charges)");
        foreach (var o in new Option[] { cif, orient, axis, strain, size, atoms, substitute, compensate, ff, seed, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            if (p.GetValue(size) is not null && p.GetValue(atoms) is not null) throw new InputException("give --size or --atoms, not both");
            var recipe = new CrystalRecipe(p.GetValue(cif)!,
                p.GetValue(orient) is string o ? OrientedCell.ParseDirection(o) : null, CrystalRecipe.ParseAxis(p.GetValue(axis)!), p.GetValue(strain),
                p.GetValue(size) is string z ? CrystalRecipe.ParseSize(z) : null, p.GetValue(atoms),
                p.GetValue(substitute), p.GetValue(compensate), p.GetValue(ff), p.GetValue(seed));
            var result = recipe.Build();
            Console.WriteLine(CrystalFolder.Write(recipe, result, p.GetValue(outOpt)!));
            return 0;
        }));
        return cmd;
    }
}

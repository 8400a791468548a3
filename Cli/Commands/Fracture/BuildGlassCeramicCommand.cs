using System.CommandLine;
using System.Globalization;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Builders;
using FractureLab.Mechanics.Crystals;

namespace FractureLab.Cli.Commands;

/// <summary><c>fracturelab build-glass-ceramic --glass DATA --cif FILE --forcefield FF --grains N --fraction F ...</c>: parse, <see cref="GlassCeramicBuild.Build"/>, print.</summary>
public static class BuildGlassCeramicCommand
{
    public static Command Create()
    {
        var glass = new Option<string>("--glass") { Description = "LAMMPS data file of the glass (e.g. build-glass's glass.data)", Required = true };
        var cif = new Option<string>("--cif") { Description = "CIF file of the crystal the grains are cut from", Required = true };
        var substitute = new Option<string?>("--substitute") { Description = "aliovalent substitution of the crystal, HOST:DOPANT=FRACTION (e.g. Ti:Al=0.15)" };
        var compensate = new Option<string?>("--compensate") { Description = "element that balances the substitution's charge (e.g. Li)" };
        var size = new Option<string>("--crystal-size") { Description = "cells of the crystal block the grains are tiled from (the draw of partial occupancies and substitutions repeats with it)", DefaultValueFactory = _ => "2,2,2" };
        var ff = new Option<string>("--forcefield") { Description = "force field of the glass (charges of the crystal, relaxation)", Required = true };
        var grains = new Option<int>("--grains") { Description = "number of grains", DefaultValueFactory = _ => 1 };
        var fraction = new Option<double>("--fraction") { Description = "crystal volume fraction, e.g. 0.15 for GC15", Required = true };
        var shape = new Option<string>("--shape") { Description = "sphere or voronoi", DefaultValueFactory = _ => "sphere" };
        var orient = new Option<string>("--orientations") { Description = "random (uniform rotations) or aligned (crystal axes along the box)", DefaultValueFactory = _ => "random" };
        var dmin = new Option<double>("--min-distance") { Description = "glass atoms closer than this to a grain atom are removed, Å", DefaultValueFactory = _ => 1.8 };
        var width = new Option<double>("--interface-width") { Description = "atoms within this of the other phase are 'interface', Å", DefaultValueFactory = _ => 3.0 };
        var relaxK = new Option<double>("--relax-K") { Description = "temperature of the interface relaxation (below the glass transition), K", DefaultValueFactory = _ => 300 };
        var relaxPs = new Option<double>("--relax-ps") { Description = "NPT relaxation at zero pressure after the minimization, ps (0: minimization only)", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "seed of the grain centres, orientations, crystal draws and removals", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "threads (0 = all cores)", DefaultValueFactory = _ => 0 };
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/glass-ceramic" };
        var cmd = new Command("build-glass-ceramic", "Make a glass-ceramic: crystalline grains cut from a CIF crystal into a glass, composition and charge restored, interfaces relaxed");
        foreach (var o in new Option[] { glass, cif, substitute, compensate, size, ff, grains, fraction, shape, orient, dmin, width, relaxK, relaxPs, seed, threads, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            string shapeName = p.GetValue(shape)!.ToLowerInvariant(), orientName = p.GetValue(orient)!.ToLowerInvariant();
            var grainShape = GrainShapes.ShapeNamed(shapeName) ?? throw new InputException($"--shape '{shapeName}': expected sphere or voronoi");
            bool random = GrainShapes.RandomOrientationsNamed(orientName) ?? throw new InputException($"--orientations '{orientName}': expected random or aligned");
            var crystal = new CrystalRecipe(p.GetValue(cif)!, Size: CrystalRecipe.ParseSize(p.GetValue(size)!), Substitute: p.GetValue(substitute),
                Compensate: p.GetValue(compensate), Seed: p.GetValue(seed));
            var settings = new GrainSettings(p.GetValue(grains), p.GetValue(fraction), grainShape, random, p.GetValue(seed), p.GetValue(dmin), p.GetValue(width));
            var recipe = new GlassCeramicBuild.Recipe(p.GetValue(glass)!, crystal, settings, p.GetValue(ff)!, p.GetValue(relaxK), p.GetValue(relaxPs));
            string dir = p.GetValue(outOpt)!;
            var r = GlassCeramicBuild.Build(recipe, p.GetValue(threads), dir, (t, b) => ConsoleProgress.Run(t, b));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.System.Count} atoms, crystal {r.NominalVolumeFraction:P1} by volume, {r.GrainAtomFraction:P1} of atoms in grains, {r.MeasuredCrystalFraction:P1} measured crystal-like, {r.WallSeconds:F0} s; glass-ceramic in {dir}/glass-ceramic.data, grain ids in {dir}/grains.csv"));
            return 0;
        }));
        return cmd;
    }
}

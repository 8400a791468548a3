using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Builders;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab build-glass</c>: parse, <see cref="GlassBuild.Build"/>, print.
/// </summary>
public static class BuildGlassCommand
{
    public static Command Create()
    {
        var comp = new Option<string>("--composition") { Description = "components and mol% (or counts), e.g. \"SiO2 = 100\" or \"Li2O = 38, B2O3 = 31, P2O5 = 31\"", Required = true };
        var atoms = new Option<int>("--atoms") { Description = "target number of atoms", DefaultValueFactory = _ => 3000 };
        var density = new Option<double>("--density") { Description = "initial density, g/cm³", Required = true };
        var ffOpt = new Option<string>("--forcefield") { Description = "shipped name or TOML file", Required = true };
        var schedule = new Option<string>("--schedule") { Description = "quick (10 ps melt, 100 K/ps) or standard (100 ps melt, 1 K/ps)", DefaultValueFactory = _ => "quick" };
        var meltK = new Option<double>("--melt-K") { Description = "melt temperature, K", DefaultValueFactory = _ => 4000 };
        var rate = new Option<double?>("--quench-rate") { Description = "cooling rate, K/ps (default: the schedule's)" };
        var meltPs = new Option<double?>("--melt-ps") { Description = "melt duration, ps (default: the schedule's, 10 or 100)" };
        var relaxPs = new Option<double?>("--relax-ps") { Description = "NPT relaxation at 300 K, ps (then half as long NVT; default 10 or 100)" };
        var dmin = new Option<double>("--min-distance") { Description = "minimum pair distance of the random insertion, Å", DefaultValueFactory = _ => 1.6 };
        var seed = new Option<int>("--seed") { Description = "random seed (insertion and velocities)", DefaultValueFactory = _ => 1 };
        var aspect = new Option<string>("--aspect") { Description = "box side ratios x,y,z (e.g. 2,1,2 for a fracture slab)", DefaultValueFactory = _ => "1,1,1" };
        var n4 = new Option<double?>("--boron-n4") { Description = "fraction of four-fold boron (du-teter with P2O5)" };
        var threads = new Option<int>("--threads") { Description = "threads (0 = all cores)", DefaultValueFactory = _ => 0 };
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/glass" };
        var cmd = new Command("build-glass", "Make a glass: random insertion and melt-quench");
        foreach (var o in new Option[] { comp, atoms, density, ffOpt, schedule, meltK, rate, meltPs, relaxPs, dmin, seed, aspect, n4, threads, outOpt }) cmd.Options.Add(o);
        cmd.SetAction(p => Program.Guard(() =>
        {
            string dir = p.GetValue(outOpt)!;
            var recipe = new GlassBuild.Recipe(p.GetValue(comp)!, p.GetValue(atoms), p.GetValue(density), p.GetValue(ffOpt)!, p.GetValue(schedule)!,
                p.GetValue(meltK), p.GetValue(rate), p.GetValue(meltPs), p.GetValue(relaxPs), p.GetValue(dmin), p.GetValue(seed), p.GetValue(aspect)!, p.GetValue(n4));
            var (system, density_, wall) = GlassBuild.Build(recipe, p.GetValue(threads), dir, (t, b) => ConsoleProgress.Run(t, b));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{system.Count} atoms, density {density_:F3} g/cm³, {wall:F0} s; glass in {dir}/glass.data"));
            return 0;
        }));
        return cmd;
    }
}

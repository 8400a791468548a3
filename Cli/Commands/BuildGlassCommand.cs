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
/// <c>fracturelab build-glass</c>: random insertion at a density, then the melt-quench of SCIENCE.md §1 with our
/// own MD; writes the glass (LAMMPS data), the thermo of every stage and the recipe with what was made.
/// </summary>
public static class BuildGlassCommand
{
    public static Command Create()
    {
        var comp = new Option<string>("--composition") { Description = "components and mol% (or counts), e.g. \"SiO2 = 100\" or \"Li2O = 38, B2O3 = 31, P2O5 = 31\"", Required = true };
        var atoms = new Option<int>("--atoms") { Description = "target number of atoms", DefaultValueFactory = _ => 3000 };
        var density = new Option<double>("--density") { Description = "initial density, g/cm3", Required = true };
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
            var recipe = new GlassRecipe(p.GetValue(comp)!, p.GetValue(atoms), p.GetValue(density), p.GetValue(ffOpt)!, p.GetValue(schedule)!,
                p.GetValue(meltK), p.GetValue(rate), p.GetValue(meltPs), p.GetValue(relaxPs), p.GetValue(dmin), p.GetValue(seed), p.GetValue(aspect)!, p.GetValue(n4));
            var (system, density_, wall) = Build(recipe, p.GetValue(threads), dir);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{system.Count} atoms, density {density_:F3} g/cm3, {wall:F0} s; glass in {dir}/glass.data"));
            return 0;
        }));
        return cmd;
    }

    /// <summary>Everything that decides a built glass (recorded in recipe.json).</summary>
    public sealed record GlassRecipe(string Composition, int Atoms, double DensityGPerCm3, string ForceField, string Schedule, double MeltK,
        double? QuenchRateKPerPs, double? MeltPs, double? RelaxPs, double MinDistanceA, int Seed, string Aspect, double? BoronN4 = null);

    /// <summary>Random insertion and melt-quench; writes glass.data, thermo.csv and recipe.json into <paramref name="dir"/>.</summary>
    public static (AtomSystem System, double DensityGPerCm3, double WallSeconds) Build(GlassRecipe g, int threads, string dir)
    {
        var composition = GlassComposition.Parse(g.Composition);
        var (elements, units) = composition.Round(g.Atoms);
        var ratios = g.Aspect.Split(',').Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v
            : throw new InputException($"aspect '{g.Aspect}' is not three numbers")).ToArray();
        var system = RandomPacking.Build(elements, g.DensityGPerCm3, g.MinDistanceA, g.Seed, ratios);
        var ff = ForceFieldCatalog.Resolve(g.ForceField, Composition.FromAtoms(system), g.BoronN4);
        var compiled = new CompiledForceField(ff, system);
        var forces = new ForceComputer(compiled, BackendFactory.Create(BackendKind.Simd, threads));
        var stages = g.Schedule switch
        {
            "quick" => MeltQuench.Quick(g.MeltK, g.QuenchRateKPerPs ?? 100, g.MeltPs ?? 10, g.RelaxPs ?? 10),
            "standard" => MeltQuench.Standard(g.MeltK, g.QuenchRateKPerPs ?? 1, g.MeltPs ?? 100, g.RelaxPs ?? 100),
            var s => throw new InputException($"schedule '{s}' is not quick or standard"),
        };
        var clock = Stopwatch.StartNew();
        List<ThermoRow> thermo = [];
        ConsoleProgress.Run($"melt-quench {g.Composition} ({system.Count} atoms)", (report, token) =>
            thermo = MeltQuench.Run(system, forces, stages, g.Seed,
                onStep: (k, step, steps) => report(stages[k].Name, k + (double)step / steps, stages.Count), cancel: token));
        double finalDensity = system.TotalMass() / 6.02214076e23 / (system.Box.Volume * 1e-24);
        LammpsDataWriter.Write(Path.Combine(dir, "glass.data"), system, $"FractureLab build-glass {g.Composition} ({ff.Name})");
        AtomicFile.Write(Path.Combine(dir, "thermo.csv"), w => ThermoRow.WriteCsv(w, thermo));
        var stageJson = new JsonArray(stages.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name, ["ensemble"] = s.Ensemble, ["start_K"] = s.StartK, ["end_K"] = s.EndK,
            ["duration_ps"] = s.DurationPs, ["rate_K_per_ps"] = s.RateKPerPs, ["pressure_GPa"] = s.PressureGpa,
        }).ToArray());
        JsonOutput.Write(Path.Combine(dir, "recipe.json"), new JsonObject
        {
            ["composition_requested"] = g.Composition,
            ["formula_units"] = new JsonObject(units.Select(u => KeyValuePair.Create(u.Formula, (JsonNode?)JsonValue.Create(u.Units)))),
            ["atoms"] = new JsonObject(elements.Select(e => KeyValuePair.Create(e.Element, (JsonNode?)JsonValue.Create(e.Count)))),
            ["initial_density_g_cm3"] = g.DensityGPerCm3,
            ["final_density_g_cm3"] = finalDensity,
            ["forcefield"] = ff.Name,
            ["coulomb"] = compiled.CoulombSettings.Describe(),
            ["min_distance_A"] = g.MinDistanceA,
            ["seed"] = g.Seed,
            ["aspect"] = g.Aspect,
            ["timestep_fs"] = 1.0,
            ["stages"] = stageJson,
            ["wall_seconds"] = clock.Elapsed.TotalSeconds,
            ["version"] = typeof(MeltQuench).Assembly.GetName().Version?.ToString(),
        });
        return (system, finalDensity, clock.Elapsed.TotalSeconds);
    }
}

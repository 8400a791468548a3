using FractureLab.Mechanics.Engines;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Mechanics.Builders;

/// <summary>
/// A glass from a composition: random insertion at a density, then the melt-quench of SCIENCE.md §1 with our own MD;
/// writes the glass (LAMMPS data), the thermo of every stage and the recipe with what was made (used by
/// <c>build-glass</c> and by campaigns and toughness studies that build their glasses).
/// </summary>
public static class GlassBuild
{
    /// <summary>Everything that decides a built glass (recorded in recipe.json).</summary>
    public sealed record Recipe(string Composition, int Atoms, double DensityGPerCm3, string ForceField, string Schedule, double MeltK,
        double? QuenchRateKPerPs, double? MeltPs, double? RelaxPs, double MinDistanceA, int Seed, string Aspect, double? BoronN4 = null);

    /// <summary>Random insertion and melt-quench; writes glass.data, thermo.csv and recipe.json into <paramref name="dir"/>.</summary>
    public static (AtomSystem System, double DensityGPerCm3, double WallSeconds) Build(Recipe g, int threads, string dir, ProgressRunner progress)
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
        progress($"melt-quench {g.Composition} ({system.Count} atoms)", (report, token) =>
            thermo = MeltQuench.Run(system, forces, stages, g.Seed,
                onStep: (k, step, steps) => report(stages[k].Name, k + (double)step / steps, stages.Count), cancel: token));
        double finalDensity = system.DensityGPerCm3();
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
            ["version"] = BuildVersion.Text,
        });
        return (system, finalDensity, clock.Elapsed.TotalSeconds);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Crystals;
using FractureLab.Mechanics.Engines;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Mechanics.Builders;

/// <summary>
/// A glass-ceramic from a built glass and a crystal (<see cref="GlassCeramicBuilder"/>), its interfaces relaxed by
/// minimization and then NPT MD at zero pressure at <see cref="Recipe.RelaxK"/> (below the glass transition) for
/// <see cref="Recipe.RelaxPs"/>; writes glass-ceramic.data, grains.csv (grain id, region and crystal-like flag per atom),
/// thermo.csv and glass-ceramic.json (nominal and measured crystal fractions, what was cut and removed).
/// </summary>
public static class GlassCeramicBuild
{
    /// <summary>Everything that decides a built glass-ceramic (recorded in glass-ceramic.json).</summary>
    public sealed record Recipe(string GlassData, CrystalRecipe Crystal, GrainSettings Grains, string ForceField, double RelaxK = 300, double RelaxPs = 5);

    /// <summary>What was built: the system, the grain id per atom (0 = glass), the region per atom and whether it has the crystal's local order.</summary>
    public sealed record Result(AtomSystem System, int[] Grain, string[] Region, bool[] CrystalLike, double NominalVolumeFraction, double GrainAtomFraction,
        double MeasuredCrystalFraction, double WallSeconds);

    /// <param name="glass">the glass itself, when it is not read from <see cref="Recipe.GlassData"/> (which then only names it: a run file's
    /// shipped or replicated glass)</param>
    public static Result Build(Recipe r, int threads, string dir, ProgressRunner progress, AtomSystem? glass = null)
    {
        if (r.RelaxK <= 0 || r.RelaxPs < 0) throw new InputException($"relaxation {r.RelaxK} K for {r.RelaxPs} ps: the temperature must be positive and the time not negative");
        var clock = Stopwatch.StartNew();
        glass ??= LammpsDataReader.Read(r.GlassData);
        var crystalRecipe = r.Crystal with { ForceField = r.ForceField };
        var crystal = crystalRecipe.Build();
        var assembly = GlassCeramicBuilder.Assemble(glass, crystal.System, r.Grains);
        var placed = assembly.System.Clone();
        var ff = ForceFieldCatalog.Resolve(r.ForceField, Composition.FromAtoms(assembly.System));
        // A core-shell force field: a shell on every polarizable ion of the glass-ceramic (and of the reference crystal), each
        // shell in its core's grain and region, so grains.csv lists every particle the runs move. Regions, the crystal
        // order and the grains' rotation are measured on the ions (the first atoms, in the assembly's order).
        var system = WithShells(assembly.System, ff, r.Grains.Seed, out int[] coreOfShell);
        int ions = assembly.System.Count;
        ForceComputer Forces(AtomSystem a) => new(new CompiledForceField(ff, a), BackendFactory.Create(BackendKind.Simd, threads));
        var forces = Forces(system);
        List<ThermoRow> thermo = [];
        MinimizationResult? minimized = null;
        if (r.RelaxPs > 0)
        {
            // NPT at zero pressure: the glass atoms cut around the grains and removed to restore the composition leave the
            // box's volume too large for its atoms, which NVT would keep (as voids, residual stress and a low density)
            var stages = new[] { new QuenchStage("interface relaxation", "npt", r.RelaxK, r.RelaxK, r.RelaxPs) };
            progress($"relax the glass-ceramic ({system.Count} atoms) at {r.RelaxK:F0} K", (report, token) =>
                thermo = MeltQuench.Run(system, forces, stages, r.Grains.Seed, dtPs: ShellBuilder.TimestepPs(ff),
                    onStep: (k, step, steps) => report(stages[k].Name, (double)step / steps, 1), cancel: token));
        }
        else
            minimized = Fire.Minimize(system, forces, forceTolerance: 0.1, maxIterations: 2000);
        var region = OnShells(GlassCeramicBuilder.Regions(Ions(system), assembly.Grain, r.Grains.InterfaceWidthA));
        // the reference shells come from the crystal relaxed with the same force field in its own box, as the grains relax
        var reference = WithShells(crystal.System, ff, r.Grains.Seed, out _);
        Fire.Minimize(reference, Forces(reference), forceTolerance: 0.05, maxIterations: 1000);
        var order = new CrystalOrder(reference.Subset([.. Enumerable.Range(0, crystal.System.Count)]));
        // measured on the inherent structure (a minimized copy), so thermal vibration does not blur the shells
        var inherent = system.Clone();
        Fire.Minimize(inherent, Forces(inherent), forceTolerance: 0.05, maxIterations: 2000);
        // the grains may have turned while relaxing: their orientations tracked by a rigid fit of their atoms
        var inherentIons = Ions(inherent);
        var turned = GrainRotation.Track(placed, inherentIons, assembly.Grain, assembly.Shapes.Seeds, assembly.Shapes.Rotations);
        var ionCrystalLike = order.Matches(inherentIons, turned);
        double measured = ionCrystalLike.Count(x => x) / (double)ions;
        var crystalLike = OnShells(ionCrystalLike);
        var grainOf = OnShells(assembly.Grain);

        AtomSystem Ions(AtomSystem a) => a.Count == ions ? a : a.Subset([.. Enumerable.Range(0, ions)]);
        T[] OnShells<T>(T[] perIon) => [.. perIon, .. coreOfShell.Select(c => perIon[c])];

        Directory.CreateDirectory(dir);
        LammpsDataWriter.Write(Path.Combine(dir, "glass-ceramic.data"), system,
            $"FractureLab build-glass-ceramic {Path.GetFileName(r.GlassData)} + {r.Grains.Grains} grains of {Path.GetFileName(r.Crystal.Cif)} ({ff.Name})");
        AtomicFile.Write(Path.Combine(dir, "grains.csv"), w =>
        {
            w.WriteLine("id,element,grain,region,crystal_like");
            for (int i = 0; i < system.Count; i++)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{system.Id[i]},{system.TypeElements[system.Type[i]]},{grainOf[i]},{region[i]},{(crystalLike[i] ? 1 : 0)}"));
        });
        if (thermo.Count > 0) AtomicFile.Write(Path.Combine(dir, "thermo.csv"), w => ThermoRow.WriteCsv(w, thermo));
        var counts = system.TypeElements.Select((e, t) => (e, n: system.Type.Count(x => x == t))).ToList();
        JsonObject ByRegion(Func<int, bool> pick) => new(new[] { "glass", "interface", "grain" }.Select(name => KeyValuePair.Create(name, (JsonNode?)new JsonObject
        {
            ["atoms"] = Enumerable.Range(0, ions).Count(i => region[i] == name && pick(i)), // ions: a shell is counted with its core
        })));
        JsonOutput.Write(Path.Combine(dir, "glass-ceramic.json"), new JsonObject
        {
            ["glass"] = r.GlassData,
            ["crystal"] = r.Crystal.Cif,
            ["forcefield"] = ff.Name,
            ["grains"] = r.Grains.Grains,
            ["shape"] = GrainShapes.NameOf(r.Grains.Shape),
            ["orientations"] = GrainShapes.OrientationsName(r.Grains.RandomOrientations),
            ["seed"] = r.Grains.Seed,
            ["grain_radius_A"] = r.Grains.Shape == GrainShape.Sphere ? assembly.Shapes.RadiusA : null,
            ["grain_centres_A"] = new JsonArray([.. assembly.Shapes.Seeds.Select(s => (JsonNode)new JsonArray([.. s.Select(x => (JsonNode)x)]))]),
            ["grain_rotation_while_relaxing_deg"] = new JsonArray([.. turned.Select((t, g) => (JsonNode)GrainRotation.AngleDeg(assembly.Shapes.Rotations[g], t))]),
            ["crystal_fraction_nominal_volume"] = r.Grains.VolumeFraction,
            ["crystal_fraction_grain_atoms"] = assembly.GrainAtomFraction,
            ["crystal_fraction_measured"] = measured,
            ["crystal_fraction_measured_method"] = string.Create(CultureInfo.InvariantCulture,
                $"atoms of the inherent structure (a FIRE-minimized copy) whose neighbour vectors match a site of the relaxed crystal within {order.RadiusA} Å in one of the grains' orientations: at least {order.MatchedFraction:P0} of the site's vectors each with a neighbour of its element within {order.ToleranceA} Å (CrystalOrder)"),
            ["atoms"] = system.Count,
            ["shells"] = system.Count - ions,
            ["counts"] = new JsonObject(counts.Select(c => KeyValuePair.Create(c.e, (JsonNode?)c.n))),
            ["target_fractions"] = new JsonObject(assembly.TargetFractions.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
            ["glass_atoms_cut"] = assembly.GlassAtomsCut,
            ["glass_atoms_removed_to_restore"] = new JsonObject(assembly.RemovedToRestore.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
            ["net_charge_e"] = system.Charge.Sum(),
            ["regions"] = ByRegion(_ => true),
            ["crystal_like_by_region"] = ByRegion(i => crystalLike[i]),
            ["interface_width_A"] = r.Grains.InterfaceWidthA,
            ["min_distance_A"] = r.Grains.MinDistanceA,
            ["relax_K"] = r.RelaxK,
            ["relax_ps"] = r.RelaxPs,
            ["relax_ensemble"] = r.RelaxPs > 0 ? "npt at 0 GPa (after a FIRE minimization)" : "FIRE minimization only",
            ["minimization_only_iterations"] = minimized?.Iterations,
            ["density_g_cm3"] = system.DensityGPerCm3(),
            ["crystal_recipe"] = crystalRecipe.Describe(crystal),
            ["wall_seconds"] = clock.Elapsed.TotalSeconds,
            ["version"] = BuildVersion.Text,
        });
        return new Result(system, grainOf, region, crystalLike, r.Grains.VolumeFraction, assembly.GrainAtomFraction, measured, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// A copy of <paramref name="s"/> with the shells of <paramref name="ff"/> (<see cref="ShellBuilder.AddShells"/>, appended
    /// after the ions; <paramref name="coreOfShell"/> gives each one's core), or a plain copy for a rigid-ion force field.
    /// </summary>
    private static AtomSystem WithShells(AtomSystem s, ForceFields.ForceField ff, int seed, out int[] coreOfShell)
    {
        coreOfShell = ShellBuilder.CoresOfAddedShells(s, ff);
        return coreOfShell.Length == 0 ? s.Clone() : ShellBuilder.AddShells(s, ff, ShellBuilder.DefaultDisplacementA, seed);
    }
}

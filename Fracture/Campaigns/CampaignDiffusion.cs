using FractureLab.Mechanics.Engines;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.IonDynamics;
using FractureLab.BondSwitch.Output;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Fracture.Campaigns;

/// <summary>
/// The ion-dynamics axis of a campaign: for each composition, replica and temperature an NVT run
/// (LABEL/diffusion/T{T}-r{k}: trajectory.dump with image flags, thermo.csv), its diffusion analysis (…/analysis),
/// per composition the Arrhenius fit (LABEL/diffusion/arrhenius), and conductivity.csv over the compositions.
/// A run whose analysis exists is skipped; an unfinished MD run is started again (its trajectory must be whole).
/// </summary>
public static class CampaignDiffusion
{
    public sealed record DiffusionRun(CampaignComposition Composition, int Replica, double TemperatureK, string Dir)
    {
        public string AnalysisDir => Path.Combine(Dir, "analysis");
    }

    public static List<DiffusionRun> Plan(CampaignConfig c, string outDir) => c.Diffusion is not { } d ? [] :
        (from comp in c.Compositions
         from replica in Enumerable.Range(1, c.Replicas)
         from t in d.TemperaturesK
         select new DiffusionRun(comp, replica, t, Path.Combine(CompositionDir(comp, outDir), string.Create(CultureInfo.InvariantCulture, $"T{t:0.#}-r{replica}")))).ToList();

    private static string CompositionDir(CampaignComposition c, string outDir) => Path.Combine(outDir, LabOutput.SafeName(c.Label), "diffusion");

    /// <summary>
    /// Runs what is missing, one run at a time on <paramref name="backend"/>; <paramref name="glassOf"/> gives the built glass
    /// file of a composition and replica (null if none); <paramref name="progress"/> shows each MD run, <paramref name="log"/> a line per finished run.
    /// </summary>
    public static void RunAll(CampaignConfig c, List<DiffusionRun> runs, string outDir, Func<CampaignComposition, int, string?> glassOf, BackendChoice backend,
        ProgressRunner progress, Action<string> log)
    {
        var axis = c.Diffusion!;
        int done = 0;
        foreach (var r in runs)
        {
            done++;
            if (File.Exists(Path.Combine(r.AnalysisDir, "summary.json"))) continue;
            var system = Load(r.Composition, glassOf(r.Composition, r.Replica));
            var ff = ForceFieldCatalog.Resolve(r.Composition.ForceField, Composition.FromAtoms(system), r.Composition.BoronN4);
            var compiled = new CompiledForceField(ff, system);
            var plan = new MdPlan(axis.Steps, axis.TimestepFs, Ensemble.Nvt, Thermostat.NoseHoover, r.TemperatureK, 0, [true, true, true], 0.1, 1.0, r.Replica,
                DrawVelocities: true, Minimize: null, ThermoEvery: axis.DumpEverySteps, DumpEvery: axis.DumpEverySteps, CheckpointEvery: 0, Resume: false, OutDir: r.Dir);
            var outcome = MdDriver.Run(system, compiled, backend.Create(), plan, r.Composition.Label, progress);
            if (outcome.Code != 0) throw new OperationCanceledException($"diffusion run {r.Dir} stopped ({outcome.Message}); rerun the campaign to continue");
            DiffusionReport.Write(new DiffusionRequest([Path.Combine(r.Dir, "trajectory.dump")], axis.Species, TimestepFs: axis.TimestepFs, SkipPs: axis.SkipPs), r.AnalysisDir);
            log($"[{done}/{runs.Count}] diffusion {r.Dir}");
        }
    }

    /// <summary>One Arrhenius fit per composition (all replicas and temperatures) and conductivity.csv over the compositions.</summary>
    public static void Aggregate(List<DiffusionRun> runs, string outDir)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var g in runs.GroupBy(r => r.Composition.Label))
        {
            var comp = g.First().Composition;
            var analysed = g.Where(r => File.Exists(Path.Combine(r.AnalysisDir, "summary.json"))).ToList();
            if (analysed.Select(r => r.TemperatureK).Distinct().Count() < 2) continue;
            string dir = Path.Combine(CompositionDir(comp, outDir), "arrhenius");
            var (fit, _) = ArrheniusReport.Write(analysed.Select(r => r.AnalysisDir).ToList(), 300, dir);
            rows.Add([comp.Label, comp.X, fit["points"]?.GetValue<int>(), Value(fit, "activation_energy_eV"), Value(fit, "activation_energy_se_eV"),
                Value(fit, "prefactor_D0_cm2_per_s"), Value(fit, "D_extrapolated_cm2_per_s"), Value(fit, "conductivity_extrapolated_S_per_cm"),
                Value(fit, "conductivity_charge_e"), fit["conductivity_charge_source"]?.GetValue<string>()]);
        }
        if (rows.Count == 0) return;
        AtomicFile.Write(Path.Combine(outDir, "conductivity.csv"), w => TableWriter.Write(w,
            ["label", "x", "points", "activation_energy_eV", "activation_energy_se_eV", "D0_cm2_per_s", "D_300K_cm2_per_s", "sigma_300K_S_per_cm", "sigma_charge_e", "sigma_charge_source"], rows));
    }

    /// <summary>
    /// One diffusion run as a shell line for a Slurm task: skipped when its analysis exists, else the glass step, the same
    /// NVT run as <see cref="RunAll"/> through <c>fracturelab md</c> (Nosé-Hoover 0.1 ps, velocities drawn with the replica
    /// seed, trajectory with image flags) and <c>fracturelab diffusion</c> on its trajectory.
    /// </summary>
    public static string SlurmTask(CampaignConfig c, DiffusionRun r, string buildStep, string glassFile)
    {
        var a = c.Diffusion!;
        var comp = r.Composition;
        string dir = Path.GetFullPath(r.Dir), analysis = Path.GetFullPath(r.AnalysisDir);
        string ff = File.Exists(comp.ForceField) ? Path.GetFullPath(comp.ForceField) : comp.ForceField;
        string md = string.Create(CultureInfo.InvariantCulture,
            $"fracturelab md --data '{glassFile}' --forcefield '{ff}'{(comp.Elements is { } e ? $" --elements {e}" : "")}{(comp.BoronN4 is { } n4 ? $" --boron-n4 {n4}" : "")} " +
            $"--steps {a.Steps} --dt {a.TimestepFs} --ensemble nvt --thermostat nose-hoover --temperature {r.TemperatureK} --tdamp 0.1 --seed {r.Replica} " +
            $"--new-velocities --thermo {a.DumpEverySteps} --dump-every {a.DumpEverySteps} --checkpoint-every 0 --out '{dir}'");
        string analyse = string.Create(CultureInfo.InvariantCulture,
            $"fracturelab diffusion --dump '{Path.Combine(dir, "trajectory.dump")}' --species {a.Species} --timestep-fs {a.TimestepFs} --skip-ps {a.SkipPs} --out '{analysis}'");
        return $"[ -f '{Path.Combine(analysis, "summary.json")}' ] || {{ {buildStep}{md} && {analyse}; }}";
    }

    /// <summary>
    /// The structure file of a composition that is not built (its data file, or its shipped structure written once into
    /// <paramref name="dir"/>), for command lines that need a file.
    /// </summary>
    public static string StructureFile(CampaignComposition c, string dir)
    {
        if (c.DataFile is not null) return Path.GetFullPath(c.DataFile);
        string path = Path.GetFullPath(Path.Combine(dir, $"{LabOutput.SafeName(c.Shipped!)}.data"));
        if (!File.Exists(path)) LammpsDataWriter.Write(path, Load(c, null), $"shipped structure {c.Shipped}");
        return path;
    }

    private static double? Value(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue(out double d) ? d : null;

    private static AtomSystem Load(CampaignComposition c, string? glass)
    {
        var elements = c.Elements?.Split(',', StringSplitOptions.TrimEntries);
        if (glass is not null) return LammpsDataReader.Read(glass, elements);
        if (c.DataFile is not null) return LammpsDataReader.Read(c.DataFile, elements);
        return ShippedStructures.Read(c.Shipped!, elements);
    }
}

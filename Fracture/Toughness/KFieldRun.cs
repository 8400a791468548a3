using FractureLab.Mechanics.Engines;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// The K-field route of a study for one replica (folder <c>kfield/rK</c>): the glass replicated in-plane by
/// <see cref="KFieldStudySettings.Replicate"/>, made into a slab, loaded step by step with the replica's uncracked E and ν;
/// writes slab.data (the reference), kfield.csv (the R-curve, one row per K, flushed as it goes), final.data and kfield.json
/// (K_Ic and how it was found). A loading that was stopped starts again from the slab when the study is rerun; a finished one is kept.
/// </summary>
public static class KFieldRun
{
    public const string Table = "kfield.csv", Result = "kfield.json";

    /// <param name="youngsGpa">E of the replica's uncracked pull at the tension's temperature: reported beside the 0 K moduli the field is built with.</param>
    public static JsonObject Run(RunConfig config, KFieldStudySettings ks, double youngsGpa, double poisson, string dir, BackendChoice backend, ProgressRunner progress)
    {
        double uncrackedE = youngsGpa, uncrackedNu = poisson;
        string resultFile = Path.Combine(dir, Result);
        if (File.Exists(resultFile)) return (JsonObject)JsonNode.Parse(File.ReadAllText(resultFile))!;
        Directory.CreateDirectory(dir);
        var (glass, source) = config.LoadStructure(progress);
        if (ks.Replicate is [var nx, var ny, var nz] && nx * ny * nz > 1) glass = Replication.Replicate(glass, nx, ny, nz);
        var ff = config.ResolveForceField(glass);
        // core-shell ions: the shells the pulls get too; at 0 K (FIRE) only: the MD holds' temperature is not yet taken on ions beside a held layer
        if (ff.Shells.Count > 0 && ks.Settings.Thermal)
            throw new Mechanics.InputException($"force field {ff.Name} has core-shell ions: K-field MD holds ([kfield] temperature_K > 0) do not handle shells yet; the 0 K loading (temperature_K = 0, FIRE) does");
        (glass, source) = config.WithShells(new LoadedStructure(glass, source), ff);
        int[]? shellOf = CoreShellTerm.Bind(ff, glass)?.ShellOfEachCore();
        double cutoff = Math.Max(ff.ShortRangeCutoff, ff.Coulomb.Cutoff);
        if (ks.Settings.BoundaryA < cutoff)
            throw new Mechanics.InputException($"K-field: the held layer of {ks.Settings.BoundaryA} A is thinner than the force cut-off ({cutoff} A): inner atoms would feel the free outer surface ([kfield] boundary_A)");
        ForceComputer Bind(AtomSystem s) => new(new CompiledForceField(ff, s), backend.Create());
        Bind(glass);
        var k = ks.Settings with { Seed = config.Settings.Seed };
        KFieldSlab? slab = null;
        KFieldResult? result = null;
        StaticModuli? moduli = null;
        double spread = double.NaN;
        progress($"K-field loading ({glass.Count} atoms) {dir}", (report, token) =>
        {
            // At 0 K the field is built with the glass' 0 K moduli (measured here); at T with the uncracked pull's, measured at T.
            if (!k.Thermal)
            {
                report("0 K moduli of the glass", 0, 1);
                moduli = StaticModuli.Measure(glass, Bind, k.LoadAxis, out spread);
                youngsGpa = moduli.YoungsGpa;
                poisson = moduli.Poisson;
            }
            report("slab: cut and relax", 0, 1);
            slab = KFieldLoading.Build(glass, k, Bind, shellOf);
            LammpsDataWriter.Write(Path.Combine(dir, "slab.data"), slab.System, $"FractureLab K-field slab (reference): {slab.Description}");
            var forces = Bind(slab.System);
            using var table = new StreamWriter(Path.Combine(dir, Table), append: false);
            table.WriteLine(KFieldStep.CsvHeader);
            result = KFieldLoading.Run(slab, forces, youngsGpa, poisson, k, step =>
            {
                table.WriteLine(step.ToCsv());
                table.Flush();
                report($"K = {step.KMPa:0.000} MPa m^0.5, advance {step.AdvanceA:0.0} A", step.KMPa - k.KStartMPa, k.KMaxMPa - k.KStartMPa);
            }, token);
            if (token.IsCancellationRequested) throw new OperationCanceledException($"K-field loading in {dir} cancelled (the R-curve so far is in {Table}); rerun the study to start it again");
        });
        LammpsDataWriter.Write(Path.Combine(dir, "final.data"), slab!.System, "FractureLab K-field slab at the last K step");
        var r = result!;
        var json = new JsonObject
        {
            ["KIc_MPa_sqrt_m"] = r.KIcMPa,
            ["how"] = r.How,
            ["steps"] = r.Steps.Count,
            ["structure"] = source,
            ["slab"] = slab.Description,
            ["youngs_modulus_GPa"] = youngsGpa,
            ["poisson_ratio"] = poisson,
            ["moduli"] = moduli is not null
                ? $"isotropic 0 K moduli of the glass from uniaxial strains of +-0.5 % (FIRE): lambda {moduli.LambdaGpa:0.0} GPa, mu {moduli.MuGpa:0.0} GPa (lateral values differ by {spread:P0}); the uncracked pull at the tension's temperature gave E {uncrackedE:0.0} GPa, nu {uncrackedNu:0.000}"
                : $"E and nu of the uncracked pull at the tension's temperature ({config.Settings.Tension.TemperatureK} K; the holds run at {k.TemperatureK} K)",
            ["plane_state"] = k.State == PlaneState.Strain ? "plane strain" : "plane stress",
            ["relaxation"] = k.Thermal
                ? string.Create(CultureInfo.InvariantCulture, $"MD after each step of {k.KStepMPa} MPa m^0.5: {k.HoldPs} ps of Nose-Hoover NVT at {k.TemperatureK} K (dt {k.TimestepFs} fs) with the boundary layer {k.BoundaryA} A held at u(K); tip and J from positions and per-atom stress averaged over the hold's second half (every {k.SampleEverySteps} steps)")
                : string.Create(CultureInfo.InvariantCulture, $"FIRE at 0 K to {k.ForceToleranceEvPerA} eV/A (at most {k.MaxIterations} iterations) after each step of {k.KStepMPa} MPa m^0.5, boundary layer {k.BoundaryA} A held at u(K)"),
            ["temperature_K"] = k.TemperatureK,
            ["J_over_K2_Eprime_below_onset"] = Ratio(r),
            ["completed"] = true,
        };
        new LabOutput(dir).Json(Result, json);
        return json;
    }

    /// <summary>Mean J(atoms)/(K²/E′) over the steps before the onset (the check that the loading is the K field it claims).</summary>
    private static double? Ratio(KFieldResult r)
    {
        var v = r.Steps.TakeWhile(s => r.KIcMPa is null || s.KMPa < r.KIcMPa).Where(s => double.IsFinite(s.JJPerM2) && s.ExpectedJJPerM2 > 0).Select(s => s.JJPerM2 / s.ExpectedJJPerM2).ToList();
        return v.Count > 0 ? v.Average() : null;
    }
}

/// <summary>The study's [kfield] section: the loading settings and the in-plane replication of the glass for the slab.</summary>
public sealed record KFieldStudySettings(KFieldSettings Settings, int[]? Replicate);

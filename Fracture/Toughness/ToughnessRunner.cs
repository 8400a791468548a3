using FractureLab.Mechanics.Engines;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Fracture.Analysis;
using FractureLab.Fracture.Batch;
using FractureLab.Fracture.Protocols;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// Runs a toughness study: the uncracked pull of each replica (E and ν; in <c>uncracked/rK</c>), then every pre-cracked pull
/// as a run directory through <see cref="RunBatch"/> (sharing its replica's uncracked pull), then the J integral of each pull
/// from its per-atom stress dump (<c>j_integral.csv</c>, <c>j_onset.json</c>). Finished work is skipped, so a rerun with
/// <c>resume</c> continues where it stopped.
/// </summary>
public static class ToughnessRunner
{
    public const string UncrackedFile = "stress_strain_uncracked.csv";
    public const string UncrackedSummary = "uncracked.json";
    public const string JTable = "j_integral.csv";
    public const string JOnsetFile = "j_onset.json";

    public static void Run(ToughnessStudy s, string outDir, int jobs, bool resume, BackendChoice backend, ProgressRunner progress, Action<string> log)
    {
        foreach (var u in ToughnessPlan.Uncracked(s, outDir))
        {
            bool had = File.Exists(Path.Combine(u.Dir, UncrackedSummary));
            PullUncracked(s, u, backend, progress);
            if (!had) log($"uncracked pull {u.Dir}: done");
        }
        if (s.Uses(ToughnessMethod.KField))
            foreach (var u in ToughnessPlan.Uncracked(s, outDir))
            {
                var e = JsonNode.Parse(File.ReadAllText(Path.Combine(u.Dir, UncrackedSummary)))!;
                var k = KFieldRun.Run(ToughnessPlan.ConfigOf(s, u), s.KField, e["youngs_modulus_GPa"]!.GetValue<double>(), e["poisson_ratio"]!.GetValue<double>(),
                    ToughnessPlan.KFieldDir(u, outDir), backend, progress);
                log($"K-field loading {ToughnessPlan.KFieldDir(u, outDir)}: K_Ic = {k["KIc_MPa_sqrt_m"]?.ToString() ?? "not reached"} ({k["how"]})");
            }
        var pulls = s.NeedsPulls ? ToughnessPlan.Cracked(s, outDir) : [];
        RunBatch.RunAll(pulls.Select(p => new BatchRun(p.Dir, () => ToughnessPlan.ConfigOf(s, p),
            () => PullUncracked(s, ToughnessPlan.UncrackedOf(s, p, outDir), backend, progress))).ToList(), jobs, resume, backend, progress, log);
        if (s.Uses(ToughnessMethod.JIntegral))
            foreach (var p in pulls.Where(p => RunDirectory.Finished(p.Dir))) AnalyzeJ(s, p, log);
    }

    /// <summary>Runs one task of the plan (uncracked pulls first, then the pre-cracked ones; for a Slurm array task).</summary>
    public static void RunTask(ToughnessStudy s, string outDir, int task, BackendChoice backend, ProgressRunner progress, Action<string> log)
    {
        var pulls = ToughnessPlan.Cracked(s, outDir);
        if (task < 0 || task >= pulls.Count) throw new Mechanics.InputException($"--task {task}: the study has tasks 0 to {pulls.Count - 1}");
        var p = pulls[task];
        RunBatch.RunAll([new BatchRun(p.Dir, () => ToughnessPlan.ConfigOf(s, p), () => PullUncracked(s, ToughnessPlan.UncrackedOf(s, p, outDir), backend, progress))],
            1, resume: true, backend, progress, log);
        if (s.Uses(ToughnessMethod.JIntegral) && RunDirectory.Finished(p.Dir)) AnalyzeJ(s, p, log);
    }

    /// <summary>
    /// The uncracked pull of a replica: read back when its folder has it, else made (relaxed at zero stress, pulled to the
    /// modulus strain under protocol A) and written atomically. A lock file keeps two processes (Slurm tasks) from making it twice.
    /// </summary>
    public static UncrackedPull PullUncracked(ToughnessStudy s, StudyPull u, BackendChoice backend, ProgressRunner progress)
    {
        string rows = Path.Combine(u.Dir, UncrackedFile), summary = Path.Combine(u.Dir, UncrackedSummary);
        using var gate = FolderLock.Acquire(u.Dir, TimeSpan.FromHours(12)); // a second Slurm task waits for the first's pull and reads it
        var config = ToughnessPlan.ConfigOf(s, u);
        int axis = config.Settings.Tension.Axis;
        if (File.Exists(summary) && File.Exists(rows))
        {
            double l0 = JsonNode.Parse(File.ReadAllText(summary))!["initial_length_A"]!.GetValue<double>();
            return new UncrackedPull(StressStrainRow.ReadCsv(rows), l0);
        }
        var (structure, ff) = config.LoadForRun(progress); // core-shell ions: the shells the pre-cracked pulls get too
        var (glass, source) = structure;
        var job = new FractureJob(glass, ff, backend.Create, config.Settings);
        UncrackedPull? pull = null;
        progress($"uncracked pull ({glass.Count} atoms) {u.Dir}", (report, token) => pull = job.PullUncracked(report, token));
        var curve = TensilePull.CurveOf(pull!.Rows, config.Settings.ModulusTension, pull.InitialLengthA);
        var analysis = TensileAnalysis.Analyze(curve, new TensileAnalysisOptions(), $"uncracked pull {u.Dir}");
        AtomicFile.Write(Path.Combine(u.Dir, "run.toml"), w => w.Write(config.ToToml()));
        AtomicFile.Write(rows, w => StressStrainRow.WriteCsv(w, pull.Rows, axis));
        var json = TensileReport.SummaryJson(analysis, curve, new TensileAnalysisOptions());
        json["structure"] = source;
        json["atoms"] = glass.Count;
        json["density_g_cm3"] = glass.DensityGPerCm3();
        json["width_A"] = glass.Box.Length(config.Settings.Crack.CrackAxis);
        json["completed"] = true;
        new LabOutput(u.Dir).Json(UncrackedSummary, json);
        return pull;
    }

    /// <summary>The J integral of a finished pull from its trajectory.dump and precracked.data (skipped when j_onset.json is newer than both).</summary>
    public static void AnalyzeJ(ToughnessStudy s, StudyPull p, Action<string> log, string? dumpFile = null, string? referenceFile = null)
    {
        string dump = dumpFile ?? Path.Combine(p.Dir, "trajectory.dump"), reference = referenceFile ?? Path.Combine(p.Dir, "precracked.data"), onsetFile = Path.Combine(p.Dir, JOnsetFile);
        if (File.Exists(onsetFile) && File.GetLastWriteTimeUtc(onsetFile) >= File.GetLastWriteTimeUtc(dump)) return;
        var config = ToughnessPlan.ConfigOf(s, p);
        var c = config.Settings.Crack;
        var (pulled, ff) = config.LoadForRun();
        // the pull's types: the glass's, then the shells a core-shell force field adds (LAMMPS's write_data names no elements)
        var refRead = LammpsDataReader.Read(reference, pulled.Glass.TypeElements);
        // core-shell ions: each ion (its core's position, its core's and shell's stress summed) is one particle of the fields
        var ions = IonFrames.Of(refRead, ff);
        var refSystem = ions?.Ions ?? refRead;
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(p.Dir, "summary.json")))!;
        double a = summary["crack_half_length_A"]!.GetValue<double>();
        var frames = PullJIntegral.Analyze(refRead, dump, c.CrackAxis, c.LoadingAxis, a, s.J, ions);
        var onset = PullJIntegral.Onset(frames, s.J);
        (double Left, double Right)? zone = null;
        if (onset?.Frame.Tips is { Separated: false } tips)
            zone = ProcessZone.Size(refSystem, PullJIntegral.FrameAt(refRead, dump, onset.Frame.Step, ions), tips, onset.Frame.CrackPlaneZ, c.CrackAxis, c.LoadingAxis);
        var output = new LabOutput(p.Dir);
        output.Text(JTable, w => PullJIntegral.WriteCsv(w, frames));
        var json = OnsetJson(onset, s.J);
        if (zone is { } z)
        {
            double w = refSystem.Box.Length(c.CrackAxis), room = Math.Min(a, 0.5 * w - a);
            double ratio = Math.Max(z.Left, z.Right) / room;
            json["process_zone"] = new JsonObject
            {
                ["left_A"] = z.Left, ["right_A"] = z.Right, ["ratio_to_min_a_ligament"] = ratio, ["small"] = ratio <= ProcessZone.MaxRatio,
                ["definition"] = $"atoms within {ProcessZone.BandA} A of the crack plane with D2min > {ProcessZone.ThresholdA2} A^2 (neighbours within {ProcessZone.CutoffA} A, against precracked.data), 1 A bins ahead of the tip at least {ProcessZone.MinShare:P0} such atoms, at the onset frame",
            };
        }
        output.Json(JOnsetFile, json);
        log(onset is null ? $"{p.Dir}: no crack found in the dump; no J" : string.Create(CultureInfo.InvariantCulture, $"{p.Dir}: J_c = {onset.JcJPerM2:0.00} J/m2 ({onset.How})"));
    }

    private static JsonObject OnsetJson(JOnset? o, JOptions j)
    {
        var opts = new JsonObject
        {
            ["kernel_width_A"] = j.KernelWidthA, ["grid_spacing_A"] = j.SpacingA, ["tip_advance_A"] = j.AdvanceA, ["window_frames"] = j.WindowFrames,
            ["domain_fractions"] = new JsonArray(j.Fractions.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
            ["kernel"] = "Gaussian (Hardy), truncated at 4 widths, averaged over the thickness; stress from compute stress/atom (kinetic part included)",
        };
        if (o is null) return new JsonObject { ["found"] = false, ["options"] = opts };
        return new JsonObject
        {
            ["found"] = true,
            ["Jc_J_m2"] = JsonOutput.Number(o.JcJPerM2),
            ["spread"] = JsonOutput.Number(o.Spread),
            ["advance_seen"] = o.AdvanceSeen,
            ["how"] = o.How,
            ["strain"] = o.Frame.Strain,
            ["stress_GPa"] = o.Frame.StressGpa,
            ["tip_left_A"] = JsonOutput.Number(o.Frame.Tips?.LeftX ?? double.NaN),
            ["tip_right_A"] = JsonOutput.Number(o.Frame.Tips?.RightX ?? double.NaN),
            ["domains_outer_A"] = new JsonArray(o.Frame.OuterA.Select(v => JsonOutput.Number(v)).ToArray()),
            ["J_right_J_m2"] = new JsonArray(o.Frame.JRight.Select(v => JsonOutput.Number(v)).ToArray()),
            ["J_left_J_m2"] = new JsonArray(o.Frame.JLeft.Select(v => JsonOutput.Number(v)).ToArray()),
            ["options"] = opts,
        };
    }
}

using FractureLab.Mechanics.Engines;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Switching;
using FractureLab.Experiments.Plots;
using FractureLab.Fracture.Analysis;
using FractureLab.Fracture.Protocols;
using FractureLab.Fracture.Reports;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Fracture.Runs;

/// <summary>What a fracture run directory holds after a run: the job's result, its wall time and the exit code it calls for (0, or 130 when cancelled).</summary>
public sealed record RunOutcome(FractureJobResult Result, double WallSeconds, string Folder)
{
    public int ExitCode => Result.Cancelled ? 130 : 0;

    /// <summary>One line for the console: the run's numbers and where they are.</summary>
    public string Headline()
    {
        var a = Result.Analysis;
        var ci = CultureInfo.InvariantCulture;
        string F(double? v, string f) => v?.ToString(f, ci) ?? "n/a";
        return $"{(a.Separated ? "separated" : "not separated")} in {WallSeconds.ToString("F0", ci)} s: E {F(a.YoungsModulusGpa, "0.0")} GPa, nu {F(a.PoissonRatio, "0.000")}, " +
               $"sigma_max {a.StrengthGpa.ToString("0.00", ci)} GPa at {a.StrainAtPeak.ToString("0.000", ci)}, work of fracture {F(a.FractureEnergyJPerM2, "0.00")} J/m2, " +
               $"K_Ic {F(a.KIcEnergyMPaSqrtM, "0.000")} (work of fracture) / {F(a.KIcStressMPaSqrtM, "0.000")} (stress) MPa m^0.5; results in {Folder}";
    }
}

/// <summary>
/// A fracture run as a folder (SCIENCE.md §2-4): runs the <see cref="FractureJob"/> of a <see cref="RunConfig"/> and writes
/// everything a user reads: stress_strain.csv (and the uncracked curve), summary.json, plan.json, precracked.data,
/// trajectory.dump with per-atom stress, the minimized snapshots and their bond-switching curves, the figures (PNG and SVG)
/// and report.md/report.html. <c>run</c>, campaigns and toughness studies all make their runs through this type.
/// </summary>
public static class RunDirectory
{
    /// <summary>
    /// Runs <paramref name="config"/> into <paramref name="outDir"/> (continuing its checkpoints with <paramref name="resume"/>),
    /// showing progress through <paramref name="progress"/>; <paramref name="uncracked"/> hands over an uncracked pull made
    /// elsewhere (a study's per-replica pull).
    /// </summary>
    public static RunOutcome Run(RunConfig config, BackendChoice backend, string outDir, bool resume, ProgressRunner progress, UncrackedPull? uncracked = null)
    {
        config = config with { StructureCache = config.StructureCache ?? Path.Combine(outDir, "structure") };
        var (structure, ff) = config.LoadForRun(progress);
        var (glass, source) = structure;
        var output = new LabOutput(outDir);
        var clock = Stopwatch.StartNew();
        LammpsDumpWriter? dump = null;
        StreamWriter? curve = null;
        FractureJobResult? result = null;
        var switching = new RunBondSwitching(outDir);
        if (!resume) switching.Clear();
        string dumpPath = Path.Combine(outDir, "trajectory.dump"), curvePath = Path.Combine(outDir, "stress_strain.csv");
        var t = config.Settings.Tension;
        double spacing = t.Protocol == TensileProtocol.C ? t.StepStrain : t.RecordEveryStrain;
        try
        {
            Directory.CreateDirectory(Path.Combine(outDir, "checkpoint"));
            // the checkpoint's own copy of the plan: a resume with another structure, force field, crack or tension is refused
            ResumeCheck.Apply(Path.Combine(outDir, "checkpoint", "plan.json"), Plan(config, ff, backend, source), resume, ["fracturelab_version", "backend", "backend_detail", "threads"]);
            var job = new FractureJob(glass, ff, backend.Create, config.Settings)
            {
                CheckpointDir = Path.Combine(outDir, "checkpoint"),
                Resume = resume,
                Uncracked = uncracked,
                OnCrackedRecord = (row, s, f) =>
                {
                    // Frames are numbered by record (from the strain, so a resumed run numbers them as an uninterrupted one);
                    // on resume the dump keeps the frames before the first record written again and continues after them.
                    long record = (long)Math.Round(row.Strain / spacing);
                    if (dump is null)
                    {
                        if (resume) LammpsDumpFiles.TruncateFrom(dumpPath, record);
                        dump = new LammpsDumpWriter(dumpPath, append: resume);
                        curve = OpenCurve(curvePath, resume, record, spacing, t.Axis);
                    }
                    // stress_strain.csv is streamed and flushed per record, so a killed run leaves its curve up to the last record.
                    curve!.WriteLine(row.ToCsv(t.Axis));
                    curve.Flush();
                    if (config.DumpEveryRecords > 0 && record % config.DumpEveryRecords == 0) dump.WriteFrame(s, record, PerAtomStressColumns(s, f));
                },
                OnMinimizedSnapshot = switching.Write,
            };
            progress($"fracture run ({glass.Count} atoms) {outDir}", (report, token) => result = job.Run(report, token));
        }
        finally { dump?.Dispose(); curve?.Dispose(); }
        var r = result!;
        double wall = clock.Elapsed.TotalSeconds;
        var groups = structure.GroupsFile is { } g ? AtomGroups.Read(g) : null;
        var curves = switching.Analyze(output, config.Settings.Tension.Axis, glass.TypeElements, config.Settings.Crack.CrackAxis, r.Analysis.StrainAtPeak, groups);
        Write(r, config, ff, backend, source, output, wall, glass.Count, glass.DensityGPerCm3(), curves);
        return new RunOutcome(r, wall, output.Folder);
    }

    /// <summary>
    /// The streamed curve: a fresh file with its header, or on resume the rows before <paramref name="firstRecord"/> kept (the
    /// resumed pull writes the others again) and the file continued.
    /// </summary>
    private static StreamWriter OpenCurve(string path, bool resume, long firstRecord, double spacing, int axis)
    {
        if (resume && File.Exists(path))
        {
            var keep = File.ReadLines(path).Take(1).Concat(File.ReadLines(path).Skip(1).Where(l => l.Length > 0
                && (long)Math.Round(double.Parse(l[..l.IndexOf(',')], System.Globalization.CultureInfo.InvariantCulture) / spacing) < firstRecord)).ToList();
            AtomicFile.Write(path, w => { foreach (var l in keep) w.WriteLine(l); });
            return new StreamWriter(path, append: true);
        }
        var fresh = new StreamWriter(path, append: false);
        fresh.WriteLine(StressStrainRow.CsvHeader);
        return fresh;
    }

    /// <summary>
    /// The dump columns c_stress[1..6] of LAMMPS compute stress/atom (bar·Å³) at the current state, and c_pe of compute
    /// pe/atom (eV, without the k-space part) where the back end gives it.
    /// </summary>
    private static Dictionary<string, double[]> PerAtomStressColumns(AtomSystem s, ForceComputer f)
    {
        var r = f.Compute(s, perAtomVirial: true);
        var cols = s.PerAtomStressBarA3(r.PerAtomVirial!);
        var d = Enumerable.Range(0, 6).ToDictionary(k => $"c_stress[{k + 1}]", k => cols[k]);
        if (r.PerAtomEnergy is { } pe) d["c_pe"] = pe;
        return d;
    }

    /// <summary>Whether the run in <paramref name="dir"/> finished (its summary.json says completed).</summary>
    public static bool Finished(string dir)
    {
        string summary = Path.Combine(dir, "summary.json");
        if (!File.Exists(summary)) return false;
        try { return JsonNode.Parse(File.ReadAllText(summary))?["completed"]?.GetValue<bool>() == true; }
        catch (System.Text.Json.JsonException) { return false; }
    }

    private static void Write(FractureJobResult r, RunConfig config, ForceField ff, BackendChoice backend, string source, LabOutput output, double wall, int atoms, double densityGPerCm3,
        IReadOnlyList<NetworkFormerCurve> switching)
    {
        int axis = config.Settings.Tension.Axis;
        output.Text("stress_strain.csv", w => StressStrainRow.WriteCsv(w, r.CrackedRows, axis));
        output.Text("stress_strain_uncracked.csv", w => StressStrainRow.WriteCsv(w, r.UncrackedRows, axis));
        LammpsDataWriter.Write(Path.Combine(output.Folder, "precracked.data"), r.Relaxed, $"FractureLab pre-cracked, relaxed: {r.Crack.Description}");
        var summary = TensileReport.SummaryJson(r.Analysis, r.CrackedCurve, r.Options);
        summary["uncracked"] = TensileReport.ElasticJson(r.UncrackedAnalysis, r.UncrackedCurve);
        summary["crack"] = r.Crack.Description;
        summary["crack_half_length_A"] = r.Crack.HalfLengthA;
        summary["crack_period_A"] = r.Crack.PeriodA;
        summary["protocol"] = config.Settings.Tension.Protocol.ToString();
        summary["strain_rate_per_s"] = config.Settings.Tension.StrainRatePerS;
        summary["temperature_K"] = config.Settings.Tension.TemperatureK;
        summary["atoms"] = atoms;
        summary["density_g_cm3"] = densityGPerCm3;
        summary["atoms_after_crack"] = r.Crack.AtomsAfter;
        summary["wall_seconds"] = wall;
        // the work of this invocation (with wall_seconds: its rate); a resumed run counts only the steps it ran itself
        summary["atom_steps_this_invocation"] = r.AtomSteps;
        summary["atom_steps_per_second"] = r.AtomSteps / Math.Max(wall, 1e-9);
        summary["completed"] = !r.Cancelled;
        if (switching.Count > 0) summary["bond_switching"] = RunBondSwitching.Json(switching);
        output.Json("summary.json", summary);
        output.Json("plan.json", Plan(config, ff, backend, source));
        var plot = FracturePlots.StressStrain(r, axis);
        output.Png("stress_strain.png", PlotExport.Png(plot));
        output.Text("stress_strain.svg", w => w.Write(PlotExport.Svg(plot)));
        output.Text("report.md", w => w.Write(FractureReport.Markdown(r, config, ff, source, wall, switching)));
        output.Text("report.html", w => w.Write(FractureReport.Html(r, config, ff, source, wall, switching)));
    }

    /// <summary>plan.json: what decides the run (version, structure, force field and citation, back end, seed, crack, tension, run settings).</summary>
    public static JsonObject Plan(RunConfig config, ForceField ff, BackendChoice backend, string source)
    {
        var t = config.Settings.Tension;
        var c = config.Settings.Crack;
        return new JsonObject
        {
            ["fracturelab_version"] = FractureLab.Mechanics.BuildVersion.Text,
            ["structure"] = source,
            ["forcefield"] = ff.Name,
            ["forcefield_citation"] = ff.Citation,
            ["backend"] = backend.Kind.ToString().ToLowerInvariant(),
            ["backend_detail"] = backend.Create().Name,
            ["threads"] = backend.Threads,
            ["seed"] = config.Settings.Seed,
            ["crack"] = new JsonObject { ["kind"] = c.Kind.ToString().ToLowerInvariant(), ["length_fraction"] = c.LengthFraction, ["opening_A"] = c.OpeningA, ["loading_axis"] = "xyz"[c.LoadingAxis].ToString(), ["crack_axis"] = "xyz"[c.CrackAxis].ToString() },
            ["tension"] = new JsonObject
            {
                ["protocol"] = t.Protocol.ToString(), ["strain_rate_per_s"] = t.StrainRatePerS, ["temperature_K"] = t.TemperatureK, ["max_strain"] = t.MaxStrain,
                ["record_every_strain"] = t.RecordEveryStrain, ["timestep_fs"] = t.TimestepFs, ["separation_fraction"] = t.SeparationFraction, ["separation_span"] = t.SeparationSpan,
            },
            ["relax_ps"] = config.Settings.RelaxPs,
            ["modulus_strain"] = config.Settings.ModulusStrain,
            ["snapshot_every_strain"] = config.Settings.SnapshotEveryStrain,
        };
    }
}

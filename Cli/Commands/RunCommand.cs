using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Switching;
using FractureLab.Experiments.Plots;
using FractureLab.Fracture.Analysis;
using FractureLab.Fracture.Protocols;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Units;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab run [RUN.toml]</c>, the main job: a glass pre-cracked and pulled until it separates, with E and
/// ν from an uncracked copy (SCIENCE.md §2-3). Without a file: the shipped 3600-atom BKS silica glass (bks-wall, DSF),
/// centre crack 2a/W = 1/3, protocol A at 1e10 1/s, 300 K (RunConfig.Default). Minimized snapshots of the pull give the bond-switching
/// curves of the network formers present.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("run") { Description = "run file (TOML); without it the embedded default runs", Arity = ArgumentArity.ZeroOrOne };
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/run" };
        var backendOpts = new BackendOptions();
        var resumeOpt = new Option<bool>("--resume") { Description = "continue an interrupted run from the checkpoints in OUT/checkpoint" };
        var cmd = new Command("run", "Fracture run: pre-crack a glass and pull it until it separates (embedded default without a file)");
        cmd.Arguments.Add(file);
        cmd.Options.Add(outOpt);
        backendOpts.AddTo(cmd);
        cmd.Options.Add(resumeOpt);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var config = p.GetValue(file) is { } path ? RunConfig.Load(path) : RunConfig.Default();
            return Execute(config, backendOpts.Choice(p), p.GetValue(outOpt)!, p.GetValue(resumeOpt));
        }));
        return cmd;
    }

    public static int Execute(RunConfig config, BackendChoice backend, string outDir, bool resume = false, bool interactive = true)
    {
        string source = config.DataFile ?? $"embedded:{config.Shipped}.data";
        var elements = config.Elements?.Split(',', StringSplitOptions.TrimEntries);
        var glass = config.DataFile is not null
            ? LammpsDataReader.Read(config.DataFile, elements)
            : ShippedStructures.Read(config.Shipped, elements);
        if (config.Replicate is [var nx, var ny, var nz] && nx * ny * nz > 1)
        {
            glass = Replication.Replicate(glass, nx, ny, nz);
            source += $" replicated {nx}x{ny}x{nz}";
        }
        var ff = ForceFieldCatalog.Resolve(config.ForceField, Composition.FromAtoms(glass), config.BoronN4);
        var settings = config.Settings;
        var output = new LabOutput(outDir);
        var clock = Stopwatch.StartNew();
        int records = 0;
        LammpsDumpWriter? dump = null;
        FractureJobResult? result = null;
        var switching = new RunBondSwitching(outDir);
        if (!resume) switching.Clear();
        try
        {
            Directory.CreateDirectory(outDir);
            dump = new LammpsDumpWriter(Path.Combine(outDir, "trajectory.dump"));
            var job = new FractureJob(glass, ff, backend.Create, settings)
            {
                CheckpointDir = Path.Combine(outDir, "checkpoint"),
                Resume = resume,
                OnCrackedRecord = (row, s, f) =>
                {
                    if (config.DumpEveryRecords > 0 && records++ % config.DumpEveryRecords == 0) dump.WriteFrame(s, records, PerAtomStress(s, f));
                },
                OnMinimizedSnapshot = switching.Write,
            };
            ConsoleProgress.Run($"fracture run ({glass.Count} atoms) {outDir}", (report, token) => result = job.Run(report, token), interactive);
        }
        finally { dump?.Dispose(); }
        var r = result!;
        double wall = clock.Elapsed.TotalSeconds;
        var curves = switching.Analyze(output, config.Settings.Tension.Axis, glass.TypeElements, config.Settings.Crack.CrackAxis, r.Analysis.StrainAtPeak);
        Write(r, config, ff, backend, source, output, wall, glass.Count, glass.TotalMass() / 6.02214076e23 / (glass.Box.Volume * 1e-24), curves);
        Console.WriteLine(Headline(r, wall, output.Folder));
        if (r.Cancelled) { Console.Error.WriteLine("cancelled: partial results written"); return 130; }
        return 0;
    }

    /// <summary>Per-atom stress as LAMMPS compute stress/atom: −(m v_a v_b + W_ab) in bar·Å³ (columns c_stress[1..6]: xx yy zz xy xz yz).</summary>
    private static Dictionary<string, double[]> PerAtomStress(AtomSystem s, ForceComputer f)
    {
        var r = f.Compute(s, perAtomVirial: true);
        var w = r.PerAtomVirial!;
        var cols = Enumerable.Range(0, 6).Select(_ => new double[s.Count]).ToArray();
        const double evPerA3ToBar = MetalUnits.EvPerCubicAngstromToBar;
        int[,] ab = { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 0, 1 }, { 0, 2 }, { 1, 2 } };
        for (int i = 0; i < s.Count; i++)
        {
            double m = s.Mass(i) * MetalUnits.MvvToEv;
            for (int k = 0; k < 6; k++)
            {
                double va = s.Velocities(ab[k, 0])[i], vb = s.Velocities(ab[k, 1])[i];
                cols[k][i] = -(m * va * vb + w[6 * i + k]) * evPerA3ToBar;
            }
        }
        return Enumerable.Range(0, 6).ToDictionary(k => $"c_stress[{k + 1}]", k => cols[k]);
    }

    private static void Write(FractureJobResult r, RunConfig config, ForceField ff, BackendChoice backend, string source, LabOutput output, double wall, int atoms, double densityGPerCm3,
        IReadOnlyList<NetworkFormerCurve> switching)
    {
        int axis = config.Settings.Tension.Axis;
        output.Text("stress_strain.csv", w => StressStrainRow.WriteCsv(w, r.CrackedRows, axis));
        output.Text("stress_strain_uncracked.csv", w => StressStrainRow.WriteCsv(w, r.UncrackedRows, axis));
        LammpsDataWriter.Write(Path.Combine(output.Folder, "precracked.data"), r.Relaxed, $"FractureLab pre-cracked, relaxed: {r.Crack.Description}");
        var summary = TensileReport.SummaryJson(r.Analysis, r.CrackedCurve, r.Options);
        summary["uncracked"] = TensileReport.SummaryJson(r.UncrackedAnalysis, r.UncrackedCurve, new TensileAnalysisOptions());
        summary["crack"] = r.Crack.Description;
        summary["protocol"] = config.Settings.Tension.Protocol.ToString();
        summary["strain_rate_per_s"] = config.Settings.Tension.StrainRatePerS;
        summary["temperature_K"] = config.Settings.Tension.TemperatureK;
        summary["atoms"] = atoms;
        summary["density_g_cm3"] = densityGPerCm3;
        summary["atoms_after_crack"] = r.Crack.AtomsAfter;
        summary["wall_seconds"] = wall;
        summary["atom_steps"] = r.AtomSteps;
        summary["atom_steps_per_second"] = r.AtomSteps / Math.Max(wall, 1e-9);
        summary["completed"] = !r.Cancelled;
        if (switching.Count > 0) summary["bond_switching"] = RunBondSwitching.Json(switching);
        output.Json("summary.json", summary);
        var t = config.Settings.Tension;
        var c = config.Settings.Crack;
        output.Json("plan.json", new JsonObject
        {
            ["fracturelab_version"] = typeof(FractureJob).Assembly.GetName().Version?.ToString(),
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
        });
        var plot = FracturePlots.StressStrain(r, axis);
        output.Png("stress_strain.png", PlotExport.Png(plot));
        output.Text("stress_strain.svg", w => w.Write(FracturePlots.Svg(plot)));
        output.Text("report.md", w => w.Write(FractureReport.Markdown(r, config, ff, source, wall, switching)));
        output.Text("report.html", w => w.Write(FractureReport.Html(r, config, ff, source, wall, switching)));
    }

    private static string Headline(FractureJobResult r, double wall, string dir)
    {
        var a = r.Analysis;
        var ci = CultureInfo.InvariantCulture;
        string F(double? v, string f) => v?.ToString(f, ci) ?? "n/a";
        return $"{(a.Separated ? "separated" : "not separated")} in {wall.ToString("F0", ci)} s: E {F(a.YoungsModulusGpa, "0.0")} GPa, nu {F(a.PoissonRatio, "0.000")}, " +
               $"sigma_max {a.StrengthGpa.ToString("0.00", ci)} GPa at {a.StrainAtPeak.ToString("0.000", ci)}, G_c {F(a.FractureEnergyJPerM2, "0.00")} J/m2, " +
               $"K_Ic {F(a.KIcEnergyMPaSqrtM, "0.000")} (energy) / {F(a.KIcStressMPaSqrtM, "0.000")} (stress) MPa m^0.5; results in {dir}";
    }
}

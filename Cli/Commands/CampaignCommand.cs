using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FractureLab.Experiments.Plots;
using FractureLab.Fracture.Campaigns;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab campaign CAMPAIGN.toml [--out DIR] [--jobs N] [--resume] [--emit-slurm DIR]</c>: compositions ×
/// replicas × strain rates × protocols, each a fracture run in its own folder; <c>aggregate.csv</c> holds mean and
/// sample sd per condition, ready for <c>fracturelab compare --sim</c>, and one plot per number vs composition.
/// </summary>
public static class CampaignCommand
{
    private static readonly string[] Numbers =
        ["youngs_modulus_GPa", "poisson_ratio", "strength_GPa", "strain_at_peak", "failure_strain", "fracture_energy_J_m2",
         "KIc_energy_MPa_sqrt_m", "KIc_energy_plane_strain_MPa_sqrt_m", "KIc_stress_MPa_sqrt_m", "density_g_cm3"];

    /// <summary>One run of the campaign and where it lives.</summary>
    public sealed record CampaignRun(CampaignComposition Composition, int Replica, double RatePerS, Fracture.Protocols.TensileProtocol Protocol, string Dir)
    {
        public string Condition => $"{Protocol}-{RatePerS.ToString("0.###e0", CultureInfo.InvariantCulture)}";
    }

    public static Command Create()
    {
        var file = new Argument<string>("campaign") { Description = "campaign file (TOML)" };
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/campaign" };
        var jobs = new Option<int>("--jobs") { Description = "runs at a time (threads are shared out)", DefaultValueFactory = _ => 1 };
        var resume = new Option<bool>("--resume") { Description = "skip finished runs and continue checkpointed ones" };
        var slurm = new Option<string?>("--emit-slurm") { Description = "write a Slurm job array (one run per task) and an aggregation job into DIR instead of running" };
        var aggregateOnly = new Option<bool>("--aggregate-only") { Description = "only gather finished runs into aggregate.csv and plots" };
        var lammps = new Option<string?>("--emit-lammps") { Description = "write LAMMPS data files, decks and run.sh per run into DIR (the same protocol, analysed back by analyze-lammps) instead of running" };
        var backendOpts = new BackendOptions();
        var cmd = new Command("campaign", "Campaign: compositions × replicas × strain rates × protocols, and NVT diffusion runs × temperatures");
        cmd.Arguments.Add(file);
        foreach (var o in new Option[] { outOpt, jobs, resume, slurm, aggregateOnly, lammps }) cmd.Options.Add(o);
        backendOpts.AddTo(cmd);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var config = CampaignConfig.Load(p.GetValue(file)!);
            string outDir = p.GetValue(outOpt)!;
            var runs = Plan(config, outDir);
            var diffusion = CampaignDiffusion.Plan(config, outDir);
            if (p.GetValue(slurm) is { } slurmDir) { EmitSlurm(config, runs, diffusion, slurmDir, outDir); return 0; }
            if (p.GetValue(lammps) is { } lammpsDir) { EmitLammps(config, runs, lammpsDir, outDir); return 0; }
            if (!p.GetValue(aggregateOnly))
            {
                var backend = backendOpts.Choice(p);
                int jobCount = Math.Max(1, p.GetValue(jobs));
                if (backend.Kind == BackendKind.Gpu && jobCount > 1)
                    throw new InputException($"--jobs {jobCount} with --backend gpu: runs share one accelerator, use --jobs 1");
                RunAll(config, runs, outDir, jobCount, p.GetValue(resume), backend);
                CampaignDiffusion.RunAll(config, diffusion, outDir, (comp, replica) => GlassFile(comp, replica, outDir), backend);
            }
            if (runs.Count > 0) Aggregate(runs, outDir);
            CampaignDiffusion.Aggregate(diffusion, outDir);
            return 0;
        }));
        return cmd;
    }

    public static List<CampaignRun> Plan(CampaignConfig c, string outDir) =>
        (from comp in c.Compositions
         from protocol in c.Protocols
         from rate in c.StrainRatesPerS
         from replica in Enumerable.Range(1, c.Replicas)
         select new CampaignRun(comp, replica, rate, protocol,
             Path.Combine(outDir, LabOutput.SafeName(comp.Label), $"{protocol}-{rate.ToString("0.###e0", CultureInfo.InvariantCulture)}", $"r{replica}"))).ToList();

    /// <summary>The run file of one campaign run: the base file's settings, this run's structure, force field, rate, protocol and seed.</summary>
    public static RunConfig RunConfigOf(CampaignConfig c, CampaignRun r, string? glassFile)
    {
        var b = c.BaseRunFile is not null ? RunConfig.Load(c.BaseRunFile) : RunConfig.Default();
        var settings = b.Settings with
        {
            Seed = r.Replica,
            Tension = b.Settings.Tension with { StrainRatePerS = r.RatePerS, Protocol = r.Protocol },
        };
        return b with
        {
            DataFile = glassFile ?? r.Composition.DataFile,
            Shipped = r.Composition.Shipped ?? b.Shipped,
            Elements = r.Composition.Elements,
            ForceField = r.Composition.ForceField,
            BoronN4 = r.Composition.BoronN4 ?? b.BoronN4,
            Settings = settings,
        };
    }

    /// <summary>The built glass of a composition and replica (one realisation per replica seed), shared by its rates and protocols.</summary>
    private static string GlassDir(CampaignRun r, string outDir) => GlassDir(r.Composition, r.Replica, outDir);

    private static string GlassDir(CampaignComposition c, int replica, string outDir) => Path.Combine(outDir, LabOutput.SafeName(c.Label), $"glass-r{replica}");

    /// <summary>The glass file (full path) a composition's runs start from when it is built (building it first if needed and <paramref name="build"/>), else null.</summary>
    private static string? GlassFile(CampaignComposition c, int replica, string outDir, bool build = true)
    {
        if (c.Build is null) return null;
        string dir = GlassDir(c, replica, outDir);
        if (build && !File.Exists(Path.Combine(dir, "glass.data"))) BuildGlassCommand.Build(Recipe(c, replica), Environment.ProcessorCount, dir);
        return Path.GetFullPath(Path.Combine(dir, "glass.data"));
    }

    private static BuildGlassCommand.GlassRecipe Recipe(CampaignComposition c, int replica) =>
        new(c.Build!, c.Atoms, c.DensityGPerCm3, c.ForceField, "quick", 4000, c.QuenchRateKPerPs, c.MeltPs, c.RelaxPs, 1.6, replica, c.Aspect, c.BoronN4);

    private static void RunAll(CampaignConfig c, List<CampaignRun> runs, string outDir, int jobs, bool resume, BackendChoice backend)
    {
        if (backend.Threads <= 0) backend = backend with { Threads = Math.Max(1, Environment.ProcessorCount / jobs) };
        // Glasses first (one per composition and replica), then the runs, jobs at a time.
        var glasses = runs.Select(r => (r.Composition, r.Replica)).Distinct().ToDictionary(k => k, k => GlassFile(k.Composition, k.Replica, outDir));
        int done = 0;
        Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = jobs }, r =>
        {
            if (Finished(r.Dir)) { Interlocked.Increment(ref done); return; }
            string? glass = glasses[(r.Composition, r.Replica)];
            var config = RunConfigOf(c, r, glass);
            Directory.CreateDirectory(r.Dir);
            AtomicFile.Write(Path.Combine(r.Dir, "run.toml"), w => w.Write(config.ToToml()));
            int code = RunCommand.Execute(config, backend, r.Dir, resume && Directory.Exists(Path.Combine(r.Dir, "checkpoint")), interactive: jobs == 1);
            Console.WriteLine($"[{Interlocked.Increment(ref done)}/{runs.Count}] {r.Dir}: exit {code}");
        });
    }

    private static bool Finished(string dir)
    {
        string summary = Path.Combine(dir, "summary.json");
        if (!File.Exists(summary)) return false;
        using var doc = JsonDocument.Parse(File.ReadAllText(summary));
        return doc.RootElement.TryGetProperty("completed", out var c) && c.GetBoolean();
    }

    /// <summary>aggregate.csv: per composition and condition, n, the number separated, and mean and sd of each number; plots vs composition.</summary>
    public static void Aggregate(List<CampaignRun> runs, string outDir)
    {
        var groups = runs.GroupBy(r => (r.Composition.Label, r.Condition)).ToList();
        var table = new List<(CampaignRun First, int N, int Separated, Dictionary<string, (double Mean, double Sd, int N)> Stats)>();
        foreach (var g in groups)
        {
            var docs = g.Where(r => Finished(r.Dir)).Select(r => JsonDocument.Parse(File.ReadAllText(Path.Combine(r.Dir, "summary.json")))).ToList();
            var stats = new Dictionary<string, (double, double, int)>();
            foreach (var q in Numbers)
            {
                var v = docs.Select(d => q == "density_g_cm3" ? Density(d) : d.RootElement.TryGetProperty(q, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : (double?)null)
                    .Where(x => x is not null).Select(x => x!.Value).ToList();
                stats[q] = v.Count == 0 ? (double.NaN, double.NaN, 0)
                    : (v.Average(), v.Count > 1 ? Math.Sqrt(v.Sum(x => (x - v.Average()) * (x - v.Average())) / (v.Count - 1)) : double.NaN, v.Count);
            }
            int separated = docs.Count(d => d.RootElement.GetProperty("separated").GetBoolean());
            table.Add((g.First(), docs.Count, separated, stats));
            foreach (var d in docs) d.Dispose();
        }
        var output = new LabOutput(outDir);
        output.Text("aggregate.csv", w =>
        {
            var header = new List<string> { "glass", "x", "protocol", "strain_rate_per_s", "n", "n_separated" };
            foreach (var q in Numbers) header.AddRange([q, q + "_sd"]);
            header.AddRange(["E_GPa", "KIc_MPa_sqrt_m", "KIc_MPa_sqrt_m_sd"]);
            w.WriteLine(string.Join(',', header));
            string N(double v) => double.IsFinite(v) ? v.ToString("R", ci) : "";
            foreach (var (first, n, sep, stats) in table)
            {
                var cells = new List<string> { first.Composition.Label, first.Composition.X is { } x ? N(x) : "", first.Protocol.ToString(), N(first.RatePerS), n.ToString(ci), sep.ToString(ci) };
                foreach (var q in Numbers) cells.AddRange([N(stats[q].Mean), N(stats[q].Sd)]);
                // For `compare`: E and K_Ic under the names experiments use; K_Ic is the energy route, plane stress (as the thesis).
                cells.AddRange([N(stats["youngs_modulus_GPa"].Mean), N(stats["KIc_energy_MPa_sqrt_m"].Mean), N(stats["KIc_energy_MPa_sqrt_m"].Sd)]);
                w.WriteLine(string.Join(',', cells));
            }
        });
        foreach (var q in Numbers.Where(q => table.Any(t => t.Stats[q].N > 0)))
        {
            var model = PlotExport.NewModel(q, "composition (x, or order in the file)", q);
            foreach (var cond in table.GroupBy(t => t.First.Condition))
            {
                var s = new ScatterErrorSeries { Title = cond.Key, MarkerType = MarkerType.Circle, MarkerSize = 5 };
                int k = 0;
                foreach (var t in cond)
                {
                    var st = t.Stats[q];
                    if (st.N > 0) s.Points.Add(new ScatterErrorPoint(t.First.Composition.X ?? k, st.Mean, 0, double.IsFinite(st.Sd) ? st.Sd : 0));
                    k++;
                }
                model.Series.Add(s);
            }
            output.Png($"aggregate_{q}.png", PlotExport.Png(model));
        }
        Console.WriteLine($"aggregate of {runs.Count(r => Finished(r.Dir))}/{runs.Count} finished runs in {Path.Combine(outDir, "aggregate.csv")}");
    }

    /// <summary>Density of the glass as pulled (g/cm³), from the run's structure size in summary.json.</summary>
    private static double? Density(JsonDocument d) =>
        d.RootElement.TryGetProperty("density_g_cm3", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;

    /// <summary>
    /// LAMMPS input per run (LABEL/CONDITION/rK under <paramref name="lammpsDir"/>, see <see cref="LammpsDeckWriter"/>) and
    /// run_all.sh; compositions to be built get their glass made first with our melt-quench (kept in the campaign folder).
    /// </summary>
    public static void EmitLammps(CampaignConfig c, List<CampaignRun> runs, string lammpsDir, string outDir)
    {
        if (runs.Count == 0) throw new InputException($"{c.Source}: no fracture runs to emit (protocols = [])");
        var all = new StringBuilder("#!/usr/bin/env bash\n# Every run of the campaign in LAMMPS, one after the other (NP ranks each).\nset -euo pipefail\ncd \"$(dirname \"$0\")\"\n");
        foreach (var r in runs)
        {
            var config = RunConfigOf(c, r, GlassFile(r.Composition, r.Replica, outDir));
            var elements = config.Elements?.Split(',', StringSplitOptions.TrimEntries);
            var glass = config.DataFile is not null ? LammpsDataReader.Read(config.DataFile, elements)
                : ShippedStructures.Read(config.Shipped, elements);
            var ff = ForceFieldCatalog.Resolve(config.ForceField, Composition.FromAtoms(glass), config.BoronN4);
            string rel = Path.GetRelativePath(outDir, r.Dir);
            LammpsDeckWriter.Write(Path.Combine(lammpsDir, rel), glass, ff, config.Settings, $"{r.Composition.Label} {r.Condition} replica {r.Replica}");
            all.Append($"bash {rel.Replace('\\', '/')}/run.sh\n");
        }
        AtomicFile.Write(Path.Combine(lammpsDir, "run_all.sh"), w => w.Write(all.ToString()));
        Console.WriteLine($"LAMMPS input for {runs.Count} runs in {lammpsDir} (bash {Path.Combine(lammpsDir, "run_all.sh")})");
    }

    /// <summary>
    /// A Slurm job array: one task per fracture run and per diffusion run (each building its glass first when the
    /// campaign builds them and the glass is not there yet), then the aggregation (fracture numbers and the Arrhenius fits).
    /// </summary>
    public static void EmitSlurm(CampaignConfig c, List<CampaignRun> runs, List<CampaignDiffusion.DiffusionRun> diffusion, string slurmDir, string outDir)
    {
        if (runs.Count + diffusion.Count == 0) throw new InputException($"{c.Source}: nothing to emit (protocols = [] and no [diffusion])");
        Directory.CreateDirectory(slurmDir);
        var list = new StringBuilder();
        for (int i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            string toml = Path.GetFullPath(Path.Combine(slurmDir, $"run{i:D4}.toml"));
            AtomicFile.Write(toml, w => w.Write(RunConfigOf(c, r, GlassFile(r.Composition, r.Replica, outDir, build: false)).ToToml()));
            list.AppendLine($"{BuildStep(r.Composition, r.Replica, outDir)}fracturelab run '{toml}' --out '{Path.GetFullPath(r.Dir)}' --resume");
        }
        foreach (var d in diffusion) list.AppendLine(CampaignDiffusion.SlurmTask(c, d, BuildStep(d.Composition, d.Replica, outDir),
            GlassFile(d.Composition, d.Replica, outDir, build: false) ?? CampaignDiffusion.StructureFile(d.Composition, slurmDir)));
        AtomicFile.Write(Path.Combine(slurmDir, "tasks.txt"), w => w.Write(list.ToString()));
        AtomicFile.Write(Path.Combine(slurmDir, "campaign.sbatch"), w => w.Write($"""
            #!/bin/bash
            #SBATCH --job-name=fracturelab-campaign
            #SBATCH --array=0-{runs.Count + diffusion.Count - 1}
            #SBATCH --cpus-per-task=8
            #SBATCH --time=24:00:00
            # One fracture or diffusion run per task (line SLURM_ARRAY_TASK_ID+1 of tasks.txt); fracture reruns resume from
            # their checkpoints, diffusion runs with an analysis are skipped.
            # Submit: jobid=$(sbatch --parsable campaign.sbatch); sbatch --dependency=afterany:$jobid aggregate.sbatch
            set -euo pipefail
            cd "$SLURM_SUBMIT_DIR"
            eval "$(sed -n "$((SLURM_ARRAY_TASK_ID + 1))p" tasks.txt)"

            """));
        AtomicFile.Write(Path.Combine(slurmDir, "aggregate.sbatch"), w => w.Write($"""
            #!/bin/bash
            #SBATCH --job-name=fracturelab-aggregate
            #SBATCH --cpus-per-task=1
            #SBATCH --time=00:30:00
            set -euo pipefail
            fracturelab campaign '{Path.GetFullPath(c.Source)}' --out '{Path.GetFullPath(outDir)}' --aggregate-only

            """));
        Console.WriteLine($"{runs.Count + diffusion.Count} tasks in {Path.Combine(slurmDir, "tasks.txt")}; submit campaign.sbatch, then aggregate.sbatch after it");
    }

    /// <summary>The shell step that builds a composition's glass for a replica when it is built and not there yet ("" otherwise).</summary>
    private static string BuildStep(CampaignComposition comp, int replica, string outDir)
    {
        if (comp.Build is null) return "";
        string dir = Path.GetFullPath(GlassDir(comp, replica, outDir));
        var g = Recipe(comp, replica);
        return string.Create(ci, $"[ -f '{Path.Combine(dir, "glass.data")}' ] || fracturelab build-glass --composition '{g.Composition}' --atoms {g.Atoms} --density {g.DensityGPerCm3} " +
            $"--forcefield {g.ForceField}{(g.BoronN4 is { } n4 ? $" --boron-n4 {n4}" : "")} --aspect {g.Aspect} --quench-rate {g.QuenchRateKPerPs} --melt-ps {g.MeltPs} --relax-ps {g.RelaxPs} --seed {g.Seed} --out '{dir}'; ");
    }

    private static readonly CultureInfo ci = CultureInfo.InvariantCulture;
}

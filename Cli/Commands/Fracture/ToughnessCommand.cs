using FractureLab.Mechanics.Engines;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Fracture.Toughness;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab toughness [STUDY.toml]</c>: a toughness study of one glass (library: <see cref="ToughnessRunner"/>,
/// <see cref="ToughnessAnalysis"/>): pre-cracked pulls at several crack lengths and replicas, K_Ic by every route; parse, call, print.
/// </summary>
public static class ToughnessCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("study") { Description = "study file (TOML: the run file's sections plus [study]); without it the embedded default study runs", Arity = ArgumentArity.ZeroOrOne };
        var outOpt = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/toughness" };
        var resume = new Option<bool>("--resume") { Description = "skip finished pulls and continue checkpointed ones" };
        var jobs = new Option<int>("--jobs") { Description = "pulls at a time (threads are shared out)", DefaultValueFactory = _ => 1 };
        var slurm = new Option<string?>("--emit-slurm") { Description = "write a Slurm job array (one pull per task) and an aggregation job into DIR instead of running" };
        var task = new Option<int?>("--task") { Description = "run one pull of the plan (0-based; what a Slurm array task runs)" };
        var aggregateOnly = new Option<bool>("--aggregate-only") { Description = "only analyse the finished pulls in --out" };
        var emitLammps = new Option<string?>("--emit-lammps") { Description = "write every pull as LAMMPS input (decks with per-atom stress dumps, run.sh, run_all.sh) into DIR instead of running" };
        var fromLammps = new Option<string?>("--from-lammps") { Description = "analyse a study folder that LAMMPS has run (written by --emit-lammps): crack-length, compliance and J routes from its logs and dumps" };
        var backendOpts = new BackendOptions();
        var cmd = new Command("toughness", "Toughness study: K_Ic by the crack-length, compliance, J-integral, K-field and work-of-fracture routes");
        cmd.Arguments.Add(file);
        foreach (var o in new Option[] { outOpt, resume, jobs, slurm, task, aggregateOnly, emitLammps, fromLammps }) cmd.Options.Add(o);
        backendOpts.AddTo(cmd);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var study = p.GetValue(file) is { } path ? ToughnessStudy.Load(path) : ToughnessStudy.Default();
            string outDir = p.GetValue(outOpt)!;
            int jobCount = p.GetValue(jobs);
            if (jobCount < 1) throw new InputException($"--jobs {jobCount}: give at least 1");
            if (p.GetValue(slurm) is { } slurmDir)
            {
                int n = ToughnessSlurm.Write(study, p.GetValue(file), slurmDir, outDir);
                Console.WriteLine($"{n} tasks in {Path.Combine(slurmDir, "tasks.txt")}; submit toughness.sbatch, then aggregate.sbatch after it");
                return 0;
            }
            if (p.GetValue(emitLammps) is { } lammpsDir)
            {
                int n = ToughnessLammps.Emit(study, lammpsDir);
                Console.WriteLine($"LAMMPS input for {n} pulls in {lammpsDir}; run: bash {Path.Combine(lammpsDir, "run_all.sh")}, then: fracturelab toughness {(p.GetValue(file) is { } f ? f + " " : "")}--from-lammps {lammpsDir}");
                return 0;
            }
            if (p.GetValue(fromLammps) is { } ranDir)
            {
                if (!Directory.Exists(ranDir)) throw new InputException($"--from-lammps {ranDir}: folder does not exist");
                LogFile.To(ranDir, "toughness --from-lammps");
                ToughnessLammps.ReadBack(study, ranDir, Console.WriteLine);
                var lammpsCells = ToughnessAnalysis.Analyze(study, ranDir);
                Console.WriteLine(Headline(ToughnessSummary.Write(study, lammpsCells, ranDir), ranDir));
                return 0;
            }
            LogFile.To(outDir, "toughness");
            if (!p.GetValue(aggregateOnly))
            {
                using var backend = backendOpts.Choice(p);
                if (backend.Kind == BackendKind.Gpu && jobCount > 1) throw new InputException($"--jobs {jobCount} with --backend gpu: pulls share one accelerator, use --jobs 1");
                ProgressRunner progress = jobCount == 1 ? (t, b) => ConsoleProgress.Run(t, b) : (t, b) => ConsoleProgress.Run(t, b, interactive: false);
                if (p.GetValue(task) is { } k) { ToughnessRunner.RunTask(study, outDir, k, backend, progress, Console.WriteLine); return 0; }
                ToughnessRunner.Run(study, outDir, jobCount, p.GetValue(resume), backend, progress, Console.WriteLine);
            }
            var cells = ToughnessAnalysis.Analyze(study, outDir);
            var summary = ToughnessSummary.Write(study, cells, outDir);
            Console.WriteLine(Headline(summary, outDir));
            return 0;
        }));
        return cmd;
    }

    private static string Headline(JsonObject s, string outDir)
    {
        var ci = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        foreach (var (name, node) in s["methods"]!.AsObject())
        {
            var k = node!["KIc_MPa_sqrt_m"]!;
            double? v = k["value"]?.GetValue<double>(), se = k["stderr"]?.GetValue<double>();
            parts.Add($"{name} {(v is { } x ? x.ToString("0.000", ci) : "n/a")}{(se is { } e ? " +- " + e.ToString("0.000", ci) : "")}");
        }
        string rec = s["recommended"]?["route"]?.GetValue<string>() ?? "none";
        return $"K_Ic (MPa·m^0.5): {string.Join(", ", parts)}; recommended: {rec}; results in {outDir}";
    }
}

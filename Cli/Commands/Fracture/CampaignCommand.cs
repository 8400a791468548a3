using FractureLab.Mechanics.Engines;
using System.CommandLine;
using FractureLab.Fracture.Campaigns;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab campaign CAMPAIGN.toml [--out DIR] [--jobs N] [--resume] [--emit-slurm DIR]</c>: compositions ×
/// replicas × strain rates × protocols, each a fracture run in its own folder (library: <see cref="CampaignRuns"/>);
/// <c>aggregate.csv</c> holds mean and sample sd per condition, ready for <c>fracturelab compare --sim</c>.
/// </summary>
public static class CampaignCommand
{
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
        var cmd = new Command("campaign", "Campaign: compositions × replicas × strain rates × protocols, a toughness study per composition, and NVT diffusion runs × temperatures");
        cmd.Arguments.Add(file);
        foreach (var o in new Option[] { outOpt, jobs, resume, slurm, aggregateOnly, lammps }) cmd.Options.Add(o);
        backendOpts.AddTo(cmd);
        cmd.SetAction(p => Program.Guard(() =>
        {
            var config = CampaignConfig.Load(p.GetValue(file)!);
            string outDir = p.GetValue(outOpt)!;
            var runs = CampaignRuns.Plan(config, outDir);
            var diffusion = CampaignDiffusion.Plan(config, outDir);
            if (config.StudyFile is not null && (p.GetValue(slurm) is not null || p.GetValue(lammps) is not null))
                throw new InputException($"{config.Source}: key 'campaign.study': a campaign's toughness studies run here only; for Slurm or LAMMPS, build the glasses and emit each composition's study with `fracturelab toughness STUDY.toml --emit-slurm DIR` (or --emit-lammps)");
            if (p.GetValue(slurm) is { } slurmDir)
            {
                var extra = diffusion.Select(d => CampaignDiffusion.SlurmTask(config, d, CampaignRuns.BuildStep(d.Composition, d.Replica, outDir),
                    CampaignRuns.GlassFile(d.Composition, d.Replica, outDir) ?? CampaignDiffusion.StructureFile(d.Composition, slurmDir))).ToList();
                int n = CampaignEmit.Slurm(config, runs, extra, slurmDir, outDir);
                Console.WriteLine($"{n} tasks in {Path.Combine(slurmDir, "tasks.txt")}; submit campaign.sbatch, then aggregate.sbatch after it");
                return 0;
            }
            if (p.GetValue(lammps) is { } lammpsDir)
            {
                CampaignEmit.Lammps(config, runs, lammpsDir, outDir, Progress);
                Console.WriteLine($"LAMMPS input for {runs.Count} runs in {lammpsDir} (bash {Path.Combine(lammpsDir, "run_all.sh")})");
                return 0;
            }
            LogFile.To(outDir, "campaign");
            if (!p.GetValue(aggregateOnly))
            {
                using var backend = backendOpts.Choice(p);
                int jobCount = Math.Max(1, p.GetValue(jobs));
                if (backend.Kind == BackendKind.Gpu && jobCount > 1)
                    throw new InputException($"--jobs {jobCount} with --backend gpu: runs share one accelerator, use --jobs 1");
                CampaignRuns.RunAll(config, runs, outDir, jobCount, p.GetValue(resume), backend,
                    jobCount == 1 ? Progress : (t, b) => ConsoleProgress.Run(t, b, interactive: false), Console.WriteLine);
                CampaignDiffusion.RunAll(config, diffusion, outDir, (comp, replica) => CampaignRuns.GlassFile(comp, replica, outDir, Progress), backend,
                    Progress, Console.WriteLine);
                CampaignToughness.RunAll(config, outDir, jobCount, p.GetValue(resume), backend,
                    jobCount == 1 ? Progress : (t, b) => ConsoleProgress.Run(t, b, interactive: false), Console.WriteLine);
            }
            if (CampaignToughness.Aggregate(config, outDir, Console.WriteLine) is int studies and > 0)
                Console.WriteLine($"toughness of {studies}/{config.Compositions.Count} compositions in {Path.Combine(outDir, CampaignToughness.Table)}");
            if (runs.Count > 0)
            {
                int finished = CampaignAggregate.Write(runs, outDir);
                Console.WriteLine($"aggregate of {finished}/{runs.Count} finished runs in {Path.Combine(outDir, "aggregate.csv")}");
            }
            CampaignDiffusion.Aggregate(diffusion, outDir);
            return 0;
        }));
        return cmd;
    }

    private static void Progress(string title, Action<Action<string, double, double>, CancellationToken> body) => ConsoleProgress.Run(title, body);
}

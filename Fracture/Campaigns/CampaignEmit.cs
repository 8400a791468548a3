using System.Text;
using FractureLab.Fracture.Batch;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Fracture.Campaigns;

/// <summary>A campaign written out for elsewhere: LAMMPS decks per run, or a Slurm job array.</summary>
public static class CampaignEmit
{
    /// <summary>
    /// LAMMPS input per run (LABEL/CONDITION/rK under <paramref name="lammpsDir"/>, see <see cref="LammpsDeckWriter"/>) and
    /// run_all.sh; compositions to be built get their glass made first with our melt-quench (kept in the campaign folder).
    /// </summary>
    public static void Lammps(CampaignConfig c, List<CampaignRun> runs, string lammpsDir, string outDir, ProgressRunner progress)
    {
        if (runs.Count == 0) throw new InputException($"{c.Source}: no fracture runs to emit (protocols = [])");
        var all = new StringBuilder("#!/usr/bin/env bash\n# Every run of the campaign in LAMMPS, one after the other (NP ranks each).\nset -euo pipefail\ncd \"$(dirname \"$0\")\"\n");
        foreach (var r in runs)
        {
            var config = CampaignRuns.RunConfigOf(c, r, CampaignRuns.GlassFile(r.Composition, r.Replica, outDir, progress));
            // core-shell ions: the shells our run would add (seeded), bonded to their cores in the data files
            var (structure, ff) = config.LoadForRun(progress);
            var glass = structure.Glass;
            string rel = Path.GetRelativePath(outDir, r.Dir);
            LammpsDeckWriter.Write(Path.Combine(lammpsDir, rel), glass, ff, config.Settings, $"{r.Composition.Label} {r.Condition} replica {r.Replica}");
            all.Append($"bash {rel.Replace('\\', '/')}/run.sh\n");
        }
        AtomicFile.Write(Path.Combine(lammpsDir, "run_all.sh"), w => w.Write(all.ToString()));
    }

    /// <summary>
    /// A Slurm job array: one task per fracture run (building its glass first when the campaign builds them and the glass is
    /// not there yet) and the <paramref name="extraTasks"/> (the diffusion runs), then the aggregation.
    /// </summary>
    public static int Slurm(CampaignConfig c, List<CampaignRun> runs, IReadOnlyList<string> extraTasks, string slurmDir, string outDir)
    {
        Directory.CreateDirectory(slurmDir);
        var tasks = new List<string>();
        for (int i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            string toml = Path.GetFullPath(Path.Combine(slurmDir, $"run{i:D4}.toml"));
            AtomicFile.Write(toml, w => w.Write(CampaignRuns.RunConfigOf(c, r, CampaignRuns.GlassFile(r.Composition, r.Replica, outDir)).ToToml()));
            tasks.Add($"{CampaignRuns.BuildStep(r.Composition, r.Replica, outDir)}fracturelab run '{toml}' --out '{Path.GetFullPath(r.Dir)}' --resume");
        }
        tasks.AddRange(extraTasks);
        if (tasks.Count == 0) throw new InputException($"{c.Source}: nothing to emit (protocols = [] and no [diffusion])");
        SlurmArray.Write(slurmDir, "campaign", tasks, $"fracturelab campaign '{Path.GetFullPath(c.Source)}' --out '{Path.GetFullPath(outDir)}' --aggregate-only");
        return tasks.Count;
    }
}

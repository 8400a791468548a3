using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Batch;

/// <summary>
/// A Slurm job array for a batch of runs: <c>tasks.txt</c> (one shell line per task), <c>NAME.sbatch</c> (the array,
/// task k runs line k+1) and <c>aggregate.sbatch</c> (the gathering step, submitted after the array). Campaigns and
/// toughness studies both emit their runs this way; each task resumes from its checkpoints when rerun.
/// </summary>
public static class SlurmArray
{
    public static void Write(string slurmDir, string jobName, IReadOnlyList<string> tasks, string aggregateCommand, int cpusPerTask = 8)
    {
        if (tasks.Count == 0) throw new InputException($"{slurmDir}: nothing to emit (no runs planned)");
        Directory.CreateDirectory(slurmDir);
        AtomicFile.Write(Path.Combine(slurmDir, "tasks.txt"), w => { foreach (var t in tasks) w.WriteLine(t); });
        AtomicFile.Write(Path.Combine(slurmDir, $"{jobName}.sbatch"), w => w.Write($"""
            #!/bin/bash
            #SBATCH --job-name=fracturelab-{jobName}
            #SBATCH --array=0-{tasks.Count - 1}
            #SBATCH --cpus-per-task={cpusPerTask}
            #SBATCH --time=24:00:00
            # One run per task (line SLURM_ARRAY_TASK_ID+1 of tasks.txt); a rerun task resumes from its checkpoints and
            # finished work is skipped.
            # Submit: jobid=$(sbatch --parsable {jobName}.sbatch); sbatch --dependency=afterany:$jobid aggregate.sbatch
            set -euo pipefail
            cd "$SLURM_SUBMIT_DIR"
            eval "$(sed -n "$((SLURM_ARRAY_TASK_ID + 1))p" tasks.txt)"

            """));
        AtomicFile.Write(Path.Combine(slurmDir, "aggregate.sbatch"), w => w.Write($"""
            #!/bin/bash
            #SBATCH --job-name=fracturelab-{jobName}-aggregate
            #SBATCH --cpus-per-task=1
            #SBATCH --time=00:30:00
            set -euo pipefail
            {aggregateCommand}

            """));
    }
}

using FractureLab.Mechanics.Engines;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Fracture.Batch;

/// <summary>
/// One fracture run of a batch: its folder, its run file (made when it is about to run, so glasses built on the way are
/// there), and optionally the uncracked pull it shares with its siblings.
/// </summary>
public sealed record BatchRun(string Dir, Func<RunConfig> Config, Func<UncrackedPull>? Uncracked = null);

/// <summary>
/// Runs a batch of fracture runs <c>jobs</c> at a time (threads shared out), each an ordinary run directory with its
/// run.toml: finished runs (summary.json says completed) are skipped, interrupted ones continue from their checkpoints
/// with <c>resume</c>. Campaigns and toughness studies both run their pulls through this.
/// </summary>
public static class RunBatch
{
    public static void RunAll(IReadOnlyList<BatchRun> runs, int jobs, bool resume, BackendChoice backend, ProgressRunner progress, Action<string> log)
    {
        if (backend.Threads <= 0) backend = backend with { Threads = Math.Max(1, Environment.ProcessorCount / Math.Max(1, jobs)) };
        int done = 0, cancelled = 0;
        try
        {
            Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, r =>
            {
                if (Volatile.Read(ref cancelled) != 0) return;   // Ctrl+C stopped a run: start no other
                if (RunDirectory.Finished(r.Dir)) { Interlocked.Increment(ref done); return; }
                var config = r.Config();
                Directory.CreateDirectory(r.Dir);
                AtomicFile.Write(Path.Combine(r.Dir, "run.toml"), w => w.Write(config.ToToml()));
                var outcome = RunDirectory.Run(config, backend, r.Dir, resume && Directory.Exists(Path.Combine(r.Dir, "checkpoint")), progress, r.Uncracked?.Invoke());
                log($"[{Interlocked.Increment(ref done)}/{runs.Count}] {r.Dir}: exit {outcome.ExitCode}");
                if (outcome.Result.Cancelled) Interlocked.Exchange(ref cancelled, 1);
            });
        }
        catch (AggregateException e)
        {
            // A run's own error (bad input, a cancellation before its pull) is the batch's error, as one line, not an aggregate.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
        if (cancelled != 0) throw new OperationCanceledException($"stopped after {done} of {runs.Count} runs; the interrupted one is checkpointed: rerun with --resume");
    }
}

using FractureLab.Mechanics.Engines;
using FractureLab.Fracture.Batch;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Tests.Fracture;

/// <summary>A batch of runs stops at the first cancelled one (Ctrl+C) with one OperationCanceledException, not an aggregate, and starts no other.</summary>
public class RunBatchTests
{
    [Fact]
    public void ACancelledRun_StopsTheBatch_WithOneCancellation()
    {
        string toml = TinyGlassFiles.Write("run.toml", """
            [crack]
            opening_A = 3.0
            [tension]
            max_strain = 0.02
            record_every_strain = 0.01
            [run]
            relax_ps = 0.1
            snapshot_every_strain = 0
            """);
        string dir = Path.GetDirectoryName(toml)!;
        var config = RunConfig.Load(toml);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var runs = new[] { "a", "b", "c" }.Select(n => new BatchRun(Path.Combine(dir, n), () => config)).ToList();
        var e = Assert.ThrowsAny<OperationCanceledException>(() =>
            RunBatch.RunAll(runs, 1, resume: false, new BackendChoice(BackendKind.Simd, 1), (_, body) => body((_, _, _) => { }, cts.Token), _ => { }));
        Assert.Contains("--resume", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir, "b")), "no run after the cancelled one was started");
    }
}

/// <summary>A run folder stopped mid-pull and resumed keeps its dump whole: every frame once, in order, as an uninterrupted run writes them.</summary>
public class RunDirectoryResumeTests
{
    [Fact]
    public void ResumedRun_ContinuesTheDump_WithoutLosingOrRepeatingAFrame()
    {
        string toml = TinyGlassFiles.Write("run.toml", """
            [crack]
            opening_A = 3.0
            [tension]
            protocol = "B"
            strain_rate_per_s = 5e10
            max_strain = 0.1
            record_every_strain = 0.01
            [run]
            relax_ps = 0.2
            dump_every_records = 2
            snapshot_every_strain = 0
            """);
        string dir = Path.GetDirectoryName(toml)!;
        var config = RunConfig.Load(toml);
        var backend = new BackendChoice(BackendKind.Simd, 2);
        static List<long> Steps(string d) => [.. FractureLab.Mechanics.IO.LammpsDumpReader.Read(Path.Combine(d, "trajectory.dump")).Select(f => f.Step)];

        string straight = Path.Combine(dir, "straight");
        RunDirectory.Run(config, backend, straight, resume: false, FractureLab.Mechanics.Simulation.Progress.Silent);
        Assert.Equal([0L, 2, 4, 6, 8, 10], Steps(straight));

        // Stopped once the pull passes 5 % strain (Ctrl+C), then resumed from the checkpoints.
        string stopped = Path.Combine(dir, "stopped");
        using (var cts = new CancellationTokenSource())
        {
            var first = RunDirectory.Run(config, backend, stopped, resume: false,
                (_, body) => body((what, done, _) => { if (what == "pre-cracked box" && done >= 0.05) cts.Cancel(); }, cts.Token));
            Assert.True(first.Result.Cancelled);
        }
        Assert.True(Steps(stopped).Count < 6);
        var resumed = RunDirectory.Run(config, backend, stopped, resume: true, FractureLab.Mechanics.Simulation.Progress.Silent);
        Assert.False(resumed.Result.Cancelled);
        Assert.Equal(Steps(straight), Steps(stopped));

        // A run killed mid-pull (here: an exception out of the progress callback, so nothing after it runs) has its curve on
        // disk up to the last record; resumed, its curve is the uninterrupted run's, row for row.
        string killed = Path.Combine(dir, "killed");
        Assert.Throws<IOException>(() => RunDirectory.Run(config, backend, killed, resume: false,
            (_, body) => body((what, done, _) => { if (what == "pre-cracked box" && done >= 0.05) throw new IOException("simulated kill"); }, CancellationToken.None)));
        var partial = File.ReadAllLines(Path.Combine(killed, "stress_strain.csv"));
        Assert.Equal(FractureLab.Fracture.Protocols.StressStrainRow.CsvHeader, partial[0]);
        Assert.InRange(partial.Length - 1, 5, 7);   // records 0, 0.01, ... up to 0.05 or 0.06
        RunDirectory.Run(config, backend, killed, resume: true, FractureLab.Mechanics.Simulation.Progress.Silent);
        Assert.Equal(File.ReadAllLines(Path.Combine(straight, "stress_strain.csv")), File.ReadAllLines(Path.Combine(killed, "stress_strain.csv")));
        Assert.Equal(Steps(straight), Steps(killed));
    }
}

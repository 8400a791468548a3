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
        string dir = Directory.CreateTempSubdirectory().FullName;
        string toml = Path.Combine(dir, "run.toml");
        File.WriteAllText(toml, $"""
            [structure]
            data = "{TestData.Data("silica192-glass.data").Replace("\\", "/")}"
            elements = "Si,O"
            [crack]
            opening_A = 3.0
            [tension]
            max_strain = 0.02
            record_every_strain = 0.01
            [run]
            relax_ps = 0.1
            snapshot_every_strain = 0
            """);
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

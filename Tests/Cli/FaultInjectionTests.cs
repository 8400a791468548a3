using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FractureLab.Tests.Cli;

/// <summary>
/// Issue 20.6, fault injection: <c>fracturelab md</c> and <c>fracturelab run</c> are started as their own processes, killed
/// with SIGKILL (no chance to save anything) at seeded random points once they have written some records, resumed with
/// <c>--resume</c>, and every output file is compared with an uninterrupted run: identical thermo tables, curves and dumps
/// (no record lost or written twice), the same final structure and summary numbers. <c>Benchmarks/fault-injection.sh</c>
/// does the same for longer runs and campaigns.
/// </summary>
[Collection("console")]
public class FaultInjectionTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "fracturelab.dll");

    /// <summary>Starts the command line in its own process and kills it (SIGKILL, whole tree) once <paramref name="ready"/> holds; returns false if it ended first.</summary>
    private static bool StartAndKill(string[] args, Func<bool> ready)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Cli);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (ready()) { p.Kill(entireProcessTree: true); p.WaitForExit(); return true; }
            Thread.Sleep(3);
        }
        if (!p.HasExited) p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return false;
    }

    /// <summary>Data lines of a CSV file, 0 while it is missing or locked.</summary>
    private static int Rows(string path)
    {
        try { return File.Exists(path) ? File.ReadLines(path).Count() - 1 : 0; }
        catch (IOException) { return 0; }
    }

    private static string Text(string dir, string name) => File.ReadAllText(Path.Combine(dir, name));

    [Theory]
    [InlineData(11)]
    [InlineData(29)]
    public void Md_KilledAtRandomAndResumed_WritesWhatAnUninterruptedRunWrites(int seed)
    {
        string data = TestData.Parity("silica192.data");
        string[] Args(string dir) => ["md", "--data", data, "--forcefield", "bks-wall", "--minimize", "fire", "--ensemble", "nvt", "--temperature", "2000", "--steps", "3000",
            "--thermo", "5", "--dump-every", "100", "--checkpoint-every", "50", "--threads", "1", "--out", dir];
        string straight = Directory.CreateTempSubdirectory("fi-md-straight").FullName, killed = Directory.CreateTempSubdirectory("fi-md-killed").FullName;
        var (code, err) = CliRunner.Run(Args(straight));
        Assert.True(code == 0, err);

        // kill once the thermo table has passed a random row (after the first checkpoint at step 50, i.e. row 10)
        int killAt = new Random(seed).Next(15, 450);
        bool wasKilled = StartAndKill(Args(killed), () => Rows(Path.Combine(killed, "thermo.csv")) >= killAt);
        Assert.True(wasKilled, "the md process ended before it could be killed");
        Assert.True(File.Exists(Path.Combine(killed, "checkpoint.bin")));
        (code, err) = CliRunner.Run([.. Args(killed), "--resume"]);
        Assert.True(code == 0, err);

        foreach (var f in new[] { "thermo.csv", "trajectory.dump", "final.data" })
            Assert.True(Text(straight, f) == Text(killed, f), $"{f} differs after a kill at thermo row {killAt} and a resume");
        var a = JsonNode.Parse(Text(straight, "summary.json"))!;
        var b = JsonNode.Parse(Text(killed, "summary.json"))!;
        foreach (var key in new[] { "steps", "completed", "final_total_energy_eV", "final_pressure_GPa", "neighbor_list_builds", "minimization" })
            Assert.Equal(a[key]!.ToJsonString(), b[key]!.ToJsonString());
        Directory.Delete(straight, true);
        Directory.Delete(killed, true);
    }

    [Fact]
    public void Run_KilledMidPullAndResumed_WritesTheUninterruptedCurveAndDump()
    {
        string toml = FractureLab.Tests.Fracture.TinyGlassFiles.Write("run.toml", """
            [tension]
            max_strain = 0.1
            record_every_strain = 0.002
            [run]
            relax_ps = 0.1
            snapshot_every_strain = 0
            dump_every_records = 4
            """);
        string[] Args(string dir) => ["run", toml, "--out", dir, "--threads", "1"];
        string straight = Directory.CreateTempSubdirectory("fi-run-straight").FullName, killed = Directory.CreateTempSubdirectory("fi-run-killed").FullName;
        var (code, err) = CliRunner.Run(Args(straight));
        Assert.True(code == 0, err);
        int rows = Rows(Path.Combine(straight, "stress_strain.csv"));
        int killAt = new Random(5).Next(rows / 4, rows / 2);
        bool wasKilled = StartAndKill(Args(killed), () => Rows(Path.Combine(killed, "stress_strain.csv")) >= killAt);
        Assert.True(wasKilled, "the run process ended before it could be killed");
        (code, err) = CliRunner.Run([.. Args(killed), "--resume"]);
        Assert.True(code == 0, err);
        foreach (var f in new[] { "stress_strain.csv", "trajectory.dump" })
            Assert.True(Text(straight, f) == Text(killed, f), $"{f} differs after a kill at record {killAt} of {rows} and a resume");
        Directory.Delete(straight, true);
        Directory.Delete(killed, true);
        Directory.Delete(Path.GetDirectoryName(toml)!, true);
    }
}

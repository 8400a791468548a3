using System.Text.Json;

namespace FractureLab.Tests.Cli;

/// <summary>The command line's contract: outputs with the documented keys, one-line errors with exit code 1, usage errors with 2.</summary>
[Collection("console")]
public class CommandLineTests
{
    private static (int Code, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Eval_WritesEnergyPressureAndForces()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var (code, err) = Run("eval", "--data", TestData.Parity("silica192.data"), "--forcefield", "bks", "--erfc", "exact",
            "--out", Path.Combine(dir, "e.json"), "--forces", Path.Combine(dir, "f.csv"));
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "e.json")));
        Assert.Equal(192, doc.RootElement.GetProperty("atoms").GetInt32());
        Assert.Equal(-887.1658828326013, doc.RootElement.GetProperty("potential_energy_eV").GetDouble(), 6);
        foreach (var k in new[] { "xx", "yy", "zz", "xy", "xz", "yz" }) doc.RootElement.GetProperty("pressure_GPa").GetProperty(k).GetDouble();
        var lines = File.ReadAllLines(Path.Combine(dir, "f.csv"));
        Assert.Equal("id,fx,fy,fz", lines[0]);
        Assert.Equal(193, lines.Length);
    }

    [Fact]
    public void Md_WritesSummaryThermoAndFinalData()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var (code, err) = Run("md", "--data", TestData.Parity("silica192.data"), "--forcefield", "bks-wall", "--steps", "20", "--thermo", "10",
            "--ensemble", "nvt", "--temperature", "300", "--seed", "5", "--minimize", "fire", "--out", dir); // minimized: the parity box heats to 8 000 K in 2 fs otherwise, a runaway
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal(20, doc.RootElement.GetProperty("steps").GetInt32());
        Assert.True(doc.RootElement.GetProperty("atom_steps_per_second").GetDouble() > 0);
        // the list's build time is part of the run's wall time; peak memory per atom is the whole process's over 192 atoms
        double build = doc.RootElement.GetProperty("neighbor_list_build_seconds").GetDouble(), wall = doc.RootElement.GetProperty("wall_seconds").GetDouble();
        Assert.InRange(build, 0, wall); // 0 here: the minimization's list lasts the 20 steps; the skin test below sees builds
        // the rate counts the step loop only, as LAMMPS's Performance line (setup: the first forces and list build)
        double loop = doc.RootElement.GetProperty("loop_seconds").GetDouble(), setup = doc.RootElement.GetProperty("setup_seconds").GetDouble();
        Assert.InRange(loop, 1e-9, wall);
        Assert.Equal(wall, loop + setup, 4);
        Assert.Equal(1.0, doc.RootElement.GetProperty("atom_steps_per_second").GetDouble() / (192 * 20 / loop), 3); // the JSON keeps 5 digits of the seconds
        // LAMMPS's timing breakdown: pair, kspace, neighbor and the rest add up to the loop; DSF has no kspace; the pair loop ran
        var t = doc.RootElement.GetProperty("timing_breakdown");
        double[] parts = [.. new[] { "pair", "kspace", "neighbor", "other" }.Select(k => t.GetProperty(k + "_seconds").GetDouble())];
        Assert.Equal(loop, parts.Sum(), 9);
        Assert.Equal(100, new[] { "pair", "kspace", "neighbor", "other" }.Sum(k => t.GetProperty(k + "_percent").GetDouble()), 6);
        Assert.True(parts[0] > 0 && parts[0] < loop, $"pair {parts[0]} s of {loop} s");
        Assert.Equal(0, parts[1]);
        Assert.InRange(parts[2], 0, build + 1e-12); // the loop's builds are among the invocation's
        Assert.True(doc.RootElement.GetProperty("peak_memory_bytes").GetInt64() > 10_000_000);
        Assert.Equal(doc.RootElement.GetProperty("peak_memory_bytes").GetInt64() / 192.0, doc.RootElement.GetProperty("peak_memory_bytes_per_atom").GetDouble(), 6);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "thermo.csv")).Length - 1);
        Assert.True(File.Exists(Path.Combine(dir, "final.data")));
        Assert.True(File.Exists(Path.Combine(dir, "plan.json")));
    }

    [Fact]
    public void Md_TimingBreakdown_CountsTheMeshEwaldAsKspace()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var (code, err) = Run("md", "--data", TestData.Data("silica192-glass.data"), "--forcefield", "bks", "--coulomb", "pppm", "--steps", "20",
            "--thermo", "20", "--ensemble", "nve", "--temperature", "300", "--new-velocities", "--out", dir);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var t = doc.RootElement.GetProperty("timing_breakdown");
        double loop = doc.RootElement.GetProperty("loop_seconds").GetDouble();
        double kspace = t.GetProperty("kspace_seconds").GetDouble(), pair = t.GetProperty("pair_seconds").GetDouble();
        Assert.True(kspace > 0 && pair > 0 && kspace + pair <= loop, $"kspace {kspace} s, pair {pair} s, loop {loop} s");
        Assert.Equal(100 * kspace / loop, t.GetProperty("kspace_percent").GetDouble(), 9);
    }

    /// <summary>
    /// --skin as LAMMPS's neighbor SKIN bin: recorded in plan.json; a thin skin rebuilds the list more often on the same run
    /// (the list is rebuilt once an atom may have moved skin/2), and the trajectory's energy stays the same physics.
    /// </summary>
    [Fact]
    public void Md_Skin_IsRecorded_AndAThinSkinRebuildsMoreOften()
    {
        (long Builds, double Energy) Md(string skin)
        {
            string dir = Directory.CreateTempSubdirectory().FullName;
            var (code, err) = Run("md", "--data", TestData.Data("silica192-glass.data"), "--forcefield", "bks-wall", "--steps", "200", "--thermo", "200",
                "--ensemble", "nve", "--temperature", "2000", "--new-velocities", "--skin", skin, "--out", dir);
            Assert.True(code == 0, err);
            using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "plan.json")));
            Assert.Equal(double.Parse(skin, System.Globalization.CultureInfo.InvariantCulture), plan.RootElement.GetProperty("skin_A").GetDouble());
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            Assert.InRange(doc.RootElement.GetProperty("neighbor_list_build_seconds").GetDouble(), 1e-7, doc.RootElement.GetProperty("wall_seconds").GetDouble());
            return (doc.RootElement.GetProperty("neighbor_list_builds").GetInt64(), doc.RootElement.GetProperty("final_total_energy_eV").GetDouble());
        }
        var thick = Md("2.0");
        var thin = Md("0.3");
        Assert.True(thin.Builds > thick.Builds, $"builds: skin 0.3 A {thin.Builds}, skin 2 A {thick.Builds}");
        Assert.Equal(thick.Energy, thin.Energy, 6);
        var (bad, err) = Run("md", "--data", TestData.Data("silica192-glass.data"), "--forcefield", "bks-wall", "--steps", "10", "--skin", "-1", "--out", Directory.CreateTempSubdirectory().FullName);
        Assert.Equal(1, bad);
        Assert.Contains("--skin", err);
    }

    [Fact]
    public void Eval_OnTheGpuBackend_CpuAccelerator_GivesTheSameEnergy()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var (code, err) = Run("eval", "--data", TestData.Parity("silica192.data"), "--forcefield", "bks", "--erfc", "exact",
            "--backend", "gpu", "--device", "cpu", "--out", Path.Combine(dir, "e.json"));
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "e.json")));
        Assert.Equal(-887.1658828326013, doc.RootElement.GetProperty("potential_energy_eV").GetDouble(), 6);
    }

    [Fact]
    public void Md_OnTheGpuBackend_KeepsNvtOnTheDevice_AndFollowsSimd()
    {
        string[] Args(string dir, params string[] extra) => ["md", "--data", TestData.Data("silica192-glass.data"), "--forcefield", "bks-wall", "--steps", "20",
            "--thermo", "10", "--ensemble", "nvt", "--temperature", "300", "--seed", "5", "--out", dir, .. extra];
        string simd = Directory.CreateTempSubdirectory().FullName, gpu = Directory.CreateTempSubdirectory().FullName;
        var (code, err) = Run(Args(simd));
        Assert.True(code == 0, err);
        (code, err) = Run(Args(gpu, "--backend", "gpu", "--device", "cpu"));
        Assert.True(code == 0, err);
        using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(gpu, "plan.json")));
        Assert.Equal("nvt (device)", plan.RootElement.GetProperty("integrator").GetString());
        Assert.StartsWith("gpu (CPU", plan.RootElement.GetProperty("backend").GetString());
        var a = File.ReadAllLines(Path.Combine(simd, "thermo.csv"));
        var b = File.ReadAllLines(Path.Combine(gpu, "thermo.csv"));
        Assert.Equal(a.Length, b.Length);
        for (int r = 1; r < a.Length; r++)
        {
            var x = a[r].Split(',').Select(double.Parse).ToArray();
            var y = b[r].Split(',').Select(double.Parse).ToArray();
            for (int c = 0; c < x.Length; c++) Assert.True(Math.Abs(x[c] - y[c]) <= 1e-6 * Math.Max(1, Math.Abs(x[c])), $"row {r} column {c}: {x[c]} vs {y[c]}");
        }
    }

    [Fact]
    public void UnknownGpuDevice_IsNamed()
    {
        var (code, err) = Run("eval", "--data", TestData.Parity("silica192.data"), "--forcefield", "bks", "--backend", "gpu", "--device", "tpu", "--out", "x.json");
        Assert.Equal(1, code);
        Assert.Contains("--device 'tpu'", err);
    }

    [Theory]
    [InlineData("missing.data", "bks", "does not exist")]
    [InlineData("silica192.data", "nosuchff", "neither a shipped name")]
    [InlineData("lisis144.data", "bks", "no charge for element 'Li'")]
    public void Eval_BadInput_OneLineAndExitCode1(string data, string ff, string message)
    {
        string path = data == "missing.data" ? "missing.data" : TestData.Parity(data);
        var (code, err) = Run("eval", "--data", path, "--forcefield", ff, "--out", Path.Combine(Path.GetTempPath(), "x.json"));
        Assert.Equal(1, code);
        Assert.Contains(message, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.DoesNotContain(" at ", err);
    }

    [Fact]
    public void Eval_NegativeCutoff_IsRejected()
    {
        var (code, err) = Run("eval", "--data", TestData.Parity("silica192.data"), "--forcefield", "bks", "--cutoff", "-3", "--out", "x.json");
        Assert.Equal(1, code);
        Assert.Contains("--cutoff must be positive", err);
    }

    [Fact]
    public void UnknownOption_IsAUsageError_ExitCode2()
    {
        var (code, err) = Run("eval", "--bogus");
        Assert.Equal(2, code);
        Assert.Contains("error", err);
    }
}

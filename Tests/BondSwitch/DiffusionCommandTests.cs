using System.Text.Json;
using FractureLab.BondSwitch.IonDynamics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.IO;
using FractureLab.Tests.Cli;

namespace FractureLab.Tests.BondSwitch;

/// <summary>diffusion and conductivity on dumps of Gaussian walkers whose D follows an Arrhenius law.</summary>
[Collection("console")]
public class DiffusionCommandTests
{
    private const double Ea = 0.30, D0 = 30.0; // eV, Å²/ps

    /// <summary>Walkers (Li of charge <paramref name="liChargeE"/>, with O spectators that do not move) written as two dump files of our format.</summary>
    private static string[] WriteRun(string dir, double dA2PerPs, int seed, double liChargeE = 1.0)
    {
        Directory.CreateDirectory(dir);
        var rng = new Random(seed);
        int li = 400, o = 50, frames = 600;
        double dt = 0.01, side = 18, sigma = Math.Sqrt(2 * dA2PerPs * dt);
        var s = new AtomSystem(li + o, ["Li", "O"], [6.94, 16.0], new Box([0, 0, 0], [side, side, side]));
        for (int i = 0; i < s.Count; i++)
        {
            s.Type[i] = i < li ? 0 : 1;
            s.Charge[i] = i < li ? liChargeE : -8.0 * liChargeE;
            s.X[i] = rng.NextDouble() * side; s.Y[i] = rng.NextDouble() * side; s.Z[i] = rng.NextDouble() * side;
        }
        var files = new[] { Path.Combine(dir, "a.dump"), Path.Combine(dir, "b.dump") };
        for (int part = 0; part < 2; part++)
        {
            using var dump = new LammpsDumpWriter(files[part]);
            for (int f = part * frames / 2; f < (part + 1) * frames / 2; f++)
            {
                if (f > 0)
                    for (int i = 0; i < li; i++)
                        foreach (var x in new[] { s.X, s.Y, s.Z })
                            x[i] += sigma * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                s.WrapIntoBox();
                dump.WriteFrame(s, f * 10); // 10 steps of 1 fs per frame
            }
        }
        return files;
    }

    [Fact]
    public void DiffusionThenConductivityRecoverTheArrheniusLaw()
    {
        string root = Directory.CreateTempSubdirectory().FullName;
        foreach (double T in new[] { 800.0, 1000.0, 1250.0 })
        {
            double d = D0 * Math.Exp(-Ea / (ArrheniusFit.BoltzmannEvPerK * T));
            var files = WriteRun(Path.Combine(root, $"T{T}"), d, (int)T);
            string outDir = Path.Combine(root, "analysis", $"T{T}");
            var (code, err) = CliRunner.Run(["diffusion", "--dump", files[0], files[1], "--species", "Li", "--temperature", T.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", outDir]);
            Assert.True(code == 0, err);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
            var r = doc.RootElement;
            Assert.InRange(r.GetProperty("D_cm2_per_s").GetDouble(), 0.9e-4 * d, 1.1e-4 * d);
            Assert.Equal(400, r.GetProperty("ions").GetInt32());
            Assert.Equal(1.0, r.GetProperty("conductivity_charge_e").GetDouble());
            Assert.Equal(600, r.GetProperty("frames").GetInt32());
            Assert.Equal(0.01, r.GetProperty("frame_interval_ps").GetDouble(), 12);
            Assert.True(r.GetProperty("conductivity_S_per_cm").GetDouble() > 0);
            foreach (var f in new[] { "msd.csv", "alpha2.csv", "vanhove.csv", "diffusion.png" }) Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        }
        string arrhenius = Path.Combine(root, "arrhenius");
        var (c2, e2) = CliRunner.Run("conductivity", Path.Combine(root, "analysis"), "--out", arrhenius);
        Assert.True(c2 == 0, e2);
        using var sum = JsonDocument.Parse(File.ReadAllText(Path.Combine(arrhenius, "summary.json")));
        Assert.Equal(3, sum.RootElement.GetProperty("points").GetInt32());
        Assert.InRange(sum.RootElement.GetProperty("activation_energy_eV").GetDouble(), 0.85 * Ea, 1.15 * Ea);
        Assert.True(sum.RootElement.GetProperty("conductivity_extrapolated_S_per_cm").GetDouble() > 0);
    }

    /// <summary>
    /// Issue 24: walkers that carry the partial charge of the shipped force fields (Li 0.6 e) still conduct as Li⁺: σ =
    /// n e² D/(k_B T) with z = 1, computed here from the constants (CODATA 2018) and the measured D, not from the code's
    /// formula; <c>--charge dump</c> gives the old partial-charge value, 0.36 × as much.
    /// </summary>
    [Fact]
    public void Conductivity_CountsTheFormalCharge_NotTheDumpsPartialCharge()
    {
        string root = Directory.CreateTempSubdirectory().FullName;
        double T = 600, d = 0.05; // K, Å²/ps
        var files = WriteRun(Path.Combine(root, "run"), d, 3, liChargeE: 0.6);
        JsonElement Summary(params string[] extra)
        {
            string outDir = Path.Combine(root, "a" + extra.Length);
            var (code, err) = CliRunner.Run(["diffusion", "--dump", files[0], files[1], "--species", "Li", "--temperature", "600", .. extra, "--out", outDir]);
            Assert.True(code == 0, err);
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;
        }
        var formal = Summary();
        Assert.Equal(1.0, formal.GetProperty("conductivity_charge_e").GetDouble());
        Assert.Contains("formal", formal.GetProperty("conductivity_charge_source").GetString());
        Assert.Equal(0.6, formal.GetProperty("dump_charge_e").GetDouble(), 12);
        double dM2PerS = formal.GetProperty("D_cm2_per_s").GetDouble() * 1e-4;
        double nPerM3 = 400 / (18.0 * 18 * 18 * 1e-30), e = 1.602176634e-19, kB = 1.380649e-23;
        double expectedSPerCm = nPerM3 * e * e * dM2PerS / (kB * T) / 100;
        Assert.Equal(expectedSPerCm, formal.GetProperty("conductivity_S_per_cm").GetDouble(), expectedSPerCm * 1e-12);
        var partial = Summary("--charge", "dump");
        Assert.Equal(0.36 * expectedSPerCm, partial.GetProperty("conductivity_S_per_cm").GetDouble(), expectedSPerCm * 1e-12);
        var given = Summary("--charge", "2", "--skip-ps", "0");
        Assert.Equal(4 * expectedSPerCm, given.GetProperty("conductivity_S_per_cm").GetDouble(), expectedSPerCm * 1e-12);
        var (bad, err2) = CliRunner.Run("diffusion", "--dump", files[0], "--species", "Li", "--charge", "formel", "--out", Path.Combine(root, "bad"));
        Assert.Equal(1, bad);
        Assert.Contains("'formel'", err2);
    }

    /// <summary>
    /// --vanhove-rmax and --vanhove-lags-ps: Gaussian walkers have the self van Hove function 4πr²G_s(r, t) =
    /// 4πr² (4πDt)^(-3/2) exp(−r²/4Dt); the written curves follow it at the lags asked for, over the range asked for.
    /// </summary>
    [Fact]
    public void VanHove_AtTheLagsAndRangeAsked_FollowsTheGaussian()
    {
        string root = Directory.CreateTempSubdirectory().FullName;
        double d = 0.2; // Å²/ps
        var files = WriteRun(Path.Combine(root, "run"), d, 11);
        string outDir = Path.Combine(root, "a");
        var (code, err) = CliRunner.Run("diffusion", "--dump", files[0], files[1], "--species", "Li", "--temperature", "600",
            "--vanhove-rmax", "4", "--vanhove-lags-ps", "0.5,2", "--out", outDir);
        Assert.True(code == 0, err);
        var t = FractureLab.Experiments.Tables.CsvTable.Read(Path.Combine(outDir, "vanhove.csv"));
        Assert.Equal(["r_A", "P_0.5ps_per_A", "P_2ps_per_A"], t.Header);
        Assert.True(t.Rows.Max(r => t.Number(r, "r_A")!.Value) < 4);
        foreach (var (col, ps) in new[] { ("P_0.5ps_per_A", 0.5), ("P_2ps_per_A", 2.0) })
        {
            double s2 = 4 * d * ps;
            foreach (var row in t.Rows)
            {
                double r = t.Number(row, "r_A")!.Value;
                double expected = 4 * Math.PI * r * r * Math.Pow(Math.PI * s2, -1.5) * Math.Exp(-r * r / s2);
                Assert.True(Math.Abs(t.Number(row, col)!.Value - expected) < 0.08, $"{col} at r = {r}: {t.Number(row, col)} vs {expected}");
            }
        }
        (code, err) = CliRunner.Run("diffusion", "--dump", files[0], "--species", "Li", "--vanhove-lags-ps", "100", "--out", Path.Combine(root, "b"));
        Assert.Equal(1, code);
        Assert.Contains("100 ps is outside the trajectory", err);
    }

    [Fact]
    public void ConductivityNeedsTwoTemperatures()
    {
        string root = Directory.CreateTempSubdirectory().FullName;
        var (code, err) = CliRunner.Run("conductivity", root);
        Assert.NotEqual(0, code);
        Assert.Contains("at least two temperatures", err);
    }
}

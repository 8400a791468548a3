using System.Globalization;
using System.Text.Json;
using FractureLab.Fracture.Toughness;
using FractureLab.Mechanics;
using FractureLab.Tests.Cli;

namespace FractureLab.Tests.Fracture.Toughness;

/// <summary>A toughness study end to end on a tiny glass (seconds): the plan, the routes against hand arithmetic on the pulls' own numbers, resume, Slurm, strict keys.</summary>
[Collection("console")]
public class ToughnessStudyTests
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    private static string Study(string studySection) => TinyGlassFiles.Write("study.toml", $"""
        [crack]
        opening_A = 3.0
        [tension]
        protocol = "B"
        strain_rate_per_s = 5e10
        max_strain = 0.1
        record_every_strain = 0.01
        [run]
        relax_ps = 0.2
        modulus_strain = 0.02
        dump_every_records = 2
        snapshot_every_strain = 0
        {studySection}
        """);

    [Fact]
    public void TinyStudy_RunsEveryPull_AndItsRoutesAreThePullsNumbersByTheFormulas()
    {
        string toml = Study("[study]\ncrack_length_fractions = [0.3, 0.5]\nreplicas = 2\nmethods = [\"crack-length\", \"compliance\", \"j-integral\"]\n");
        string outDir = Path.Combine(Path.GetDirectoryName(toml)!, "out");
        var (code, err) = CliRunner.Run("toughness", toml, "--out", outDir);
        Assert.True(code == 0, err);
        foreach (var d in new[] { "uncracked/r1", "uncracked/r2", "a0.300/r1", "a0.300/r2", "a0.500/r1", "a0.500/r2" })
            Assert.True(Directory.Exists(Path.Combine(outDir, d)), d);
        foreach (var f in new[] { "summary.json", "stress_strain.csv", "trajectory.dump", "precracked.data", "report.md", "j_integral.csv", "j_onset.json" })
            Assert.True(File.Exists(Path.Combine(outDir, "a0.300", "r1", f)), f);
        foreach (var f in new[] { "summary.json", "report.md", "report.html", "strength_vs_crack_length.png", "strength_vs_crack_length.svg", "results.csv", "fracturelab.log" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);

        // Each pre-cracked pull used its replica's uncracked pull: the same E in both.
        var pulls = new[] { "a0.300/r1", "a0.300/r2", "a0.500/r1", "a0.500/r2" }.Select(d => JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, d, "summary.json"))).RootElement).ToList();
        var unc = new[] { "r1", "r2" }.Select(r => JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "uncracked", r, "uncracked.json"))).RootElement).ToList();
        Assert.Equal(unc[0].GetProperty("youngs_modulus_GPa").GetDouble(), pulls[0].GetProperty("youngs_modulus_GPa").GetDouble(), 12);
        Assert.Equal(unc[1].GetProperty("youngs_modulus_GPa").GetDouble(), pulls[3].GetProperty("youngs_modulus_GPa").GetDouble(), 12);

        // Crack-length route by hand: g = 1/(F sqrt(pi a)), F = sqrt((W/(pi a)) tan(pi a/W)); K = sum(sigma g)/sum(g^2) GPa A^0.5 = 0.01 MPa m^0.5.
        double sgs = 0, sgg = 0;
        foreach (var p in pulls)
        {
            double a = p.GetProperty("crack_half_length_A").GetDouble(), w = p.GetProperty("period_A").GetDouble(), sigma = p.GetProperty("strength_GPa").GetDouble();
            double g = 1 / (Math.Sqrt(w / (Math.PI * a) * Math.Tan(Math.PI * a / w)) * Math.Sqrt(Math.PI * a));
            sgs += sigma * g; sgg += g * g;
        }
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;
        var cl = summary.GetProperty("methods").GetProperty("crack_length").GetProperty("KIc_MPa_sqrt_m");
        Assert.Equal(0.01 * sgs / sgg, cl.GetProperty("value").GetDouble(), 10);
        Assert.Equal(4, cl.GetProperty("n").GetInt32());
        var ci95 = cl.GetProperty("ci95");
        Assert.True(ci95[0].GetDouble() < cl.GetProperty("value").GetDouble() && cl.GetProperty("value").GetDouble() < ci95[1].GetDouble());

        // Compliance route by hand: E_eff = least-squares slope of each pull's stress_strain.csv from the start to the first
        // record above 0.4 sigma_max (at least 5 records); 1/E_eff = c0 + b f(a)/L0; G_c = 0.1 sigma^2 W b tan(pi a/W)/4 per pull.
        double Slope(string dir)
        {
            var rows = File.ReadAllLines(Path.Combine(outDir, dir, "stress_strain.csv"));
            var head = rows[0].Split(',');
            int ce = Array.IndexOf(head, "strain"), cs = Array.IndexOf(head, "stress_GPa");
            var pts = rows.Skip(1).Select(l => l.Split(',')).Select(c => (E: double.Parse(c[ce], Ci), S: double.Parse(c[cs], Ci))).ToList();
            double peak = pts.Max(p => p.S);
            int n = 0;
            while (n < pts.Count && pts[n].S <= 0.4 * peak) n++;
            n = Math.Clamp(n, Math.Min(5, pts.Count), pts.Count);
            var w = pts.Take(n).ToList();
            double em = w.Average(p => p.E), sm = w.Average(p => p.S);
            return w.Sum(p => (p.E - em) * (p.S - sm)) / w.Sum(p => (p.E - em) * (p.E - em));
        }
        var dirs = new[] { "a0.300/r1", "a0.300/r2", "a0.500/r1", "a0.500/r2" };
        var x = pulls.Select(p => -(p.GetProperty("period_A").GetDouble() / Math.PI) * Math.Log(Math.Cos(Math.PI * p.GetProperty("crack_half_length_A").GetDouble() / p.GetProperty("period_A").GetDouble())) / p.GetProperty("initial_length_A").GetDouble()).ToArray();
        var y = dirs.Select(d => 1 / Slope(d)).ToArray();
        double xm = x.Average(), ym = y.Average();
        double b = x.Zip(y, (u, v) => (u - xm) * (v - ym)).Sum() / x.Sum(u => (u - xm) * (u - xm));
        var co = summary.GetProperty("methods").GetProperty("compliance");
        Assert.Equal(b, co.GetProperty("fit").GetProperty("b_per_GPa").GetDouble(), 9);
        double gMean = pulls.Select(p => 0.1 * Math.Pow(p.GetProperty("strength_GPa").GetDouble(), 2) * p.GetProperty("period_A").GetDouble() * b
            * Math.Tan(Math.PI * p.GetProperty("crack_half_length_A").GetDouble() / p.GetProperty("period_A").GetDouble()) / 4).Average();
        Assert.Equal(gMean, co.GetProperty("G_c_J_m2").GetProperty("value").GetDouble(), 9);
        Assert.False(summary.GetProperty("methods").TryGetProperty("work_of_fracture", out _)); // not asked for
        Assert.True(summary.GetProperty("recommended").TryGetProperty("why", out _));
        Assert.Equal(2, summary.GetProperty("points").GetArrayLength());

        // results.csv for compare: the study's label, and the crack-length route's K in its own column.
        var results = File.ReadAllLines(Path.Combine(outDir, "results.csv"));
        Assert.Equal(2, results.Length);
        var rh = results[0].Split(','); var rv = results[1].Split(',');
        Assert.Equal("silica192-glass", rv[Array.IndexOf(rh, "glass")]);
        Assert.Equal(cl.GetProperty("value").GetDouble(), double.Parse(rv[Array.IndexOf(rh, "KIc_crack_length_MPa_sqrt_m")], Ci), 12);

        // The J table has one row per dumped frame (every 2 records of 0.01 up to 0.1: 6 frames).
        Assert.Equal(1 + 6, File.ReadAllLines(Path.Combine(outDir, "a0.300", "r1", "j_integral.csv")).Length);

        // Resume: nothing is run again, and the analysis gives the same numbers.
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(outDir, "a0.500", "r2", "summary.json"));
        (code, err) = CliRunner.Run("toughness", toml, "--out", outDir, "--resume");
        Assert.True(code == 0, err);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(outDir, "a0.500", "r2", "summary.json")));
        var again = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;
        Assert.Equal(cl.GetProperty("value").GetDouble(), again.GetProperty("methods").GetProperty("crack_length").GetProperty("KIc_MPa_sqrt_m").GetProperty("value").GetDouble());
    }

    [Fact]
    public void EmitSlurm_WritesOneTaskPerPull_AndATaskRunsThatPull()
    {
        string toml = Study("[study]\ncrack_length_fractions = [0.3, 0.5]\nseeds = [4]\nmethods = [\"crack-length\"]\n");
        string dir = Path.GetDirectoryName(toml)!, outDir = Path.Combine(dir, "out");
        var (code, err) = CliRunner.Run("toughness", toml, "--out", outDir, "--emit-slurm", Path.Combine(dir, "slurm"));
        Assert.True(code == 0, err);
        var tasks = File.ReadAllLines(Path.Combine(dir, "slurm", "tasks.txt"));
        Assert.Equal(2, tasks.Length);
        Assert.Contains("--task 1", tasks[1]);
        Assert.Contains("a0.500/r4", tasks[1]);
        Assert.Contains("#SBATCH --array=0-1", File.ReadAllText(Path.Combine(dir, "slurm", "toughness.sbatch")));
        Assert.Contains("--aggregate-only", File.ReadAllText(Path.Combine(dir, "slurm", "aggregate.sbatch")));
        (code, err) = CliRunner.Run("toughness", toml, "--out", outDir, "--task", "1");
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(outDir, "a0.500", "r4", "summary.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "uncracked", "r4", "uncracked.json")));
        Assert.False(Directory.Exists(Path.Combine(outDir, "a0.300")));
    }

    [Theory]
    [InlineData("[study]\ncrack_length_fraction = [0.3]\n", "unknown key 'study.crack_length_fraction' (did you mean 'crack_length_fractions'?)")]
    [InlineData("[studdy]\nreplicas = 2\n", "unknown key 'studdy' (did you mean 'study'?)")]
    [InlineData("[kfield]\nboundry_A = 10\n", "unknown key 'kfield.boundry_A' (did you mean 'boundary_A'?)")]
    [InlineData("[kfield]\nplane = \"strian\"\n", "key 'kfield.plane' is 'strian', expected strain or stress")]
    [InlineData("[kfield]\nk_start = 0.5\nk_max = 0.4\n", "must be positive and increasing")]
    [InlineData("[study]\nmethods = [\"compliants\"]\n", "(did you mean 'compliance'?)")]
    [InlineData("[study]\ncrack_length_fractions = [0.3, 1.2]\n", "2a/W must lie in (0, 1)")]
    [InlineData("[study]\nreplicas = 2\nseeds = [1]\n", "not both")]
    [InlineData("[study]\nsizes = [[1, 1]]\n", "key 'study.sizes' must be a list of replications")]
    [InlineData("[crack]\nkind = \"edge\"\n", "a toughness study cuts centre cracks")]
    public void BadStudyFile_IsNamed(string body, string message)
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string path = Path.Combine(dir, "study.toml");
        File.WriteAllText(path, body);
        var e = Assert.Throws<InputException>(() => ToughnessStudy.Load(path));
        Assert.Contains(message, e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void KFieldOnABoxTooSmallForItsBoundaryLayer_IsAClearError()
    {
        string toml = Study("[study]\nmethods = [\"k-field\"]\n[kfield]\nreplicate = [1, 1, 1]\n");
        var (code, err) = CliRunner.Run("toughness", toml, "--out", Path.Combine(Path.GetDirectoryName(toml)!, "out"));
        Assert.Equal(1, code);
        Assert.Contains("leaves too little inside a 10.0 A boundary layer; replicate the structure", err);
    }

    [Fact]
    public void Plan_NamesTheFoldersBySizeRateFractionAndSeed()
    {
        string path = Study("[study]\ncrack_length_fractions = [0.2]\nreplicas = 1\nsizes = [[1, 1, 1], [2, 1, 2]]\nstrain_rates_per_s = [1e9, 1e10]\n");
        var s = ToughnessStudy.Load(path);
        var pulls = ToughnessPlan.Cracked(s, "o");
        Assert.Equal(4, pulls.Count);
        Assert.Equal(Path.Combine("o", "size2x1x2/rate1e10/a0.200", "r1"), pulls[3].Dir);
        var config = ToughnessPlan.ConfigOf(s, pulls[3]);
        Assert.Equal([2, 1, 2], config.Replicate!);
        Assert.Equal(1e10, config.Settings.Tension.StrainRatePerS);
        Assert.Equal(0.2, config.Settings.Crack.LengthFraction);
        Assert.Equal(FractureLab.Fracture.Geometry.CrackKind.None, ToughnessPlan.ConfigOf(s, ToughnessPlan.Uncracked(s, "o")[0]).Settings.Crack.Kind);
    }
}

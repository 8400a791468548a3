using System.Text.Json;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics;
using FractureLab.Tests.Cli;

namespace FractureLab.Tests.Fracture;

/// <summary>A fracture run end to end on a tiny glass (seconds), and the run file's strict keys.</summary>
[Collection("console")]
public class FractureRunTests
{
    private static string Toml(string body)
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string path = Path.Combine(dir, "run.toml");
        File.WriteAllText(path, body);
        return path;
    }

    [Fact]
    public void TinyRun_ThroughAllStages_WritesEveryOutput()
    {
        string toml = Toml($"""
            [structure]
            data = "{TestData.Data("silica192-glass.data").Replace("\\", "/")}"
            elements = "Si,O"
            [crack]
            length_fraction = 0.3
            opening_A = 3.0
            [tension]
            strain_rate_per_s = 5e10
            max_strain = 0.12
            record_every_strain = 0.01
            [run]
            relax_ps = 0.2
            modulus_strain = 0.02
            dump_every_records = 4
            """);
        string outDir = Path.Combine(Path.GetDirectoryName(toml)!, "out");
        var (code, err) = CliRunner.Run("run", toml, "--out", outDir);
        Assert.True(code == 0, err);
        foreach (var f in new[] { "stress_strain.csv", "stress_strain_uncracked.csv", "summary.json", "plan.json", "precracked.data", "trajectory.dump", "stress_strain.png", "stress_strain.svg", "report.md", "report.html" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = doc.RootElement;
        foreach (var k in new[] { "youngs_modulus_GPa", "poisson_ratio", "strength_GPa", "strain_at_peak", "failure_strain", "fracture_energy_J_m2",
                                  "KIc_energy_MPa_sqrt_m", "KIc_energy_plane_strain_MPa_sqrt_m", "KIc_stress_MPa_sqrt_m", "conventions" })
            Assert.True(root.TryGetProperty(k, out _), k);
        Assert.True(root.GetProperty("youngs_modulus_GPa").GetDouble() > 0);
        Assert.True(root.GetProperty("strength_GPa").GetDouble() > 0);
        // the uncracked block holds what a 2 % pull measures (E, M, nu and fits), not a strength or a G_c of that pull (issue 20.9)
        var uncracked = root.GetProperty("uncracked");
        Assert.True(uncracked.GetProperty("youngs_modulus_GPa").GetDouble() > 0);
        Assert.True(uncracked.TryGetProperty("poisson_ratio", out _));
        foreach (var k in new[] { "separated", "fracture_energy_J_m2", "strength_GPa", "KIc_energy_MPa_sqrt_m", "work_of_fracture_J_m2" })
            Assert.False(uncracked.TryGetProperty(k, out _), k);
        // plane stress and plane strain energy-route rows agree: both values, or both lower bounds when not separated
        var report = File.ReadAllLines(Path.Combine(outDir, "report.md"));
        string Row(string q) => report.Single(l => l.Contains(q));
        bool separated = root.GetProperty("separated").GetBoolean();
        Assert.Equal(separated, !Row("plane stress").Contains('≥'));
        Assert.Equal(separated, !Row("plane strain").Contains('≥'));
        Assert.DoesNotContain("not reached", Row("plane strain"));
        // Numbers recomputed here from the written files, independently of the analysis code (issue 19.6):
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        (double[] Strain, double[] Stress) Curve(string file)
        {
            var lines = File.ReadAllLines(Path.Combine(outDir, file));
            var h = lines[0].Split(',');
            int si = Array.IndexOf(h, "strain"), gi = Array.IndexOf(h, "stress_GPa");
            var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
            return (rows.Select(r => double.Parse(r[si], ci)).ToArray(), rows.Select(r => double.Parse(r[gi], ci)).ToArray());
        }
        // E: the least-squares slope of the uncracked curve over its fit window (protocol A: lateral axes stress-free, so σ/ε = E)
        var (ue, us) = Curve("stress_strain_uncracked.csv");
        double window = uncracked.GetProperty("fit_0_1pct").GetProperty("strain_window")[1].GetDouble();
        var pts = ue.Zip(us).Where(p => p.First >= 0 && p.First <= window + 1e-12).ToArray();
        double mx = pts.Average(p => p.First), my = pts.Average(p => p.Second);
        double slope = pts.Sum(p => (p.First - mx) * (p.Second - my)) / pts.Sum(p => (p.First - mx) * (p.First - mx));
        Assert.Equal(slope, uncracked.GetProperty("youngs_modulus_GPa").GetDouble(), 1e-9 * Math.Abs(slope));
        Assert.Equal(slope, root.GetProperty("youngs_modulus_GPa").GetDouble(), 1e-9 * Math.Abs(slope));
        // (no physical range on E here: with records every 1 % strain the 0-1 % fit has two points on a 192-atom box at
        // 300 K, so its value is thermal noise: 2.1 GPa in this run)
        // sigma_max and the strain at the peak: the largest stress of the pre-cracked curve
        var (ce, cs) = Curve("stress_strain.csv");
        int peak = Array.IndexOf(cs, cs.Max());
        Assert.Equal(cs[peak], root.GetProperty("strength_GPa").GetDouble());
        Assert.Equal(ce[peak], root.GetProperty("strain_at_peak").GetDouble());
        // the pre-cracked box: the atoms the summary counts, charge neutral (Ewald needs it), the slit's half-length 0.3 W / 2
        var cracked = FractureLab.Mechanics.IO.LammpsDataReader.Read(Path.Combine(outDir, "precracked.data"));
        Assert.Equal(root.GetProperty("atoms_after_crack").GetInt32(), cracked.Count);
        Assert.True(root.GetProperty("atoms").GetInt32() > cracked.Count, "the slit removed atoms");
        Assert.Equal(0, cracked.Charge.Sum(), 1e-9);
        Assert.Equal(0.5 * 0.3 * root.GetProperty("crack_period_A").GetDouble(), root.GetProperty("crack_half_length_A").GetDouble(), 1e-9);
        // 0.12 / 0.01 = 12 records after the first.
        var csv = File.ReadAllLines(Path.Combine(outDir, "stress_strain.csv"));
        Assert.Equal(1 + 13, csv.Length);
        // The pull starts from a box relaxed at the temperature (300 K), not one left near rest by the minimizer.
        int tCol = Array.IndexOf(csv[0].Split(','), "T_K");
        Assert.InRange(double.Parse(csv[1].Split(',')[tCol], System.Globalization.CultureInfo.InvariantCulture), 150, 450);
        Assert.Contains("c_stress[1]", File.ReadLines(Path.Combine(outDir, "trajectory.dump")).First(l => l.StartsWith("ITEM: ATOMS")));

        // Bond switching of Si against O on the minimized snapshots at strains 0.02, 0.04, ..., 0.12 (reference: strain 0).
        Assert.True(File.Exists(Path.Combine(outDir, "snapshots", "min_0.0000.data")));
        var sw = File.ReadAllLines(Path.Combine(outDir, "bondswitch_Si-O.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(6, sw.Count);
        double V(string[] row, int k) => double.Parse(row[k], System.Globalization.CultureInfo.InvariantCulture);
        for (int k = 0; k < 6; k++)
        {
            Assert.Equal(0.02 * (k + 1), V(sw[k], 1), 2);                                  // strain from the box
            Assert.Equal(V(sw[k], 4), V(sw[k], 5) + V(sw[k], 6) + V(sw[k], 7) + V(sw[k], 8)); // every centre has one class
        }
        Assert.True(V(sw[0], 13) < 0.1, "at 2 % strain the minimized network is nearly intact");
        Assert.True(root.GetProperty("bond_switching").TryGetProperty("Si-O", out _));
        Assert.True(File.Exists(Path.Combine(outDir, "bondswitch.png")));
        Assert.True(new FileInfo(Path.Combine(outDir, "crack.png")).Length > 10000);
        Assert.Contains("Bond switching", File.ReadAllText(Path.Combine(outDir, "report.md")));
    }

    [Theory]
    [InlineData("[tension]\nspeed = 3\n", "unknown key 'tension.speed'")]
    [InlineData("[cracks]\nkind = \"edge\"\n", "unknown key 'cracks'")]
    [InlineData("[tension]\nprotocol = \"D\"\n", "key 'tension.protocol' is 'D'")]
    [InlineData("[tension]\nmax_strain = \"lots\"\n", "key 'tension.max_strain' must be a number")]
    [InlineData("[crack]\nloading_axis = \"w\"\n", "key 'crack.loading_axis' is 'w'")]
    [InlineData("[run]\nsnapshot_every_strain = -1\n", "key 'run.snapshot_every_strain' is -1")]
    [InlineData("[run]\nseed = 2.5\n", "key 'run.seed' is 2.5; it must be a whole number")]                 // not truncated to 2
    [InlineData("[run]\nseed = 99999999999\n", "key 'run.seed' is 99999999999; it must be a whole number")] // not saturated to an int
    [InlineData("[run]\ndump_every_records = 1.5\n", "key 'run.dump_every_records' is 1.5")]
    [InlineData("[structure]\nreplicate = [1, 0, 2]\n", "key 'structure.replicate' must be three integers")]
    [InlineData("[structure]\nreplicate = [1, 2]\n", "key 'structure.replicate' must be three integers")]
    [InlineData("[structure]\norient = [0, 0, 1]\n", "key 'structure.orient' needs 'structure.cif'")]
    [InlineData("[structure]\ncif = \"x.cif\"\ndata = \"y.data\"\n", "[structure] takes one of data, shipped or cif")]
    [InlineData("[structure]\ncif = \"x.cif\"\norient = [1, 1]\n", "key 'structure.orient' must be 3 integers")]
    public void RunFile_BadKeys_AreNamedWithTheFile(string body, string message)
    {
        string path = Toml(body);
        var e = Assert.Throws<InputException>(() => RunConfig.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void RunFile_Replicate_IsReadAndWrittenBack()
    {
        var c = RunConfig.Load(Toml("[structure]\nshipped = \"silica1800\"\nreplicate = [1, 1, 2]\n"));
        Assert.Equal([1, 1, 2], c.Replicate!);
        Assert.Equal([1, 1, 2], RunConfig.Load(Toml(c.ToToml())).Replicate!);
        Assert.Null(RunConfig.Load(Toml("[structure]\nshipped = \"silica1800\"\n")).Replicate);
    }

    [Fact]
    public void RunFile_Cif_BuildsTheOrientedCrystal_AndIsWrittenBack()
    {
        // rutile with [110] along the loading axis z, 2 x 2 x 3 cells of the two-cell orthogonal cell (c, a sqrt 2, a sqrt 2)
        string cif = TestData.Data(Path.Combine("crystals", "rutile.cif"));
        var c = RunConfig.Load(Toml($"[structure]\ncif = \"{cif.Replace("\\", "/")}\"\norient = [1, 1, 0]\nreplicate = [2, 2, 3]\n[forcefield]\nname = \"pedone2006\"\n"));
        var (s, source) = c.LoadStructure();
        Assert.Equal(2 * 2 * 3 * 12, s.Count);
        Assert.Equal(3 * 4.5937 * Math.Sqrt(2), s.Box.Length(2), 9);
        Assert.Equal(0, s.Charge.Sum(), 9);
        Assert.Equal(2.4, s.Charge[Array.FindIndex(s.Type, t => s.TypeElements[t] == "Ti")], 12); // pedone2006's Ti charge
        Assert.Contains("[1,1,0] along z", source);
        var again = RunConfig.Load(Toml(c.ToToml()));
        Assert.Equal([1, 1, 0], again.Crystal!.Orient!);
        Assert.Equal(s.X, again.LoadStructure().Glass.X);
    }
}

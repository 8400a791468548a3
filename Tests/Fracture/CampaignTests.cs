using FractureLab.Fracture.Campaigns;
using FractureLab.Mechanics;
using FractureLab.Tests.Cli;

namespace FractureLab.Tests.Fracture;

/// <summary>A tiny campaign: replicas run and aggregate, --resume skips finished runs, Slurm emission writes one task per run.</summary>
[Collection("console")]
public class CampaignTests
{
    private static string Setup()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "base.toml"), """
            [crack]
            length_fraction = 0.3
            opening_A = 3.0
            [tension]
            max_strain = 0.06
            record_every_strain = 0.01
            [run]
            relax_ps = 0.1
            modulus_strain = 0.02
            dump_every_records = 0
            """);
        File.WriteAllText(Path.Combine(dir, "campaign.toml"), $"""
            [campaign]
            replicas = 2
            strain_rates_per_s = [5e10]
            protocols = ["B"]
            base = "base.toml"
            [[composition]]
            label = "silica"
            x = 100
            data = "{TestData.Data("silica192-glass.data").Replace("\\", "/")}"
            elements = "Si,O"
            forcefield = "bks-wall"
            """);
        return dir;
    }

    [Fact]
    public void TinyCampaign_AggregatesReplicas_AndResumeSkipsFinishedRuns()
    {
        string dir = Setup();
        string outDir = Path.Combine(dir, "out");
        var (code, err) = CliRunner.Run("campaign", Path.Combine(dir, "campaign.toml"), "--out", outDir);
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(Path.Combine(outDir, "aggregate.csv"));
        Assert.Equal(2, lines.Length);
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        Assert.Equal("silica", row[Array.IndexOf(header, "glass")]);
        Assert.Equal("2", row[Array.IndexOf(header, "n")]);
        // The aggregate is the mean and the sample sd (n − 1) of the two runs' own summaries, computed here by hand.
        double Cell(string name) => double.Parse(row[Array.IndexOf(header, name)], System.Globalization.CultureInfo.InvariantCulture);
        double[] strengths = [.. new[] { "r1", "r2" }.Select(r =>
        {
            using var d = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "silica", "B-5e10", r, "summary.json")));
            return d.RootElement.GetProperty("strength_GPa").GetDouble();
        })];
        double mean = (strengths[0] + strengths[1]) / 2, sd = Math.Abs(strengths[0] - strengths[1]) / Math.Sqrt(2);
        Assert.True(mean > 0);
        Assert.Equal(mean, Cell("strength_GPa"), 12);
        Assert.Equal(sd, Cell("strength_GPa_sd"), 12);
        Assert.True(File.Exists(Path.Combine(outDir, "silica", "B-5e10", "r2", "run.toml")));

        var stamp = File.GetLastWriteTimeUtc(Path.Combine(outDir, "silica", "B-5e10", "r1", "summary.json"));
        (code, err) = CliRunner.Run("campaign", Path.Combine(dir, "campaign.toml"), "--out", outDir, "--resume");
        Assert.True(code == 0, err);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(outDir, "silica", "B-5e10", "r1", "summary.json")));
    }

    [Fact]
    public void EmitSlurm_WritesOneTaskPerRun_AndTheAggregation()
    {
        string dir = Setup();
        var (code, err) = CliRunner.Run("campaign", Path.Combine(dir, "campaign.toml"), "--out", Path.Combine(dir, "out"), "--emit-slurm", Path.Combine(dir, "slurm"));
        Assert.True(code == 0, err);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(dir, "slurm", "tasks.txt")).Length);
        Assert.Contains("#SBATCH --array=0-1", File.ReadAllText(Path.Combine(dir, "slurm", "campaign.sbatch")));
        Assert.Contains("--aggregate-only", File.ReadAllText(Path.Combine(dir, "slurm", "aggregate.sbatch")));
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Theory]
    [InlineData("[campaign]\nreplicas = 0\n[[composition]]\nlabel = \"a\"\nshipped = \"silica1800\"\nforcefield = \"bks\"\n", "campaign.replicas' must be at least 1")]
    [InlineData("[campaign]\nspeed = 1\n", "unknown key 'campaign.speed'")]
    [InlineData("[[composition]]\nlabel = \"a\"\nforcefield = \"bks\"\n", "needs exactly one of shipped, data or build")]
    [InlineData("[campaign]\nprotocols = [\"Z\"]\n[[composition]]\nlabel = \"a\"\nshipped = \"s\"\nforcefield = \"bks\"\n", "has 'Z', expected A, B or C")]
    public void BadCampaignFile_IsNamed(string text, string message)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "c.toml");
        File.WriteAllText(path, text);
        var e = Assert.Throws<InputException>(() => CampaignConfig.Load(path));
        Assert.Contains(message, e.Message);
    }
}

/// <summary>The shipped example campaigns parse and expand to the runs they promise.</summary>
public class ExampleCampaignTests
{
    private static string Examples(string file)
    {
        string dir = AppContext.BaseDirectory;
        while (dir is not null && !Directory.Exists(Path.Combine(dir, "examples"))) dir = Path.GetDirectoryName(dir)!;
        return Path.Combine(dir!, "examples", file);
    }

    [Theory]
    [InlineData("silica.toml", 1, 6)]
    [InlineData("libp-series.toml", 4, 8)]
    [InlineData("latp-glass.toml", 1, 2)]
    [InlineData("silica-glass-ceramics.toml", 4, 4)]
    public void Example_Loads(string file, int compositions, int runs)
    {
        var c = CampaignConfig.Load(Examples(file));
        Assert.Equal(compositions, c.Compositions.Count);
        Assert.Equal(runs, FractureLab.Fracture.Campaigns.CampaignRuns.Plan(c, "out").Count);
        Assert.NotNull(FractureLab.Fracture.Runs.RunConfig.Load(c.BaseRunFile!));
    }
}

/// <summary>The ion-dynamics axis of a campaign: NVT runs at two temperatures, their analyses, the Arrhenius fit per composition.</summary>
[Collection("console")]
public class DiffusionCampaignTests
{
    /// <summary>
    /// A campaign of NVT runs of the 144-atom Li-Si-S parity box at 900 and 1300 K, no fracture runs; returns its path.
    /// The box is minimized first: as stored it is far from equilibrium and heats to 14 500 K in one step, a runaway.
    /// </summary>
    private static string DiffusionCampaign(string dir, double ps, double skipPs)
    {
        var (box, ff) = TestData.Bind("lisis144.data", "lisis");
        FractureLab.Mechanics.Minimizers.Fire.Minimize(box, new FractureLab.Mechanics.Backends.ForceComputer(ff, new FractureLab.Mechanics.Backends.SimdBackend(1)), forceTolerance: 1e-2, maxIterations: 2000);
        string data = Path.Combine(dir, "lisis144-min.data");
        FractureLab.Mechanics.IO.LammpsDataWriter.Write(data, box, "lisis144 minimized");
        string toml = Path.Combine(dir, "campaign.toml");
        File.WriteAllText(toml, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""
            [campaign]
            protocols = []
            [[composition]]
            label = "LiSiS"
            x = 1
            data = "{data.Replace("\\", "/")}"
            forcefield = "lisis"
            [diffusion]
            temperatures_K = [900, 1300]
            species = "Li"
            ps = {ps}
            skip_ps = {skipPs}
            dump_every_steps = 10
            """));
        return toml;
    }

    [Fact]
    public void DiffusionAxisRunsAnalysesAndFits()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string toml = DiffusionCampaign(dir, ps: 0.4, skipPs: 0.1);
        string outDir = Path.Combine(dir, "out");
        var (code, err) = CliRunner.Run("campaign", toml, "--out", outDir);
        Assert.True(code == 0, err);
        foreach (string t in new[] { "T900-r1", "T1300-r1" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, "LiSiS", "diffusion", t, "trajectory.dump")), t);
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "LiSiS", "diffusion", t, "analysis", "summary.json")));
            Assert.Equal(31, doc.RootElement.GetProperty("frames").GetInt32()); // 0.1-0.4 ps every 10 fs
            // the temperature comes from the run's thermo.csv (this parity configuration is not equilibrated, so it heats up)
            Assert.Contains("thermo.csv", doc.RootElement.GetProperty("temperature_source").GetString());
            Assert.True(doc.RootElement.GetProperty("temperature_K").GetDouble() > 0);
        }
        Assert.True(File.Exists(Path.Combine(outDir, "LiSiS", "diffusion", "arrhenius", "summary.json")));
        var rows = File.ReadAllLines(Path.Combine(outDir, "conductivity.csv"));
        Assert.StartsWith("label,x,points,activation_energy_eV", rows[0]);
        Assert.StartsWith("LiSiS,1,2,", rows[1]);
        // A second call finds every analysis and only aggregates.
        (code, err) = CliRunner.Run("campaign", toml, "--out", outDir);
        Assert.True(code == 0, err);
    }

    [Fact]
    public void EmitSlurm_DiffusionTasks_RunTheSameNvtAndAnalysisAsTheCampaign()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string toml = DiffusionCampaign(dir, ps: 0.2, skipPs: 0.05);
        string slurmOut = Path.Combine(dir, "slurm-out"), slurm = Path.Combine(dir, "slurm");
        var (code, err) = CliRunner.Run("campaign", toml, "--out", slurmOut, "--emit-slurm", slurm);
        Assert.True(code == 0, err);
        var tasks = File.ReadAllLines(Path.Combine(slurm, "tasks.txt"));
        Assert.Equal(2, tasks.Length);
        Assert.Contains("#SBATCH --array=0-1", File.ReadAllText(Path.Combine(slurm, "campaign.sbatch")));
        Assert.Contains("--temperature 900 ", tasks[0]);
        Assert.Contains("--temperature 1300 ", tasks[1]);

        // Run task 0 as the shell would (the commands between "{ " and "; }", joined by &&), in-process.
        string body = tasks[0][(tasks[0].IndexOf("{ ", StringComparison.Ordinal) + 2)..tasks[0].LastIndexOf("; }", StringComparison.Ordinal)];
        foreach (string command in body.Split(" && "))
        {
            var words = System.Text.RegularExpressions.Regex.Matches(command, "'[^']*'|\\S+").Select(m => m.Value.Trim('\'')).ToArray();
            Assert.Equal("fracturelab", words[0]);
            (code, err) = CliRunner.Run(words[1..]);
            Assert.True(code == 0, $"{command}: {err}");
        }

        // The campaign run in-process gives the same trajectory and the same D.
        string campaignOut = Path.Combine(dir, "campaign-out");
        (code, err) = CliRunner.Run("campaign", toml, "--out", campaignOut);
        Assert.True(code == 0, err);
        string Run(string root, string file) => Path.Combine(root, "LiSiS", "diffusion", "T900-r1", file);
        Assert.Equal(File.ReadAllText(Run(campaignOut, "trajectory.dump")), File.ReadAllText(Run(slurmOut, "trajectory.dump")));
        double D(string root)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Run(root, Path.Combine("analysis", "summary.json"))));
            return doc.RootElement.GetProperty("D_cm2_per_s").GetDouble();
        }
        Assert.Equal(D(campaignOut), D(slurmOut));
    }

    [Theory]
    [InlineData("[diffusion]\nspecies = \"Li\"\n", "key 'diffusion.temperatures_K' is missing")]
    [InlineData("[diffusion]\ntemperatures_K = [800]\nps = 1\nskip_ps = 2\n", "need 0 ≤ skip_ps < ps")]
    [InlineData("[diffusion]\ntemperatures_K = [800]\nsteps = 3\n", "unknown key 'diffusion.steps'")]
    public void BadDiffusionKeysAreNamed(string body, string message)
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string toml = Path.Combine(dir, "c.toml");
        File.WriteAllText(toml, "[[composition]]\nlabel = \"a\"\nshipped = \"silica1800\"\nforcefield = \"bks\"\n" + body);
        var e = Assert.Throws<InputException>(() => CampaignConfig.Load(toml));
        Assert.Contains(message, e.Message);
    }
}

/// <summary>--emit-lammps writes, per run, data files, the tabulated short-range terms and decks with the run's protocol.</summary>
[Collection("console")]
public class EmitLammpsTests
{
    [Fact]
    public void EmitsDataTableDecksAndRunScript()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "base.toml"), "[crack]\nlength_fraction = 0.3\nopening_A = 3.0\n[tension]\nmax_strain = 0.12\n[run]\nrelax_ps = 0.5\n");
        string toml = Path.Combine(dir, "c.toml");
        File.WriteAllText(toml, $"""
            [campaign]
            strain_rates_per_s = [5e10]
            protocols = ["B"]
            base = "base.toml"
            [[composition]]
            label = "silica"
            data = "{TestData.Data("silica192-glass.data").Replace("\\", "/")}"
            elements = "Si,O"
            forcefield = "bks-wall"
            """);
        string lmp = Path.Combine(dir, "lmp");
        var (code, err) = CliRunner.Run("campaign", toml, "--out", Path.Combine(dir, "out"), "--emit-lammps", lmp);
        Assert.True(code == 0, err);
        string run = Path.Combine(lmp, "silica", "B-5e10", "r1");
        foreach (var f in new[] { "glass.data", "precracked.data", "ff.table", "in.uncracked.lmp", "in.precracked.lmp", "run.sh" })
            Assert.True(File.Exists(Path.Combine(run, f)), f);
        Assert.Contains("bash silica/B-5e10/r1/run.sh", File.ReadAllText(Path.Combine(lmp, "run_all.sh")));
        string deck = File.ReadAllText(Path.Combine(run, "in.precracked.lmp"));
        Assert.Contains("pair_style hybrid/overlay table linear 20000 coul/dsf 0.2 10", deck);
        Assert.Contains("pair_coeff 1 2 table ff.table Si_O 10", deck);
        Assert.Contains("fix pull all nvt temp 300 300 0.1", deck);                       // protocol B: lateral lengths fixed
        Assert.Contains("fix stretch all deform 1 z erate 0.05", deck);                   // 5e10 1/s = 0.05 1/ps
        Assert.Contains("run 2400", deck);                                                 // 0.12 / (5e10 · 1 fs)
        Assert.Contains("fix avg all ave/time 1 40 40 c_p[1] c_p[2] c_p[3]", deck);       // stress averaged over each 0.002 of strain
        Assert.Contains("--stress-column v_szz", File.ReadAllText(Path.Combine(run, "run.sh")));
        Assert.Contains("fix relax all npt temp 300 300 0.1 aniso 0 0 1.0", File.ReadAllText(Path.Combine(run, "in.uncracked.lmp")));
        Assert.Contains("--fixed-lateral", File.ReadAllText(Path.Combine(run, "run.sh")));
        // The Si-O row at r = 1.6 Å: BKS with the D/r²⁴ wall, A e^(−r/ρ) − C/r⁶ + D/r²⁴ and its force.
        var lines = File.ReadAllLines(Path.Combine(run, "ff.table"));
        int start = Array.IndexOf(lines, "Si_O");
        Assert.Equal("N 20000 R 0.5 10", lines[start + 1]);
        var row = lines[start + 3 + 2316].Split(' ').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        double r = row[1];
        Assert.Equal(0.5 + 9.5 * 2316 / 19999.0, r, 12);
        double u = 18003.7572 * Math.Exp(-r / 0.205205) - 133.5381 / Math.Pow(r, 6) + 29.0 / Math.Pow(r, 24);
        double force = 18003.7572 / 0.205205 * Math.Exp(-r / 0.205205) - 6 * 133.5381 / Math.Pow(r, 7) + 24 * 29.0 / Math.Pow(r, 25);
        Assert.Equal(u, row[2], 9);
        Assert.Equal(force, row[3], 8);
        // Charges from the force field in the data file (Si 2.4, O -1.2).
        Assert.Contains(File.ReadLines(Path.Combine(run, "glass.data")), l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, "1", "2.4", ..]);
    }
}

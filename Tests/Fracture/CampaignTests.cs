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
        Assert.True(double.Parse(row[Array.IndexOf(header, "strength_GPa")], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotEqual("", row[Array.IndexOf(header, "strength_GPa_sd")]);
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
    public void Example_Loads(string file, int compositions, int runs)
    {
        var c = CampaignConfig.Load(Examples(file));
        Assert.Equal(compositions, c.Compositions.Count);
        Assert.Equal(runs, FractureLab.Cli.Commands.CampaignCommand.Plan(c, "out").Count);
        Assert.NotNull(FractureLab.Fracture.Runs.RunConfig.Load(c.BaseRunFile!));
    }
}

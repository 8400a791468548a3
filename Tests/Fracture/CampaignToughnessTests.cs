using System.Globalization;
using System.Text.Json;
using FractureLab.Fracture.Campaigns;
using FractureLab.Mechanics;
using FractureLab.Tests.Cli;

namespace FractureLab.Tests.Fracture;

/// <summary>
/// The toughness axis of a campaign (campaign.study): one study per composition with that composition's glass, force
/// field, label and x; toughness.csv joins the studies' results for compare; bad study keys and emission are clear errors.
/// </summary>
[Collection("console")]
public class CampaignToughnessTests
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    private static string Setup(string campaignExtra = "", string studyExtra = "")
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "study.toml"), $"""
            [crack]
            opening_A = 3.0
            [tension]
            protocol = "B"
            strain_rate_per_s = 5e10
            max_strain = 0.08
            record_every_strain = 0.01
            [run]
            relax_ps = 0.1
            modulus_strain = 0.02
            dump_every_records = 0
            snapshot_every_strain = 0
            [study]
            crack_length_fractions = [0.3, 0.5]
            replicas = 1
            methods = ["crack-length"]
            {studyExtra}
            """);
        string data = TestData.Data("silica192-glass.data").Replace("\\", "/");
        File.WriteAllText(Path.Combine(dir, "campaign.toml"), $"""
            [campaign]
            study = "study.toml"
            {campaignExtra}
            [[composition]]
            label = "bks"
            x = 1
            data = "{data}"
            elements = "Si,O"
            forcefield = "bks"
            [[composition]]
            label = "wall"
            x = 2
            data = "{data}"
            elements = "Si,O"
            forcefield = "bks-wall"
            """);
        return dir;
    }

    [Fact]
    public void EachComposition_RunsTheStudyOnItsOwnGlassAndForceField_AndToughnessCsvJoinsThem()
    {
        string dir = Setup();
        string outDir = Path.Combine(dir, "out");
        var (code, err) = CliRunner.Run("campaign", Path.Combine(dir, "campaign.toml"), "--out", outDir);
        Assert.True(code == 0, err);
        var config = CampaignConfig.Load(Path.Combine(dir, "campaign.toml"));
        Assert.Empty(config.Protocols); // a study campaign runs no protocol runs unless asked for
        var k = new Dictionary<string, double>();
        foreach (var (label, ff) in new[] { ("bks", "bks"), ("wall", "bks-wall") })
        {
            string study = Path.Combine(outDir, label, "toughness");
            foreach (var d in new[] { "uncracked/r1", "a0.300/r1", "a0.500/r1" }) Assert.True(Directory.Exists(Path.Combine(study, d)), d);
            Assert.Contains($"name = \"{ff}\"", File.ReadAllText(Path.Combine(study, "a0.300", "r1", "run.toml")));
            var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(study, "summary.json"))).RootElement;
            k[label] = summary.GetProperty("methods").GetProperty("crack_length").GetProperty("KIc_MPa_sqrt_m").GetProperty("value").GetDouble();
        }
        // two force fields on one glass: two different studies
        Assert.NotEqual(k["bks"], k["wall"]);
        var lines = File.ReadAllLines(Path.Combine(outDir, CampaignToughness.Table));
        Assert.Equal(3, lines.Length);
        var head = lines[0].Split(',');
        foreach (var (row, label, x) in new[] { (lines[1], "bks", 1.0), (lines[2], "wall", 2.0) })
        {
            var cells = row.Split(',');
            Assert.Equal(label, cells[Array.IndexOf(head, "glass")]);
            Assert.Equal(x, double.Parse(cells[Array.IndexOf(head, "x")], Ci));
            Assert.Equal(k[label], double.Parse(cells[Array.IndexOf(head, "KIc_crack_length_MPa_sqrt_m")], Ci), 12);
        }
        Assert.True(File.Exists(Path.Combine(outDir, "toughness_KIc.png")));

        // compare joins it with an experiment table on the glass label
        string exp = Path.Combine(dir, "exp.csv");
        File.WriteAllText(exp, "glass,x_exp,KIc_MPa_sqrt_m_exp\nbks,1,0.8\nwall,2,0.7\n");
        (code, err) = CliRunner.Run("compare", "--sim", Path.Combine(outDir, CampaignToughness.Table), "--exp", exp, "--out", Path.Combine(dir, "cmp"));
        Assert.True(code == 0, err);
        var joined = File.ReadAllLines(Path.Combine(dir, "cmp", "comparison.csv"));
        Assert.Contains(joined, l => l.StartsWith("bks,", StringComparison.Ordinal));
        Assert.Contains(joined, l => l.StartsWith("wall,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("study = \"missing.toml\"", "", "key 'campaign.study'")]
    [InlineData("", "speed = 2", "unknown key 'study.speed'")]
    public void BadStudy_IsNamedBeforeAnyGlassIsBuilt(string campaignLine, string studyExtra, string message)
    {
        string dir = Setup(studyExtra: studyExtra);
        string path = Path.Combine(dir, "campaign.toml");
        if (campaignLine.Length > 0) File.WriteAllText(path, File.ReadAllText(path).Replace("study = \"study.toml\"", campaignLine));
        var e = Assert.Throws<InputException>(() => CampaignConfig.Load(path));
        Assert.Contains(message, e.Message);
    }

    /// <summary>The shipped LiBP series: four glasses of Table 4-1, each a study of 3 crack lengths × 2 replicas with N4 = 1 (Kumar et al. 2004).</summary>
    [Fact]
    public void LibpToughnessExample_PlansTheSeries()
    {
        var c = CampaignConfig.Load(TestData.Repository("examples", "libp-toughness.toml"));
        Assert.Equal(["38LiBP", "40LiBP", "42.5LiBP", "45LiBP"], c.Compositions.Select(x => x.Label));
        foreach (var comp in c.Compositions)
        {
            var study = CampaignToughness.StudyOf(c, comp, glassFile: null);
            Assert.Equal(comp.Label, study.Label);
            Assert.Equal(comp.X, study.X);
            Assert.Equal(1.0, study.Base.BoronN4);
            Assert.Equal(6, FractureLab.Fracture.Toughness.ToughnessPlan.Cracked(study, "out").Count);
        }
    }

    [Fact]
    public void EmittingAStudyCampaign_IsAClearError()
    {
        string dir = Setup();
        var (code, err) = CliRunner.Run("campaign", Path.Combine(dir, "campaign.toml"), "--out", Path.Combine(dir, "out"), "--emit-slurm", Path.Combine(dir, "slurm"));
        Assert.NotEqual(0, code);
        Assert.Contains("campaign.study", err);
    }
}

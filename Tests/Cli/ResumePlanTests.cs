using FractureLab.Tests.Cli;

namespace FractureLab.Tests.Cli;

/// <summary>Issue 20: a resume with another plan is refused, naming what differs; the same plan (more steps) resumes.</summary>
[Collection("console")]
public class ResumePlanTests
{
    [Fact]
    public void Md_ResumeWithAnotherForceField_IsRefused_MoreStepsAreFine()
    {
        string dir = Directory.CreateTempSubdirectory("resume-plan").FullName;
        string data = TestData.Parity("silica192.data");
        string[] common = ["md", "--data", data, "--minimize", "fire", "--thermo", "5", "--checkpoint-every", "5", "--out", dir];
        var (code, err) = CliRunner.Run([.. common, "--forcefield", "bks-wall", "--steps", "10"]);
        Assert.True(code == 0, err);
        (code, err) = CliRunner.Run([.. common, "--forcefield", "bks", "--steps", "20", "--resume"]);
        Assert.Equal(1, code);
        Assert.Contains("forcefield was \"bks-wall\", now \"bks\"", err);
        (code, err) = CliRunner.Run([.. common, "--forcefield", "bks-wall", "--steps", "20", "--dt", "0.5", "--resume"]);
        Assert.Equal(1, code);
        Assert.Contains("dt_fs was 1, now 0.5", err);
        (code, err) = CliRunner.Run([.. common, "--forcefield", "bks-wall", "--steps", "20", "--resume"]);
        Assert.True(code == 0, err);
        Assert.Contains("\"steps\": 20", File.ReadAllText(Path.Combine(dir, "summary.json")));
        // plan.json and the log carry the version with its commit, as --version prints it (issue 20.7)
        Assert.Contains($"\"fracturelab_version\": \"{FractureLab.Mechanics.BuildVersion.Text}\"", File.ReadAllText(Path.Combine(dir, "plan.json")));
        Assert.Contains(FractureLab.Mechanics.BuildVersion.Text, File.ReadAllText(Path.Combine(dir, "fracturelab.log")));
    }

    [Fact]
    public void Run_ResumeWithAnotherCrack_IsRefused()
    {
        string Toml(double opening) => FractureLab.Tests.Fracture.TinyGlassFiles.Write("run.toml", $"""
            [crack]
            opening_A = {opening}
            [tension]
            max_strain = 0.02
            record_every_strain = 0.01
            [run]
            relax_ps = 0.1
            snapshot_every_strain = 0
            """);
        string outDir = Directory.CreateTempSubdirectory("resume-run").FullName;
        var (code, err) = CliRunner.Run("run", Toml(3.0), "--out", outDir, "--threads", "1");
        Assert.True(code == 0, err);
        (code, err) = CliRunner.Run("run", Toml(4.0), "--out", outDir, "--threads", "1", "--resume");
        Assert.Equal(1, code);
        Assert.Contains("crack.opening_A was 3, now 4", err);
    }
}

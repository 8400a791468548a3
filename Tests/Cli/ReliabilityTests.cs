using FractureLab.Tests.Cli;

namespace FractureLab.Tests.Cli;

/// <summary>Broken inputs end in one readable line and exit 1: a dump header that claims more atoms than the file holds, absurd box bounds, a folder given as a file, a huge token; and a run leaves its log file.</summary>
[Collection("console")]
public class ReliabilityTests
{
    private static string Temp(string name, string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2000000000\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\nITEM: ATOMS id type x y z\n1 1 0 0 0\n", "claims 2000000000 atoms")]
    [InlineData("ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1e300\n0 10\n0 10\nITEM: ATOMS id type x y z\n1 1 0 0 0\n", "box bounds 0 1e300 along x")]
    public void BrokenDumpHeaders_AreOneLineErrors(string dump, string message)
    {
        string path = Temp("bad.dump", dump);
        var (code, err) = CliRunner.Run("diffusion", "--dump", path, "--species", "Si", "--elements", "Si", "--out", Path.Combine(Path.GetDirectoryName(path)!, "o"));
        Assert.Equal(1, code);
        Assert.Contains(message, err);
        Assert.DoesNotContain("internal error", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void AFolderGivenAsAFile_IsNamedAsAFolder_AndAHugeTokenIsCut()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        var (code, err) = CliRunner.Run("eval", "--data", dir, "--forcefield", "bks", "--out", Path.Combine(dir, "e.json"));
        Assert.Equal(1, code);
        Assert.Contains("is a folder, not a file", err);
        string huge = new string('9', 1_000_000);
        string path = Temp("bad.dump", $"ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 {huge}x\n0 10\n0 10\nITEM: ATOMS id type x y z\n1 1 0 0 0\n");
        (code, err) = CliRunner.Run("diffusion", "--dump", path, "--species", "Si", "--elements", "Si", "--out", Path.Combine(Path.GetDirectoryName(path)!, "o"));
        Assert.Equal(1, code);
        Assert.True(err.Length < 600, $"the error is {err.Length} characters long");
        Assert.Contains("characters", err);
    }

    [Fact]
    public void NegativeThreads_AreRefused()
    {
        var (code, err) = CliRunner.Run("toughness", "--threads", "-1", "--out", Directory.CreateTempSubdirectory().FullName);
        Assert.Equal(1, code);
        Assert.Contains("--threads -1", err);
    }
}

using FractureLab.Mechanics.IO;

namespace FractureLab.Tests.Cli;

/// <summary>Issue 20.9: <c>md --format extxyz</c> writes trajectory.xyz and final.xyz that read back to the same atoms as final.data and the run's steps.</summary>
[Collection("console")]
public class ExtendedXyzOutputTests
{
    [Fact]
    public void Md_WithExtxyz_WritesFramesThatReadBackToTheFinalStructure()
    {
        string dir = Directory.CreateTempSubdirectory("extxyz").FullName;
        var (code, err) = CliRunner.Run("md", "--data", TestData.Parity("silica192.data"), "--forcefield", "bks-wall", "--minimize", "fire",
            "--steps", "40", "--dump-every", "10", "--dump-pe", "--format", "extxyz", "--threads", "1", "--out", dir);
        Assert.True(code == 0, err);
        Assert.False(File.Exists(Path.Combine(dir, "trajectory.dump")));
        var frames = ExtendedXyzReader.Read(Path.Combine(dir, "trajectory.xyz")).ToList();
        Assert.Equal([10L, 20L, 30L, 40L], frames.Select(f => f.Step!.Value));
        var final = LammpsDataReader.Read(Path.Combine(dir, "final.data"));
        var xyz = ExtendedXyzReader.Read(Path.Combine(dir, "final.xyz")).Single();
        Assert.Equal(final.Box.Length(0), xyz.LatticeDiagonalA[0]);
        Assert.Equal(final.Type.Select(t => final.TypeElements[t]), xyz.Species);
        var pos = xyz.Columns["pos"];
        for (int i = 0; i < final.Count; i++)
        {
            Assert.Equal(final.X[i] - final.Box.Lo[0], pos[0][i], 12);
            Assert.Equal(final.Z[i] - final.Box.Lo[2], pos[2][i], 12);
        }
        Assert.Equal(final.Id.Select(v => (double)v), xyz.Columns["id"][0]);
        // the last trajectory frame is the final state, with per-atom energies that sum to the frame's pair energy
        Assert.Equal(pos[1], frames[^1].Columns["pos"][1]);
        Assert.True(frames[^1].Columns.ContainsKey("c_pe"));
        var (bad, badErr) = CliRunner.Run("md", "--data", TestData.Parity("silica192.data"), "--forcefield", "bks-wall", "--steps", "10", "--format", "xyzz", "--out", dir);
        Assert.Equal(1, bad);
        Assert.Contains("--format 'xyzz'", badErr);
    }
}

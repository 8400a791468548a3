using FractureLab.BondSwitch.Structure;
using FractureLab.Mechanics;
using static FractureLab.Tests.BondSwitch.Configurations;

namespace FractureLab.Tests.BondSwitch;

/// <summary>Issue 23.5: density, concentration and F(Z) profiles against values by hand.</summary>
[Collection("console")]
public class SlabProfileTests
{
    [Fact]
    public void SimpleCubicLayers_HaveTheirDensity_AndFEqualToOne()
    {
        // 6 x 6 x 6 Si at a = 2.5 A: a slab of width a holds one (001) layer of 36 atoms, periodic with k = 2 pi / a in-plane
        var s = SimpleCubic(2.5, 6);
        var rows = SlabProfile.Compute(s, 2, 2.5);
        Assert.Equal(6, rows.Count);
        double hand = 36 * 28.0855 / 6.02214076e23 / (2.5 * 15 * 15 * 1e-24);
        Assert.All(rows, r =>
        {
            Assert.Equal(36, r.Atoms);
            Assert.Equal(hand, r.DensityGPerCm3, 9);
            Assert.Equal(1.0, r.Order!.Value, 9);
            Assert.Equal(36, r.ByElement["Si"]);
        });
    }

    [Fact]
    public void RandomAtoms_HaveALowF_AndGroupsAreCountedPerSlab()
    {
        var s = RandomDense(600, 20, 1.6, seed: 3);
        var rows = SlabProfile.Compute(s, 0, 2.0, groupOfId: id => id % 2 == 0 ? "even" : "odd");
        Assert.Equal(10, rows.Count);
        Assert.Equal(600, rows.Sum(r => r.Atoms));
        Assert.Equal(300, rows.Sum(r => r.ByGroup.GetValueOrDefault("even")));
        // 60 atoms per slab at random: F is of order ln(n_k)/N, far below a crystal's 1
        Assert.All(rows, r => Assert.InRange(r.Order!.Value, 0, 0.25));
        Assert.Contains("slab width 30", Assert.Throws<InputException>(() => SlabProfile.Compute(s, 0, 30)).Message);
    }

    [Fact]
    public void ProfileCommand_WritesTheLayersDensityAndOrder_ToItsFolder()
    {
        string dir = Directory.CreateTempSubdirectory("fl-profile-").FullName;
        string data = Path.Combine(dir, "sc.data");
        FractureLab.Mechanics.IO.LammpsDataWriter.Write(data, SimpleCubic(2.5, 6).System, "simple cubic");
        var (code, err) = FractureLab.Tests.Cli.CliRunner.Run("profile", data, "--elements", "Si", "--axis", "z", "--width", "2.5", "--out", Path.Combine(dir, "out"));
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(Path.Combine(dir, "out", "profile.csv"));
        Assert.Equal("z_A,atoms,density_g_cm3,at_pct_Si,F", lines[0]);
        double hand = 36 * 28.0855 / 6.02214076e23 / (2.5 * 15 * 15 * 1e-24);
        Assert.Equal(6, lines.Length - 1);
        foreach (var row in lines.Skip(1).Select(l => l.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray()))
        {
            Assert.Equal(36, row[1]);
            Assert.Equal(hand, row[2], 9);
            Assert.Equal(100, row[3], 9);
            Assert.Equal(1.0, row[4], 9);
        }
        Assert.True(new FileInfo(Path.Combine(dir, "out", "profile.png")).Length > 1000);
        Assert.Contains("\"slabs\": 6", File.ReadAllText(Path.Combine(dir, "out", "profile.json")));
    }
}

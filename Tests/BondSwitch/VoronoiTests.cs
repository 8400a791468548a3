using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Structure;
using FractureLab.Mechanics.IO;

namespace FractureLab.Tests.BondSwitch;

/// <summary>Voronoi volumes (issue 24.3): crystals whose cells are known exactly, the sum rule, and LAMMPS compute voronoi/atom.</summary>
[Collection("console")]
public class VoronoiTests
{
    [Fact]
    public void StructureCommand_WritesVoronoiCsv_OneRowPerAtom_SummingToTheBox()
    {
        string dir = Directory.CreateTempSubdirectory("voronoi").FullName;
        var (code, err) = FractureLab.Tests.Cli.CliRunner.Run("structure", TestData.Parity("voronoi250.data"), "--elements", "Si,O", "--pairs", "Si-O", "--voronoi", "--out", dir);
        Assert.True(code == 0, err);
        var table = FractureLab.Experiments.Tables.CsvTable.Read(Path.Combine(dir, "voronoi.csv"));
        Assert.Equal(250, table.Rows.Count);
        Assert.Equal(2744.0, table.Rows.Sum(r => table.Number(r, "volume_A3")!.Value), 1e-6);
        var (bad, err2) = FractureLab.Tests.Cli.CliRunner.Run("structure", TestData.Parity("voronoi250.data"), "--elements", "Si,O", "--pairs", "Si-O", "--voronoi-radii", "Si=0.4", "--out", dir);
        Assert.Equal(1, bad);
        Assert.Contains("no radius (≥ 0) for O", err2);
    }

    private static Snapshot Lattice(double a, int n, double[][] basis)
    {
        var atoms = new List<Configurations.Atom>();
        int id = 1;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++)
                    foreach (var b in basis) atoms.Add(new(id++, "Cu", (i + b[0]) * a, (j + b[1]) * a, (k + b[2]) * a));
        return Configurations.Make("lattice", [n * a, n * a, n * a], atoms);
    }

    [Theory]
    [InlineData("fcc", 4)] // rhombic dodecahedra of a³/4, 12 faces
    [InlineData("bcc", 2)] // truncated octahedra of a³/2, 14 faces
    public void CubicCrystals_HaveTheirExactCells(string kind, int perCell)
    {
        double a = 3.61;
        double[][] basis = kind == "fcc" ? [[0, 0, 0], [0.5, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0.5]] : [[0, 0, 0], [0.5, 0.5, 0.5]];
        var v = Voronoi.Compute(Lattice(a, 3, basis), faceAreaThresholdA2: 1e-6);
        Assert.All(v.VolumesA3, x => Assert.Equal(a * a * a / perCell, x, 1e-9));
        Assert.All(v.Faces, f => Assert.Equal(kind == "fcc" ? 12 : 14, f));
        Assert.Equal(Math.Pow(3 * a, 3), v.TotalA3, 1e-7);
    }

    [Fact]
    public void RockSalt_EqualWeights_GiveCubesOfAEighth_AndRadiiMoveVolumeToTheLargerIon()
    {
        double a = 5.64;
        var snap = Configurations.RockSalt(a, 2);
        var plain = Voronoi.Compute(snap);
        Assert.All(plain.VolumesA3, x => Assert.Equal(a * a * a / 8, x, 1e-9));
        // radical planes at (d² + r_i² − r_j²)/(2d) from atom i (Na⁺ 1.02, Cl⁻ 1.81 Å, Shannon): the Na-Cl faces move towards Na,
        // so the sum stays the box and every Cl cell is larger than every Na cell
        var radical = Voronoi.Compute(snap, new Dictionary<string, double> { ["Na"] = 1.02, ["Cl"] = 1.81 });
        Assert.Equal(Math.Pow(2 * a, 3), radical.TotalA3, 1e-7);
        double maxNa = Enumerable.Range(0, snap.System.Count).Where(i => snap.Element(i) == "Na").Max(i => radical.VolumesA3[i]);
        double minCl = Enumerable.Range(0, snap.System.Count).Where(i => snap.Element(i) == "Cl").Min(i => radical.VolumesA3[i]);
        Assert.True(maxNa < minCl, $"Na {maxNa} Å³, Cl {minCl} Å³");
    }

    [Fact]
    public void RandomPeriodicPoints_MatchLammpsComputeVoronoiAtom_PlainAndRadical()
    {
        // in.voronoi: Debian LAMMPS 29Sep2021, compute voronoi/atom (voro++), with and without radii Si 0.4 Å, O 1.35 Å
        var snap = new Snapshot("voronoi250", 0, LammpsDataReader.Read(TestData.Parity("voronoi250.data"), ["Si", "O"]));
        var golden = LammpsDumpReader.Read(TestData.Parity("voronoi250.lammps.dump")).Single();
        double[] ids = golden.Column("id", "golden"), vol = golden.Column("c_v[1]", "golden"), faces = golden.Column("c_v[2]", "golden");
        double[] volR = golden.Column("c_vr[1]", "golden"), facesR = golden.Column("c_vr[2]", "golden");
        var plain = Voronoi.Compute(snap);
        var radical = Voronoi.Compute(snap, new Dictionary<string, double> { ["Si"] = 0.4, ["O"] = 1.35 });
        for (int k = 0; k < ids.Length; k++)
        {
            Assert.True(snap.TryIndexOf((int)ids[k], out int i));
            Assert.Equal(vol[k], plain.VolumesA3[i], 1e-8);
            Assert.Equal(volR[k], radical.VolumesA3[i], 1e-8);
            Assert.Equal((int)faces[k], plain.Faces[i]);
            Assert.Equal((int)facesR[k], radical.Faces[i]);
        }
        Assert.Equal(14.0 * 14 * 14, plain.TotalA3, 1e-8);
    }
}

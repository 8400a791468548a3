using System.Globalization;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Tests.Cli;

namespace FractureLab.Tests.Mechanics;

/// <summary>Per-atom potential energy (issue 24.3) as LAMMPS compute pe/atom: against LAMMPS, and the sum rules.</summary>
[Collection("console")]
public class PerAtomEnergyTests
{
    [Fact]
    public void BksDsf_MatchesLammpsComputePeAtom()
    {
        // in.bks_dsf_peatom.lmp: Debian LAMMPS 29Sep2021, born/coul/dsf, compute pe/atom (pair halves and the DSF self term)
        var (s, ff) = TestData.Bind("silica192.data", "bks", new CoulombSettings(CoulombMethod.Dsf, 0.2, 10.0, ErfcFlavor.Exact));
        var r = new ForceComputer(ff, new SimdBackend(1)).PerAtom(s);
        var index = Enumerable.Range(0, s.Count).ToDictionary(i => s.Id[i]);
        var rows = File.ReadAllLines(TestData.Parity("bks_dsf.peatom.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(s.Count, rows.Count);
        foreach (var row in rows)
        {
            double lammps = double.Parse(row[1], CultureInfo.InvariantCulture);
            Assert.Equal(lammps, r.PerAtomEnergy![index[int.Parse(row[0], CultureInfo.InvariantCulture)]], 1e-7 * Math.Max(1, Math.Abs(lammps)));
        }
    }

    [Theory]
    [InlineData(CoulombMethod.Dsf)]
    [InlineData(CoulombMethod.Ewald)]
    public void PerAtomEnergies_SumToTheTotal_LessTheKSpacePart(CoulombMethod method)
    {
        var (s, ff) = TestData.Bind("lisis144.data", "lisis", new CoulombSettings(method, method == CoulombMethod.Dsf ? 0.2 : 0.0, 10.0, ErfcFlavor.Exact, 1e-6));
        var total = new ForceComputer(ff, new SimdBackend(1)).Compute(s);
        double e = total.PotentialEnergy, k = total.KSpaceEnergy;
        var per = new ForceComputer(ff, new SimdBackend(1)).PerAtom(s);
        Assert.Equal(e - k, per.PerAtomEnergy!.Sum(), 1e-9 * Math.Abs(e));
        if (method == CoulombMethod.Ewald) Assert.NotEqual(0.0, k);
    }

    [Fact]
    public void Md_DumpPe_WritesCPe_ThatSumsToTheThermoEnergy()
    {
        string dir = Directory.CreateTempSubdirectory("dump-pe").FullName;
        var (code, err) = CliRunner.Run("md", "--data", TestData.Parity("silica192.data"), "--forcefield", "bks-wall", "--minimize", "fire", "--steps", "10",
            "--thermo", "5", "--dump-every", "5", "--dump-pe", "--out", dir);
        Assert.True(code == 0, err);
        var frames = FractureLab.Mechanics.IO.LammpsDumpReader.Read(Path.Combine(dir, "trajectory.dump")).ToList();
        var thermo = FractureLab.Experiments.Tables.CsvTable.Read(Path.Combine(dir, "thermo.csv"));
        foreach (var f in frames)
        {
            var row = thermo.Rows.Single(r => thermo.Number(r, "step") == f.Step);
            Assert.Equal(thermo.Number(row, "pe_eV")!.Value, f.Column("c_pe", "dump").Sum(), 1e-8);
        }
        Assert.Equal(2, frames.Count);
    }
}

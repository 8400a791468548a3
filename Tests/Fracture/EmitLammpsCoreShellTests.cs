using System.Globalization;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;
using FractureLab.Tests.Cli;
using FractureLab.Tests.Mechanics;

namespace FractureLab.Tests.Fracture;

/// <summary>
/// Issue 23.6: a campaign's --emit-lammps with core-shell ions writes what LAMMPS's CORESHELL package runs (atom_style
/// full, a harmonic bond per ion with K = k/2, special_bonds coul 0, the /cs Coulomb style, compute temp/cs for every
/// thermostat, the velocity draw and the stress), and LAMMPS 20220106 running the emitted force field gives our energy,
/// forces and virial (Tests/Parity/Lammps: emitted.cs_dsf.lmp, cs_emitted.*, made by regenerate.sh).
/// </summary>
[Collection("console")]
public class EmitLammpsCoreShellTests
{
    private static string Emit(string dir, string data, string forceField)
    {
        File.WriteAllText(Path.Combine(dir, "base.toml"), "[crack]\nlength_fraction = 0.3\nopening_A = 3.0\n[tension]\nmax_strain = 0.02\ntimestep_fs = 0.2\n[run]\nrelax_ps = 0.1\n");
        string toml = Path.Combine(dir, "c.toml");
        File.WriteAllText(toml, $"""
            [campaign]
            strain_rates_per_s = [5e10]
            protocols = ["B"]
            base = "base.toml"
            [[composition]]
            label = "cs"
            data = "{data.Replace("\\", "/")}"
            forcefield = "{forceField.Replace("\\", "/")}"
            """);
        string lmp = Path.Combine(dir, "lmp");
        var (code, err) = CliRunner.Run("campaign", toml, "--out", Path.Combine(dir, "out"), "--emit-lammps", lmp);
        Assert.True(code == 0, err);
        return Path.Combine(lmp, "cs", "B-5e10", "r1");
    }

    private static string[] Block(string deck) =>
        File.ReadAllLines(deck).SkipWhile(l => !l.StartsWith("pair_style", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("neighbor ", StringComparison.Ordinal) && !l.StartsWith("compute pv", StringComparison.Ordinal))
            .Select(l => l.Replace(" ff.table ", " cs_emitted.table ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void EmittedForceField_RunByLammps_GivesOurEnergyForcesAndVirial()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string run = Emit(dir, TestData.Parity("cs320.data"), TestData.Parity("cs_test.toml"));
        // the files LAMMPS ran are what emission writes today (else: bash Tests/Parity/Lammps/regenerate.sh)
        Assert.Equal(File.ReadAllText(TestData.Parity("cs_emitted.data")), File.ReadAllText(Path.Combine(run, "glass.data")));
        Assert.Equal(Block(TestData.Parity("emitted.cs_dsf.lmp")), Block(Path.Combine(run, "in.precracked.lmp")));
        // the emitted data file read back (atom_style full) under the same force field, against LAMMPS on the emitted deck:
        // 962.97039 eV there, 962.96997 here; the difference is the 20 000-point table of the short-range terms
        var s = LammpsDataReader.Read(Path.Combine(run, "glass.data"));
        Assert.Equal(320, s.Count);
        var def = ForceFieldCatalog.Resolve(TestData.Parity("cs_test.toml"), Composition.FromAtoms(s));
        var ff = new CompiledForceField(def, s);
        Assert.Equal(128, ff.CoreShell!.Core.Length);
        LammpsParityTests.CompareWithLammps("cs_emitted", s, new ForceComputer(ff, new ReferenceBackend()), 2e-6, 2e-6);
    }

    [Fact]
    public void ShellsAddedByTheRun_AreBondedWholeIons_InDataAndDecks()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string run = Emit(dir, TestData.Data("silica192-glass.data"), CoreShellTests.BksWithShellsFile());

        foreach (var (data, cores) in new[] { ("glass.data", 128), ("precracked.data", -1) })
        {
            string path = Path.Combine(run, data);
            var lines = File.ReadAllLines(path);
            Assert.Contains("Atoms # full", lines);
            var s = LammpsDataReader.Read(path);
            int oCores = Enumerable.Range(0, s.Count).Count(i => s.TypeElements[s.Type[i]] == "O");
            if (cores > 0) Assert.Equal(cores, oCores);
            Assert.Equal(oCores, Enumerable.Range(0, s.Count).Count(i => s.TypeElements[s.Type[i]] == "O_s"));
            Assert.Equal(0, s.Charge.ToArray().Sum(), 9);                                       // whole ions cut: still neutral
            // one bond per ion, core then shell, each within 0.5 Å and in the same periodic image (LAMMPS's image check)
            int bondsAt = Array.IndexOf(lines, "Bonds");
            var bonds = lines.Skip(bondsAt + 2).TakeWhile(l => l.Length > 0).Select(l => l.Split(' ').Select(int.Parse).ToArray()).ToArray();
            Assert.Contains($"{oCores} bonds", lines);
            Assert.Equal(oCores, bonds.Length);
            var index = Enumerable.Range(0, s.Count).ToDictionary(i => s.Id[i]);
            foreach (var b in bonds)
            {
                int c = index[b[2]], h = index[b[3]];
                Assert.Equal(1, b[1]);
                Assert.Equal(("O", "O_s"), (s.TypeElements[s.Type[c]], s.TypeElements[s.Type[h]]));
                Assert.True(TestData.Distance(s, c, h) < 0.5);
                var unwrapped = new[] { s.X[c] + s.ImageX[c] * s.Box.Length(0) - s.X[h] - s.ImageX[h] * s.Box.Length(0),
                    s.Y[c] + s.ImageY[c] * s.Box.Length(1) - s.Y[h] - s.ImageY[h] * s.Box.Length(1),
                    s.Z[c] + s.ImageZ[c] * s.Box.Length(2) - s.Z[h] - s.ImageZ[h] * s.Box.Length(2) };
                Assert.True(unwrapped.Max(Math.Abs) < 0.5, $"bond {b[0]}: core and shell in different images");
            }
        }

        string cracked = File.ReadAllText(Path.Combine(run, "in.precracked.lmp")), uncracked = File.ReadAllText(Path.Combine(run, "in.uncracked.lmp"));
        foreach (string deck in new[] { cracked, uncracked })
        {
            Assert.Contains("atom_style full", deck);
            Assert.Contains("pair_style hybrid/overlay table linear 20000 born/coul/dsf/cs 0.2 10 10", deck);
            Assert.Contains("pair_coeff * * born/coul/dsf/cs 0.0 1.0 0.0 0.0 0.0", deck);           // Coulomb only
            Assert.Contains("bond_coeff 1 37.46 0.0", deck);                                        // K = k/2 = 74.92/2
            Assert.Contains("special_bonds coul 0.0 0.0 0.0", deck);
            Assert.Contains("group cores type 2\ngroup shells type 3\n", deck);
            Assert.Contains("compute CSequ all temp/cs cores shells", deck);
            Assert.Contains("velocity all create 300 ", deck);
            Assert.Contains("bias yes temp CSequ", deck);
            Assert.Contains("compute p all pressure CSequ", deck);
            Assert.Contains("thermo_style custom step temp pe v_sxx v_syy v_szz lx ly lz\nthermo_modify temp CSequ", deck);
            Assert.DoesNotContain("note: LAMMPS coul/dsf", deck);                                 // bks-wall asks for A-S erfc...
            Assert.Contains("# note: LAMMPS born/coul/dsf/cs evaluates the exact erfc", deck);   // ... and the /cs style has libm's
            // every thermostat and barostat on the ions' centres of mass
            int fixes = deck.Split('\n').Count(l => l.StartsWith("fix relax ", StringComparison.Ordinal) || l.StartsWith("fix pull ", StringComparison.Ordinal));
            Assert.Equal(fixes, deck.Split('\n').Count(l => l.StartsWith("fix_modify ", StringComparison.Ordinal) && l.EndsWith(" temp CSequ", StringComparison.Ordinal)));
            Assert.True(fixes >= 2);
            // shells placed by add-shells are minimized before any MD, as our runs do
            Assert.True(deck.IndexOf("minimize 0 1e-4", StringComparison.Ordinal) is >= 0 and var m && m < deck.IndexOf("velocity all create", StringComparison.Ordinal));
        }
        Assert.Contains("timestep 0.0002", cracked);
    }

    [Fact]
    public void PairExclusion_IsRefused_ForLammps()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string ffFile = CoreShellTests.BksWithShellsFile("exclusion = \"pair\"\n");
        File.WriteAllText(Path.Combine(dir, "base.toml"), "[tension]\ntimestep_fs = 0.2\n");
        string toml = Path.Combine(dir, "c.toml");
        File.WriteAllText(toml, $"[campaign]\nprotocols = [\"B\"]\nbase = \"base.toml\"\n[[composition]]\nlabel = \"cs\"\ndata = \"{TestData.Data("silica192-glass.data").Replace("\\", "/")}\"\nforcefield = \"{ffFile.Replace("\\", "/")}\"\n");
        var (code, err) = CliRunner.Run("campaign", toml, "--out", Path.Combine(dir, "out"), "--emit-lammps", Path.Combine(dir, "lmp"));
        Assert.NotEqual(0, code);
        Assert.Contains("exclusion = \"pair\"", err);
        Assert.Contains("bare", err);
    }
}

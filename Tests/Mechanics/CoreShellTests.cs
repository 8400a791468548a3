using FractureLab.Mechanics;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Builders;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Tests.Mechanics;

/// <summary>
/// Issue 23.3: adiabatic core-shell ions. LAMMPS parity (CORESHELL born/coul/dsf/cs, bond harmonic, special_bonds coul 0)
/// on the 192-atom silica box with a shell on every O (Tests/Parity/Lammps: cs_test.toml, cs320.data, make_cs_case.py,
/// in.cs_dsf.lmp), F = −∇E with shells, the spring conventions, pairing errors, NVE with bound shells.
/// </summary>
public class CoreShellTests
{
    private static (FractureLab.Mechanics.Atoms.AtomSystem, CompiledForceField) Case() =>
        TestData.Bind("cs320.data", TestData.Parity("cs_test.toml"));

    /// <summary>The force field file of <see cref="BksWithShells"/>.</summary>
    internal static string BksWithShellsToml(bool shiftEnergy)
    {
        string bks = File.ReadAllText(TestData.Repository("Mechanics", "ForceFields", "Catalog", "bks-wall.toml"));
        return bks.Replace("name = \"bks-wall\"", "name = \"bks-shells-test\"").Replace("O = -1.2", "O = 0.8\nO_s = -2.0")
            .Replace("[\"Si\", \"O\"]", "[\"Si\", \"O_s\"]").Replace("[\"O\", \"O\"]", "[\"O_s\", \"O_s\"]")
            .Replace("shift_energy = false", $"shift_energy = {(shiftEnergy ? "true" : "false")}")
            + "\n[[shells]]\ncore = \"O\"\nshell = \"O_s\"\nk = 74.92\nenergy = \"half_k_r2\"\nshell_mass_amu = 0.2\n";
    }

    /// <summary>The <see cref="BksWithShellsToml"/> force field (energies shifted, plus <paramref name="extra"/> lines) as a file in a fresh temporary folder, for run, study and campaign files.</summary>
    internal static string BksWithShellsFile(string extra = "")
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "bks-shells.toml");
        File.WriteAllText(path, BksWithShellsToml(shiftEnergy: true) + extra);
        return path;
    }

    /// <summary>
    /// BKS-with-walls repulsion on shells of O (core +0.8, shell -2.0, the sum BKS's -1.2; a test model, not a published one)
    /// and the silica test box with a shell on every O.
    /// </summary>
    internal static (ForceField, FractureLab.Mechanics.Atoms.AtomSystem) BksWithShells(bool shiftEnergy)
    {
        var def = ForceFieldLoader.Parse(BksWithShellsToml(shiftEnergy), "bks-shells.toml");
        return (def, ShellBuilder.AddShells(LammpsDataReader.Read(TestData.Parity("silica192.data")), def, 0.02, 5));
    }

    [Theory]
    [InlineData("reference")]
    [InlineData("simd")]
    public void EnergyPressureAndForces_MatchLammpsCoreShell(string backend)
    {
        var (s, ff) = Case();
        Assert.Equal(128, ff.CoreShell!.Core.Length);
        IPairBackend b = backend == "simd" ? new SimdBackend(2) : new ReferenceBackend();
        LammpsParityTests.CompareWithLammps("cs_dsf", s, new ForceComputer(ff, b), 1e-7, 1e-6);
        // the springs alone: LAMMPS's ebond 128 x 37.46 x 0.05^2 = 11.9872 eV (K = k/2 with the shells 0.05 A off)
        var r = new ForceComputer(ff, b).Compute(s);
        Assert.Equal(128 * 0.5 * 74.92 * 0.05 * 0.05, r.CoreShellSpringEnergy, 9);
    }

    [Fact]
    public void ShellTimestep_IsASixteenthOfTheCoreShellPeriod()
    {
        // 0.2 amu on 74.92 eV/A^2: 2 pi sqrt(0.2 x 1.0364269e-4 / 74.92) = 3.30495e-3 ps (by hand), a sixteenth 2.0656e-4 ps
        var (def, _) = BksWithShells(shiftEnergy: true);
        Assert.Equal(2.0656e-4, ShellBuilder.TimestepPs(def), 8);
        Assert.Equal(0.001, ShellBuilder.TimestepPs(def with { Shells = [] }), 12); // rigid ions: the step asked for
    }

    [Fact]
    public void ForcesAreMinusTheGradient_WithShells()
    {
        var (s, ff) = Case();
        var fc = new ForceComputer(ff, new ReferenceBackend());
        fc.Compute(s);
        var f = (s.Fx.ToArray(), s.Fy.ToArray(), s.Fz.ToArray());
        const double h = 1e-5;
        // a Si, an O core, its shell, another shell
        foreach (int i in new[] { 0, 64, 192, 250 })
            for (int a = 0; a < 3; a++)
            {
                var x = s.Positions(a);
                double x0 = x[i];
                x[i] = x0 + h; double ep = new ForceComputer(ff, new ReferenceBackend()).Compute(s).PotentialEnergy;
                x[i] = x0 - h; double em = new ForceComputer(ff, new ReferenceBackend()).Compute(s).PotentialEnergy;
                x[i] = x0;
                double numeric = -(ep - em) / (2 * h);
                double analytic = a == 0 ? f.Item1[i] : a == 1 ? f.Item2[i] : f.Item3[i];
                Assert.True(Math.Abs(numeric - analytic) <= 1e-5 * Math.Max(1, Math.Abs(analytic)), $"atom {i} axis {a}: -dE/dx {numeric} vs F {analytic}");
            }
    }

    [Fact]
    public void SpringConventions_AndPairingErrors()
    {
        string text = File.ReadAllText(TestData.Parity("cs_test.toml"));
        var half = ForceFieldLoader.Parse(text, "cs.toml");
        var full = ForceFieldLoader.Parse(text.Replace("k = 74.92", "k = 37.46").Replace("\"half_k_r2\"", "\"k_r2\""), "cs.toml");
        Assert.Equal(74.92, half.Shells[0].SpringEvPerA2, 12);
        Assert.Equal(74.92, full.Shells[0].SpringEvPerA2, 12); // k r^2 with k = 37.46 is 1/2 k r^2 with k = 74.92
        Assert.Contains("named 'O_s'", Assert.Throws<InputException>(() => ForceFieldLoader.Parse(text.Replace("shell = \"O_s\"", "shell = \"Os\""), "cs.toml")).Message);
        Assert.Contains("shells[0].energy", Assert.Throws<InputException>(() => ForceFieldLoader.Parse(text.Replace("\"half_k_r2\"", "\"half\""), "cs.toml")).Message);

        var s = LammpsDataReader.Read(TestData.Parity("cs320.data"));
        int shell = Array.FindIndex(s.Type, t => s.TypeElements[t] == "O_s");
        s.X[shell] += 1.0; // 1 A from its core: no longer paired
        Assert.Contains("has no O core within 0.5", Assert.Throws<InputException>(() => new CompiledForceField(half, s)).Message);
        var rigid = LammpsDataReader.Read(TestData.Parity("silica192.data"));
        Assert.Contains("128 O cores and 0 O_s shells", Assert.Throws<InputException>(() => new CompiledForceField(half, rigid)).Message);
        var twice = ShellBuilder.AddShells(rigid, half, 0.02, 1);
        Assert.Equal(320, twice.Count);
        Assert.Equal(15.999, twice.TypeMasses[1] + twice.TypeMasses[2], 12); // the ion keeps its mass
        Assert.Throws<InputException>(() => ShellBuilder.AddShells(twice, half));
    }

    [Fact]
    public void Nve_WithShells_ConservesEnergy_AndTheShellsStayBound()
    {
        // the BKS shell test model, energies shifted at the cut-off; relaxed shells, 300 K on the ions, 0.2 fs steps for 0.5 ps. Measured over 1 ps
        // (when the velocities were drawn particle by particle):
        // drift 1.3e-2 eV at 0.4 fs, 5.6e-3 eV at 0.2 fs, below 5e-3 at 0.1 fs (kinetic energy about 7 eV): integration error
        // that falls with the step, as for velocity Verlet; the shells' own period is about 3.3 fs
        var (def, s) = BksWithShells(shiftEnergy: true);
        var fc = new ForceComputer(new CompiledForceField(def, s), new SimdBackend(2));
        Assert.True(Fire.Minimize(s, fc, forceTolerance: 1e-4, maxIterations: 10000).Converged);
        Kinetics.AssignMaxwellBoltzmann(s, 300, 3, fc.ForceField.CoreShell); // on the ions, as the runs draw them
        var run = new MdRun(s, fc, new VelocityVerlet(), 0.0002);
        run.Initialize();
        double maxSeparation = 0;
        var cs = fc.ForceField.CoreShell!;
        for (int block = 0; block < 10; block++)
        {
            run.Run(250, 25);
            for (int p = 0; p < cs.Core.Length; p++)
            {
                int c = cs.Core[p], h = cs.Shell[p];
                double dx = s.Box.NearestImage(0, s.X[c] - s.X[h]), dy = s.Box.NearestImage(1, s.Y[c] - s.Y[h]), dz = s.Box.NearestImage(2, s.Z[c] - s.Z[h]);
                maxSeparation = Math.Max(maxSeparation, Math.Sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        // the drift as the least-squares slope of the total energy over every record, per particle (192 cores, 128 shells)
        // and ps: 1.5e-8 to 2.3e-7 eV for velocity seeds 3 to 6 on a Xeon (AVX-512, family 6 model 207); kT at 300 K is
        // 2.6e-2 eV. Velocities drawn particle by particle (hot shells) gave 3e-5 to 5e-5 from the shells' first exchange.
        var rows = run.Thermo.ToList();
        double mt = rows.Average(r => r.TimePs), me = rows.Average(r => r.TotalEv);
        double slope = rows.Sum(r => (r.TimePs - mt) * (r.TotalEv - me)) / rows.Sum(r => (r.TimePs - mt) * (r.TimePs - mt));
        double perParticlePerPs = Math.Abs(slope) / s.Count;
        Assert.True(perParticlePerPs < 2e-6, $"NVE drift {slope} eV/ps with shells ({perParticlePerPs:G3} eV per particle per ps)");
        Assert.True(maxSeparation < 0.3, $"a shell strayed {maxSeparation} A from its core");
    }

    [Fact]
    public void IonTemperature_IsThatOfTheCoreShellCentresOfMass_AndNvtHoldsIt()
    {
        var (s, ff) = Case();
        var cs = ff.CoreShell!;
        // only relative core-shell motion: kinetic energy, but no ion temperature (temp/cs)
        Array.Clear(s.Vx); Array.Clear(s.Vy); Array.Clear(s.Vz);
        int c = cs.Core[0], h = cs.Shell[0];
        double mc = s.Mass(c), mh = s.Mass(h);
        s.Vx[c] = mh; s.Vx[h] = -mc; // centre of mass at rest
        Assert.True(s.KineticEnergy() > 0);
        Assert.Equal(0, Kinetics.Temperature(s, cs), 12);
        // Maxwell-Boltzmann on the ions: 300 K exactly by temp/cs, every shell moving with its core
        Kinetics.AssignMaxwellBoltzmann(s, 300, 4, cs);
        Assert.Equal(300, Kinetics.Temperature(s, cs), 9);
        Assert.Equal(s.Vy[cs.Core[5]], s.Vy[cs.Shell[5]]);
        Assert.Equal(3 * (320 - 128) - 3, cs.IonKinetics(s).Dof);
    }

    [Fact]
    public void NoseHooverNvt_WithShells_HoldsTheIonTemperature()
    {
        var (def, s) = BksWithShells(shiftEnergy: false);
        var fc = new ForceComputer(new CompiledForceField(def, s), new SimdBackend(2));
        Fire.Minimize(s, fc, forceTolerance: 1e-2, maxIterations: 4000);
        Kinetics.AssignMaxwellBoltzmann(s, 600, 2, fc.ForceField.CoreShell);
        var run = new MdRun(s, fc, new NoseHooverNvt(600, 0.05), 0.0002);
        run.Initialize();
        run.Run(2500, 25);
        // the second half: the ions' mean temperature near 600 K (192 ions: fluctuations of about 600 sqrt(2/573) = 35 K)
        double mean = run.Thermo.Skip(run.Thermo.Count / 2).Average(r => r.TemperatureK);
        Assert.InRange(mean, 540, 660);
    }
}

using System.Text.Json.Nodes;
using FractureLab.Mechanics.IO;
using FractureLab.Tests.Cli;
using FractureLab.Tests.Mechanics;

namespace FractureLab.Tests.Fracture;

/// <summary>
/// Issue 23.4: uncracked tension with core-shell ions (the thesis' Paper IV protocol). The run adds a shell to every O of
/// the rigid test glass, minimizes, draws velocities on the ions (temp/cs) and pulls; the ion temperature holds the target
/// and the shells stay on their cores. A pre-cracked run cuts whole ions: every core keeps its shell, the box stays neutral.
/// </summary>
[Collection("console")]
public class CoreShellRunTests
{
    private static string RunFile(string crack)
    {
        string ff = CoreShellTests.BksWithShellsFile();
        return TinyGlassFiles.Write("run.toml", $"""
            [forcefield]
            name = "{ff.Replace("\\", "/")}"
            [crack]
            {crack}
            [tension]
            protocol = "B"
            temperature_K = 300
            strain_rate_per_s = 1e11
            max_strain = 0.03
            record_every_strain = 0.005
            timestep_fs = 0.2
            [run]
            relax_ps = 0.4
            modulus_strain = 0.01
            """);
    }

    [Fact]
    public void UncrackedTension_WithShells_HoldsTheIonTemperature_AndKeepsTheShellsOnTheirCores()
    {
        string toml = RunFile("kind = \"none\"");
        string outDir = Path.Combine(Path.GetDirectoryName(toml)!, "out");
        var (code, err) = CliRunner.Run("run", toml, "--out", outDir);
        Assert.True(code == 0, err);
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "plan.json")))!;
        Assert.Contains("128 O_s shells added", plan["structure"]!.GetValue<string>());

        // the ion temperature (core-shell centres of mass) of every record after the first: a thermostat on 128 ions plus
        // 64 Si holds it within a few tens of K; velocities drawn atom by atom give each 0.2 amu shell kT of its own, and
        // that rattling energy (two thirds of the ions' own) flows into the ions
        var lines = File.ReadAllLines(Path.Combine(outDir, "stress_strain.csv"));
        int ti = Array.IndexOf(lines[0].Split(','), "T_K");
        var temperatures = lines.Skip(2).Select(l => double.Parse(l.Split(',')[ti], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(temperatures.Length >= 4, $"{temperatures.Length} records");
        Assert.True(Math.Abs(temperatures.Average() - 300) < 40, $"[{string.Join(" ", temperatures.Select(t => t.ToString("F0")))}] mean ion temperature {temperatures.Average():F1} K, target 300 K");

        // the structure the pull started from: 192 ions and 128 shells, each shell within 0.3 A of an O core (minimum image)
        var s = LammpsDataReader.Read(Path.Combine(outDir, "precracked.data"), ["Si", "O", "O_s"]);
        Assert.Equal(320, s.Count);
        double rattle = ShellsOnTheirCores(s);
        // adiabatic shells follow their cores: the relative motion holds a small part of the ions' 3/2 kT. Velocities drawn
        // atom by atom (without temp/cs) start every pair with 3/2 kT of its own, which the relaxation does not drain.
        double kT = FractureLab.Mechanics.Units.MetalUnits.Boltzmann * 300;
        Assert.True(rattle < 0.1 * 1.5 * kT, $"core-shell relative kinetic energy {rattle:G3} eV per pair, against 3/2 kT = {1.5 * kT:G3} eV");
    }

    /// <summary>
    /// Asserts that the O cores and O_s shells pair one to one, each shell within 0.3 Å of its nearest core (minimum image),
    /// and returns the mean kinetic energy (eV) of the shells' motion relative to their cores, ½μ|v_core − v_shell|², per pair.
    /// </summary>
    private static double ShellsOnTheirCores(FractureLab.Mechanics.Atoms.AtomSystem s)
    {
        int o = Array.IndexOf(s.TypeElements, "O"), os = Array.IndexOf(s.TypeElements, "O_s");
        var cores = Enumerable.Range(0, s.Count).Where(i => s.Type[i] == o).ToArray();
        double rattle = 0; // kinetic energy of the shells' motion relative to their cores, ½μ|v_core − v_shell|², eV
        int pairs = 0;
        foreach (int h in Enumerable.Range(0, s.Count).Where(i => s.Type[i] == os))
        {
            int core = cores.MinBy(c => TestData.Distance(s, c, h));
            double nearest = TestData.Distance(s, core, h);
            Assert.True(nearest < 0.3, $"shell {s.Id[h]} is {nearest:F3} A from the nearest O core");
            double mu = s.Mass(core) * s.Mass(h) / (s.Mass(core) + s.Mass(h));
            double dvx = s.Vx[core] - s.Vx[h], dvy = s.Vy[core] - s.Vy[h], dvz = s.Vz[core] - s.Vz[h];
            rattle += 0.5 * mu * (dvx * dvx + dvy * dvy + dvz * dvz) * FractureLab.Mechanics.Units.MetalUnits.MvvToEv;
            pairs++;
        }
        Assert.Equal(cores.Length, pairs);
        return rattle / pairs;
    }

    [Fact]
    public void PreCrackedRun_WithShells_CutsWholeIons_AndKeepsTheBoxNeutral()
    {
        string toml = RunFile("length_fraction = 0.3\nopening_A = 3.0");
        string outDir = Path.Combine(Path.GetDirectoryName(toml)!, "out");
        var (code, err) = CliRunner.Run("run", toml, "--out", outDir);
        Assert.True(code == 0, err);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!.ToJsonString();
        Assert.Contains("shells removed with their cores", summary);

        // the relaxed pre-cracked box: fewer atoms than the 320 of the whole glass with shells, every O core with its
        // shell, and no net charge (BKS: Si +2.4, O ion −1.2 = core + shell)
        var s = LammpsDataReader.Read(Path.Combine(outDir, "precracked.data"), ["Si", "O", "O_s"]);
        Assert.InRange(s.Count, 200, 319);
        ShellsOnTheirCores(s);
        Assert.Equal(0.0, s.Charge.Sum(), 9);
        int si = Array.IndexOf(s.TypeElements, "Si"), o = Array.IndexOf(s.TypeElements, "O");
        Assert.Equal(2 * s.Type.Count(t => t == si), s.Type.Count(t => t == o)); // SiO2 stoichiometry kept by ion
    }

    [Fact]
    public void ShippedExample_IsThePreCrackedShellRun_OfTheTestModel()
    {
        // examples/core-shell: the README's hand run; its force field is the test model these tests use, and the run
        // resolves it with shells on the shipped glass and a centre crack
        var c = FractureLab.Fracture.Runs.RunConfig.Load(TestData.Repository("examples", "core-shell", "silica-precrack-shells.toml"));
        Assert.Equal(FractureLab.Fracture.Geometry.CrackKind.Centre, c.Settings.Crack.Kind);
        Assert.Equal(0.2, c.Settings.Tension.TimestepFs);
        var shipped = FractureLab.Mechanics.ForceFields.ForceFieldLoader.Parse(File.ReadAllText(TestData.Repository("examples", "core-shell", "bks-shells-test.toml")), "bks-shells-test.toml");
        var test = FractureLab.Mechanics.ForceFields.ForceFieldLoader.Parse(CoreShellTests.BksWithShellsToml(shiftEnergy: true), "test");
        Assert.Equal(test.Charges.OrderBy(kv => kv.Key), shipped.Charges.OrderBy(kv => kv.Key));
        Assert.Equal(test.Shells, shipped.Shells);
        Assert.Equal(test.Pairs, shipped.Pairs);
        Assert.Equal(-1.2, shipped.IonCharges()["O"], 12);
        Assert.False(shipped.IonCharges().ContainsKey("O_s"));
    }
}

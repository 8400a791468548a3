using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Simulation;
using FractureLab.Tests.Cli;

namespace FractureLab.Tests.Mechanics;

/// <summary>Runaway detection (issue 20): an exploding run stops at the step it explodes, names the quantity and keeps what it recorded.</summary>
[Collection("console")]
public class RunawayTests
{
    /// <summary>Plain BKS (no wall) with one Si-O pair 0.3 Å apart: the −C/r⁶ term collapses the pair, as in the report.</summary>
    private const string TwoAtoms = """
        two atoms 0.3 A apart

        2 atoms
        2 atom types

        0 20 xlo xhi
        0 20 ylo yhi
        0 20 zlo zhi

        Masses

        1 15.9994
        2 28.0855

        Atoms # charge

        1 1 -1.2 10 10 10
        2 2 2.4 10.3 10 10
        """;

    [Fact]
    public void CollapsingPair_StopsAtTheFirstStep_WithTheBadRowRecorded()
    {
        string dir = Directory.CreateTempSubdirectory("runaway").FullName;
        string data = Path.Combine(dir, "two.data");
        File.WriteAllText(data, TwoAtoms);
        var (code, err) = CliRunner.Run("md", "--data", data, "--forcefield", "bks", "--elements", "O,Si", "--steps", "1000", "--thermo", "10", "--out", Path.Combine(dir, "o"));
        Assert.Equal(1, code);
        Assert.Contains("runaway at step 1", err);
        Assert.DoesNotContain("internal error", err);
        // the table keeps step 0 and the bad step 1; the summary says why the run stopped
        var rows = File.ReadAllLines(Path.Combine(dir, "o", "thermo.csv"));
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("1,", rows[2]);
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "o", "summary.json")))!;
        Assert.False((bool)summary["completed"]!);
        Assert.Equal(1L, (long)summary["runaway"]!["step"]!);
    }

    [Fact]
    public void UncheckedRun_OfTheSamePair_RunsToAbsurdTemperatures()
    {
        // what the guard prevents: with the checks off the same run "completes" at an absurd temperature
        string data = Path.Combine(Directory.CreateTempSubdirectory("runaway-off").FullName, "two.data");
        File.WriteAllText(data, TwoAtoms);
        var s = FractureLab.Mechanics.IO.LammpsDataReader.Read(data, ["O", "Si"]);
        var ff = new CompiledForceField(ForceFieldCatalog.Resolve("bks"), s);
        var run = new MdRun(s, new ForceComputer(ff, new ReferenceBackend()), new VelocityVerlet(), 0.001) { Runaway = RunawayLimits.Off };
        run.Initialize();
        Assert.True(run.Run(20, 1));
        Assert.True(run.Thermo.Max(r => r.TemperatureK) > 1e9);
    }

    [Fact]
    public void Temperature_BeyondTheLimit_StopsNamingTheLimit()
    {
        var (s, ff) = TestData.Bind("silica192.data", "bks-wall");
        Kinetics.AssignMaxwellBoltzmann(s, 8000, 3);
        var run = new MdRun(s, new ForceComputer(ff, new SimdBackend(1)), new VelocityVerlet(), 0.001)
        {
            Runaway = RunawayLimits.Default with { TargetTemperatureK = 300, TemperatureMarginK = 2000, EnergyJumpEvPerAtomPerStep = 100 },
        };
        run.Initialize();
        var e = Assert.Throws<RunawayException>(() => run.Run(10, 1));
        Assert.Equal("temperature", e.Quantity);
        Assert.Equal(0, e.Step);
        Assert.Contains("exceeds 3000 K", e.Message); // max(10 × 300, 300 + 2000)
    }

    [Fact]
    public void Checkpoints_KeepThePreviousOne_AndTheMessageNamesBoth()
    {
        string dir = Directory.CreateTempSubdirectory("runaway-ck").FullName;
        string ck = Path.Combine(dir, "checkpoint.bin");
        var (s, ff) = TestData.Bind("silica192.data", "bks-wall");
        var fc = new ForceComputer(ff, new SimdBackend(1));
        FractureLab.Mechanics.Minimizers.Fire.Minimize(s, fc, forceTolerance: 1e-2, maxIterations: 3000); // the parity box is far from equilibrium
        Kinetics.AssignMaxwellBoltzmann(s, 300, 3);
        var run = new MdRun(s, fc, new VelocityVerlet(), 0.001);
        run.Initialize();
        Assert.True(run.Run(10, 5, checkpointPath: ck, checkpointEvery: 4));
        Assert.Equal(8, Checkpoint.ReadStep(ck));
        Assert.Equal(4, Checkpoint.ReadStep(Checkpoint.PreviousPath(ck)));
        // now blow it up: one atom given the speed of 3 Å per step
        s.Vx[0] = 3000;
        var e = Assert.Throws<RunawayException>(() => run.Run(5, 5, checkpointPath: ck, checkpointEvery: 4));
        Assert.Equal("displacement", e.Quantity);
        Assert.Equal(10, e.Step); // found before the first step of the second call
        Assert.Contains($"{ck} (step 8)", e.Message);
        Assert.Contains($"{Checkpoint.PreviousPath(ck)} (step 4)", e.Message);
    }

    [Fact]
    public void LostAtoms_AreFound()
    {
        var s = TestData.Silica192();
        Assert.Null(RunawayLimits.LostAtom(s));
        s.Y[7] = s.Box.Hi[1] + 1.5 * s.Box.Length(1);
        Assert.Equal(7, RunawayLimits.LostAtom(s)!.Value.Atom);
        s.Y[7] = double.NaN;
        Assert.Contains("NaN", RunawayLimits.LostAtom(s)!.Value.Why);
    }

    [Fact]
    public void BadLimits_AreRefused()
    {
        var dir = Directory.CreateTempSubdirectory("runaway-opt").FullName;
        var (code, err) = CliRunner.Run("md", "--data", TestData.Parity("silica192.data"), "--forcefield", "bks-wall", "--steps", "1", "--runaway-temperature-factor", "0.5", "--out", dir);
        Assert.Equal(1, code);
        Assert.Contains("factor 0.5", err);
    }
}

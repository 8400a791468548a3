using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Tests.Mechanics;

public class IntegratorTests
{
    private static (FractureLab.Mechanics.Atoms.AtomSystem, ForceComputer) Glass(IPairBackend? backend = null)
    {
        var (s, ff) = TestData.Bind("silica192.data", "bks-wall");
        var fc = new ForceComputer(ff, backend ?? new SimdBackend(2));
        Fire.Minimize(s, fc, forceTolerance: 1e-2, maxIterations: 3000);
        return (s, fc);
    }

    [Fact]
    public void MaxwellBoltzmann_HitsTemperatureExactly_AndIsReproducibleFromSeed()
    {
        var a = TestData.Silica192(); var b = TestData.Silica192();
        Kinetics.AssignMaxwellBoltzmann(a, 300, 7);
        Kinetics.AssignMaxwellBoltzmann(b, 300, 7);
        Assert.Equal(300.0, Kinetics.Temperature(a), 9);
        Assert.Equal(a.Vx, b.Vx);
        double px = 0;
        for (int i = 0; i < a.Count; i++) px += a.Mass(i) * a.Vx[i];
        Assert.True(Math.Abs(px) < 1e-10);
    }

    [Fact]
    public void VelocityVerlet_ConservesEnergy_OverOnePicosecond()
    {
        // short-range energies shifted to zero at the cut-off, so truncation does not add jumps
        var (s, ff) = TestData.Bind("silica192.data", "bks-wall");
        var fc = new ForceComputer(new CompiledForceField(ff.Definition with { ShiftEnergy = true }, s), new SimdBackend(2));
        Fire.Minimize(s, fc, forceTolerance: 1e-2, maxIterations: 3000);
        Kinetics.AssignMaxwellBoltzmann(s, 300, 1);
        var run = new MdRun(s, fc, new VelocityVerlet(), 0.001);
        run.Initialize();
        run.Run(1000, 5);
        // drift = change of the 100-fs window mean of E (the O(dt²) oscillation of velocity Verlet averages out)
        double first = run.Thermo.Take(20).Average(r => r.TotalEv), last = run.Thermo.TakeLast(20).Average(r => r.TotalEv);
        double drift = Math.Abs(last - first);
        Assert.True(drift < 2e-3, $"NVE energy drift {drift} eV over 0.9 ps (kinetic energy about 7 eV)");
    }

    [Fact]
    public void NoseHooverNvt_HoldsTargetTemperatureOnAverage()
    {
        var (s, fc) = Glass();
        Kinetics.AssignMaxwellBoltzmann(s, 600, 2);
        var run = new MdRun(s, fc, new NoseHooverNvt(600, 0.05), 0.001);
        run.Initialize();
        run.Run(2000, 10);
        double mean = run.Thermo.Skip(50).Average(r => r.TemperatureK);
        Assert.InRange(mean, 540, 660);
    }

    [Fact]
    public void NoseHooverNpt_KeepsUncoupledAxis_AndMovesCoupledAxesTowardTarget()
    {
        var (s, fc) = Glass();
        Kinetics.AssignMaxwellBoltzmann(s, 300, 3);
        double lz = s.Box.Length(2), lx = s.Box.Length(0);
        var run = new MdRun(s, fc, new NoseHooverNpt(300, 0.0, [true, true, false], 0.1, 0.5), 0.001);
        run.Initialize();
        double p0 = run.Record().PxxGpa;
        run.Run(500, 50);
        Assert.Equal(lz, s.Box.Length(2), 12);
        Assert.NotEqual(lx, s.Box.Length(0));
        // the minimized random glass is under tension (negative pressure): x must shrink
        Assert.True(p0 < 0 && s.Box.Length(0) < lx, $"p0 {p0}, Lx {lx} -> {s.Box.Length(0)}");
    }

    [Fact]
    public void Checkpoint_ResumedRun_IsBitIdenticalToUninterrupted()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fl-ck-{Guid.NewGuid():N}.bin");
        var (a, fa) = Glass();
        Kinetics.AssignMaxwellBoltzmann(a, 300, 4);
        var b = a.Clone();
        var (_, ffb) = TestData.Bind("silica192.data", "bks-wall");

        var straight = new MdRun(a, fa, new NoseHooverNvt(300), 0.001);
        straight.Initialize();
        straight.Run(60, 20);
        straight.SaveCheckpoint(path);
        straight.Run(60, 20);

        var resumedSystem = Checkpoint.ReadSystem(path);
        var resumed = new MdRun(resumedSystem, new ForceComputer(new CompiledForceField(ffb.Definition, resumedSystem), new SimdBackend(2)), new NoseHooverNvt(300), 0.001);
        Checkpoint.Restore(path, resumed);
        resumed.Run(60, 20);
        File.Delete(path);
        Assert.Equal(straight.Step, resumed.Step);
        Assert.Equal(a.X, resumedSystem.X);
        Assert.Equal(a.Vz, resumedSystem.Vz);
        Assert.Equal(straight.Thermo[^1].TotalEv, resumed.Thermo[^1].TotalEv);
        _ = b;
    }

    /// <summary>
    /// Ctrl+C mid-interval (issue 20.3): a run cancelled at a step that is not a checkpoint step saves a checkpoint there;
    /// resumed, it must end bit-identical to a run that was never interrupted (positions, velocities, every thermo row,
    /// no extra or missing record), although the uninterrupted run built its neighbor list at other steps.
    /// </summary>
    [Fact]
    public void Checkpoint_ResumeAfterCancelMidInterval_IsBitIdenticalToUninterrupted()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"fl-cancel-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string straightPath = Path.Combine(dir, "straight.bin"), path = Path.Combine(dir, "checkpoint.bin");
        var (a, _) = Glass();
        Kinetics.AssignMaxwellBoltzmann(a, 2000, 4);
        var b = a.Clone();
        var (_, ff) = TestData.Bind("silica192.data", "bks-wall");

        // both runs start with a fresh list (the minimizer's list would otherwise carry over into one of them)
        var straight = new MdRun(a, new ForceComputer(new CompiledForceField(ff.Definition, a), new SimdBackend(2)), new NoseHooverNvt(2000), 0.001);
        straight.Initialize();
        straight.Run(300, 20, checkpointPath: straightPath, checkpointEvery: 100);

        using var cancel = new CancellationTokenSource();
        var first = new MdRun(b, new ForceComputer(new CompiledForceField(ff.Definition, b), new SimdBackend(2)), new NoseHooverNvt(2000), 0.001);
        first.Initialize();
        bool done = first.Run(300, 20, cancel.Token, path, 100, step => { if (step == 173) cancel.Cancel(); });
        Assert.False(done);
        Assert.Equal(173, first.Step);

        var resumedSystem = Checkpoint.ReadSystem(path);
        var resumed = new MdRun(resumedSystem, new ForceComputer(new CompiledForceField(ff.Definition, resumedSystem), new SimdBackend(2)), new NoseHooverNvt(2000), 0.001);
        Checkpoint.Restore(path, resumed);
        Assert.True(resumed.Run(300 - resumed.Step, 20, default, path, 100));
        Directory.Delete(dir, true);

        Assert.True(straight.Forces.List.Builds > 2, "the test needs neighbor-list rebuilds between the checkpoints");
        Assert.Equal(straight.Step, resumed.Step);
        Assert.Equal(a.X, resumedSystem.X);
        Assert.Equal(a.Vx, resumedSystem.Vx);
        Assert.Equal(straight.Thermo.Select(r => r.Step), resumed.Thermo.Select(r => r.Step));
        Assert.Equal(straight.Thermo.Select(r => r.ToCsv()), resumed.Thermo.Select(r => r.ToCsv()));
    }

    [Fact]
    public void Minimizers_ReachForceTolerance_AndLowerTheEnergy()
    {
        foreach (var method in new[] { "fire", "cg" })
        {
            // shifted energies: a continuous landscape for CG's line search (see ConjugateGradient)
            var (s, ff) = TestData.Bind("silica192.data", "bks-wall");
            var fc = new ForceComputer(new CompiledForceField(ff.Definition with { ShiftEnergy = true }, s), new SimdBackend(2));
            double e0 = fc.Compute(s).PotentialEnergy;
            var r = method == "fire" ? Fire.Minimize(s, fc, 1e-3, 20000) : ConjugateGradient.Minimize(s, fc, 1e-3, 0, 20000);
            Assert.True(r.Converged, $"{method}: max force {r.MaxForceEvPerAngstrom}");
            Assert.True(r.EnergyEv < e0);
            Assert.True(r.MaxForceEvPerAngstrom < 1e-3);
        }
    }

    private static (FractureLab.Mechanics.Atoms.AtomSystem, ForceComputer) RandomSilica(int atoms, int seed)
    {
        var (elements, _) = FractureLab.Mechanics.Builders.GlassComposition.Parse("SiO2 = 100").Round(atoms);
        var s = FractureLab.Mechanics.Builders.RandomPacking.Build(elements, 2.2, 1.6, seed, [2, 1, 2]);
        var ff = FractureLab.Mechanics.ForceFields.ForceFieldCatalog.Resolve("bks-wall", FractureLab.Mechanics.ForceFields.Composition.FromAtoms(s), null);
        return (s, new ForceComputer(new CompiledForceField(ff, s), new SimdBackend(2)));
    }

    [Fact]
    public void Fire_NeverMovesAnAtomFurtherThanDmaxPerIteration()
    {
        // A fresh random insertion has contacts at 1.6 Å with forces of hundreds of eV/Å: the steepest case.
        const double dmax = 0.05;
        for (int it = 1; it <= 40; it++)
        {
            // the same start each time, one more iteration: the last iteration's move is the difference of two runs
            var (a, fa) = RandomSilica(192, 4);
            var (b, fb) = RandomSilica(192, 4);
            Fire.Minimize(a, fa, 1e-12, it - 1, maxStepA: dmax);
            Fire.Minimize(b, fb, 1e-12, it, maxStepA: dmax);
            for (int i = 0; i < a.Count; i++)
            {
                // nearest image: the neighbor list wraps atoms that leave the box
                double step = Math.Max(Math.Abs(a.Box.NearestImage(0, b.X[i] - a.X[i])),
                    Math.Max(Math.Abs(a.Box.NearestImage(1, b.Y[i] - a.Y[i])), Math.Abs(a.Box.NearestImage(2, b.Z[i] - a.Z[i]))));
                Assert.True(step <= dmax * (1 + 1e-12), $"iteration {it}: atom {i + 1} moved {step} Å along an axis, dmax {dmax}");
            }
        }
    }

    [Fact]
    public void Fire_MinimizesARandomInsertionThatUsedToExplode()
    {
        // Seed 3, 1 800 atoms: without the dmax cap the FIRE timestep grew to 10 fs and atoms passed through one another
        // (potential energy NaN after a few hundred iterations); the melt-quench starts with exactly this minimization.
        var (s, fc) = RandomSilica(1800, 3);
        var r = Fire.Minimize(s, fc, forceTolerance: 0.1, maxIterations: 2000);
        Assert.True(r.Converged, $"max force {r.MaxForceEvPerAngstrom} eV/Å after {r.Iterations} iterations");
        Assert.InRange(r.EnergyEv / s.Count, -19.5, -18.5);   // BKS silica glass at 0 K: about -19 eV per atom (-34 300 eV / 1 800)
    }

    [Fact]
    public void PerAtomVirial_SumsToTheTotalVirial()
    {
        var (s, ff) = TestData.Bind("silica192.data", "bks");
        var r = new ForceComputer(ff, new SimdBackend(2)).Compute(s, perAtomVirial: true);
        Assert.NotNull(r.PerAtomVirial);
        for (int a = 0; a < 6; a++)
        {
            double sum = 0;
            for (int i = 0; i < s.Count; i++) sum += r.PerAtomVirial![6 * i + a];
            Assert.Equal(r.Virial[a], sum, 8);
        }
    }
}

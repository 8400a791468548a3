using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Tests.Mechanics;

/// <summary>
/// Steps that record nothing compute forces only (LAMMPS's eflag/vflag off between thermo steps): the forces, and so the
/// trajectory, stay the same bit for bit; energies are there whenever someone reads them; a forces-only step that
/// explodes still stops the run.
/// </summary>
public class ForcesOnlyStepsTests
{

    private static (AtomSystem, ForceComputer) Silica(int threads = 2)
    {
        // the parity structure is unrelaxed (thousands of kelvin in two steps): relaxed first, as IntegratorTests do
        var (s, ff) = TestData.Bind("silica192.data", "bks-wall");
        var fc = new ForceComputer(ff, new SimdBackend(threads));
        FractureLab.Mechanics.Minimizers.Fire.Minimize(s, fc, forceTolerance: 0.1, maxIterations: 1000);
        return (s, fc);
    }

    [Theory]
    [InlineData(PairPrecision.Double)]
    [InlineData(PairPrecision.Mixed)]
    public void ForcesOnly_GivesTheSameForces_AndRefusesToReportEnergies(PairPrecision precision)
    {
        var (sa, ffa) = TestData.Bind("silica192.data", "bks-wall");
        var full = new ForceComputer(ffa, new SimdBackend(2, precision: precision)).Compute(sa);
        var (sb, ffb) = TestData.Bind("silica192.data", "bks-wall");
        var only = new ForceComputer(ffb, new SimdBackend(2, precision: precision)).Compute(sb, totals: false);
        Assert.True(full.HasTotals);
        Assert.False(only.HasTotals);
        Assert.Equal(sa.Fx, sb.Fx);
        Assert.Equal(sa.Fy, sb.Fy);
        Assert.Equal(sa.Fz, sb.Fz);
        Assert.Throws<InvalidOperationException>(() => only.PotentialEnergy);
        Assert.Throws<InvalidOperationException>(() => ForceComputer.PressureGpa(sb, only, withKinetic: false));
    }

    [Fact]
    public void ForceTotals_AfterAForcesOnlyStep_EvaluatesAgain_WithTheSameForces()
    {
        var (s, forces) = Silica();
        double pe = new ForceComputer(forces.ForceField, new ReferenceBackend()).Compute(s.Clone()).PotentialEnergy;
        var host = new HostDynamics(s, forces) { SkipTotals = true };
        host.ComputeForces();
        Assert.False(forces.Last.HasTotals);
        var fx = (double[])s.Fx.Clone();
        var r = host.ForceTotals();
        Assert.True(r.HasTotals);
        Assert.Equal(pe, r.PotentialEnergy, 1e-9 * Math.Abs(pe));
        Assert.Equal(fx, s.Fx);
    }

    /// <summary>Velocity Verlet that notes, per step, whether the runner let it skip the totals.</summary>
    private sealed class Watched(bool usesTotals) : IIntegrator
    {
        private readonly VelocityVerlet _inner = new();
        public List<bool> Skipped { get; } = [];
        public string Name => "watched nve";
        public bool UsesForceTotals => usesTotals;
        public void Step(IDynamicsState s, double dtPs)
        {
            Skipped.Add(((HostDynamics)s).SkipTotals);
            _inner.Step(s, dtPs);
        }
        public void SaveState(BinaryWriter w) { }
        public void LoadState(BinaryReader r) { }
    }

    [Fact]
    public void MdRun_SkipsTotalsOffTheThermoGrid_AndTheTrajectoryIsTheSameAsWithThermoEveryStep()
    {
        var (s1, f1) = Silica();
        var (s2, f2) = Silica();
        Kinetics.AssignMaxwellBoltzmann(s1, 600, 5);
        Kinetics.AssignMaxwellBoltzmann(s2, 600, 5);
        var sparse = new Watched(false);
        var run1 = new MdRun(s1, f1, sparse, 0.001);
        run1.Initialize();
        run1.Run(25, thermoEvery: 10);
        var dense = new MdRun(s2, f2, new VelocityVerlet(), 0.001);
        dense.Initialize();
        dense.Run(25, thermoEvery: 1);
        // steps 1-9, 11-19, 21-24 skip; 10, 20 (thermo) and 25 (the end of the call) do not
        var expected = Enumerable.Range(1, 25).Select(k => k % 10 != 0 && k != 25).ToList();
        Assert.Equal(expected, sparse.Skipped);
        Assert.Equal(s2.X, s1.X);
        Assert.Equal(s2.Vz, s1.Vz);
        foreach (var row in run1.Thermo)
        {
            var same = dense.Thermo.Single(r => r.Step == row.Step);
            Assert.Equal(same.PotentialEv, row.PotentialEv);
            Assert.Equal(same.PressureGpa, row.PressureGpa);
        }
        Assert.Equal([0L, 10, 20], run1.Thermo.Select(r => r.Step));
        Assert.True(f1.Last.HasTotals);
    }

    [Fact]
    public void MdRun_KeepsTotalsOn_ForAnIntegratorThatReadsThem_AndForEveryStepObservers()
    {
        var (s, f) = Silica();
        var barostat = new Watched(true);
        var run = new MdRun(s, f, barostat, 0.001);
        run.Initialize();
        run.Run(12, thermoEvery: 10);
        Assert.All(barostat.Skipped, Assert.False);
        var (s2, f2) = Silica();
        var watched = new Watched(false);
        int samples = 0;
        var sampled = new MdRun(s2, f2, watched, 0.001) { AfterStep = (st, _) => { samples++; Assert.True(st.ForceTotals().HasTotals); } };
        sampled.Initialize();
        sampled.Run(12, thermoEvery: 10);
        Assert.All(watched.Skipped, Assert.False);
        Assert.Equal(12, samples);
    }

    [Fact]
    public void ForcesOnlyStep_WithAtomsOnTopOfEachOther_StopsWithAMessage()
    {
        var (s, forces) = Silica(1);
        s.X[1] = s.X[0]; s.Y[1] = s.Y[0]; s.Z[1] = s.Z[0];
        var e = Assert.Throws<InputException>(() => forces.Compute(s, totals: false));
        Assert.Contains("the simulation exploded: the force on atom id", e.Message);
    }

    [Fact]
    public void MeshEwald_ForcesOnly_GivesTheSameForces_AndNoEnergyOrVirial()
    {
        var a = TestData.Silica192();
        var b = a.Clone();
        var mesh = new MeshEwald(0.4, [20, 24, 25], 5);
        var full = new double[6];
        double e = mesh.Compute(a, full, withTotals: true);
        var none = new double[6];
        double skipped = mesh.Compute(b, none, withTotals: false);
        Assert.True(double.IsFinite(e) && full.Any(v => v != 0));
        Assert.True(double.IsNaN(skipped));
        Assert.All(none, v => Assert.Equal(0, v));
        Assert.Equal(a.Fx, b.Fx);
        Assert.Equal(a.Fz, b.Fz);
    }
}

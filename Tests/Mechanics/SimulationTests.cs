using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Gpu;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Tests.Mechanics;

/// <summary>The one runner of every stage: stages in order, observers' intervals and stops, ramps, records, resume, residency.</summary>
public class SimulationTests
{
    internal static (FractureLab.Mechanics.Atoms.AtomSystem, ForceComputer) Glass(IPairBackend? backend = null, double temperatureK = 300)
    {
        var (s, ff) = TestData.Bind("silica192.data", "bks-wall");
        var fc = new ForceComputer(ff, backend ?? new SimdBackend(2));
        Fire.Minimize(s, fc, forceTolerance: 1e-2, maxIterations: 3000);
        Kinetics.AssignMaxwellBoltzmann(s, temperatureK, 5);
        return (s, fc);
    }

    /// <summary>Counts its calls; stops the simulation at its <paramref name="stopAt"/>-th interval call.</summary>
    private sealed class Counter(long interval, int stopAt = int.MaxValue) : ISimulationObserver
    {
        public List<(string Stage, long Step)> Calls { get; } = [];
        public List<string> Starts { get; } = [];
        public long Samples { get; private set; }
        public long Interval => interval;
        public bool SamplesEveryStep => true;
        private string _stage = "";
        public bool Started(MdRun run, Stage stage, bool resumed) { Starts.Add(stage.Name); _stage = stage.Name; return true; }
        public void AfterStep(IDynamicsState state, long step) => Samples++;
        public bool AtInterval(MdRun run) { Calls.Add((_stage, run.Step)); return Calls.Count < stopAt; }
    }

    [Fact]
    public void Stages_RunInOrder_WithObserverIntervalsCountedInEachStage_AndAStopEndsEverything()
    {
        var (s, fc) = Glass();
        var counter = new Counter(30);
        var stages = new[]
        {
            new Stage("a", EnsembleSettings.Nvt(300), 100, 0.001) { ThermoEvery = 40 },
            new Stage("b", EnsembleSettings.Nve(), 50, 0.001) { ThermoEvery = 40 },
        };
        var sim = new Simulation(s, fc);
        Assert.Equal(SimulationEnd.Completed, sim.Run(stages, [counter]));
        Assert.Equal(["a", "b"], counter.Starts);
        Assert.Equal([("a", 30L), ("a", 60L), ("a", 90L), ("b", 30L)], counter.Calls);
        Assert.Equal(150, counter.Samples);
        // records: each stage's start, every 40 steps, and its last step (100 and 50 are not multiples of 40)
        Assert.Equal([0L, 40, 80, 100, 0, 40, 50], sim.Thermo.Select(r => r.Step));

        var (s2, fc2) = Glass();
        var stopper = new Counter(30, stopAt: 2);
        var sim2 = new Simulation(s2, fc2);
        Assert.Equal(SimulationEnd.Stopped, sim2.Run(stages, [stopper]));
        Assert.Equal(60, sim2.Current!.Step);
        Assert.Equal(["a"], stopper.Starts);
    }

    /// <summary>
    /// Half the glass held (LAMMPS fix setforce 0 0 0 on a group at rest): it does not move by a bit, and the thermostat
    /// brings the other half to 300 K counted over its own 3N_free − 3 degrees of freedom (by hand below; counting the held
    /// atoms' degrees of freedom would put the moving ones near 600 K).
    /// </summary>
    [Fact]
    public void HeldAtoms_StayPut_AndTheThermostatCountsOnlyTheMovingOnes()
    {
        var (s, fc) = Glass();
        double zMid = s.Box.Lo[2] + 0.5 * s.Box.Length(2);
        var held = Enumerable.Range(0, s.Count).Select(i => s.Z[i] < zMid).ToArray();
        int free = held.Count(h => !h);
        var start = s.Clone();
        var samples = new List<double>();
        var sampler = new HandTemperature(held, samples);
        var sim = new Simulation(s, fc);
        sim.Run([new Stage("hold", EnsembleSettings.Nvt(300), 3000, 0.001) { Held = held, ThermoEvery = 100 }], [sampler]);
        for (int i = 0; i < s.Count; i++)
            if (held[i])
            {
                Assert.Equal(start.X[i], s.X[i]); Assert.Equal(start.Y[i], s.Y[i]); Assert.Equal(start.Z[i], s.Z[i]);
                Assert.Equal(0.0, s.Vx[i]);
            }
        Assert.True(free > 60 && free < 132);
        double mean = samples.Skip(samples.Count / 3).Average();
        Assert.InRange(mean, 255, 345);
        // the thermo table reports the same temperature as the hand count
        Assert.Equal(samples[^1], sim.Thermo[^1].TemperatureK, 9);
    }

    /// <summary>The moving atoms' temperature by hand, Σ m v²/((3N_free − 3) k_B), every 100 steps.</summary>
    private sealed class HandTemperature(bool[] held, List<double> samples) : ISimulationObserver
    {
        public long Interval => 100;
        public bool AtInterval(MdRun run)
        {
            var s = run.System;
            double mv2 = 0;
            int free = 0;
            for (int i = 0; i < s.Count; i++)
            {
                if (held[i]) continue;
                free++;
                mv2 += s.Mass(i) * (s.Vx[i] * s.Vx[i] + s.Vy[i] * s.Vy[i] + s.Vz[i] * s.Vz[i]);
            }
            samples.Add(mv2 * FractureLab.Mechanics.Units.MetalUnits.MvvToEv / ((3 * free - 3) * FractureLab.Mechanics.Units.MetalUnits.Boltzmann));
            return true;
        }
    }

    [Fact]
    public void TemperatureRamp_MovesTheThermostatTargetLinearlyOverTheStage()
    {
        // Berendsen with τ = dt rescales to the target exactly after each step (λ² = T0/T), so each record shows the target
        // that step used: the target set after step k − 1, T0 + (T1 − T0)(k − 1)/N
        var (s, fc) = Glass(temperatureK: 1000);
        var stage = new Stage("ramp", new EnsembleSettings(Ensemble.Nvt, 1000, Thermostat: Thermostat.Berendsen, TDampPs: 0.001), 100, 0.001)
        {
            EndTemperatureK = 500,
            ThermoEvery = 25,
        };
        var sim = new Simulation(s, fc);
        sim.Run([stage]);
        foreach (var row in sim.Thermo.Where(r => r.Step > 0))
            Assert.Equal(1000 - 500 * (row.Step - 1) / 100.0, row.TemperatureK, 6);
        Assert.Equal(500, stage.TargetTemperatureK(100), 12);
        Assert.Throws<FractureLab.Mechanics.InputException>(() => sim.Run([new Stage("bad", EnsembleSettings.Nve(), 10, 0.001) { EndTemperatureK = 10 }]));
    }

    [Fact]
    public void ResumedStage_ContinuesWithTheUninterruptedRecords()
    {
        string dir = Directory.CreateTempSubdirectory("fl-sim-").FullName;
        string checkpoint = Path.Combine(dir, "checkpoint.bin");
        var (a, fa) = Glass();
        var b = a.Clone();
        var fb = new ForceComputer(new CompiledForceField(fa.ForceField.Definition, b), new SimdBackend(2));
        var straight = new Simulation(a, fa);
        straight.Run([new Stage("md", EnsembleSettings.Nvt(300), 300, 0.001) { ThermoEvery = 20 }]);

        // 150 steps, then a checkpoint at the end as md writes it; the end record at 150 is off the thermo grid
        var first = new Simulation(b, fb);
        first.Run([new Stage("md", EnsembleSettings.Nvt(300), 150, 0.001) { ThermoEvery = 20 }]);
        Assert.Equal(150, first.Thermo[^1].Step);
        first.Current!.SaveCheckpoint(checkpoint);

        var restored = Checkpoint.ReadSystem(checkpoint);
        var fr = new ForceComputer(new CompiledForceField(fa.ForceField.Definition, restored), new SimdBackend(2));
        var resumed = new Simulation(restored, fr) { ResumeFrom = checkpoint };
        Assert.Equal(SimulationEnd.Completed, resumed.Run([new Stage("md", EnsembleSettings.Nvt(300), 300, 0.001) { ThermoEvery = 20 }]));
        Directory.Delete(dir, true);
        Assert.Equal(straight.Thermo.Select(r => r.Step), resumed.Thermo.Select(r => r.Step));
        // the checkpoint rebuilt the neighbor list at step 150, where the straight run did not: the sums part in the last digits
        for (int i = 0; i < straight.Thermo.Count; i++) Assert.Equal(straight.Thermo[i].TotalEv, resumed.Thermo[i].TotalEv, 8);
    }

}

/// <summary>The runner on the Gpu back end (ILGPU's CPU accelerator here; the same kernels as on CUDA).</summary>
[Collection("CpuAccelerator")]
public class SimulationOnDeviceTests
{
    private static (FractureLab.Mechanics.Atoms.AtomSystem, ForceComputer) Glass(IPairBackend backend, double temperatureK) => SimulationTests.Glass(backend, temperatureK);

    [Fact]
    public void OnTheGpuBackEnd_EveryStageRunsResident_AndFollowsTheHost()
    {
        var (hs, hfc) = Glass(new ReferenceBackend(), 600);
        var (ds, dfc) = Glass(new GpuBackend(CpuAccelerator.Device), 600);
        Stage[] stages = [new("nvt", EnsembleSettings.Nvt(600), 20, 0.001) { ThermoEvery = 10 }, new("npt", EnsembleSettings.Npt(600, 0.0), 20, 0.001) { ThermoEvery = 10 }];
        var host = new Simulation(hs, hfc);
        var device = new Simulation(ds, dfc);
        Assert.IsType<ResidentIntegrator>(device.IntegratorFor(stages[1]));
        Assert.IsNotType<ResidentIntegrator>(host.IntegratorFor(stages[1]));
        host.Run(stages);
        device.Run(stages);
        Assert.IsType<ResidentIntegrator>(device.Current!.Integrator);
        Assert.Equal(host.Thermo.Select(r => r.Step), device.Thermo.Select(r => r.Step));
        for (int i = 0; i < host.Thermo.Count; i++) Assert.Equal(host.Thermo[i].TotalEv, device.Thermo[i].TotalEv, 6);
    }
}

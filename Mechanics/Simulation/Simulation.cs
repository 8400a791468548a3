using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Integrators;
using Serilog;

namespace FractureLab.Mechanics.Simulation;

/// <summary>
/// The one way to run MD here: a system and its force computer advanced through <see cref="Stage"/>s in order, each an
/// <see cref="MdRun"/> with the stage's integrator, deformation, ramp and runaway limits, watched by
/// <see cref="ISimulationObserver"/>s (thermo, dumps, stress-strain records), with checkpoints, Ctrl+C and progress.
/// md, melt-quench, the relaxations and the tensile protocols all run through it. The back end decides here, once per
/// stage, whether the atoms stay on the device (<see cref="OnBackend"/>), so every stage runs resident on the Gpu back end.
/// </summary>
public sealed class Simulation(AtomSystem system, ForceComputer forces, ILogger? log = null)
{
    public AtomSystem System { get; } = system;
    public ForceComputer Forces { get; } = forces;

    /// <summary>Where the MD state is checkpointed every <see cref="CheckpointEvery"/> steps (0: only on cancellation); null: never.</summary>
    public string? CheckpointPath { get; init; }
    public long CheckpointEvery { get; init; }

    /// <summary>A checkpoint the first stage continues from (its system read from it by the caller), or null to start afresh.</summary>
    public string? ResumeFrom { get; init; }

    /// <summary>The thermo records of every stage run so far, in order (a resumed first stage starts with the checkpoint's).</summary>
    public List<ThermoRow> Thermo { get; } = [];

    /// <summary>The run of the stage in progress, or of the last one; null before <see cref="Run"/>.</summary>
    public MdRun? Current { get; private set; }
    public Stage? CurrentStage { get; private set; }

    /// <summary>
    /// The integrator to use on the force computer's back end: <paramref name="host"/> itself, or the same integrator
    /// resident on the device for the Gpu back end (unless the force field uses plain Ewald, whose k-vector sum is on the host).
    /// </summary>
    private static IIntegrator OnBackend(IIntegrator host, ForceComputer forces) =>
        forces.Backend is Gpu.GpuBackend gpu && Gpu.ResidentIntegrator.Supports(forces.ForceField) ? new Gpu.ResidentIntegrator(host, gpu) : host;

    /// <summary>The integrator a stage runs with on this simulation's back end (for plans and checks).</summary>
    public IIntegrator IntegratorFor(Stage stage) => stage.Held is null ? OnBackend(stage.Ensemble.CreateIntegrator(), Forces) : stage.Ensemble.CreateIntegrator();

    /// <summary>
    /// Runs the stages in order. Each starts with current forces (computed, or restored for a resumed first stage), a
    /// thermo record unless resumed, then steps to its end in chunks that stop at every observer's interval; a record at
    /// the end of a stage whose length is not a multiple of its thermo interval. A runaway throws
    /// <see cref="RunawayException"/> as <see cref="MdRun"/> does; cancellation writes a checkpoint (when
    /// <see cref="CheckpointPath"/> is set) and returns <see cref="SimulationEnd.Cancelled"/>.
    /// </summary>
    public SimulationEnd Run(IReadOnlyList<Stage> stages, IReadOnlyList<ISimulationObserver>? observers = null, CancellationToken cancel = default,
        Action<StageProgress>? progress = null)
    {
        observers ??= [];
        foreach (var st in stages) st.Check();
        var sampling = observers.Where(o => o.SamplesEveryStep).ToArray();
        Action<IDynamicsState, long>? afterStep = sampling.Length == 0 ? null : (state, step) => { foreach (var o in sampling) o.AfterStep(state, step); };
        for (int k = 0; k < stages.Count; k++)
        {
            var stage = stages[k];
            var host = stage.Ensemble.CreateIntegrator();
            // held atoms are a host feature (the resident device loop has no mask): such a stage steps on the host
            var run = new MdRun(System, Forces, stage.Held is null ? OnBackend(host, Forces) : host, stage.DtPs, log)
            {
                Deformation = stage.Deformation,
                Runaway = stage.Runaway,
                AfterStep = afterStep,
                Held = stage.Held,
            };
            if (stage.Held is { } held) HostDynamics.ZeroHeld(System, held, velocities: true);
            Current = run;
            CurrentStage = stage;
            bool resumed = k == 0 && ResumeFrom is not null;
            if (resumed)
            {
                Checkpoint.Restore(ResumeFrom!, run);
                // a record the stage took at its end (off the thermo grid) is not a row of the uninterrupted run
                if (run.Thermo.Count > 1 && run.Thermo[^1].Step == run.Step && !OnGrid(run.Step, stage.ThermoEvery)) run.Thermo.RemoveAt(run.Thermo.Count - 1);
            }
            else run.Initialize();
            bool go = true;
            foreach (var o in observers) go &= o.Started(run, stage, resumed);
            run.OnRecord = row => { foreach (var o in observers) o.OnRecord(row); };
            if (!resumed) run.Record();
            long first = run.Step;
            var ramp = stage.EndTemperatureK is null ? null : host as IThermostatted;
            while (go && run.Step < stage.Steps)
            {
                long next = stage.Steps;
                foreach (var o in observers) if (o.Interval > 0) next = Math.Min(next, (run.Step / o.Interval + 1) * o.Interval);
                bool done = run.Run(next - run.Step, stage.ThermoEvery, cancel, CheckpointPath, CheckpointEvery, step =>
                {
                    if (ramp is not null) ramp.TargetTemperatureK = stage.TargetTemperatureK(step);
                    progress?.Invoke(new StageProgress(k, stage, step, first));
                });
                if (!done)
                {
                    Thermo.AddRange(run.Thermo);
                    return SimulationEnd.Cancelled;
                }
                foreach (var o in observers) if (o.Interval > 0 && run.Step % o.Interval == 0) go &= o.AtInterval(run);
            }
            if (stage.ThermoEvery > 0 && run.Thermo[^1].Step != run.Step) run.Record();
            run.OnRecord = null;
            Thermo.AddRange(run.Thermo);
            if (!go) return SimulationEnd.Stopped;
        }
        return SimulationEnd.Completed;
    }

    private static bool OnGrid(long step, int every) => every > 0 && step % every == 0;
}

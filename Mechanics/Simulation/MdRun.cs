using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Integrators;
using Serilog;

namespace FractureLab.Mechanics.Simulation;

/// <summary>
/// A system bound to a force computer (one back end, passed explicitly) and an integrator, advanced
/// step by step with thermo records, an optional box deformation, periodic checkpoints and
/// cancellation (a cancelled run writes a checkpoint before it returns).
/// </summary>
public sealed class MdRun(AtomSystem system, ForceComputer forces, IIntegrator integrator, double dtPs, ILogger? log = null)
{
    private readonly ILogger _log = log ?? Serilog.Core.Logger.None;

    public AtomSystem System { get; } = system;
    public ForceComputer Forces { get; } = forces;
    public IIntegrator Integrator { get; } = integrator;
    public double DtPs { get; } = dtPs;
    public long Step { get; set; }
    public List<ThermoRow> Thermo { get; } = [];
    public BoxDeformation? Deformation { get; init; }
    private readonly HostDynamics _host = new(system, forces);

    /// <summary>Called after every step with the particles' state (host or device) and the step number, e.g. to sample running averages.</summary>
    public Action<IDynamicsState, long>? AfterStep { get; init; }

    /// <summary>
    /// The integrator the run should use on <paramref name="backend"/>: <paramref name="host"/> itself, or the same
    /// integrator resident on the device for the Gpu back end (unless the force field uses plain Ewald, whose k-vector sum is on the host).
    /// </summary>
    public static IIntegrator ForBackend(IIntegrator host, IPairBackend backend, CompiledForceField ff) =>
        backend is Gpu.GpuBackend gpu && Gpu.ResidentIntegrator.Supports(ff) ? new Gpu.ResidentIntegrator(host, gpu) : host;
    public double ElapsedPs => Step * DtPs;

    /// <summary>Computes the initial forces (skipped when resuming from a checkpoint, which carries them).</summary>
    public void Initialize() => Forces.Compute(System);

    public ThermoRow Record()
    {
        var r = Forces.Last;
        double ke = System.KineticEnergy();
        var p = ForceComputer.PressureGpa(System, r, withKinetic: true);
        var b = System.Box;
        var row = new ThermoRow(Step, ElapsedPs, Kinetics.Temperature(System), r.PotentialEnergy, ke, r.PotentialEnergy + ke,
            (p[0] + p[1] + p[2]) / 3.0, p[0], p[1], p[2], b.Volume, b.Length(0), b.Length(1), b.Length(2));
        Thermo.Add(row);
        return row;
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps. Records thermo every <paramref name="thermoEvery"/> steps, saves a
    /// checkpoint every <paramref name="checkpointEvery"/> steps and on cancellation. Returns false if cancelled.
    /// </summary>
    public bool Run(long steps, int thermoEvery, CancellationToken cancel = default, string? checkpointPath = null, long checkpointEvery = 0, Action<long>? progress = null)
    {
        if (Thermo.Count == 0 || Thermo[^1].Step != Step) Record();
        long end = Step + steps;
        while (Step < end)
        {
            if (cancel.IsCancellationRequested)
            {
                if (checkpointPath is not null) SaveCheckpoint(checkpointPath);
                _log.Warning("Run cancelled at step {Step}; checkpoint {Path}", Step, checkpointPath);
                return false;
            }
            if (Integrator is IMultiStepIntegrator multi)
            {
                // Resident (device) steps up to the next thermo record or checkpoint, whichever comes first.
                long next = Math.Min(end, NextMultiple(Step, thermoEvery));
                if (checkpointPath is not null) next = Math.Min(next, NextMultiple(Step, checkpointEvery));
                long first = Step;
                var deformation = Deformation;
                var after = AfterStep;
                multi.Advance(System, Forces, DtPs, next - Step, deformation is null ? null : (state, k) => deformation.Apply(state, (first + k + 1) * DtPs),
                    after is null ? null : (state, k) => after(state, first + k + 1));
                Step = next;
            }
            else
            {
                // The box is deformed before the step (positions remapped affinely), so the step's own force
                // evaluation sees the new box: one force call per step, as LAMMPS fix deform.
                Deformation?.Apply(_host, ElapsedPs + DtPs);
                Integrator.Step(_host, DtPs);
                Step++;
                AfterStep?.Invoke(_host, Step);
            }
            if (thermoEvery > 0 && Step % thermoEvery == 0) Record();
            if (checkpointPath is not null && checkpointEvery > 0 && Step % checkpointEvery == 0) SaveCheckpoint(checkpointPath);
            progress?.Invoke(Step);
        }
        return true;
    }

    private static long NextMultiple(long step, long every) => every > 0 ? (step / every + 1) * every : long.MaxValue;

    public void SaveCheckpoint(string path)
    {
        Checkpoint.Save(path, this);
        Forces.List.Invalidate();
    }
}

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
    /// <summary>Atoms held in place (no force, no motion, no degrees of freedom; <see cref="HostDynamics"/>), or null for none. Set before the first step.</summary>
    public bool[]? Held { get; init; }
    private HostDynamics? _hostState;
    private HostDynamics _host => _hostState ??= new(System, Forces, Held);

    /// <summary>When the run stops as a runaway (<see cref="RunawayLimits"/>); checked after every step on the host, after every resident chunk on a device.</summary>
    public RunawayLimits Runaway { get; init; } = RunawayLimits.Default;
    /// <summary>Step of the last checkpoint this run wrote, or null.</summary>
    public long? LastCheckpointStep { get; private set; }
    private long? _previousCheckpointStep;
    private string? _checkpointPath;
    private double _referenceK = double.NaN, _checkedPe = double.NaN;
    private long _checkedStep;

    /// <summary>Called after every step with the particles' state (host or device) and the step number, e.g. to sample running averages.</summary>
    public Action<IDynamicsState, long>? AfterStep { get; init; }

    public double ElapsedPs => Step * DtPs;

    /// <summary>Neighbor-list builds of the whole run, over resumes (from the checkpoint's count; the rebuild of the restored list itself is not counted).</summary>
    public long NeighborListBuilds => _buildsBefore + Forces.List.Builds - _buildsAtStart;
    private long _buildsBefore, _buildsAtStart;

    /// <summary>Set by <see cref="Checkpoint.Restore"/>: the builds counted up to the checkpoint.</summary>
    internal void ResumeBuildCount(long before)
    {
        _buildsBefore = before;
        _buildsAtStart = Forces.List.Builds;
    }

    /// <summary>Computes the initial forces (skipped when resuming from a checkpoint, which carries them).</summary>
    public void Initialize() => _host.ComputeForces();

    /// <summary>Called with every thermo record as it is taken (e.g. to stream thermo.csv, flushed per row, so a killed run keeps its rows).</summary>
    public Action<ThermoRow>? OnRecord { get; set; }

    public ThermoRow Record()
    {
        var r = _host.ForceTotals();
        double ke = System.KineticEnergy();
        // with core-shell ions the kinetic part of the pressure is the ions' (LAMMPS compute pressure with temp/cs)
        var p = Forces.ForceField.CoreShell is { } cs ? ForceComputer.PressureGpa(cs.IonKinetics(System).Tensor, r, System.Box.Volume)
            : ForceComputer.PressureGpa(System, r, withKinetic: true);
        var b = System.Box;
        var row = new ThermoRow(Step, ElapsedPs, _host.TemperatureK(), r.PotentialEnergy, ke, r.PotentialEnergy + ke,
            (p[0] + p[1] + p[2]) / 3.0, p[0], p[1], p[2], b.Volume, b.Length(0), b.Length(1), b.Length(2));
        Thermo.Add(row);
        OnRecord?.Invoke(row);
        return row;
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps (protocols run stages through <see cref="Simulation"/>, which calls this). Records
    /// thermo at the start of a run that has none and every <paramref name="thermoEvery"/> steps, saves a
    /// checkpoint every <paramref name="checkpointEvery"/> steps and on cancellation. Returns false if cancelled.
    /// </summary>
    public bool Run(long steps, int thermoEvery, CancellationToken cancel = default, string? checkpointPath = null, long checkpointEvery = 0, Action<long>? progress = null)
    {
        if (Thermo.Count == 0) Record();
        if (double.IsNaN(_referenceK)) _referenceK = Runaway.TargetTemperatureK ?? _host.TemperatureK();
        CheckRunaway();
        long end = Step + steps;
        while (Step < end)
        {
            if (cancel.IsCancellationRequested)
            {
                _host.SkipTotals = false;
                _host.ForceTotals(); // whoever reads the state after a cancelled run gets its totals
                if (checkpointPath is not null) SaveCheckpoint(checkpointPath, betweenRebuilds: true);
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
                CheckRunaway();
            }
            else
            {
                // The box is deformed before the step (positions remapped affinely), so the step's own force
                // evaluation sees the new box: one force call per step, as LAMMPS fix deform.
                Deformation?.Apply(_host, ElapsedPs + DtPs);
                _host.SkipTotals = !NeedsTotals(Step + 1, end, thermoEvery, checkpointPath is null ? 0 : checkpointEvery);
                Integrator.Step(_host, DtPs);
                Step++;
                AfterStep?.Invoke(_host, Step);
                CheckRunaway();
            }
            if (thermoEvery > 0 && Step % thermoEvery == 0) Record();
            if (checkpointPath is not null && checkpointEvery > 0 && Step % checkpointEvery == 0) SaveCheckpoint(checkpointPath);
            progress?.Invoke(Step);
        }
        return true;
    }

    /// <summary>
    /// Whether the force evaluation of <paramref name="step"/> must carry energies and the virial: a thermo or checkpoint
    /// step, the last step of this call (stages and observers read the state there), every step of an integrator that
    /// reads them or with an every-step observer. Elsewhere the forces alone are computed, as LAMMPS does between thermo
    /// steps (its eflag/vflag); the runaway check then tests the forces and checks the energy jump at the next total.
    /// </summary>
    private bool NeedsTotals(long step, long end, int thermoEvery, long checkpointEvery) =>
        step >= end || AfterStep is not null || Integrator.UsesForceTotals
        || (thermoEvery > 0 && step % thermoEvery == 0) || (checkpointEvery > 0 && step % checkpointEvery == 0);

    private static long NextMultiple(long step, long every) => every > 0 ? (step / every + 1) * every : long.MaxValue;

    /// <summary>
    /// Writes a checkpoint to <paramref name="path"/>; the one that was there is kept as <see cref="Checkpoint.PreviousPath"/>,
    /// so a checkpoint written on the way into a runaway still leaves the good one before it. A periodic checkpoint
    /// invalidates the neighbor list (the run and a resume from it both rebuild here); one written when the run stops
    /// (<paramref name="betweenRebuilds"/>, Ctrl+C) keeps the list and stores what it was built from instead.
    /// </summary>
    public void SaveCheckpoint(string path, bool betweenRebuilds = false)
    {
        if (File.Exists(path))
        {
            File.Copy(path, Checkpoint.PreviousPath(path), overwrite: true);
            _previousCheckpointStep = path == _checkpointPath ? LastCheckpointStep : Checkpoint.ReadStep(path);
        }
        _host.ForceTotals(); // a checkpoint carries the last evaluation's energies and virial
        var list = betweenRebuilds ? Forces.List.Reference : null;
        Checkpoint.Save(path, this, list);
        _checkpointPath = path;
        LastCheckpointStep = Step;
        if (list is null) Forces.List.Invalidate();
    }

    /// <summary>Stops the run with a <see cref="RunawayException"/> if the state is past <see cref="Runaway"/>'s limits.</summary>
    private void CheckRunaway()
    {
        if (!Runaway.Enabled) return;
        int n = Math.Max(1, System.Count);
        // a forces-only step has no energy to check (its forces were checked finite); the jump is checked at the next total
        bool hasPe = Forces.Last.HasTotals;
        double pe = hasPe ? Forces.Last.PotentialEnergy : double.NaN;
        if (hasPe && !double.IsFinite(pe)) Stop("energy", $"the potential energy is {pe}");
        if (hasPe && double.IsFinite(_checkedPe) && Step > _checkedStep)
        {
            double jump = Math.Abs(pe - _checkedPe) / n / (Step - _checkedStep);
            if (jump > Runaway.EnergyJumpEvPerAtomPerStep)
                Stop("energy jump", $"the potential energy changed by {jump:G4} eV per atom per step ({_checkedPe / n:G6} → {pe / n:G6} eV/atom over {Step - _checkedStep} steps), above the limit {Runaway.EnergyJumpEvPerAtomPerStep:G4}");
        }
        var (v2, fastest) = RunawayLimits.FastestAtom(System);
        double moved = Math.Sqrt(v2) * DtPs, allowed = Runaway.StepDisplacementA ?? (Forces.List.Skin > 0 ? Forces.List.Skin : 1.0);
        if (!(moved <= allowed))
            Stop("displacement", $"atom id {System.Id[fastest]} moves {moved:G4} Å per step (|v| = {Math.Sqrt(v2):G4} Å/ps), more than {allowed:G4} Å");
        if (RunawayLimits.LostAtom(System) is { } lost) Stop("lost atom", $"atom id {System.Id[lost.Atom]} is lost: {lost.Why}");
        double t = _host.TemperatureK(), limit = Runaway.TemperatureLimitK(_referenceK);
        if (!(t <= limit))
            Stop("temperature", $"the temperature {t:G4} K exceeds {limit:G4} K (the larger of {Runaway.TemperatureFactor:G3} × {_referenceK:G4} K and {_referenceK:G4} K + {Runaway.TemperatureMarginK:G4} K)");
        if (!hasPe) return;
        _checkedPe = pe;
        _checkedStep = Step;
    }

    /// <summary>Records the bad state (so the thermo table shows it) and throws, naming the step, the quantity and the last good checkpoint.</summary>
    private void Stop(string quantity, string what)
    {
        if (Thermo.Count == 0 || Thermo[^1].Step != Step) Record();
        string saved = LastCheckpointStep is { } c
            ? $"last good checkpoint: {_checkpointPath} (step {c})" + (_previousCheckpointStep is { } p ? $", the one before: {Checkpoint.PreviousPath(_checkpointPath!)} (step {p})" : "")
            : "no checkpoint was written before it";
        _log.Error("Runaway at step {Step}: {What}", Step, what);
        throw new RunawayException($"runaway at step {Step} (t = {ElapsedPs:G6} ps, {System.Count} atoms): {what}; {saved} (if this is expected, raise the runaway limits or turn the check off)", Step, quantity);
    }
}

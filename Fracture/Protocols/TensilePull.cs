using FractureLab.Fracture.Analysis;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Simulation;

using FractureLab.Mechanics.Units;

namespace FractureLab.Fracture.Protocols;

/// <summary>
/// Pulls a sample along one axis under protocol A, B or C (SCIENCE.md §2) and records the stress-strain curve.
/// A: Nosé-Hoover NPT on the lateral axes at zero stress (MTK per axis) with the loading axis driven at constant
/// engineering strain rate; B: Nosé-Hoover NVT with the loading axis driven and lateral lengths fixed; C: strain
/// steps, each minimized (FIRE) and held in NVT, the stress averaged over the hold. The run stops at the maximum
/// strain, on separation, or on cancellation; a non-finite energy or a temperature above ten times the target
/// stops it with the step named.
/// </summary>
public sealed class TensilePull(AtomSystem system, ForceComputer forces, TensileSettings settings, double? initialLengthA = null)
{
    public List<StressStrainRow> Rows { get; } = [];
    public bool Separated { get; private set; }
    public bool Cancelled { get; private set; }
    /// <summary>Rows restored from the checkpoint when the run was resumed (0 for a fresh run).</summary>
    public int ResumedRows { get; private set; }
    /// <summary>L0 along the loading axis, Å (given when resuming, else the system's at construction).</summary>
    public double InitialLengthA { get; } = initialLengthA ?? system.Box.Length(settings.Axis);

    /// <summary>
    /// After every record the MD state goes to this checkpoint (and the rows to <c>CheckpointPath + ".rows.csv"</c>),
    /// so a killed run resumes from its last record: protocols A and B mid-pull, protocol C after its last strain step.
    /// </summary>
    public string? CheckpointPath { get; init; }
    public Action<StressStrainRow>? OnRecord { get; init; }

    /// <summary>Runs the test; with <paramref name="resume"/> and a checkpoint on disk, continues from it instead of starting.</summary>
    public void Run(int seed, CancellationToken cancel = default, Action<double>? progress = null, bool resume = false)
    {
        settings.Check();
        bool fromCheckpoint = resume && CheckpointPath is not null && File.Exists(CheckpointPath);
        if (settings.Protocol == TensileProtocol.C) RunStepwise(cancel, progress, fromCheckpoint);
        else RunContinuous(seed, cancel, progress, fromCheckpoint);
    }

    /// <summary>The recorded curve for the analysis, lateral strains included under protocol A.</summary>
    public TensileCurve Curve() => CurveOf(Rows, settings, InitialLengthA);

    /// <summary>The curve of recorded rows: stress along the loading axis; lateral strains when the lateral axes were free (protocol A).</summary>
    public static TensileCurve CurveOf(IReadOnlyList<StressStrainRow> rows, TensileSettings settings, double initialLengthA)
    {
        int a = settings.Axis;
        int[] lat = [.. Enumerable.Range(0, 3).Where(x => x != a)];
        double[] Lateral(int axis) => rows.Select(r => r.Length(axis) / rows[0].Length(axis) - 1.0).ToArray();
        bool free = settings.Protocol == TensileProtocol.A;
        return new TensileCurve(rows.Select(r => r.Strain).ToArray(), rows.Select(r => r.Stress(a)).ToArray(),
            free ? Lateral(lat[0]) : null, free ? Lateral(lat[1]) : null, initialLengthA);
    }

    private double DtPs => settings.TimestepFs * MetalUnits.Femtosecond;
    /// <summary>The runaway limits of every MD stage of the pull, scaled to the tension's temperature.</summary>
    private RunawayLimits Runaway => RunawayLimits.Default with { TargetTemperatureK = settings.TemperatureK };

    /// <summary>
    /// Protocols A and B: one stage with the loading axis driven at the strain rate, records every
    /// <see cref="TensileSettings.StepsPerRecord"/> steps until the maximum strain or separation.
    /// </summary>
    private void RunContinuous(int seed, CancellationToken cancel, Action<double>? progress, bool resume)
    {
        int axis = settings.Axis;
        var ensemble = settings.Protocol == TensileProtocol.A
            ? EnsembleSettings.Npt(settings.TemperatureK, 0.0, [.. Enumerable.Range(0, 3).Select(a => a != axis)], settings.TDampPs, settings.PDampPs)
            : EnsembleSettings.Nvt(settings.TemperatureK, settings.TDampPs);
        if (!resume && system.KineticEnergy() == 0) Kinetics.AssignMaxwellBoltzmann(system, settings.TemperatureK, seed, forces.ForceField.CoreShell);
        long perRecord = settings.StepsPerRecord;
        // the recorder ends the stage at the maximum strain; the stage's length only bounds it (two records of margin)
        long records = (long)Math.Ceiling(settings.MaxStrain / (settings.StrainRatePerPs * DtPs * perRecord)) + 2;
        var stage = new Stage("tension", ensemble, records * perRecord, DtPs)
        {
            Deformation = new BoxDeformation(axis, settings.StrainRatePerPs, InitialLengthA),
            Runaway = Runaway,
        };
        var recorder = new Recorder(this, perRecord, progress) { RecordAtStart = true };
        var simulation = new Simulation(system, forces) { ResumeFrom = resume ? CheckpointPath : null };
        Cancelled = simulation.Run([stage], [recorder], cancel) == SimulationEnd.Cancelled;
    }

    /// <summary>Rows first, then the MD state: a kill between the two leaves rows that the step count trims on resume.</summary>
    private void SaveCheckpoint(MdRun run)
    {
        if (CheckpointPath is null) return;
        AtomicFile.Write(CheckpointPath + ".rows.csv", w => StressStrainRow.WriteCsv(w, Rows, settings.Axis));
        run.SaveCheckpoint(CheckpointPath);
    }

    /// <summary>
    /// Protocol C: each step scales the box, minimizes (FIRE), draws velocities (seeded by the step number) and holds
    /// in NVT (a stage of its own); the state after each hold is checkpointed. The neighbor list is rebuilt at the start
    /// of every step, so a run resumed from the checkpoint (its system read from it by the caller) sums pairs in the
    /// same order as an uninterrupted one and gives the same result.
    /// </summary>
    private void RunStepwise(CancellationToken cancel, Action<double>? progress, bool resume)
    {
        int axis = settings.Axis;
        int first = 1;
        if (resume)
        {
            Rows.AddRange(StressStrainRow.ReadCsv(CheckpointPath + ".rows.csv"));
            ResumedRows = Rows.Count;
            first = Rows.Count;
            if (CheckSeparated()) return;
        }
        else
        {
            Fire.Minimize(system, forces);
            var start = new Window();
            start.Add(new HostDynamics(system, forces));
            Record(start);
        }
        int steps = (int)Math.Ceiling(settings.MaxStrain / settings.StepStrain - 1e-9);
        long holdSteps = Math.Max(1, (long)Math.Round(settings.HoldPs / DtPs));
        var hold = new Stage("hold", EnsembleSettings.Nvt(settings.TemperatureK, settings.TDampPs), holdSteps, DtPs)
        {
            Runaway = Runaway,
        };
        for (int k = first; k <= steps; k++)
        {
            if (cancel.IsCancellationRequested) { Cancelled = true; return; }
            forces.List.Invalidate();
            double target = InitialLengthA * (1 + k * settings.StepStrain);
            BoxScaling.ScaleAxis(system, axis, target / system.Box.Length(axis));
            Fire.Minimize(system, forces);
            Kinetics.AssignMaxwellBoltzmann(system, settings.TemperatureK, k, forces.ForceField.CoreShell);
            var end = new Simulation(system, forces).Run([hold], [new Recorder(this, holdSteps, progress)], cancel);
            if (end == SimulationEnd.Cancelled) { Cancelled = true; return; }
            if (end == SimulationEnd.Stopped) return;
        }
    }

    /// <summary>
    /// Averages the stress, temperature and energy over every step of an interval and records a row at its end, then
    /// checkpoints and reports; ends the stage at the maximum strain (continuous protocols) or when the sample has separated.
    /// </summary>
    private sealed class Recorder(TensilePull pull, long interval, Action<double>? progress) : ISimulationObserver
    {
        private readonly Window _window = new();
        /// <summary>Records the starting state as the first row (continuous protocols; protocol C records it before its first step).</summary>
        public bool RecordAtStart { get; init; }
        public long Interval => interval;
        public bool SamplesEveryStep => true;

        public bool Started(MdRun run, Stage stage, bool resumed)
        {
            if (!RecordAtStart) return true;
            if (resumed)
            {
                pull.Rows.AddRange(StressStrainRow.ReadCsv(pull.CheckpointPath + ".rows.csv").Take((int)(1 + run.Step / interval)));
                pull.ResumedRows = pull.Rows.Count;
                if (pull.CheckSeparated()) return false;
            }
            else
            {
                _window.Add(pull.HostState());
                pull.Record(_window);
                pull.SaveCheckpoint(run);
            }
            return !pull.AtMaximumStrain;
        }

        public void AfterStep(IDynamicsState state, long step) => _window.Add(state);

        public bool AtInterval(MdRun run)
        {
            pull.Record(_window);
            pull.SaveCheckpoint(run);
            progress?.Invoke(pull.Strain());
            return !pull.CheckSeparated() && !(RecordAtStart && pull.AtMaximumStrain);
        }

    }

    private HostDynamics HostState() => new(system, forces);
    private bool AtMaximumStrain => Strain() >= settings.MaxStrain - 1e-12;

    private double Strain() => system.Box.Length(settings.Axis) / InitialLengthA - 1.0;

    private void Record(Window w)
    {
        var b = system.Box;
        var row = new StressStrainRow(Strain(), -w.Mean(0), -w.Mean(1), -w.Mean(2), w.MeanT, w.MeanPe, b.Length(0), b.Length(1), b.Length(2));
        w.Clear();
        Rows.Add(row);
        OnRecord?.Invoke(row);
    }

    /// <summary>Separated: after the peak, the stress has stayed below the fraction of σ_max over the strain span.</summary>
    private bool CheckSeparated()
    {
        int a = settings.Axis;
        int peak = 0;
        for (int i = 1; i < Rows.Count; i++) if (Rows[i].Stress(a) > Rows[peak].Stress(a)) peak = i;
        double limit = settings.SeparationFraction * Rows[peak].Stress(a);
        if (!(Rows[peak].Stress(a) > 0)) return false;
        int first = -1;
        for (int i = peak + 1; i < Rows.Count; i++)
        {
            if (Rows[i].Stress(a) < limit) { if (first < 0) first = i; }
            else first = -1;
        }
        Separated = first >= 0 && Rows[^1].Strain - Rows[first].Strain >= settings.SeparationSpan - 1e-12;
        return Separated;
    }

    /// <summary>Running means of the pressure tensor diagonal (GPa, with the kinetic part), temperature and potential energy.</summary>
    private sealed class Window
    {
        private readonly double[] _p = new double[3];
        private double _t, _pe;
        private int _n;

        /// <summary>Adds one sample of the state (host or device).</summary>
        public void Add(IDynamicsState s)
        {
            var r = s.ForceTotals();
            var p = ForceComputer.PressureGpa(s.KineticTensor(), r, s.Box.Volume);
            double t = Kinetics.Temperature(s.KineticEnergy(), s.DegreesOfFreedom);
            for (int a = 0; a < 3; a++) _p[a] += p[a];
            _t += t;
            _pe += r.PotentialEnergy;
            _n++;
        }

        public double Mean(int a) => _p[a] / Math.Max(1, _n);
        public double MeanT => _t / Math.Max(1, _n);
        public double MeanPe => _pe / Math.Max(1, _n);
        public void Clear() { Array.Clear(_p); _t = 0; _pe = 0; _n = 0; }
    }
}

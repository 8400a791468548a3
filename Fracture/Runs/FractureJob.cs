using System.Text.Json;
using FractureLab.Fracture.Analysis;
using FractureLab.Fracture.Geometry;
using FractureLab.Fracture.Protocols;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.IO;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Simulation;

using FractureLab.Mechanics.Units;

namespace FractureLab.Fracture.Runs;

/// <summary>
/// Settings of a fracture run: the crack, the tension, the strain of the uncracked modulus run (E and ν come
/// from an uncracked box of the same glass, SCIENCE.md §3) and its strain rate as a fraction of the tension's
/// (slower, so the lateral barostat follows and the slope is E, not the longitudinal modulus), the relaxation
/// at zero stress before each pull (ps), the seed of the velocities, and the strain interval of the minimized
/// snapshots of the pull for bond switching (SCIENCE.md §4; 0 for none).
/// </summary>
public sealed record FractureJobSettings(
    PreCrackSpec Crack,
    TensileSettings Tension,
    double ModulusStrain = 0.02,
    double RelaxPs = 2.0,
    int Seed = 1,
    double ModulusRateFactor = 0.25,
    double SnapshotEveryStrain = 0.02)
{
    /// <summary>
    /// Whether the record at <paramref name="strain"/> is the one nearest a multiple of <see cref="SnapshotEveryStrain"/>
    /// (decided from the strain alone, so a resumed run takes the same snapshots).
    /// </summary>
    public bool TakesSnapshotAt(double strain)
    {
        if (!(SnapshotEveryStrain > 0)) return false;
        double spacing = Tension.Protocol == TensileProtocol.C ? Tension.StepStrain : Tension.RecordEveryStrain;
        double k = Math.Round(strain / SnapshotEveryStrain);
        return k >= 1 && Math.Abs(strain - k * SnapshotEveryStrain) < 0.5 * spacing;
    }

    public TensileAnalysisOptions AnalysisOptions(TensileResult uncracked, CrackInfo crack) => new(
        YoungsModulusGpa: uncracked.YoungsModulusGpa,
        PoissonRatio: uncracked.PoissonRatio,
        CrackHalfLengthA: Crack.Kind == CrackKind.Centre ? crack.HalfLengthA : null,
        PeriodA: Crack.Kind == CrackKind.Centre ? crack.PeriodA : null,
        FixedLateral: Tension.Protocol == TensileProtocol.B);

    /// <summary>
    /// The modulus run: always protocol A (stress-free lateral), which gives E and ν directly (SCIENCE.md §3), to a
    /// small strain at a lower rate, recorded at least 20 times; under protocol B the pull's own slope is then M.
    /// </summary>
    public TensileSettings ModulusTension => Tension with
    {
        Protocol = TensileProtocol.A,
        MaxStrain = ModulusStrain,
        RecordEveryStrain = Math.Min(Tension.RecordEveryStrain, ModulusStrain / 20),
        StrainRatePerS = Tension.StrainRatePerS * ModulusRateFactor,
    };
}

/// <summary>
/// An uncracked pull already made (rows and the initial length along the load, Å): a toughness study pulls one
/// uncracked box per replica and hands it to every pre-cracked run of that replica instead of pulling it again.
/// </summary>
public sealed record UncrackedPull(IReadOnlyList<StressStrainRow> Rows, double InitialLengthA);

/// <summary>The crack that was cut (kept on disk for a resumed run): atoms removed, net charge after, a and W in Å.</summary>
public sealed record CrackInfo(int RemovedBySlit, int RemovedForNeutrality, double NetChargeE, double HalfLengthA, double PeriodA, string Description, int AtomsAfter);

/// <summary>What a fracture run produced: both curves, their analyses, the crack, the relaxed pre-cracked structure.</summary>
public sealed record FractureJobResult(
    IReadOnlyList<StressStrainRow> UncrackedRows,
    TensileCurve UncrackedCurve,
    TensileResult UncrackedAnalysis,
    CrackInfo Crack,
    AtomSystem Relaxed,
    IReadOnlyList<StressStrainRow> CrackedRows,
    TensileCurve CrackedCurve,
    TensileResult Analysis,
    TensileAnalysisOptions Options,
    long AtomSteps,
    bool Cancelled,
    int ResumedRows);

/// <summary>
/// A fracture run end to end (SCIENCE.md §2-3): (1) an uncracked copy relaxed at zero stress and pulled to a small
/// strain for E and ν; (2) the crack cut, FIRE-minimized, relaxed (NVT, then zero stress under protocol A);
/// (3) the cracked box pulled until it separates or reaches the maximum strain; (4) the analysis with the
/// uncracked E and ν. With <see cref="CheckpointDir"/>, finished stages and every record of the pull are kept on
/// disk; with <see cref="Resume"/>, a run continues from them. The pull always starts from the relaxed structure as
/// written to disk (exact round trip) with a fresh force computer, so a resumed run equals an uninterrupted one.
/// </summary>
public sealed class FractureJob(AtomSystem glass, ForceField forceField, Func<IPairBackend> backend, FractureJobSettings settings)
{
    public string? CheckpointDir { get; init; }
    public bool Resume { get; init; }

    /// <summary>The uncracked pull of this glass when it was made elsewhere (stage 1 is then skipped), else null.</summary>
    public UncrackedPull? Uncracked { get; init; }

    /// <summary>Stage 1 alone: the uncracked box relaxed at zero stress and pulled to the modulus strain (for E and ν).</summary>
    public UncrackedPull PullUncracked(Action<string, double, double> report, CancellationToken cancel = default)
    {
        _bound = WithFixedMesh(glass);
        long atomSteps = 0;
        return PullUncracked(report, cancel, ref atomSteps);
    }

    private UncrackedPull PullUncracked(Action<string, double, double> report, CancellationToken cancel, ref long atomSteps)
    {
        var t = settings.Tension;
        var mt = settings.ModulusTension;
        var plain = glass.Clone();
        var plainForces = Bind(plain);
        // shells placed on their cores (add-shells) are far from their adiabatic positions: MD from there blows up
        if (plainForces.ForceField.CoreShell is not null) Fire.Minimize(plain, plainForces);
        report("uncracked box: relax at zero stress", 0, 1);
        Relax(plain, plainForces, settings.RelaxPs, t.TemperatureK, settings.Seed, npt: true, cancel, ref atomSteps, t.TimestepFs);
        var modulus = new TensilePull(plain, plainForces, mt);
        modulus.Run(settings.Seed, cancel, e => report("uncracked box (E, nu)", e, settings.ModulusStrain));
        atomSteps += plain.Count * StepsOf(mt, modulus.Rows.Count);
        if (modulus.Cancelled) throw Cancelled("the uncracked run");
        return new UncrackedPull(modulus.Rows, modulus.InitialLengthA);
    }

    /// <summary>Called at each record of the cracked run with the system (for dumps).</summary>
    public Action<StressStrainRow, AtomSystem, ForceComputer>? OnCrackedRecord { get; init; }

    /// <summary>
    /// Called with minimized (FIRE) copies of the pre-cracked box: the relaxed structure before the pull (strain 0,
    /// the bond-switching reference) and the pull at every <see cref="FractureJobSettings.SnapshotEveryStrain"/>.
    /// The pull itself is not disturbed: each copy has its own force computer.
    /// </summary>
    public Action<double, AtomSystem>? OnMinimizedSnapshot { get; init; }

    /// <summary>FIRE limits of the snapshots: an inherent-structure quench, enough to remove thermal rattling.</summary>
    public const double SnapshotForceToleranceEvPerA = 1e-3;
    public const int SnapshotMaxIterations = 400;

    private string? Ck(string name) => CheckpointDir is null ? null : Path.Combine(CheckpointDir, name);

    public FractureJobResult Run(Action<string, double, double> report, CancellationToken cancel = default)
    {
        _bound = WithFixedMesh(glass);
        var t = settings.Tension;
        long atomSteps = 0;
        if (CheckpointDir is not null) Directory.CreateDirectory(CheckpointDir);

        // (1) Uncracked modulus run (a minute; rerun from scratch on resume, same seed, same result).
        var mt = settings.ModulusTension;
        List<StressStrainRow> uncrackedRows;
        double uncrackedL0;
        string? uFile = Ck("uncracked.rows.csv");
        if (Uncracked is not null)
        {
            uncrackedRows = [.. Uncracked.Rows];
            uncrackedL0 = Uncracked.InitialLengthA;
        }
        else if (Resume && uFile is not null && File.Exists(uFile) && File.Exists(uFile + ".L0"))
        {
            uncrackedRows = StressStrainRow.ReadCsv(uFile);
            uncrackedL0 = double.Parse(File.ReadAllText(uFile + ".L0"), System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            var pull = PullUncracked(report, cancel, ref atomSteps);
            uncrackedRows = [.. pull.Rows];
            uncrackedL0 = pull.InitialLengthA;
            if (uFile is not null)
            {
                AtomicFile.Write(uFile, w => StressStrainRow.WriteCsv(w, uncrackedRows, t.Axis));
                AtomicFile.Write(uFile + ".L0", w => w.Write(uncrackedL0.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        var uncrackedCurve = TensilePull.CurveOf(uncrackedRows, mt, uncrackedL0);
        var uncrackedAnalysis = TensileAnalysis.Analyze(uncrackedCurve, new TensileAnalysisOptions(), "uncracked run");

        // (2) Pre-crack, minimize, relax; written to disk and read back.
        string relaxedFile = Ck("relaxed.data") ?? Path.Combine(Path.GetTempPath(), $"fracturelab-relaxed-{Environment.ProcessId}.data");
        string? crackFile = Ck("crack.json");
        CrackInfo crack;
        if (Resume && crackFile is not null && File.Exists(crackFile) && File.Exists(relaxedFile))
            crack = JsonSerializer.Deserialize<CrackInfo>(File.ReadAllText(crackFile))!;
        else
        {
            // the crack is cut from the glass as given, its charges (neutrality needs them) and core-shell pairs found by binding
            var charged = glass.Clone();
            var cut = PreCrack.Apply(charged, settings.Crack, Bind(charged).ForceField.CoreShell?.ShellOfEachCore());
            var cracked = cut.System;
            var relaxForces = Bind(cracked);
            report("pre-crack: minimize and relax", 0, 1);
            Fire.Minimize(cracked, relaxForces);
            // FIRE leaves the atoms nearly at rest: thermalize before the relaxation, or the thermostat spends it heating from ~0 K.
            Kinetics.AssignMaxwellBoltzmann(cracked, t.TemperatureK, settings.Seed + 1, relaxForces.ForceField.CoreShell);
            Relax(cracked, relaxForces, settings.RelaxPs / 2, t.TemperatureK, settings.Seed + 1, npt: false, cancel, ref atomSteps, t.TimestepFs);
            Relax(cracked, relaxForces, settings.RelaxPs / 2, t.TemperatureK, settings.Seed + 1, npt: t.Protocol == TensileProtocol.A, cancel, ref atomSteps, t.TimestepFs);
            crack = new CrackInfo(cut.RemovedBySlit, cut.RemovedForNeutrality, cut.NetChargeE, cut.HalfLengthA, cut.PeriodA, cut.Description, cracked.Count);
            LammpsDataWriter.Write(relaxedFile, cracked, $"FractureLab pre-cracked, relaxed: {cut.Description}");
            if (crackFile is not null) AtomicFile.Write(crackFile, w => w.Write(JsonSerializer.Serialize(crack)));
            if (cancel.IsCancellationRequested) throw Cancelled("the relaxation of the pre-cracked box");
        }
        var relaxed = LammpsDataReader.Read(relaxedFile, glass.TypeElements);
        if (CheckpointDir is null) File.Delete(relaxedFile);

        // (3) Tension until separation, from the relaxed structure or from the last record's checkpoint.
        string? tensionFile = Ck("tension.ckpt");
        bool resumeTension = Resume && tensionFile is not null && File.Exists(tensionFile);
        var system = resumeTension ? Checkpoint.ReadSystem(tensionFile!) : relaxed.Clone();
        var forces = Bind(system);
        bool snapshots = OnMinimizedSnapshot is not null && settings.SnapshotEveryStrain > 0;
        if (snapshots) OnMinimizedSnapshot!(0, Minimized(relaxed));
        var test = new TensilePull(system, forces, t, relaxed.Box.Length(t.Axis))
        {
            CheckpointPath = tensionFile,
            OnRecord = row =>
            {
                OnCrackedRecord?.Invoke(row, system, forces);
                if (snapshots && settings.TakesSnapshotAt(row.Strain)) OnMinimizedSnapshot!(row.Strain, Minimized(system));
            },
        };
        test.Run(settings.Seed + 2, cancel, e => report("pre-cracked box", e, t.MaxStrain), resumeTension);
        atomSteps += system.Count * StepsOf(t, test.Rows.Count - Math.Max(0, test.ResumedRows - 1));

        // (4) Analysis with the uncracked E and ν.
        var options = settings.AnalysisOptions(uncrackedAnalysis, crack);
        var curve = test.Curve();
        var analysis = TensileAnalysis.Analyze(curve, options, "pre-cracked run");
        return new FractureJobResult(uncrackedRows, uncrackedCurve, uncrackedAnalysis, crack, relaxed, test.Rows, curve, analysis, options, atomSteps, test.Cancelled, test.ResumedRows);
    }

    /// <summary>Cancellation before the pull: finished stages are on disk, so the run continues with --resume.</summary>
    private static OperationCanceledException Cancelled(string stage) =>
        new($"fracture run cancelled during {stage}; rerun with --resume");

    private ForceField? _bound;

    private ForceComputer Bind(AtomSystem s) =>
        new(new CompiledForceField(_bound ?? forceField, s), backend());

    /// <summary>
    /// The force field with a mesh-Ewald grid chosen automatically fixed once, on the glass: every stage and every
    /// minimized snapshot then binds the same mesh instead of tuning it again (and a resumed run uses the same one).
    /// </summary>
    private ForceField WithFixedMesh(AtomSystem g)
    {
        if (forceField.Coulomb.Method != Mechanics.Coulomb.CoulombMethod.Pppm || forceField.Coulomb.MeshGrid is not null) return forceField;
        var mesh = (Mechanics.Coulomb.MeshEwald)new CompiledForceField(forceField, g.Clone()).Reciprocal!;
        return forceField with { Coulomb = forceField.Coulomb with { MeshGrid = [.. mesh.Grid], MeshOrder = mesh.Order } };
    }

    /// <summary>A FIRE-minimized copy (positions only; the box is kept), with a force computer of its own.</summary>
    private AtomSystem Minimized(AtomSystem s)
    {
        var copy = s.Clone();
        Fire.Minimize(copy, Bind(copy), SnapshotForceToleranceEvPerA, SnapshotMaxIterations);
        return copy;
    }

    /// <summary>
    /// NVT, or NPT at zero stress on every periodic axis, at the tension's temperature for <paramref name="ps"/> ps with the
    /// tension's timestep (velocities drawn if the structure has none).
    /// </summary>
    private static void Relax(AtomSystem s, ForceComputer f, double ps, double temperatureK, int seed, bool npt, CancellationToken cancel, ref long atomSteps, double timestepFs)
    {
        if (ps <= 0) return;
        if (s.KineticEnergy() == 0) Kinetics.AssignMaxwellBoltzmann(s, temperatureK, seed, f.ForceField.CoreShell);
        double dtPs = timestepFs * MetalUnits.Femtosecond;
        long steps = (long)Math.Round(ps / dtPs);
        var ensemble = npt ? EnsembleSettings.Npt(temperatureK, 0.0, [.. s.Box.Periodic]) : EnsembleSettings.Nvt(temperatureK);
        new Simulation(s, f).Run([new Stage("relaxation", ensemble, steps, dtPs)], cancel: cancel);
        atomSteps += s.Count * steps;
    }

    private static long StepsOf(TensileSettings t, int rows) =>
        t.Protocol == TensileProtocol.C
            ? (rows - 1) * (long)Math.Round(t.HoldPs / (t.TimestepFs * MetalUnits.Femtosecond))
            : (rows - 1) * t.StepsPerRecord;
}

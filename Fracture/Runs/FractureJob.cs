using FractureLab.Fracture.Analysis;
using FractureLab.Fracture.Geometry;
using FractureLab.Fracture.Protocols;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Fracture.Runs;

/// <summary>
/// Settings of a fracture run: the crack, the tension, the strain of the uncracked modulus run (E and ν come
/// from an uncracked box of the same glass, SCIENCE.md §3) and its strain rate as a fraction of the tension's
/// (slower, so the lateral barostat follows and the slope is E, not the longitudinal modulus), the relaxation
/// at zero stress before each pull (ps), and the seed of the velocities.
/// </summary>
public sealed record FractureJobSettings(
    PreCrackSpec Crack,
    TensileSettings Tension,
    double ModulusStrain = 0.02,
    double RelaxPs = 2.0,
    int Seed = 1,
    double ModulusRateFactor = 0.25)
{
    public TensileAnalysisOptions AnalysisOptions(TensileResult uncracked, PreCrackResult crack) => new(
        YoungsModulusGpa: uncracked.YoungsModulusGpa,
        PoissonRatio: uncracked.PoissonRatio,
        CrackHalfLengthA: Crack.Kind == CrackKind.Centre ? crack.HalfLengthA : null,
        PeriodA: Crack.Kind == CrackKind.Centre ? crack.PeriodA : null,
        FixedLateral: Tension.Protocol != TensileProtocol.A);
}

/// <summary>What a fracture run produced: both curves, their analyses, the crack that was cut, the final structure.</summary>
public sealed record FractureJobResult(
    TensileTest Uncracked,
    TensileResult UncrackedAnalysis,
    PreCrackResult Crack,
    AtomSystem Relaxed,
    TensileTest Cracked,
    TensileResult Analysis,
    TensileAnalysisOptions Options,
    long AtomSteps,
    bool Cancelled);

/// <summary>
/// A fracture run end to end (SCIENCE.md §2-3): (1) an uncracked copy pulled to a small strain under the same
/// protocol for E and ν; (2) the crack cut, FIRE-minimized and relaxed in NVT; (3) the cracked box pulled until it
/// separates or reaches the maximum strain; (4) the analysis with the uncracked E and ν. <paramref name="backend"/>
/// makes one back end per stage (each binds to its own system).
/// </summary>
public sealed class FractureJob(AtomSystem glass, ForceField forceField, Func<IPairBackend> backend, FractureJobSettings settings)
{
    /// <summary>Called at each record of the cracked run with the system (for dumps).</summary>
    public Action<StressStrainRow, AtomSystem, ForceComputer>? OnCrackedRecord { get; init; }

    public FractureJobResult Run(Action<string, double, double> report, CancellationToken cancel = default)
    {
        var t = settings.Tension;
        long atomSteps = 0;

        // (1) Uncracked modulus run.
        var plain = glass.Clone();
        var plainForces = Bind(plain);
        report("uncracked box: relax at zero stress", 0, 1);
        Relax(plain, plainForces, settings.RelaxPs, t.TemperatureK, settings.Seed, npt: true, cancel, ref atomSteps);
        var modulusSettings = t with
        {
            MaxStrain = settings.ModulusStrain,
            RecordEveryStrain = Math.Min(t.RecordEveryStrain, settings.ModulusStrain / 20),
            StrainRatePerS = t.StrainRatePerS * settings.ModulusRateFactor,
        };
        var uncracked = new TensileTest(plain, plainForces, modulusSettings);
        uncracked.Run(settings.Seed, cancel, e => report("uncracked box (E, nu)", e, settings.ModulusStrain));
        atomSteps += plain.Count * StepsOf(modulusSettings, uncracked);
        var uncrackedAnalysis = TensileAnalysis.Analyze(uncracked.Curve(), new TensileAnalysisOptions(FixedLateral: t.Protocol != TensileProtocol.A), "uncracked run");

        // (2) Pre-crack, minimize, relax.
        var crack = PreCrack.Apply(Charged(glass), settings.Crack);
        var cracked = crack.System;
        var forces = Bind(cracked);
        report("pre-crack: minimize and relax", 0, 1);
        Fire.Minimize(cracked, forces);
        Relax(cracked, forces, settings.RelaxPs / 2, t.TemperatureK, settings.Seed + 1, npt: false, cancel, ref atomSteps);
        Relax(cracked, forces, settings.RelaxPs / 2, t.TemperatureK, settings.Seed + 1, npt: t.Protocol == TensileProtocol.A, cancel, ref atomSteps);
        var relaxed = cracked.Clone();

        // (3) Tension until separation.
        var test = new TensileTest(cracked, forces, t) { OnRecord = row => OnCrackedRecord?.Invoke(row, cracked, forces) };
        test.Run(settings.Seed + 2, cancel, e => report("pre-cracked box", e, t.MaxStrain));
        atomSteps += cracked.Count * StepsOf(t, test);

        // (4) Analysis with the uncracked E and ν.
        var options = settings.AnalysisOptions(uncrackedAnalysis, crack);
        var analysis = TensileAnalysis.Analyze(test.Curve(), options, "pre-cracked run");
        return new FractureJobResult(uncracked, uncrackedAnalysis, crack, relaxed, test, analysis, options, atomSteps, uncracked.Cancelled || test.Cancelled);

        // The crack is cut from the glass as given, its charges set by binding the force field (neutrality needs them).
        AtomSystem Charged(AtomSystem g) { var c = g.Clone(); Bind(c); return c; }
    }

    private ForceComputer Bind(AtomSystem s) =>
        new(new CompiledForceField(forceField, s), backend());

    /// <summary>
    /// NVT, or NPT at zero stress on every periodic axis, at the tension's temperature for <paramref name="ps"/> ps
    /// (velocities drawn if the structure has none).
    /// </summary>
    private static void Relax(AtomSystem s, ForceComputer f, double ps, double temperatureK, int seed, bool npt, CancellationToken cancel, ref long atomSteps)
    {
        if (ps <= 0) return;
        if (s.KineticEnergy() == 0) Kinetics.AssignMaxwellBoltzmann(s, temperatureK, seed);
        IIntegrator integrator = npt ? new NoseHooverNpt(temperatureK, 0.0, [.. s.Box.Periodic]) : new NoseHooverNvt(temperatureK);
        var run = new MdRun(s, f, integrator, 0.001);
        run.Initialize();
        long steps = (long)Math.Round(ps / 0.001);
        run.Run(steps, 0, cancel);
        atomSteps += s.Count * steps;
    }

    private static long StepsOf(TensileSettings t, TensileTest test) =>
        t.Protocol == TensileProtocol.C
            ? (test.Rows.Count - 1) * (long)Math.Round(t.HoldPs / (t.TimestepFs * 1e-3))
            : (test.Rows.Count - 1) * t.StepsPerRecord;
}

using System.Globalization;
using FractureLab.Fracture.Geometry;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Minimizers;
using FractureLab.Mechanics.Simulation;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// Settings of K-controlled loading (SCIENCE.md §10; Rimsza, Jones &amp; Criscenti, JGR Solid Earth 2018): K from
/// <see cref="KStartMPa"/> in steps of <see cref="KStepMPa"/> up to <see cref="KMaxMPa"/> (MPa·m^0.5); the held outer layer
/// <see cref="BoundaryA"/> thick (≥ the force cut-off, so no inner atom feels the free outer surface); the slit's opening
/// (Å); the tip advance (Å) that counts as growth; the FIRE tolerance (eV/Å) and iterations per step (relaxation at 0 K);
/// plane strain or stress for κ; crack axis x and loading axis z by default (the front along the remaining, periodic axis).
/// With <see cref="TemperatureK"/> &gt; 0 each step relaxes by MD instead: <see cref="HoldPs"/> ps of Nosé-Hoover NVT at that
/// temperature (timestep <see cref="TimestepFs"/> fs) with the boundary layer held, the tip and J taken from the positions and
/// per-atom stress (kinetic part included) averaged over the second half of the hold, sampled every
/// <see cref="SampleEverySteps"/> steps; velocities drawn once (Maxwell-Boltzmann, <see cref="Seed"/>) and carried from step to step.
/// </summary>
public sealed record KFieldSettings(
    double KStartMPa = 0.1, double KStepMPa = 0.02, double KMaxMPa = 1.5, double BoundaryA = 10.0, double OpeningA = 4.0,
    double AdvanceA = 3.0, double ForceToleranceEvPerA = 1e-3, int MaxIterations = 3000, PlaneState State = PlaneState.Strain,
    int CrackAxis = 0, int LoadAxis = 2, double VacuumA = 12.0, bool ComputeJ = true, JOptions? J = null,
    double TemperatureK = 0, double HoldPs = 2.0, double TimestepFs = 1.0, int SampleEverySteps = 20, int Seed = 1)
{
    /// <summary>Whether each step relaxes by MD at <see cref="TemperatureK"/> (else FIRE at 0 K).</summary>
    public bool Thermal => TemperatureK > 0;

    /// <summary>MD steps of one hold.</summary>
    public long HoldSteps => (long)Math.Round(HoldPs / (TimestepFs * Mechanics.Units.MetalUnits.Femtosecond));

    public void Check()
    {
        if (!(KStartMPa > 0 && KStepMPa > 0 && KMaxMPa >= KStartMPa)) throw new InputException($"K-field: K from {KStartMPa} by {KStepMPa} to {KMaxMPa} MPa m^0.5 must be positive and increasing");
        if (!(BoundaryA > 0 && OpeningA > 0 && AdvanceA > 0)) throw new InputException("K-field: boundary thickness, opening and advance must be positive");
        if (!(TemperatureK >= 0 && double.IsFinite(TemperatureK))) throw new InputException($"K-field: temperature {TemperatureK} K must be 0 (FIRE at 0 K) or positive (MD)");
        if (Thermal && !(TimestepFs > 0 && TimestepFs <= 5)) throw new InputException($"K-field: timestep {TimestepFs} fs must lie in (0, 5]");
        if (Thermal && SampleEverySteps < 1) throw new InputException($"K-field: sample_every_steps {SampleEverySteps} must be at least 1");
        if (Thermal && HoldSteps < 2 * SampleEverySteps) throw new InputException($"K-field: a hold of {HoldPs} ps is {HoldSteps} steps, too short to average over its second half every {SampleEverySteps} steps");
    }
}

/// <summary>A slab for K-controlled loading: the atoms (free in-plane, periodic along the front), the held boundary layer, the reference positions, the tip.</summary>
public sealed class KFieldSlab
{
    public required AtomSystem System { get; init; }
    public required bool[] Boundary { get; init; }
    /// <summary>Positions (Å, 3 per atom) of the relaxed unloaded slab, the origin of the K-field displacements.</summary>
    public required double[] Reference { get; init; }
    public required double TipX { get; init; }
    public required double TipZ { get; init; }
    /// <summary>The inner region's bounds along x and z (inside the boundary layer), Å.</summary>
    public required double[] InnerLo { get; init; }
    public required double[] InnerHi { get; init; }
    public required double DensityAmuPerA3 { get; init; }
    public required string Description { get; init; }
    /// <summary>Core-shell ions: each core's shell (index in <see cref="System"/>), −1 for the rest; null for rigid ions.</summary>
    public int[]? ShellOf { get; init; }
}

/// <summary>
/// One K step: K, the tip, its advance, J from the atoms (J/m²) and its path spread, the relaxation (FIRE iterations and
/// whether it converged, or the MD steps of the hold), the potential energy at its end (eV) and, for MD, the mean
/// temperature of the moving atoms over the averaging window (K; NaN at 0 K).
/// </summary>
public sealed record KFieldStep(double KMPa, double TipXA, double AdvanceA, double JJPerM2, double JSpread, double ExpectedJJPerM2, int Iterations, bool Converged, double EnergyEv,
    double TemperatureK = double.NaN)
{
    /// <summary>The header of kfield.csv, one row per step (<see cref="ToCsv"/>).</summary>
    public const string CsvHeader = "K_MPa_sqrt_m,tip_x_A,advance_A,J_atoms_J_m2,J_spread,K2_over_Eprime_J_m2,relax_iterations,converged,energy_eV,temperature_K";

    public string ToCsv()
    {
        static string N(double v) => double.IsFinite(v) ? v.ToString("G8", CultureInfo.InvariantCulture) : "";
        return $"{N(KMPa)},{N(TipXA)},{N(AdvanceA)},{N(JJPerM2)},{N(JSpread)},{N(ExpectedJJPerM2)},{Iterations},{(Converged ? 1 : 0)},{N(EnergyEv)},{N(TemperatureK)}";
    }
}

/// <summary>The R-curve of a K-field loading and K_Ic: the first K after which the tip stays advanced by more than the threshold.</summary>
public sealed record KFieldResult(IReadOnlyList<KFieldStep> Steps, double? KIcMPa, string How);

/// <summary>
/// K-controlled boundary loading (SCIENCE.md §10): a slab periodic along the crack front and free in-plane, a straight crack
/// from the boundary to the centre, an outer layer held at the isotropic LEFM K_I displacement field u(K) of the material's
/// own E and ν (κ = 3 − 4ν in plane strain) about the relaxed unloaded slab; K raised in steps, the inside relaxed by FIRE
/// after each (0 K), the tip tracked from the void. K_Ic is where the tip first advances by more than a set distance and
/// keeps advancing; the R-curve K(Δa) is the output; J from the atoms at each step checks the loading (J = K²/E′ while the
/// crack stands).
/// </summary>
public static class KFieldLoading
{
    /// <summary>
    /// The slab from a periodic glass (charges set): x and z made free with <see cref="KFieldSettings.VacuumA"/> of vacuum, a slit
    /// of the opening from the lower x boundary to the centre on the mid plane, atoms removed for neutrality nearest the
    /// slit, and the boundary layer marked. The slab is minimized with the boundary held before it is the reference. With
    /// core-shell ions (<paramref name="shellOf"/>: each core's shell in <paramref name="glass"/>, −1 otherwise) the slit and
    /// the neutrality cut whole ions and a shell is held when its core is.
    /// </summary>
    public static KFieldSlab Build(AtomSystem glass, KFieldSettings k, ForceComputerFactory forces, int[]? shellOf = null)
    {
        k.Check();
        int xa = k.CrackAxis, za = k.LoadAxis;
        var s = glass.Clone();
        s.WrapIntoBox();
        var lo = (double[])s.Box.Lo.Clone(); var hi = (double[])s.Box.Hi.Clone();
        double tipX = lo[xa] + 0.5 * (hi[xa] - lo[xa]), tipZ = lo[za] + 0.5 * (hi[za] - lo[za]);
        var px = s.Positions(xa); var pz = s.Positions(za);
        var removed = new bool[s.Count];
        for (int i = 0; i < s.Count; i++) removed[i] = px[i] <= tipX && Math.Abs(pz[i] - tipZ) < 0.5 * k.OpeningA;
        FollowCores(removed, shellOf);
        int slit = removed.Count(b => b);
        int extra = PreCrack.Neutralize(s, removed, i => Math.Abs(pz[i] - tipZ) + Math.Max(0, px[i] - tipX), out double net, shellOf);
        var slab = s.Subset(Enumerable.Range(0, s.Count).Where(i => !removed[i]).ToList());
        for (int a = 0; a < slab.Box.Periodic.Length; a++) slab.Box.Periodic[a] = a != xa && a != za;
        var newLo = (double[])lo.Clone(); var newHi = (double[])hi.Clone();
        foreach (int a in new[] { xa, za }) { newLo[a] -= k.VacuumA; newHi[a] += k.VacuumA; }
        var boxed = Rebox(slab, new Box(newLo, newHi, slab.Box.Periodic));
        double[] innerLo = [lo[xa] + k.BoundaryA, lo[za] + k.BoundaryA], innerHi = [hi[xa] - k.BoundaryA, hi[za] - k.BoundaryA];
        if (!(innerHi[0] - tipX > 2 * k.BoundaryA / 2 && innerHi[1] - innerLo[1] > 2 * k.OpeningA))
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"K-field: the slab ({hi[xa] - lo[xa]:0.0} x {hi[za] - lo[za]:0.0} A) leaves too little inside a {k.BoundaryA:0.0} A boundary layer; replicate the structure"));
        var bx = boxed.Positions(xa); var bz = boxed.Positions(za);
        var boundary = new bool[boxed.Count];
        for (int i = 0; i < boxed.Count; i++)
            boundary[i] = bx[i] < innerLo[0] || bx[i] > innerHi[0] || bz[i] < innerLo[1] || bz[i] > innerHi[1];
        var fc = forces(boxed);
        var slabShellOf = shellOf is null ? null : fc.ForceField.CoreShell?.ShellOfEachCore(); // the pairs as the slab's force field binds them
        FollowCores(boundary, slabShellOf);
        // the held layer's shells relax with the inside here (they were placed on their cores), then are held at that offset
        var frozen = (bool[])boundary.Clone();
        if (slabShellOf is not null) foreach (int h in slabShellOf) if (h >= 0) frozen[h] = false;
        Fire.Minimize(boxed, fc, k.ForceToleranceEvPerA, k.MaxIterations, frozen: frozen);
        double density = glass.TotalMass() / glass.Box.Volume;
        return new KFieldSlab
        {
            System = boxed, Boundary = boundary, Reference = Positions(boxed), TipX = tipX, TipZ = tipZ, InnerLo = innerLo, InnerHi = innerHi, DensityAmuPerA3 = density, ShellOf = slabShellOf,
            Description = string.Create(CultureInfo.InvariantCulture,
                $"slab {hi[xa] - lo[xa]:0.0} x {hi[za] - lo[za]:0.0} A in-plane, free with {k.VacuumA:0} A vacuum, periodic along the front; edge crack to the centre, opening {k.OpeningA:0.0} A; {slit} atoms removed by the slit, {extra} for neutrality (net {net:0.######} e); {boundary.Count(b => b)} of {boxed.Count} atoms in the {k.BoundaryA:0.0} A boundary layer"),
        };
    }

    /// <summary>Each shell takes its core's flag (<paramref name="shellOf"/> as in <see cref="Build"/>): an ion is cut or held whole.</summary>
    private static void FollowCores(bool[] flags, int[]? shellOf)
    {
        if (shellOf is null) return;
        for (int i = 0; i < shellOf.Length; i++) if (shellOf[i] >= 0) flags[shellOf[i]] = flags[i];
    }

    /// <summary>The K-field displacement (Å) of an atom at reference position (x, z) about the tip, for K in MPa·m^0.5.</summary>
    public static (double Ux, double Uz) Displacement(double kMPa, double youngsGpa, double poisson, PlaneState state, double tipX, double tipZ, double x, double z)
    {
        double dx = x - tipX, dz = z - tipZ;
        double r = Math.Sqrt(dx * dx + dz * dz);
        if (r < 1e-12) return (0, 0);
        return KField.Displacement(kMPa * KField.GpaSqrtAPerMPaSqrtM, youngsGpa, poisson, state, r, Math.Atan2(dz, dx));
    }

    /// <summary>Places every atom of <paramref name="mask"/> (all when null) at its reference position plus u(K).</summary>
    public static void Apply(KFieldSlab slab, double kMPa, double youngsGpa, double poisson, KFieldSettings k, bool[]? mask = null)
    {
        var s = slab.System;
        int xa = k.CrackAxis, za = k.LoadAxis;
        for (int i = 0; i < s.Count; i++)
        {
            if (mask is not null && !mask[i]) continue;
            double x0 = slab.Reference[3 * i + xa], z0 = slab.Reference[3 * i + za];
            var (ux, uz) = Displacement(kMPa, youngsGpa, poisson, k.State, slab.TipX, slab.TipZ, x0, z0);
            s.Positions(xa)[i] = x0 + ux;
            s.Positions(za)[i] = z0 + uz;
            int ya = 3 - xa - za;
            s.Positions(ya)[i] = slab.Reference[3 * i + ya];
        }
    }

    /// <summary>
    /// Raises K step by step: the boundary layer is placed at u(K) and held there, the inside moved by the field's increment
    /// from its last relaxed state and relaxed (FIRE at 0 K, or an MD hold at <see cref="KFieldSettings.TemperatureK"/>); the
    /// tip is found from the void; J from the atoms at every step. Stops once the tip has run past half the way to the
    /// boundary layer, or at K_max.
    /// </summary>
    public static KFieldResult Run(KFieldSlab slab, ForceComputer forces, double youngsGpa, double poisson, KFieldSettings k,
        Action<KFieldStep>? onStep = null, CancellationToken cancel = default)
    {
        var steps = new List<KFieldStep>();
        double ePrime = KField.EffectiveModulus(youngsGpa, poisson, k.State);
        double? tip0 = null;
        var jo = k.J ?? new JOptions();
        int n = (int)Math.Floor((k.KMaxMPa - k.KStartMPa) / k.KStepMPa + 1e-9) + 1;
        var interiorPrev = Positions(slab.System);
        double kPrev = 0;
        if (k.Thermal) StartVelocities(slab, forces, k);
        for (int step = 0; step < n && !cancel.IsCancellationRequested; step++)
        {
            double kNow = k.KStartMPa + step * k.KStepMPa;
            // Boundary at u(K); the inside moved by the field's increment from its last relaxed state.
            Apply(slab, kNow, youngsGpa, poisson, k, slab.Boundary);
            AddIncrement(slab, interiorPrev, kPrev, kNow, youngsGpa, poisson, k);
            var relax = k.Thermal ? Hold(slab, forces, k, cancel) : Relaxed.Of(Fire.Minimize(slab.System, forces, k.ForceToleranceEvPerA, k.MaxIterations, frozen: slab.Boundary), slab, forces, k);
            if (cancel.IsCancellationRequested) break;
            interiorPrev = Positions(slab.System);
            kPrev = kNow;
            var (tip, j, spread) = Measure(slab, relax.Positions, relax.StressBarA3, k, jo);
            tip0 ??= tip;
            double advance = double.IsFinite(tip) && tip0 is { } t0 && double.IsFinite(t0) ? tip - t0 : double.NaN;
            var row = new KFieldStep(kNow, tip, advance, j, spread, KField.EnergyReleaseRateJPerM2(kNow, ePrime), relax.Iterations, relax.Converged, relax.EnergyEv, relax.TemperatureK);
            steps.Add(row);
            onStep?.Invoke(row);
            if (!double.IsFinite(tip) || tip > slab.TipX + 0.5 * (slab.InnerHi[0] - slab.TipX)) break;
        }
        return Onset(steps, k);
    }

    /// <summary>K_Ic from an R-curve: the first step after which every step's advance exceeds the threshold (a tip that ran off counts as advanced).</summary>
    public static KFieldResult Onset(IReadOnlyList<KFieldStep> steps, KFieldSettings k)
    {
        int first = -1;
        for (int i = steps.Count - 1; i >= 0 && (!double.IsFinite(steps[i].AdvanceA) || steps[i].AdvanceA > k.AdvanceA); i--) first = i;
        if (first < 0) return new KFieldResult(steps, null, string.Create(CultureInfo.InvariantCulture, $"the tip did not advance by more than {k.AdvanceA} A up to K = {steps[^1].KMPa:0.000}: K_Ic is above it"));
        return new KFieldResult(steps, steps[first].KMPa, string.Create(CultureInfo.InvariantCulture,
            $"first K after which the tip stays more than {k.AdvanceA} A ahead of its start (step {first + 1} of {steps.Count})"));
    }

    /// <summary>
    /// The tip (Å along x) and J from the atoms (J/m², mean over the domains, and its relative spread) of the slab with its
    /// atoms at <paramref name="positions"/> (Å, 3 per atom: the relaxed or time-averaged ones) and per-atom stress
    /// <paramref name="stressBarA3"/> (6 columns, bar·Å³; null when J is not computed).
    /// </summary>
    public static (double TipX, double J, double Spread) Measure(KFieldSlab slab, double[] positions, double[][]? stressBarA3, KFieldSettings k, JOptions jo)
    {
        // core-shell ions: the fields of the ions (IonFrames), each its core's position with its core's and shell's stress
        var shellOf = slab.ShellOf;
        int[] ion = shellOf is null ? [.. Enumerable.Range(0, slab.System.Count)] : IonFrames.Kept(shellOf);
        var s = shellOf is null ? slab.System.Clone() : IonFrames.IonSystem(slab.System, shellOf);
        var u = new double[3 * s.Count];
        for (int n = 0; n < s.Count; n++)
        {
            int i = ion[n];
            s.X[n] = positions[3 * i]; s.Y[n] = positions[3 * i + 1]; s.Z[n] = positions[3 * i + 2];
            for (int a = 0; a < 3; a++) u[3 * n + a] = positions[3 * i + a] - slab.Reference[3 * i + a];
        }
        var stress = stressBarA3 is null ? Enumerable.Range(0, 6).Select(_ => new double[s.Count]).ToArray()
            : shellOf is null ? stressBarA3 : [.. stressBarA3.Select(c => IonFrames.Fold(c, shellOf, ion, sum: true))];
        var f = HardyFields.Compute(s, u, stress, k.CrackAxis, k.LoadAxis, jo.KernelWidthA, jo.SpacingA, periodic: false, meanDensity: slab.DensityAmuPerA3);
        double tip = CrackTips.Edge(f, slab.TipX - 2 * k.OpeningA, slab.TipZ, +1) ?? double.NaN;
        if (stressBarA3 is null || !double.IsFinite(tip)) return (tip, double.NaN, double.NaN);
        double room = Math.Min(slab.InnerHi[0] - tip, 0.5 * (slab.InnerHi[1] - slab.InnerLo[1]));
        var values = jo.Fractions.Select(q => q * room).Where(o => o > 2 * Math.Max(f.Hx, f.Hz)).Select(o => JIntegral.Domain(f, tip, slab.TipZ, +1, o / 2, o)).ToList();
        if (values.Count == 0) return (tip, double.NaN, double.NaN);
        var (mean, sd, _) = Campaigns.CampaignAggregate.Describe(values);
        return (tip, mean, values.Count > 1 ? sd / Math.Abs(mean) : double.NaN);
    }

    /// <summary>The per-atom stress (bar·Å³, 6 columns, kinetic part included) of the slab as it stands, or null when J is not computed.</summary>
    private static double[][]? Stress(KFieldSlab slab, ForceComputer forces, KFieldSettings k)
    {
        if (!k.ComputeJ) return null;
        var r = forces.Compute(slab.System, perAtomVirial: true);
        var stress = slab.System.PerAtomStressBarA3(r.PerAtomVirial!);
        HostDynamics.ZeroHeld(slab.System, slab.Boundary);
        return stress;
    }

    /// <summary>What one step's relaxation left: the positions and stress the step is measured on, and how it went.</summary>
    private sealed record Relaxed(double[] Positions, double[][]? StressBarA3, int Iterations, bool Converged, double EnergyEv, double TemperatureK)
    {
        public static Relaxed Of(MinimizationResult m, KFieldSlab slab, ForceComputer forces, KFieldSettings k) =>
            new(KFieldLoading.Positions(slab.System), Stress(slab, forces, k), m.Iterations, m.Converged, m.EnergyEv, double.NaN);
    }

    /// <summary>Maxwell-Boltzmann velocities at the temperature on the moving atoms, the held ones at rest, scaled so the moving atoms are at exactly T.</summary>
    private static void StartVelocities(KFieldSlab slab, ForceComputer forces, KFieldSettings k)
    {
        Kinetics.AssignMaxwellBoltzmann(slab.System, k.TemperatureK, k.Seed);
        HostDynamics.ZeroHeld(slab.System, slab.Boundary, velocities: true);
        double t = new HostDynamics(slab.System, forces, slab.Boundary).TemperatureK();
        if (t > 0) Kinetics.ScaleVelocities(slab.System, Math.Sqrt(k.TemperatureK / t));
    }

    /// <summary>
    /// One MD hold (Nosé-Hoover NVT at T, the boundary held) through the simulation runner, with the positions, per-atom
    /// stress and temperature averaged over its second half (every <see cref="KFieldSettings.SampleEverySteps"/> steps).
    /// </summary>
    private static Relaxed Hold(KFieldSlab slab, ForceComputer forces, KFieldSettings k, CancellationToken cancel)
    {
        var stage = new Stage("kfield-hold", EnsembleSettings.Nvt(k.TemperatureK), k.HoldSteps, k.TimestepFs * Mechanics.Units.MetalUnits.Femtosecond)
        {
            Held = slab.Boundary,
            Runaway = RunawayLimits.Default with { TargetTemperatureK = k.TemperatureK },
        };
        var window = new HoldAverage(slab, forces, k);
        new Simulation(slab.System, forces).Run([stage], [window], cancel);
        return window.Result(forces.Last.PotentialEnergy);
    }

    /// <summary>Running means over the second half of a hold: positions (unwrapped: the slab is free in-plane and the front axis is not crossed by averaging within a step), stress, temperature.</summary>
    private sealed class HoldAverage(KFieldSlab slab, ForceComputer forces, KFieldSettings k) : ISimulationObserver
    {
        private readonly double[] _positions = new double[3 * slab.System.Count];
        private double[][]? _stress;
        private double _temperature;
        private int _samples;
        private double[]? _first;

        public long Interval => k.SampleEverySteps;

        public bool AtInterval(MdRun run)
        {
            if (run.Step <= k.HoldSteps / 2) return true;
            var s = slab.System;
            var now = Positions(s);
            // positions along the periodic front axis are averaged about the first sample's image, so an atom that crosses
            // the boundary during the window is not averaged across the box
            _first ??= now;
            int ya = 3 - k.CrackAxis - k.LoadAxis;
            double ly = s.Box.Length(ya);
            for (int i = 0; i < s.Count; i++)
            {
                for (int a = 0; a < 3; a++)
                {
                    double v = now[3 * i + a];
                    if (a == ya) v -= ly * Math.Round((v - _first[3 * i + a]) / ly);
                    _positions[3 * i + a] += v;
                }
            }
            if (Stress(slab, forces, k) is { } stress)
            {
                _stress ??= Enumerable.Range(0, 6).Select(_ => new double[s.Count]).ToArray();
                for (int c = 0; c < 6; c++) for (int i = 0; i < s.Count; i++) _stress[c][i] += stress[c][i];
            }
            _temperature += new HostDynamics(s, forces, slab.Boundary).TemperatureK();
            _samples++;
            return true;
        }

        public Relaxed Result(double energyEv)
        {
            if (_samples == 0) return new Relaxed(Positions(slab.System), Stress(slab, forces, k), (int)k.HoldSteps, false, energyEv, double.NaN);
            for (int i = 0; i < _positions.Length; i++) _positions[i] /= _samples;
            if (_stress is not null) foreach (var col in _stress) for (int i = 0; i < col.Length; i++) col[i] /= _samples;
            return new Relaxed(_positions, _stress, (int)k.HoldSteps, true, energyEv, _temperature / _samples);
        }
    }

    private static void AddIncrement(KFieldSlab slab, double[] previous, double kPrev, double kNow, double e, double nu, KFieldSettings k)
    {
        var s = slab.System;
        int xa = k.CrackAxis, za = k.LoadAxis;
        for (int i = 0; i < s.Count; i++)
        {
            if (slab.Boundary[i]) continue;
            double x0 = slab.Reference[3 * i + xa], z0 = slab.Reference[3 * i + za];
            var (ux1, uz1) = Displacement(kNow, e, nu, k.State, slab.TipX, slab.TipZ, x0, z0);
            var (ux0, uz0) = Displacement(kPrev, e, nu, k.State, slab.TipX, slab.TipZ, x0, z0);
            for (int a = 0; a < 3; a++) s.Positions(a)[i] = previous[3 * i + a];
            s.Positions(xa)[i] += ux1 - ux0;
            s.Positions(za)[i] += uz1 - uz0;
        }
    }

    internal static double[] Positions(AtomSystem s)
    {
        var p = new double[3 * s.Count];
        for (int i = 0; i < s.Count; i++) for (int a = 0; a < 3; a++) p[3 * i + a] = s.Positions(a)[i];
        return p;
    }

    private static AtomSystem Rebox(AtomSystem s, Box box)
    {
        var c = new AtomSystem(s.Count, s.TypeElements, s.TypeMasses, box);
        for (int i = 0; i < s.Count; i++)
        {
            c.X[i] = s.X[i]; c.Y[i] = s.Y[i]; c.Z[i] = s.Z[i];
            c.Type[i] = s.Type[i]; c.Charge[i] = s.Charge[i]; c.Id[i] = s.Id[i];
            c.ImageY[i] = s.ImageY[i];
        }
        return c;
    }
}

/// <summary>Binds a force field to a system: a fresh force computer for it.</summary>
public delegate ForceComputer ForceComputerFactory(AtomSystem system);

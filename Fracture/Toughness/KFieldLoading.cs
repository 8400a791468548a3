using System.Globalization;
using FractureLab.Fracture.Geometry;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.Minimizers;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// Settings of K-controlled loading (SCIENCE.md §10; Rimsza, Jones &amp; Criscenti, JGR Solid Earth 2018): K from
/// <see cref="KStartMPa"/> in steps of <see cref="KStepMPa"/> up to <see cref="KMaxMPa"/> (MPa·m^0.5); the held outer layer
/// <see cref="BoundaryA"/> thick (≥ the force cut-off, so no inner atom feels the free outer surface); the slit's opening
/// (Å); the tip advance (Å) that counts as growth; the FIRE tolerance (eV/Å) and iterations per step (relaxation at 0 K);
/// plane strain or stress for κ; crack axis x and loading axis z by default (the front along the remaining, periodic axis).
/// </summary>
public sealed record KFieldSettings(
    double KStartMPa = 0.1, double KStepMPa = 0.02, double KMaxMPa = 1.5, double BoundaryA = 10.0, double OpeningA = 4.0,
    double AdvanceA = 3.0, double ForceToleranceEvPerA = 1e-3, int MaxIterations = 3000, PlaneState State = PlaneState.Strain,
    int CrackAxis = 0, int LoadAxis = 2, double VacuumA = 12.0, bool ComputeJ = true, JOptions? J = null)
{
    public void Check()
    {
        if (!(KStartMPa > 0 && KStepMPa > 0 && KMaxMPa >= KStartMPa)) throw new InputException($"K-field: K from {KStartMPa} by {KStepMPa} to {KMaxMPa} MPa m^0.5 must be positive and increasing");
        if (!(BoundaryA > 0 && OpeningA > 0 && AdvanceA > 0)) throw new InputException("K-field: boundary thickness, opening and advance must be positive");
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
}

/// <summary>One K step: K, the tip, its advance, J from the atoms (J/m²) and its path spread, the FIRE result.</summary>
public sealed record KFieldStep(double KMPa, double TipXA, double AdvanceA, double JJPerM2, double JSpread, double ExpectedJJPerM2, int Iterations, bool Converged, double EnergyEv)
{
    /// <summary>The header of kfield.csv, one row per step (<see cref="ToCsv"/>).</summary>
    public const string CsvHeader = "K_MPa_sqrt_m,tip_x_A,advance_A,J_atoms_J_m2,J_spread,K2_over_Eprime_J_m2,fire_iterations,converged,energy_eV";

    public string ToCsv()
    {
        static string N(double v) => double.IsFinite(v) ? v.ToString("G8", CultureInfo.InvariantCulture) : "";
        return $"{N(KMPa)},{N(TipXA)},{N(AdvanceA)},{N(JJPerM2)},{N(JSpread)},{N(ExpectedJJPerM2)},{Iterations},{(Converged ? 1 : 0)},{N(EnergyEv)}";
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
    /// slit, and the boundary layer marked. The slab is minimized with the boundary held before it is the reference.
    /// </summary>
    public static KFieldSlab Build(AtomSystem glass, KFieldSettings k, ForceComputerFactory forces)
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
        int slit = removed.Count(b => b);
        int extra = PreCrack.Neutralize(s, removed, i => Math.Abs(pz[i] - tipZ) + Math.Max(0, px[i] - tipX), out double net);
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
        Fire.Minimize(boxed, fc, k.ForceToleranceEvPerA, k.MaxIterations, frozen: boundary);
        double density = glass.TotalMass() / glass.Box.Volume;
        return new KFieldSlab
        {
            System = boxed, Boundary = boundary, Reference = Positions(boxed), TipX = tipX, TipZ = tipZ, InnerLo = innerLo, InnerHi = innerHi, DensityAmuPerA3 = density,
            Description = string.Create(CultureInfo.InvariantCulture,
                $"slab {hi[xa] - lo[xa]:0.0} x {hi[za] - lo[za]:0.0} A in-plane, free with {k.VacuumA:0} A vacuum, periodic along the front; edge crack to the centre, opening {k.OpeningA:0.0} A; {slit} atoms removed by the slit, {extra} for neutrality (net {net:0.######} e); {boundary.Count(b => b)} of {boxed.Count} atoms in the {k.BoundaryA:0.0} A boundary layer"),
        };
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
    /// Raises K step by step: the whole slab is first placed at u(K) (a good start for the relaxation), the boundary layer
    /// held there, the inside relaxed by FIRE; the tip is found from the void; J from the atoms at every step. Stops once the
    /// tip has run past half the way to the boundary layer, or at K_max.
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
        for (int step = 0; step < n && !cancel.IsCancellationRequested; step++)
        {
            double kNow = k.KStartMPa + step * k.KStepMPa;
            // Boundary at u(K); the inside moved by the field's increment from its last relaxed state.
            Apply(slab, kNow, youngsGpa, poisson, k, slab.Boundary);
            AddIncrement(slab, interiorPrev, kPrev, kNow, youngsGpa, poisson, k);
            var min = Fire.Minimize(slab.System, forces, k.ForceToleranceEvPerA, k.MaxIterations, frozen: slab.Boundary);
            interiorPrev = Positions(slab.System);
            kPrev = kNow;
            var (tip, j, spread) = Measure(slab, forces, k, jo);
            tip0 ??= tip;
            double advance = double.IsFinite(tip) && tip0 is { } t0 && double.IsFinite(t0) ? tip - t0 : double.NaN;
            var row = new KFieldStep(kNow, tip, advance, j, spread, KField.EnergyReleaseRateJPerM2(kNow, ePrime), min.Iterations, min.Converged, min.EnergyEv);
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

    /// <summary>The tip (Å along x) and J from the atoms (J/m², mean over the domains, and its relative spread).</summary>
    public static (double TipX, double J, double Spread) Measure(KFieldSlab slab, ForceComputer forces, KFieldSettings k, JOptions jo)
    {
        var s = slab.System;
        var r = forces.Compute(s, perAtomVirial: k.ComputeJ);
        var u = new double[3 * s.Count];
        for (int i = 0; i < s.Count; i++) for (int a = 0; a < 3; a++) u[3 * i + a] = s.Positions(a)[i] - slab.Reference[3 * i + a];
        var stress = k.ComputeJ ? s.PerAtomStressBarA3(r.PerAtomVirial!) : Enumerable.Range(0, 6).Select(_ => new double[s.Count]).ToArray();
        var f = HardyFields.Compute(s, u, stress, k.CrackAxis, k.LoadAxis, jo.KernelWidthA, jo.SpacingA, periodic: false, meanDensity: slab.DensityAmuPerA3);
        double tip = CrackTips.Edge(f, slab.TipX - 2 * k.OpeningA, slab.TipZ, +1) ?? double.NaN;
        if (!k.ComputeJ || !double.IsFinite(tip)) return (tip, double.NaN, double.NaN);
        double room = Math.Min(slab.InnerHi[0] - tip, 0.5 * (slab.InnerHi[1] - slab.InnerLo[1]));
        var values = jo.Fractions.Select(q => q * room).Where(o => o > 2 * Math.Max(f.Hx, f.Hz)).Select(o => JIntegral.Domain(f, tip, slab.TipZ, +1, o / 2, o)).ToList();
        if (values.Count == 0) return (tip, double.NaN, double.NaN);
        var (mean, sd, _) = Campaigns.CampaignAggregate.Describe(values);
        return (tip, mean, values.Count > 1 ? sd / Math.Abs(mean) : double.NaN);
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

    private static double[] Positions(AtomSystem s)
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

using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Neighbors;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// Computes forces, energies and the virial of a system: keeps the neighbor list current, runs the
/// chosen back end's pair loop, then adds the Coulomb self energy and the Ewald reciprocal part
/// (shared by all back ends). Checks the result for NaN/Inf so an exploding run stops with a message.
/// </summary>
public sealed class ForceComputer
{
    public CompiledForceField ForceField { get; }
    public IPairBackend Backend { get; }
    public NeighborList List { get; }
    public ForceResult Last { get; } = new();

    public ForceComputer(CompiledForceField ff, IPairBackend backend, double skin = 2.0)
    {
        ForceField = ff;
        Backend = backend;
        // The springs and the exclusions are added on the host after any back end's pair loop (CoreShellTerm). The Gpu back end
        // in mixed precision is refused: float32 positions (about 2e-6 Å at 30 Å) would put an error of a few hundredths of an
        // eV into the pair term of a core and its shell 0.05 Å apart, which the host then removes in double.
        if (ff.CoreShell is not null && backend is Gpu.GpuBackend { Precision: PairPrecision.Mixed })
            throw new InputException($"{ff.Definition.Name}: core-shell ions on the Gpu back end need --precision double (float32 positions cannot resolve a shell 0.05 Å from its core)");
        List = new NeighborList(ff.MaxCutoff, skin) { StorePairs = backend.UsesHostNeighborList, Threads = backend.Threads };
    }

    /// <summary>
    /// Forces, energies and the virial; with <paramref name="perAtomVirial"/> also the per-atom virial and, where the back end
    /// has it, the per-atom energy. With <paramref name="totals"/> false the back end may skip the energies and the virial
    /// (<see cref="ForceResult.HasTotals"/> says whether it did): for MD steps that record nothing.
    /// </summary>
    public ForceResult Compute(AtomSystem s, bool perAtomVirial = false, bool totals = true)
    {
        if (List.NeedsRebuild(s)) List.Build(s);
        else List.UpdateShifts(s.Box);
        var r = Last;
        r.Clear();
        r.TotalsRequested = totals || perAtomVirial;
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        Backend.ComputePairs(s, List, ForceField, r, perAtomVirial);
        ForceField.CoreShell?.Add(s, ForceField, r);
        PairSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        AddSelfAndKSpace(s, r);
        return r;
    }

    /// <summary>Wall-clock seconds in the host pair loop (and the core-shell springs) so far: LAMMPS's "Pair" timer.</summary>
    public double PairSeconds { get; private set; }

    /// <summary>Wall-clock seconds in the reciprocal (mesh or Ewald) part so far: LAMMPS's "Kspace" timer.</summary>
    public double KSpaceSeconds { get; private set; }

    /// <summary>
    /// Per-atom energy and virial of <paramref name="s"/> (LAMMPS compute pe/atom and stress/atom) from the Reference back
    /// end on a copy, so neither the system's forces nor this computer's list change (a run's trajectory stays as without it).
    /// </summary>
    public ForceResult PerAtom(AtomSystem s) => new ForceComputer(ForceField, new ReferenceBackend(), List.Skin).Compute(s.Clone(), perAtomVirial: true);

    /// <summary>
    /// Completes a result whose pair terms are in: Coulomb self energy, the reciprocal part, and the check for an
    /// exploded run (also used by integrators that run the pair loop on the device).
    /// </summary>
    public void AddSelfAndKSpace(AtomSystem s, ForceResult r)
    {
        r.CoulombSelfEnergy = SelfEnergy(s);
        if (r.PerAtomEnergy is { } pe) for (int i = 0; i < s.Count; i++) pe[i] += ForceField.Coulomb.SelfEnergy(s.Charge[i]);
        if (ForceField.Reciprocal is not null && !r.KSpaceIncluded)
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            r.KSpaceEnergy = ForceField.Reciprocal.Compute(s, r.Virial, r.HasTotals, Numerics.WorkerTeam.Of(Backend.Threads));
            KSpaceSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        if (r.HasTotals && !double.IsFinite(r.PotentialEnergy))
            throw new InputException($"the simulation exploded: potential energy is {r.PotentialEnergy} (atoms too close, or a timestep too large)");
        if (!r.HasTotals && FirstNonFiniteForce(s) is { } bad)
            throw new InputException($"the simulation exploded: the force on atom id {s.Id[bad]} is not finite (atoms too close, or a timestep too large)");
    }

    /// <summary>The first atom whose force has a NaN or infinite component, or null (the check of a step without energies).</summary>
    private static int? FirstNonFiniteForce(AtomSystem s)
    {
        for (int i = 0; i < s.Count; i++)
            if (!double.IsFinite(s.Fx[i] + s.Fy[i] + s.Fz[i])) return i;
        return null;
    }

    private AtomSystem? _selfSystem;
    private double _selfEnergy;

    /// <summary>
    /// Σ self energies (eV) of the atoms' charges, summed once per system: the charges are set when the force field
    /// is bound and do not change during a run, and the device integrator asks for it at every sampled step.
    /// </summary>
    private double SelfEnergy(AtomSystem s)
    {
        if (ReferenceEquals(s, _selfSystem)) return _selfEnergy;
        double self = 0;
        for (int i = 0; i < s.Count; i++) self += ForceField.Coulomb.SelfEnergy(s.Charge[i]);
        _selfSystem = s;
        return _selfEnergy = self;
    }

    /// <summary>Virial pressure tensor in GPa (xx, yy, zz, xy, xz, yz), kinetic part included when <paramref name="withKinetic"/>.</summary>
    public static double[] PressureGpa(AtomSystem s, ForceResult r, bool withKinetic) =>
        PressureGpa(withKinetic ? s.KineticTensor() : new double[6], r, s.Box.Volume);

    /// <summary>P = (kinetic tensor + W)/V in GPa from a kinetic tensor (eV), a result's virial (eV) and the volume (Å³).</summary>
    public static double[] PressureGpa(double[] kineticTensor, ForceResult r, double volumeA3)
    {
        if (!r.HasTotals) throw new InvalidOperationException("the virial of this force evaluation was not computed (forces only); compute with totals");
        var p = new double[6];
        for (int a = 0; a < 6; a++) p[a] = (kineticTensor[a] + r.Virial[a]) / volumeA3 * Units.MetalUnits.EvPerCubicAngstromToGpa;
        return p;
    }
}

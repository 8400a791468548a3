using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// The particles an integrator advances, wherever they live: on the host (<see cref="HostDynamics"/>) or resident on a
/// device (the Gpu back end's DeviceDynamics). Each integrator is written once against these operations, so the host
/// and the device run the same equations of motion, thermostats and barostats.
/// </summary>
public interface IDynamicsState
{
    /// <summary>The simulation box (Å); shared with the host system.</summary>
    Box Box { get; }
    /// <summary>3N − 3 (centre-of-mass momentum removed, as LAMMPS compute temp).</summary>
    int DegreesOfFreedom { get; }
    int Count { get; }
    /// <summary>Kinetic energy (eV).</summary>
    double KineticEnergy();
    /// <summary>Kinetic tensor Σ m v_a v_b (eV; xx, yy, zz, xy, xz, yz).</summary>
    double[] KineticTensor();
    void ScaleVelocities(double factor);
    void ScaleVelocities(int axis, double factor);
    /// <summary>v += (dt/2)·F/m.</summary>
    void HalfKick(double dtPs);
    /// <summary>x += dt·v.</summary>
    void Drift(double dtPs);
    /// <summary>Affine remap of the box and the positions along one axis about the box centre (LAMMPS remap x).</summary>
    void ScaleAxis(int axis, double factor);
    /// <summary>Forces (eV/Å) for the current positions.</summary>
    void ComputeForces();
    /// <summary>Energies and virial of the last <see cref="ComputeForces"/> (a device state reduces them on the first call after it).</summary>
    ForceResult ForceTotals();
}

/// <summary>
/// An <see cref="AtomSystem"/> and its <see cref="ForceComputer"/> as the integrators see them. Atoms of
/// <paramref name="held"/> (null: none) are held where they are, as LAMMPS's fix setforce 0 0 0 on a group whose velocities
/// are zero: their forces are zeroed after every evaluation, so they never move, and they carry no degrees of freedom (the
/// thermostats see 3N_free − 3, as LAMMPS compute temp on the moving group).
/// </summary>
public sealed class HostDynamics(AtomSystem system, ForceComputer forces, bool[]? held = null) : IDynamicsState
{
    public AtomSystem System { get; } = system;
    public ForceComputer ForceComputer { get; } = forces;
    public bool[]? Held { get; } = Check(held, system, forces);
    private readonly int _freeDof = held is null ? 0 : Math.Max(1, 3 * held.Count(h => !h) - 3);
    public Box Box => System.Box;
    public int Count => System.Count;
    // with core-shell ions the thermostats and barostats see the ions (LAMMPS temp/cs): their kinetic energy and 3N_ions − 3
    public int DegreesOfFreedom => Held is not null ? _freeDof : ForceComputer.ForceField.CoreShell is { } cs ? cs.IonDegreesOfFreedom : Kinetics.DegreesOfFreedom(System);
    public double KineticEnergy() => ForceComputer.ForceField.CoreShell is { } cs ? 0.5 * Trace(cs.IonKinetics(System).Tensor) : System.KineticEnergy();
    public double[] KineticTensor() => ForceComputer.ForceField.CoreShell is { } cs ? cs.IonKinetics(System).Tensor : System.KineticTensor();
    /// <summary>Temperature (K) of what the thermostats see.</summary>
    public double TemperatureK() => Kinetics.Temperature(KineticEnergy(), DegreesOfFreedom);
    private static double Trace(double[] t) => t[0] + t[1] + t[2];
    public void ScaleVelocities(double factor) => Kinetics.ScaleVelocities(System, factor);

    public void ScaleVelocities(int axis, double factor)
    {
        var v = System.Velocities(axis);
        for (int i = 0; i < v.Length; i++) v[i] *= factor;
    }

    public void HalfKick(double dtPs) => Kinetics.HalfKick(System, dtPs);
    public void Drift(double dtPs) => Kinetics.Drift(System, dtPs);
    public void ScaleAxis(int axis, double factor) => BoxScaling.ScaleAxis(System, axis, factor);

    /// <summary>
    /// Set by the runner before a step whose energies and virial nobody reads: <see cref="ComputeForces"/> then asks for the
    /// forces only (<see cref="ForceComputer.Compute"/>'s <c>totals</c>), as LAMMPS leaves eflag/vflag off between thermo steps.
    /// </summary>
    public bool SkipTotals { get; set; }

    public void ComputeForces()
    {
        ForceComputer.Compute(System, totals: !SkipTotals);
        if (Held is not null) ZeroHeld(System, Held);
    }

    /// <summary>
    /// The last evaluation's energies and virial; if it skipped them, the same positions are evaluated again with totals (the
    /// forces come out the same, summed in the same order), so a reader never sees a missing total.
    /// </summary>
    public ForceResult ForceTotals()
    {
        if (!ForceComputer.Last.HasTotals)
        {
            ForceComputer.Compute(System);
            if (Held is not null) ZeroHeld(System, Held);
        }
        return ForceComputer.Last;
    }

    /// <summary>Zeroes the forces of the held atoms (and, with <paramref name="velocities"/>, their velocities).</summary>
    public static void ZeroHeld(AtomSystem s, bool[] held, bool velocities = false)
    {
        for (int i = 0; i < s.Count; i++)
        {
            if (!held[i]) continue;
            s.Fx[i] = s.Fy[i] = s.Fz[i] = 0;
            if (velocities) s.Vx[i] = s.Vy[i] = s.Vz[i] = 0;
        }
    }

    private static bool[]? Check(bool[]? held, AtomSystem s, ForceComputer f)
    {
        if (held is null) return null;
        if (held.Length != s.Count) throw new ArgumentException($"held mask has {held.Length} entries for {s.Count} atoms");
        if (f.ForceField.CoreShell is not null) throw new InputException("held atoms with core-shell ions are not supported (a held core would drag its shell's spring)");
        return held;
    }
}

public static class IntegratorExtensions
{
    /// <summary>One step of <paramref name="integrator"/> on a host system.</summary>
    public static void Step(this IIntegrator integrator, AtomSystem s, ForceComputer forces, double dtPs) =>
        integrator.Step(new HostDynamics(s, forces), dtPs);
}

using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// Device-resident atoms as an <see cref="IDynamicsState"/>: every operation is a kernel over the atoms, and kinetic
/// energies, tensors and the force totals are reduced on the device and copied only when an integrator asks for them
/// (the thermostat's kinetic energy, the barostat's pressure), once until the velocities or forces change. The box is
/// the host system's.
/// </summary>
internal sealed class DeviceDynamics(DeviceForces device, AtomSystem system, ForceComputer forces) : IDynamicsState
{
    private bool _totalsCurrent;
    private double[]? _kinetic; // the kinetic tensor of the current velocities, or null

    public Box Box => system.Box;
    public int Count => system.Count;
    public int DegreesOfFreedom { get; } = Kinetics.DegreesOfFreedom(system);
    private GpuKernels K => device.Kernels;

    /// <summary>½ trace of the kinetic tensor (eV): the thermostat and the barostat read both in one step, so one reduction serves.</summary>
    public double KineticEnergy()
    {
        var t = KineticTensor();
        return 0.5 * (t[0] + t[1] + t[2]);
    }

    public double[] KineticTensor() => _kinetic ??= device.KineticTensor();

    public void ScaleVelocities(double factor)
    {
        K.Scale(Count, device.Atoms.Views, factor);
        _kinetic = null;
    }

    public void ScaleVelocities(int axis, double factor)
    {
        K.ScaleAxisVelocity(Count, device.Atoms.Views, axis, factor);
        _kinetic = null;
    }

    public void HalfKick(double dtPs)
    {
        K.Kick(Count, device.Atoms.Views, 0.5 * dtPs * MetalUnits.ForceOverMassToAcceleration);
        _kinetic = null;
    }

    public void Drift(double dtPs) => K.Drift(Count, device.Atoms.Views, dtPs);

    public void ScaleAxis(int axis, double factor)
    {
        var b = system.Box;
        K.ScaleAxisPosition(Count, device.Atoms.Views, axis, 0.5 * (b.Lo[axis] + b.Hi[axis]), factor);
        b.SetLength(axis, b.Length(axis) * factor);
    }

    public void ComputeForces()
    {
        device.Compute(system.Box);
        _totalsCurrent = false;
    }

    /// <summary>Energies and virial of the last force call, reduced from the device on the first call after it (cached until the next).</summary>
    public ForceResult ForceTotals()
    {
        var r = forces.Last;
        if (_totalsCurrent) return r;
        r.Clear();
        device.AddTotals(r);
        forces.AddSelfAndKSpace(system, r);
        _totalsCurrent = true;
        return r;
    }
}

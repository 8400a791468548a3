using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// An integrator that advances many steps at once with its state off the host (the Gpu back end's resident
/// integrator). On return the system's positions, velocities, forces and image flags and the force computer's last
/// result are current, as after the same number of <see cref="IIntegrator.Step"/> calls.
/// </summary>
public interface IMultiStepIntegrator : IIntegrator
{
    void Advance(AtomSystem s, ForceComputer forces, double dtPs, long steps);
}

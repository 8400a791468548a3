using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// An integrator that advances many steps at once with the particles off the host (the Gpu back end's resident
/// integrator). Hooks (a box deformation before, averages sampled after each step) run on its state. On
/// return the system's positions, velocities, forces and image flags and the force computer's last result are
/// current, as after the same number of single steps.
/// </summary>
public interface IMultiStepIntegrator : IIntegrator
{
    /// <param name="beforeStep">called before step k (0-based within this call) with the state being advanced, or null.</param>
    /// <param name="afterStep">called after step k (0-based within this call) with the state (samples of averages), or null.</param>
    void Advance(AtomSystem s, ForceComputer forces, double dtPs, long steps, Action<IDynamicsState, long>? beforeStep, Action<IDynamicsState, long>? afterStep = null);
}

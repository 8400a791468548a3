using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// An integrator that advances many steps at once with the particles off the host (the Gpu back end's resident
/// integrator). <paramref name="beforeStep"/>-style hooks (a box deformation) run on its state before each step. On
/// return the system's positions, velocities, forces and image flags and the force computer's last result are
/// current, as after the same number of single steps.
/// </summary>
public interface IMultiStepIntegrator : IIntegrator
{
    /// <param name="beforeStep">called before step k (0-based within this call) with the state being advanced, or null.</param>
    void Advance(AtomSystem s, ForceComputer forces, double dtPs, long steps, Action<IDynamicsState, long>? beforeStep);
}

using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// Advances a system by one timestep. Forces in the system must be current on entry and are current
/// on exit. Its state (thermostat and barostat variables) goes into checkpoints so runs continue
/// bit-identically.
/// </summary>
public interface IIntegrator
{
    string Name { get; }
    void Step(AtomSystem s, ForceComputer forces, double dtPs);
    void SaveState(BinaryWriter w);
    void LoadState(BinaryReader r);
}

namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// Advances particles by one timestep. Forces must be current on entry and are current on exit. Its state
/// (thermostat and barostat variables) goes into checkpoints so runs continue bit-identically. Written against
/// <see cref="IDynamicsState"/>, so the same integrator runs on the host and on a device.
/// </summary>
public interface IIntegrator
{
    string Name { get; }
    void Step(IDynamicsState s, double dtPs);
    /// <summary>
    /// Whether <see cref="Step"/> reads <see cref="IDynamicsState.ForceTotals"/> (the barostats read the virial every step):
    /// the runner then keeps the energies and the virial on at every force evaluation.
    /// </summary>
    bool UsesForceTotals => false;
    void SaveState(BinaryWriter w);
    void LoadState(BinaryReader r);
}

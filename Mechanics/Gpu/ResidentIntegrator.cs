using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.Integrators;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// Runs a host integrator (NVE, Nosé-Hoover or Berendsen NVT, Nosé-Hoover or Berendsen NPT, with a box deformation)
/// on atoms resident on the Gpu back end's device: the same <see cref="IIntegrator"/> code drives
/// <see cref="DeviceDynamics"/> instead of the host arrays. Positions, velocities and forces are copied to the host
/// only at the end of <see cref="Advance"/> (thermo records, dumps, checkpoints). Mesh Ewald (pppm) runs on the device
/// too (<see cref="DeviceMeshEwald"/>); plain Ewald's k-vector sum is on the host, so such force fields use the bridged
/// back end under the host integrator instead.
/// </summary>
public sealed class ResidentIntegrator(IIntegrator inner, GpuBackend backend) : IMultiStepIntegrator
{
    public IIntegrator Inner { get; } = inner;
    public string Name => $"{Inner.Name} (device)";

    /// <summary>
    /// Whether <paramref name="ff"/> can run resident: no k-space part, or mesh Ewald (on the device), and no core-shell ions
    /// (their springs and exclusions are added on the host: such runs step on the host with the device pair loop).
    /// </summary>
    public static bool Supports(CompiledForceField ff) => (ff.Reciprocal is null or MeshEwald) && ff.CoreShell is null;

    public void Step(IDynamicsState s, double dtPs)
    {
        if (s is HostDynamics host) Advance(host.System, host.ForceComputer, dtPs, 1, null);
        else Inner.Step(s, dtPs);
    }

    public void Advance(AtomSystem s, ForceComputer forces, double dtPs, long steps, Action<IDynamicsState, long>? beforeStep, Action<IDynamicsState, long>? afterStep = null)
    {
        if (!Supports(forces.ForceField))
            throw new InputException(forces.ForceField.CoreShell is not null
                ? "the resident Gpu integrator has no core-shell term; core-shell runs use the Gpu back end under a host integrator"
                : "the resident Gpu integrator runs mesh Ewald (pppm) on the device but not plain Ewald's k-vector sum; ewald runs use the Gpu back end under a host integrator");
        var device = backend.Resident(s, forces.ForceField, forces.List.Skin);
        var state = new DeviceDynamics(device, s, forces);
        for (long k = 0; k < steps; k++)
        {
            beforeStep?.Invoke(state, k);
            Inner.Step(state, dtPs);
            afterStep?.Invoke(state, k);
        }
        backend.Synchronize(s);
        forces.List.Invalidate();
        _ = state.ForceTotals(); // totals into forces.Last for the thermo record
    }

    public void SaveState(BinaryWriter w) => Inner.SaveState(w);
    public void LoadState(BinaryReader r) => Inner.LoadState(r);
}

using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// Velocity Verlet with the atoms resident on the device (Swope et al., J. Chem. Phys. 76, 637 (1982), as
/// <see cref="VelocityVerlet"/>), optionally thermostatted by the same Nosé-Hoover chain (<see cref="NoseHooverChain"/>,
/// LAMMPS fix nvt) or Berendsen rescaling as the host integrators: the kinetic energy is reduced on the device and the
/// chain's scale factor applied there. Copies to the host only at the end of <see cref="Advance"/> (thermo, dumps,
/// checkpoints). The pair forces must not need k-space (mesh Ewald and Ewald run on the host: use the bridged back end).
/// </summary>
public sealed class DeviceVerlet : IMultiStepIntegrator
{
    private readonly GpuBackend _backend;
    private readonly NoseHooverChain? _chain;
    private readonly BerendsenThermostat? _berendsen;

    private DeviceVerlet(GpuBackend backend, NoseHooverChain? chain, BerendsenThermostat? berendsen)
    {
        _backend = backend;
        _chain = chain;
        _berendsen = berendsen;
    }

    public static DeviceVerlet Nve(GpuBackend backend) => new(backend, null, null);
    public static DeviceVerlet NoseHoover(GpuBackend backend, double temperatureK, double dampingPs) =>
        new(backend, new NoseHooverChain(dampingPs) { TargetK = temperatureK }, null);
    public static DeviceVerlet Berendsen(GpuBackend backend, double temperatureK, double dampingPs) =>
        new(backend, null, new BerendsenThermostat(temperatureK, dampingPs));

    public string Name => _chain is not null ? "nvt (device)" : _berendsen is not null ? "berendsen-nvt (device)" : "nve (device)";

    public void Step(AtomSystem s, ForceComputer forces, double dtPs) => Advance(s, forces, dtPs, 1);

    public void Advance(AtomSystem s, ForceComputer forces, double dtPs, long steps)
    {
        if (forces.ForceField.Reciprocal is not null)
            throw new InputException("the resident Gpu integrator has no k-space part on the device; Ewald and pppm runs use the Gpu back end under a host integrator");
        var f = _backend.Resident(s, forces.ForceField, forces.List.Skin);
        var k = f.Kernels;
        int n = s.Count, dof = Kinetics.DegreesOfFreedom(s);
        double h = 0.5 * dtPs * MetalUnits.ForceOverMassToAcceleration;
        for (long step = 0; step < steps; step++)
        {
            if (_chain is not null) k.Scale(n, f.Atoms.Views, _chain.HalfStepScale(f.KineticEnergy(), dof, dtPs));
            k.KickDrift(n, f.Atoms.Views, h, dtPs);
            f.Compute(s.Box);
            k.KickDrift(n, f.Atoms.Views, h, 0.0);
            if (_chain is not null) k.Scale(n, f.Atoms.Views, _chain.HalfStepScale(f.KineticEnergy(), dof, dtPs));
            if (_berendsen is not null)
            {
                double t = 2.0 * f.KineticEnergy() / (dof * MetalUnits.Boltzmann);
                if (t > 0) k.Scale(n, f.Atoms.Views, _berendsen.Factor(t, dtPs));
            }
        }
        _backend.Synchronize(s);
        forces.List.Invalidate();
        var r = forces.Last;
        r.Clear();
        f.AddTotals(r);
        forces.AddSelfAndKSpace(s, r);
    }

    public void SaveState(BinaryWriter w)
    {
        _chain?.Save(w);
        _berendsen?.SaveState(w);
    }

    public void LoadState(BinaryReader r)
    {
        _chain?.Load(r);
        _berendsen?.LoadState(r);
    }
}

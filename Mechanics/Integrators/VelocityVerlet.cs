using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Mechanics.Integrators;

/// <summary>Velocity Verlet (Swope et al., J. Chem. Phys. 76, 637 (1982)): NVE, as LAMMPS fix nve.</summary>
public sealed class VelocityVerlet : IIntegrator
{
    public string Name => "nve";

    public void Step(AtomSystem s, ForceComputer forces, double dtPs)
    {
        Kinetics.HalfKick(s, dtPs);
        Kinetics.Drift(s, dtPs);
        forces.Compute(s);
        Kinetics.HalfKick(s, dtPs);
    }

    public void SaveState(BinaryWriter w) { }
    public void LoadState(BinaryReader r) { }
}

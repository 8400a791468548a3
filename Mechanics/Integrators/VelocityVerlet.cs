namespace FractureLab.Mechanics.Integrators;

/// <summary>Velocity Verlet (Swope et al., J. Chem. Phys. 76, 637 (1982)): NVE, as LAMMPS fix nve.</summary>
public sealed class VelocityVerlet : IIntegrator
{
    public string Name => "nve";

    public void Step(IDynamicsState s, double dtPs)
    {
        s.HalfKick(dtPs);
        s.Drift(dtPs);
        s.ComputeForces();
        s.HalfKick(dtPs);
    }

    public void SaveState(BinaryWriter w) { }
    public void LoadState(BinaryReader r) { }
}

using FractureLab.Mechanics.Atoms;

namespace FractureLab.Mechanics.Integrators;

/// <summary>
/// Constant engineering strain rate along one axis (LAMMPS fix deform erate, remap x):
/// L(t) = L0 (1 + ε̇ t), ε̇ in 1/ps (1e-3/ps = 1e9/s). Applied once per step after the integrator.
/// </summary>
public sealed class BoxDeformation(int axis, double strainRatePerPs, double initialLength)
{
    public int Axis { get; } = axis;
    public double InitialLength { get; } = initialLength;

    /// <summary>Sets the box length for elapsed time t (ps), remapping positions affinely.</summary>
    public void Apply(IDynamicsState s, double elapsedPs)
    {
        double target = InitialLength * (1.0 + strainRatePerPs * elapsedPs);
        s.ScaleAxis(Axis, target / s.Box.Length(Axis));
    }

    /// <summary>Engineering strain (L − L0)/L0 of the current box.</summary>
    public double Strain(AtomSystem s) => s.Box.Length(Axis) / InitialLength - 1.0;
}

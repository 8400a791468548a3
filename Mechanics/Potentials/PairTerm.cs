namespace FractureLab.Mechanics.Potentials;

/// <summary>
/// One pair's contribution: energy U(r) in eV and F/r = −U′(r)/r in eV/Å² (so the force on i from j
/// is (r_i − r_j)·ForceOverR).
/// </summary>
public readonly record struct PairTerm(double Energy, double ForceOverR)
{
    public static PairTerm operator +(PairTerm a, PairTerm b) => new(a.Energy + b.Energy, a.ForceOverR + b.ForceOverR);
}

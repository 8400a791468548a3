namespace FractureLab.Mechanics.Potentials;

/// <summary>
/// A short-range pair potential written once as a pure scalar function of r² (Å²). Every back end
/// calls this definition or is tested against it (STYLE.md).
/// </summary>
public interface IPairPotential<TParams> where TParams : struct
{
    static abstract PairTerm Evaluate(double r2, in TParams p);
}

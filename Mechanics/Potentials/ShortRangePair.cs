namespace FractureLab.Mechanics.Potentials;

/// <summary>
/// One type pair's short-range term as the back ends see it: the style, its parameters, the cut-off
/// squared (Å²) and the energy offset (eV) subtracted inside the cut-off (0 unless the force field
/// asks for shifted energies, LAMMPS pair_modify shift yes).
/// </summary>
public readonly record struct ShortRangePair(
    PairStyle Style,
    double CutoffSquared,
    double EnergyShift,
    BuckinghamParameters Buckingham,
    MorsePedoneParameters Morse,
    CoreBuckinghamParameters Core,
    LennardJonesParameters LennardJones,
    BornMayerHugginsParameters Born = default)
{
    public static ShortRangePair Empty => default;

    /// <summary>Unshifted U and F/r by the style's one definition.</summary>
    public PairTerm EvaluateUnshifted(double r2) => Style switch
    {
        PairStyle.Buckingham => Potentials.Buckingham.Evaluate(r2, Buckingham),
        PairStyle.MorsePedone => MorsePedone.Evaluate(r2, Morse),
        PairStyle.CoreBuckingham => CoreBuckingham.Evaluate(r2, Core),
        PairStyle.LennardJones => Potentials.LennardJones.Evaluate(r2, LennardJones),
        PairStyle.Born => BornMayerHuggins.Evaluate(r2, Born),
        _ => default,
    };

    /// <summary>U − shift and F/r inside the cut-off, zero outside.</summary>
    public PairTerm Evaluate(double r2)
    {
        if (r2 >= CutoffSquared) return default;
        var t = EvaluateUnshifted(r2);
        return new PairTerm(t.Energy - EnergyShift, t.ForceOverR);
    }
}

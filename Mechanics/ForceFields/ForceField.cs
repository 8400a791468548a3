using FractureLab.Mechanics.Coulomb;

namespace FractureLab.Mechanics.ForceFields;

/// <summary>
/// A force field as published: charges (e) per element, short-range pair terms, default short-range
/// cut-off (Å), whether energies are shifted to zero at the cut-off, and the Coulomb method. Pairs not
/// listed are Coulomb-only when <see cref="UnlistedPairsCoulombOnly"/>, else they are an error.
/// <see cref="Assumptions"/> records the choices made while resolving it (solved cores, A(R,K), …).
/// </summary>
public sealed record ForceField(
    string Name,
    string Citation,
    string Source,
    IReadOnlyDictionary<string, double> Charges,
    IReadOnlyList<PairDefinition> Pairs,
    double ShortRangeCutoff,
    bool ShiftEnergy,
    bool UnlistedPairsCoulombOnly,
    CoulombSettings Coulomb,
    IReadOnlyList<string> Assumptions)
{
    public PairDefinition? FindPair(string a, string b) => Pairs.FirstOrDefault(p => p.Matches(a, b));

    public bool TryGetCharge(string element, out double charge)
    {
        foreach (var kv in Charges)
            if (string.Equals(kv.Key, element, StringComparison.OrdinalIgnoreCase)) { charge = kv.Value; return true; }
        charge = 0;
        return false;
    }
}

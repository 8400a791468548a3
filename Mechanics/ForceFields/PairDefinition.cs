using FractureLab.Mechanics.Potentials;

namespace FractureLab.Mechanics.ForceFields;

/// <summary>
/// A force field's short-range term for one unordered pair of elements: its form and parameters
/// (in <see cref="Term"/>, cut-off not yet applied) and an optional per-pair cut-off (Å).
/// </summary>
public sealed record PairDefinition(string ElementA, string ElementB, ShortRangePair Term, double? Cutoff)
{
    public bool Matches(string a, string b) =>
        (string.Equals(a, ElementA, StringComparison.OrdinalIgnoreCase) && string.Equals(b, ElementB, StringComparison.OrdinalIgnoreCase)) ||
        (string.Equals(a, ElementB, StringComparison.OrdinalIgnoreCase) && string.Equals(b, ElementA, StringComparison.OrdinalIgnoreCase));
}

namespace FractureLab.BondSwitch.Switching;

/// <summary>
/// The classification of one current snapshot: counts of centre atoms per class, the strain of its box against the
/// reference (null when unknown), and the class of every atom of the current snapshot (−1 for non-centres).
/// </summary>
public sealed record BondSwitchTally(string Snapshot, double? Strain, int Centers, int Unchanged, int Decreased, int Increased, int Swapped, int[] ClassPerAtom)
{
    /// <summary>Neighbours of the neighbour species each centre has in the current snapshot (−1 for non-centres), by atom index.</summary>
    public int[] CoordinationPerAtom { get; init; } = [];

    public double Fraction(int count) => Centers > 0 ? (double)count / Centers : 0;
    public double UnchangedFraction => Fraction(Unchanged);
    public double DecreasedFraction => Fraction(Decreased);
    public double IncreasedFraction => Fraction(Increased);
    public double SwappedFraction => Fraction(Swapped);
    /// <summary>Centres whose neighbour set changed in any way.</summary>
    public int Switched => Decreased + Increased + Swapped;
}

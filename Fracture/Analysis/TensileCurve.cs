using FractureLab.Mechanics;
namespace FractureLab.Fracture.Analysis;

/// <summary>
/// A tensile stress-strain record: engineering strain along the loading axis, the axial tensile stress in
/// GPa (σ = −P_axis), and, when the lateral box lengths were free (protocol A), the two lateral
/// engineering strains. <see cref="InitialLengthA"/> is L0 along the loading axis, Å.
/// </summary>
public sealed record TensileCurve(double[] Strain, double[] StressGpa, double[]? LateralStrainA, double[]? LateralStrainB, double InitialLengthA)
{
    public int Count => Strain.Length;

    /// <summary>Checks lengths, finiteness and L0; the message names <paramref name="source"/>.</summary>
    public void Validate(string source)
    {
        if (StressGpa.Length != Strain.Length) throw new InputException($"{source}: {Strain.Length} strains but {StressGpa.Length} stresses");
        if (Count < 3) throw new InputException($"{source}: a curve needs at least 3 points, found {Count}");
        if (!(InitialLengthA > 0)) throw new InputException($"{source}: initial length L0 = {InitialLengthA} Å must be positive");
        for (int i = 0; i < Count; i++)
            if (!double.IsFinite(Strain[i]) || !double.IsFinite(StressGpa[i]))
                throw new InputException($"{source}: point {i + 1} is not finite (strain {Strain[i]}, stress {StressGpa[i]})");
    }
}

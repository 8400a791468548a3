namespace FractureLab.Fracture.Analysis;

/// <summary>
/// Unit conversions of the fracture numbers (SCIENCE.md §3), each one line of SI arithmetic:
/// Å·GPa = 1e-10 m · 1e9 N/m² = 0.1 J/m²; √(GPa · J/m²) = √(1e9) Pa·m^0.5 = 0.031623 MPa·m^0.5;
/// GPa·√Å = 1e9 Pa · 1e-5 m^0.5 = 0.01 MPa·m^0.5.
/// </summary>
public static class FractureUnits
{
    /// <summary>J/m² per Å·GPa.</summary>
    public const double JPerM2PerAngstromGpa = 0.1;

    /// <summary>MPa·m^0.5 per √(GPa·J/m²) = √1e9 · 1e-6.</summary>
    public static readonly double MPaSqrtMPerSqrtGpaJPerM2 = Math.Sqrt(1e9) * 1e-6;

    /// <summary>MPa·m^0.5 per GPa·√Å.</summary>
    public const double MPaSqrtMPerGpaSqrtAngstrom = 0.01;

    /// <summary>G (J/m²) = 0.1 · L0 (Å) · ∫σ dε (GPa).</summary>
    public static double WorkPerAreaJPerM2(double lengthA, double integralGpa) => JPerM2PerAngstromGpa * lengthA * integralGpa;

    /// <summary>K (MPa·m^0.5) = 0.031623 · √(E (GPa) · G (J/m²)).</summary>
    public static double KFromEnergy(double modulusGpa, double energyJPerM2) => MPaSqrtMPerSqrtGpaJPerM2 * Math.Sqrt(modulusGpa * energyJPerM2);

    /// <summary>K (MPa·m^0.5) = 0.01 · σ (GPa) · √(π a (Å)) · F.</summary>
    public static double KFromStress(double stressGpa, double halfLengthA, double geometryFactor) =>
        MPaSqrtMPerGpaSqrtAngstrom * stressGpa * Math.Sqrt(Math.PI * halfLengthA) * geometryFactor;
}

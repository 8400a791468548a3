namespace FractureLab.Fracture.Analysis;

/// <summary>A least-squares line σ = intercept + slope·ε over 0 ≤ ε ≤ <paramref name="UpToStrain"/>.</summary>
public sealed record ModulusFit(double UpToStrain, double SlopeGpa, double InterceptGpa, double RSquared, int Points);

/// <summary>
/// The numbers of a tensile curve (SCIENCE.md §3). Quantities that need separation (ε_f, G_c, γ_f and the
/// energy-route K_Ic) are null when the run ended without separating; their lower bounds from the
/// recorded part of the curve are then given instead.
/// </summary>
/// <param name="YoungsModulusGpa">E, GPa (from the options when given, else from the fit: see <see cref="ModulusSource"/>).</param>
/// <param name="LongitudinalModulusGpa">M, GPa, the initial slope under fixed lateral lengths (protocol B).</param>
/// <param name="StrengthGpa">σ_max, GPa.</param>
/// <param name="FailureStrain">ε_f, first strain after the peak with σ below the failure fraction of σ_max.</param>
/// <param name="FractureEnergyJPerM2">G_c, J/m².</param>
/// <param name="SurfaceEnergyJPerM2">γ_f = G_c/2, J/m².</param>
/// <param name="KIcEnergyMPaSqrtM">√(E·G_c), plane stress, MPa·m^0.5.</param>
/// <param name="KIcEnergyPlaneStrainMPaSqrtM">√(E·G_c/(1−ν²)), MPa·m^0.5.</param>
/// <param name="KIcStressMPaSqrtM">σ_max·√(πa)·F(a/W), MPa·m^0.5.</param>
public sealed record TensileResult(
    ModulusFit Fit1,
    ModulusFit Fit2,
    double? YoungsModulusGpa,
    string ModulusSource,
    double? LongitudinalModulusGpa,
    double? PoissonRatio,
    double StrengthGpa,
    double StrainAtPeak,
    bool Separated,
    double? FailureStrain,
    double? FractureEnergyJPerM2,
    double? SurfaceEnergyJPerM2,
    double? KIcEnergyMPaSqrtM,
    double? KIcEnergyPlaneStrainMPaSqrtM,
    double? KIcStressMPaSqrtM,
    double? GeometryFactor,
    double FractureEnergyLowerBoundJPerM2,
    double? KIcEnergyLowerBoundMPaSqrtM,
    IReadOnlyList<string> Conventions)
{
    /// <summary>Lower bound of the plane-strain energy-route K_Ic when the run did not separate: √(E·G_lower/(1−ν²)), MPa·m^0.5.</summary>
    public double? KIcEnergyPlaneStrainLowerBoundMPaSqrtM { get; init; }
}

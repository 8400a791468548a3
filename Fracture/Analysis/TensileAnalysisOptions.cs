namespace FractureLab.Fracture.Analysis;

/// <summary>Which cross-section G_c is referred to.</summary>
public enum FractureArea
{
    /// <summary>The full cross-section perpendicular to the load (default): G_c = L0·∫σ dε.</summary>
    FullCrossSection,
    /// <summary>The uncracked ligament (W − 2a)·thickness: G_c = L0·∫σ dε · W/(W − 2a).</summary>
    Ligament,
}

/// <summary>
/// Settings of the curve analysis (SCIENCE.md §3), defaults as stated there.
/// </summary>
/// <param name="FitStrain">Upper strain of the modulus fit (0.01; 0.02 is reported too).</param>
/// <param name="FailureFraction">ε_f is the first strain after the peak where σ &lt; this fraction of σ_max (0.1).</param>
/// <param name="CrackHalfLengthA">Half-length a of the centre crack, Å (stress route and ligament area).</param>
/// <param name="PeriodA">Period W of the box along the crack direction, Å.</param>
/// <param name="YoungsModulusGpa">E from an uncracked box of the same glass; without it the curve's own slope is used and the output says so.</param>
/// <param name="PoissonRatio">ν from the uncracked box (plane-strain K and E from M under protocol B).</param>
/// <param name="FixedLateral">Protocol B: the initial slope is the longitudinal modulus M, not E.</param>
public sealed record TensileAnalysisOptions(
    double FitStrain = 0.01,
    double FailureFraction = 0.1,
    double? CrackHalfLengthA = null,
    double? PeriodA = null,
    double? YoungsModulusGpa = null,
    double? PoissonRatio = null,
    bool FixedLateral = false,
    FractureArea Area = FractureArea.FullCrossSection,
    GeometryFactorKind GeometryFactor = GeometryFactorKind.PeriodicArray);

using FractureLab.Experiments.LoadCurves;

namespace FractureLab.Experiments.Sepb;

/// <summary>
/// The reduction of one specimen. Lengths in mm, loads in N, K_Ic in MPa·m^0.5. Quantities that could not
/// be formed (a missing reading, a/W outside (0, 1)) are null; <see cref="Reasons"/> says why a specimen
/// is invalid, <see cref="Warnings"/> what was flagged without invalidating it.
/// </summary>
/// <param name="CrackLengthMm">a, the mean of the crack-length readings, mm.</param>
/// <param name="ReadingSpread">(max − min)/mean of the readings, a fraction.</param>
/// <param name="Alpha">α = a/W.</param>
/// <param name="SpanRatio">S/W (three-point) or (S_o − S_i)/W (four-point).</param>
/// <param name="YStar">Y* with K = P/(B√W)·Y*.</param>
/// <param name="PmaxN">Peak load used, N.</param>
/// <param name="PmaxSource">"sheet" or "curve".</param>
/// <param name="KIcMPaSqrtM">Fracture toughness, MPa·m^0.5.</param>
public sealed record SepbSpecimenResult(
    SepbSpecimen Specimen,
    double? CrackLengthMm,
    double? ReadingSpread,
    double? Alpha,
    double? SpanRatio,
    double? YStar,
    double? PmaxN,
    string? PmaxSource,
    double? KIcMPaSqrtM,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Warnings,
    LoadDisplacementCurve? Curve,
    CurveAnalysis? CurveAnalysis)
{
    public bool Valid => Reasons.Count == 0 && KIcMPaSqrtM is not null;
}

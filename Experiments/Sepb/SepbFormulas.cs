namespace FractureLab.Experiments.Sepb;

/// <summary>
/// Stress-intensity factors of single-edge precracked beams in flexure, as ASTM C1421 uses them
/// (SCIENCE.md §5). α = a/W is dimensionless; lengths go in metres and loads in newtons, so K comes
/// out in Pa·m^0.5. The thesis writes the same three-point result as K = P/(B√W)·Y*.
/// </summary>
public static class SepbFormulas
{
    /// <summary>The span ratio S/W for which the three-point polynomial f3 was calibrated.</summary>
    public const double CalibratedSpanRatio = 4.0;

    /// <summary>g(α) = 3√α / (2(1−α)^1.5) (SCIENCE.md §5; Srawley, Int. J. Fract. 12, 475 (1976)).</summary>
    public static double G(double alpha) => 3.0 * Math.Sqrt(alpha) / (2.0 * Math.Pow(1.0 - alpha, 1.5));

    /// <summary>
    /// f3(α) = [1.99 − α(1−α)(2.15 − 3.93α + 2.7α²)] / (1 + 2α), three-point bending with S/W = 4
    /// (Srawley 1976; ASTM C1421 SEPB three-point form; SCIENCE.md §5).
    /// </summary>
    public static double F3(double alpha) =>
        (1.99 - alpha * (1.0 - alpha) * (2.15 - 3.93 * alpha + 2.7 * alpha * alpha)) / (1.0 + 2.0 * alpha);

    /// <summary>
    /// f4(α) = 1.9887 − 1.326α − (3.49 − 0.68α + 1.35α²)·α(1−α)/(1+α)², pure bending between the inner
    /// loads of four-point flexure (ASTM C1421 four-point form; SCIENCE.md §5).
    /// </summary>
    public static double F4(double alpha) =>
        1.9887 - 1.326 * alpha - (3.49 - 0.68 * alpha + 1.35 * alpha * alpha) * alpha * (1.0 - alpha) / ((1.0 + alpha) * (1.0 + alpha));

    /// <summary>
    /// Dimensionless Y* with K = P/(B√W)·Y*. Three-point: Y* = (S/W)·g(α)·f3(α) = (3/2)(S/W)√α/(1−α)^1.5·f3(α);
    /// four-point: Y* = ((S_o − S_i)/W)·g(α)·f4(α). At α = 0.5, S/W = 4: Y* = 4·3·0.8875 = 10.65.
    /// </summary>
    public static double YStar(Loading loading, double alpha, double outerSpan, double innerSpan, double depth) =>
        loading == Loading.ThreePoint
            ? outerSpan / depth * G(alpha) * F3(alpha)
            : (outerSpan - innerSpan) / depth * G(alpha) * F4(alpha);

    /// <summary>
    /// K_Ic in Pa·m^0.5 from P_max (N) and the geometry in metres: K = P·S/(B·W^1.5)·g(α)·f3(α) (three-point)
    /// or P·(S_o − S_i)/(B·W^1.5)·g(α)·f4(α) (four-point), written as P/(B√W)·Y*.
    /// </summary>
    public static double KIcPaSqrtM(Loading loading, double pmaxN, double widthBM, double depthWM, double crackLengthAM,
        double outerSpanM, double innerSpanM)
    {
        double alpha = crackLengthAM / depthWM;
        return pmaxN / (widthBM * Math.Sqrt(depthWM)) * YStar(loading, alpha, outerSpanM, innerSpanM, depthWM);
    }
}

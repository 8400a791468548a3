namespace FractureLab.Experiments.Sepb;

/// <summary>
/// Validity rules of an SEPB set, defaults as commonly stated for ASTM C1421 (SCIENCE.md §5; the
/// standard's own text was not available to check): 0.35 ≤ a/W ≤ 0.60; no two crack-length readings
/// differing by more than 10 % of their mean (the ASTM E399 rule); at least 5 valid specimens per set.
/// A three-point span ratio S/W further than <see cref="SpanRatioTolerance"/> (relative) from 4, where
/// f3 was calibrated, is flagged; it makes the specimen invalid only with <see cref="SpanRatioInvalidates"/>.
/// </summary>
public sealed record SepbValidityRules(
    double AlphaMin = 0.35,
    double AlphaMax = 0.60,
    double MaxReadingSpread = 0.10,
    int MinValidSpecimens = 5,
    double SpanRatioTolerance = 0.05,
    bool SpanRatioInvalidates = false,
    double PmaxMismatchTolerance = 0.02)
{
    /// <summary>Throws, naming the setting, when a rule cannot be applied as given.</summary>
    public void Check()
    {
        if (!(AlphaMin > 0 && AlphaMin < AlphaMax && AlphaMax < 1))
            throw new LabDataException($"alpha range [{AlphaMin}, {AlphaMax}] must satisfy 0 < alpha-min < alpha-max < 1");
        if (!(MaxReadingSpread > 0)) throw new LabDataException($"max-reading-spread {MaxReadingSpread} must be positive");
        if (MinValidSpecimens < 1) throw new LabDataException($"min-valid {MinValidSpecimens} must be at least 1");
        if (!(SpanRatioTolerance >= 0)) throw new LabDataException($"span-ratio-tolerance {SpanRatioTolerance} must not be negative");
    }
}

using System.Globalization;
using FractureLab.Experiments.LoadCurves;
using FractureLab.Experiments.Statistics;

namespace FractureLab.Experiments.Sepb;

/// <summary>The statistics of the valid specimens of one set (K_Ic in MPa·m^0.5) and whether the set has enough of them.</summary>
public sealed record SepbSetSummary(string Name, int Specimens, SampleSummary KIc, bool EnoughValid, string? Reason);

/// <summary>A reduced sheet: per-specimen results, the whole sheet as one set, and per-set statistics when the sheet has a set column.</summary>
public sealed record SepbReduction(
    string Sheet,
    SepbValidityRules Rules,
    IReadOnlyList<SepbSpecimenResult> Results,
    SepbSetSummary Overall,
    IReadOnlyList<SepbSetSummary> Sets,
    string? SetColumn);

/// <summary>
/// Reduces SEPB specimens to K_Ic per ASTM C1421 as SCIENCE.md §5 states it: crack length = the mean of the
/// readings; α = a/W; K = P_max/(B√W)·Y*(α) with the three- or four-point Y*. A specimen that breaks a rule
/// stays in the results, invalid, with the reason; the statistics use the valid ones only.
/// </summary>
public static class SepbReducer
{
    private const double MmToM = 1e-3;
    private const double PaToMPa = 1e-6;

    /// <summary>A value on a rule's boundary (readings exactly 10 % apart, a/W = 0.35) passes despite rounding in its last bits.</summary>
    private const double BoundarySlack = 1e-12;

    public static SepbReduction Reduce(SpecimenSheet sheet, SepbValidityRules? rules = null, CurveAnalysisOptions? curveOptions = null, string? setColumn = null)
    {
        rules ??= new SepbValidityRules();
        rules.Check();
        if (setColumn is not null && !sheet.ExtraColumns.Contains(setColumn, StringComparer.OrdinalIgnoreCase))
            throw new LabDataException($"{sheet.Source}: no column '{setColumn}' to group sets by");
        var results = sheet.Specimens.Select(s => ReduceSpecimen(s, sheet.Folder, rules, curveOptions)).ToList();
        var overall = Summarize("all", results, rules);
        var sets = new List<SepbSetSummary>();
        if (setColumn is not null)
            foreach (var g in results.GroupBy(r => r.Specimen.Extra.First(kv => kv.Key.Equals(setColumn, StringComparison.OrdinalIgnoreCase)).Value))
                sets.Add(Summarize(g.Key, g.ToList(), rules));
        return new SepbReduction(sheet.Source, rules, results, overall, sets, setColumn);
    }

    private static SepbSetSummary Summarize(string name, IReadOnlyList<SepbSpecimenResult> results, SepbValidityRules rules)
    {
        var k = results.Where(r => r.Valid).Select(r => r.KIcMPaSqrtM!.Value).ToList();
        var stats = SampleSummary.Of(k);
        bool enough = stats.N >= rules.MinValidSpecimens;
        return new SepbSetSummary(name, results.Count, stats, enough,
            enough ? null : $"{stats.N} valid specimen(s), fewer than the {rules.MinValidSpecimens} a set needs");
    }

    public static SepbSpecimenResult ReduceSpecimen(SepbSpecimen s, string folder, SepbValidityRules rules, CurveAnalysisOptions? curveOptions = null)
    {
        var reasons = new List<string>();
        var warnings = new List<string>();
        double? b = Positive(s.WidthBMm, "B_mm", reasons);
        double? w = Positive(s.DepthWMm, "W_mm", reasons);
        double? span = Positive(s.OuterSpanMm, "S_mm", reasons);
        double? inner = null;
        if (s.Loading == Loading.FourPoint)
        {
            inner = Positive(s.InnerSpanMm, "Si_mm", reasons);
            if (inner is not null && span is not null && inner >= span)
            {
                reasons.Add($"inner span Si_mm = {F(inner)} is not smaller than the outer span S_mm = {F(span)}");
                inner = null;
            }
        }
        else if (s.InnerSpanMm is not null) warnings.Add("Si_mm is ignored for three-point loading");

        var (a, spread) = CrackLength(s, rules, reasons);
        double? alpha = a is not null && w is not null ? a / w : null;
        bool alphaInFormula = alpha is > 0 and < 1;
        if (alpha is not null && !alphaInFormula)
            reasons.Add($"a/W = {alpha:0.###} is outside the formula's range (0, 1)");
        else if (alpha is not null && (alpha < rules.AlphaMin - BoundarySlack || alpha > rules.AlphaMax + BoundarySlack))
            reasons.Add($"a/W = {alpha:0.###} is outside the valid range [{rules.AlphaMin}, {rules.AlphaMax}]");

        double? ratio = null;
        if (span is not null && w is not null && (s.Loading == Loading.ThreePoint || inner is not null))
        {
            ratio = s.Loading == Loading.ThreePoint ? span.Value / w.Value : (span.Value - inner!.Value) / w.Value;
            if (s.Loading == Loading.ThreePoint
                && Math.Abs(ratio.Value - SepbFormulas.CalibratedSpanRatio) > rules.SpanRatioTolerance * SepbFormulas.CalibratedSpanRatio)
            {
                string flag = $"S/W = {ratio:0.###} is outside the calibration of the three-point polynomial (S/W = 4 ± {rules.SpanRatioTolerance:P0})";
                (rules.SpanRatioInvalidates ? reasons : warnings).Add(flag);
            }
        }

        var (pmax, source, curve, analysis) = PeakLoad(s, folder, rules, curveOptions, reasons, warnings);

        double? y = null, k = null;
        if (alphaInFormula && ratio is not null)
        {
            y = SepbFormulas.YStar(s.Loading, alpha!.Value, span!.Value, inner ?? 0.0, w!.Value);
            if (pmax is not null && b is not null)
                k = SepbFormulas.KIcPaSqrtM(s.Loading, pmax.Value, b.Value * MmToM, w.Value * MmToM, a!.Value * MmToM,
                    span.Value * MmToM, (inner ?? 0.0) * MmToM) * PaToMPa;
        }
        return new SepbSpecimenResult(s, a, spread, alpha, ratio, y, pmax, source, k, reasons, warnings, curve, analysis);
    }

    private static double? Positive(double? value, string column, List<string> reasons)
    {
        if (value is null) { reasons.Add($"{column} is missing"); return null; }
        if (!(value > 0)) { reasons.Add($"{column} = {F(value)} is not positive"); return null; }
        return value;
    }

    /// <summary>a = mean of the readings; the readings' spread (max − min)/mean must not exceed the rule.</summary>
    private static (double? A, double? Spread) CrackLength(SepbSpecimen s, SepbValidityRules rules, List<string> reasons)
    {
        bool complete = true;
        for (int i = 0; i < s.CrackReadingsMm.Count; i++)
        {
            var r = s.CrackReadingsMm[i];
            if (r is null) { reasons.Add($"crack-length reading a{i + 1}_mm is missing"); complete = false; }
            else if (!(r > 0)) { reasons.Add($"crack-length reading a{i + 1}_mm = {F(r)} is not positive"); complete = false; }
        }
        if (!complete) return (null, null);
        var values = s.CrackReadingsMm.Select(r => r!.Value).ToList();
        double mean = values.Average();
        double spread = (values.Max() - values.Min()) / mean;
        if (spread > rules.MaxReadingSpread + BoundarySlack)
            reasons.Add($"crack-length readings differ by {spread:P1} of their mean (more than {rules.MaxReadingSpread:P0})");
        return (mean, spread);
    }

    private static (double? Pmax, string? Source, LoadDisplacementCurve? Curve, CurveAnalysis? Analysis) PeakLoad(
        SepbSpecimen s, string folder, SepbValidityRules rules, CurveAnalysisOptions? options, List<string> reasons, List<string> warnings)
    {
        double? sheetP = s.PmaxN;
        if (sheetP is not null && !(sheetP > 0)) { reasons.Add($"Pmax_N = {F(sheetP)} is not positive"); sheetP = null; }
        LoadDisplacementCurve? curve = null;
        CurveAnalysis? analysis = null;
        if (s.Curve is not null)
        {
            string path = Path.IsPathRooted(s.Curve) ? s.Curve : Path.Combine(folder, s.Curve);
            try
            {
                curve = LoadCurveReader.Read(path);
                analysis = LoadCurveAnalysis.Analyze(curve, options);
            }
            catch (LabDataException e)
            {
                (s.PmaxN is not null ? warnings : reasons).Add($"curve '{s.Curve}': {StripSource(e.Message, path)}");
            }
        }
        if (analysis is not null && analysis.Fracture == FractureMode.NotRecorded)
            (sheetP is not null ? warnings : reasons).Add($"curve '{s.Curve}' ends before the final load drop: fracture not recorded");
        if (sheetP is not null)
        {
            if (analysis is not null && Math.Abs(analysis.PmaxN - sheetP.Value) > rules.PmaxMismatchTolerance * sheetP.Value)
                warnings.Add($"Pmax_N = {F(sheetP)} differs from the curve's maximum {analysis.PmaxN:0.###} N by more than {rules.PmaxMismatchTolerance:P0}; the sheet's value is used");
            return (sheetP, "sheet", curve, analysis);
        }
        if (analysis is not null && analysis.Fracture != FractureMode.NotRecorded) return (analysis.PmaxN, "curve", curve, analysis);
        if (s.Curve is null && s.PmaxN is null) reasons.Add("neither Pmax_N nor a curve is given");
        return (null, null, curve, analysis);
    }

    private static string StripSource(string message, string path) =>
        message.StartsWith(path + ": ", StringComparison.Ordinal) ? message[(path.Length + 2)..] : message;

    private static string F(double? v) => v?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}

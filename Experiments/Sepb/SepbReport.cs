using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using FractureLab.Experiments.Statistics;

namespace FractureLab.Experiments.Sepb;

/// <summary>
/// The files of an SEPB reduction as text: <c>results.csv</c> (one row per specimen, the pass-through
/// columns last), <c>summary.json</c> (K_Ic statistics of the valid specimens in MPa·m^0.5) and <c>report.md</c>.
/// </summary>
public static class SepbReport
{
    public static readonly string[] ResultColumns =
        ["id", "loading", "alpha", "Y_star", "Pmax_N", "KIc_MPa_sqrt_m", "valid", "reasons",
         "a_mm", "a_spread_pct", "span_ratio", "Pmax_source", "fracture", "knee_N", "warnings"];

    public static void WriteResultsCsv(SepbReduction red, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, null, leaveOpen: true);
        var extra = red.Results.Count > 0 ? red.Results[0].Specimen.Extra.Select(kv => kv.Key).ToArray() : [];
        csv.WriteHeader([.. ResultColumns, .. extra]);
        foreach (var r in red.Results)
        {
            csv.WriteRecord([
                r.Specimen.Id, r.Specimen.Loading.ToSheet(), N(r.Alpha), N(r.YStar), N(r.PmaxN), N(r.KIcMPaSqrtM),
                r.Valid ? "true" : "false", string.Join("; ", r.Reasons),
                N(r.CrackLengthMm), N(r.ReadingSpread * 100), N(r.SpanRatio), r.PmaxSource ?? "",
                r.CurveAnalysis?.Fracture.ToString().ToLowerInvariant() ?? "", N(r.CurveAnalysis?.Knee?.LoadN),
                string.Join("; ", r.Warnings),
                .. r.Specimen.Extra.Select(kv => kv.Value)]);
        }
    }

    public static JsonObject SummaryJson(SepbReduction red)
    {
        var o = SetJson(red.Overall);
        o["sheet"] = red.Sheet;
        o["units"] = "MPa·m^0.5";
        o["standard"] = "ASTM C1421 single-edge precracked beam, formulas as SCIENCE.md §5";
        o["rules"] = new JsonObject
        {
            ["alpha_min"] = red.Rules.AlphaMin,
            ["alpha_max"] = red.Rules.AlphaMax,
            ["max_reading_spread"] = red.Rules.MaxReadingSpread,
            ["min_valid_specimens"] = red.Rules.MinValidSpecimens,
            ["span_ratio_tolerance"] = red.Rules.SpanRatioTolerance,
            ["span_ratio_invalidates"] = red.Rules.SpanRatioInvalidates,
        };
        if (red.SetColumn is not null)
        {
            o["set_column"] = red.SetColumn;
            var sets = new JsonArray();
            foreach (var s in red.Sets) sets.Add(SetJson(s));
            o["sets"] = sets;
        }
        return o;
    }

    private static JsonObject SetJson(SepbSetSummary s) => new()
    {
        ["set"] = s.Name,
        ["specimens"] = s.Specimens,
        ["n_valid"] = s.KIc.N,
        ["mean"] = J(s.KIc.Mean),
        ["sd"] = J(s.KIc.Sd),
        ["ci95"] = s.KIc.N > 1 ? new JsonArray(J(s.KIc.Ci95Low), J(s.KIc.Ci95High)) : null,
        ["ci95_half_width"] = J(s.KIc.Ci95HalfWidth),
        ["enough_valid"] = s.EnoughValid,
        ["set_reason"] = s.Reason,
    };

    public static string Markdown(SepbReduction red, IReadOnlyDictionary<string, string> plots)
    {
        var md = new StringBuilder();
        md.AppendLine($"# SEPB fracture toughness: {Path.GetFileName(red.Sheet)}");
        md.AppendLine();
        md.AppendLine("Reduced per ASTM C1421 (single-edge precracked beam): K_Ic = P_max/(B√W)·Y*(α), α = a/W, a the mean of the");
        md.AppendLine("crack-length readings; three-point Y* = (S/W)·g(α)·f3(α), four-point Y* = ((S_o − S_i)/W)·g(α)·f4(α).");
        md.AppendLine($"Rules: {red.Rules.AlphaMin} ≤ a/W ≤ {red.Rules.AlphaMax}; readings within {red.Rules.MaxReadingSpread:P0} of their mean; " +
                      $"at least {red.Rules.MinValidSpecimens} valid specimens per set; three-point S/W = 4 ± {red.Rules.SpanRatioTolerance:P0} " +
                      $"({(red.Rules.SpanRatioInvalidates ? "invalidates" : "flagged only")}).");
        md.AppendLine();
        AppendSet(md, red.Overall, "All specimens");
        foreach (var s in red.Sets) AppendSet(md, s, $"Set {s.Name}");
        md.AppendLine("## Specimens");
        md.AppendLine();
        md.AppendLine("| id | loading | a/W | Y* | P_max (N) | K_Ic (MPa·m^0.5) | valid | reasons / warnings |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in red.Results)
        {
            string notes = string.Join("; ", r.Reasons.Concat(r.Warnings.Select(w => "warning: " + w)));
            md.AppendLine($"| {r.Specimen.Id} | {r.Specimen.Loading.ToSheet()} | {F(r.Alpha, "0.000")} | {F(r.YStar, "0.000")} | " +
                          $"{F(r.PmaxN, "0.00")}{(r.PmaxSource == "curve" ? " (curve)" : "")} | {F(r.KIcMPaSqrtM, "0.000")} | {(r.Valid ? "yes" : "no")} | {notes} |");
        }
        if (plots.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Figures");
            md.AppendLine();
            foreach (var (caption, file) in plots) md.AppendLine($"![{caption}]({file})");
        }
        return md.ToString();
    }

    private static void AppendSet(StringBuilder md, SepbSetSummary s, string title)
    {
        md.AppendLine($"## {title}");
        md.AppendLine();
        var k = s.KIc;
        md.AppendLine($"- valid specimens: {k.N} of {s.Specimens}{(s.EnoughValid ? "" : $" (**{s.Reason}**)")}");
        if (k.N > 0) md.AppendLine($"- K_Ic = {k.Mean:0.000} MPa·m^0.5, sd {F(k.Sd, "0.000")}, 95 % CI [{F(k.Ci95Low, "0.000")}, {F(k.Ci95High, "0.000")}] (Student t, n − 1 = {k.N - 1})");
        md.AppendLine();
    }

    private static string N(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
    private static string F(double? v, string format) => v is { } x && double.IsFinite(x) ? x.ToString(format, CultureInfo.InvariantCulture) : "–";
    private static JsonNode? J(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FractureLab.Experiments.Plots;
using Markdig;
using FractureLab.Fracture.Reports;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// The outputs of a toughness study: summary.json (<c>methods.crack_length</c>, <c>.compliance</c>, <c>.j_integral</c>,
/// <c>.work_of_fracture</c>, each with <c>KIc_MPa_sqrt_m</c> as value, stderr, ci95, n; the per-crack-length points; flags;
/// <c>recommended</c>; convergence), report.md and report.html with the table of all routes, and the figures (PNG and SVG).
/// </summary>
public static class ToughnessSummary
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>Measured and simulated references for silica glass (SCIENCE.md §10).</summary>
    public static readonly JsonObject SilicaReferences = new()
    {
        ["silica_glass_measured_MPa_sqrt_m"] = "0.75-0.80 (SEPB, chevron notch)",
        ["silica_J_integral_MD_Rimsza_2018_MPa_sqrt_m"] = "0.76 +- 0.16 (ReaxFF; Rimsza, Jones & Criscenti, J. Am. Ceram. Soc. 2018)",
        ["fused_quartz_micro_cantilever_MPa_sqrt_m"] = "0.67 +- 0.01",
    };

    public static JsonObject Write(ToughnessStudy s, IReadOnlyList<CellResult> cells, string outDir)
    {
        if (cells.Count == 0) throw new Mechanics.InputException($"{outDir}: no finished pulls to analyse yet (run the study first)");
        var output = new LabOutput(outDir);
        var main = cells[0];
        var summary = CellJson(main);
        summary["study"] = s.Source;
        summary["cell"] = main.Cell.Label;
        summary["cells"] = new JsonArray(cells.Select(c => (JsonNode?)CellJson(c)).ToArray());
        if (cells.Count > 1) summary["convergence"] = ToughnessConvergence.Json(cells);
        summary["references"] = SilicaReferences.DeepClone();
        summary["units"] = "K in MPa m^0.5, G and J in J/m2, stresses and moduli in GPa, lengths in A";
        output.Json("summary.json", summary);
        if (main.Pulls.Count > 0) Figure(output, "strength_vs_crack_length", ToughnessPlots.StrengthVsCrackLength(main));
        if (main.Pulls.Any(p => p.J is not null)) Figure(output, "j_vs_domain", ToughnessPlots.JVsDomain(main));
        var rCurves = RCurves(s, outDir);
        if (rCurves.Count > 0) Figure(output, "kfield_r_curve", ToughnessPlots.RCurve(rCurves));
        if (s.Sizes.Count > 1) Figure(output, "convergence_size", ToughnessPlots.Convergence(cells, bySize: true));
        if (s.StrainRatesPerS.Count > 1) Figure(output, "convergence_rate", ToughnessPlots.Convergence(cells, bySize: false));
        output.Text("results.csv", w => ResultsCsv(w, s, cells));
        string md = Markdown(s, cells);
        output.Text("report.md", w => w.Write(md));
        output.Text("report.html", w => w.Write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>FractureLab toughness study</title></head><body>\n"
            + Markdig.Markdown.ToHtml(md, new Markdig.MarkdownPipelineBuilder().UseAdvancedExtensions().Build()) + "</body></html>\n"));
        return summary;
    }

    private static void Figure(LabOutput o, string name, OxyPlot.PlotModel m)
    {
        o.Png(name + ".png", PlotExport.Png(m));
        o.Text(name + ".svg", w => w.Write(PlotExport.Svg(m)));
    }


    private static JsonObject CellJson(CellResult c)
    {
        var methods = new JsonObject();
        if (c.CrackLength is { } cl)
            methods["crack_length"] = new JsonObject
            {
                ["KIc_MPa_sqrt_m"] = cl.K.Json(),
                ["scales_as_lefm"] = cl.ScalesAsLefm,
                ["check"] = cl.Check,
                ["relative_rms_residual"] = JsonOutput.Number(cl.RelativeRmsResidual),
                ["intercept_GPa"] = JsonOutput.Number(cl.InterceptGpa), ["intercept_stderr_GPa"] = JsonOutput.Number(cl.InterceptStdErrGpa),
                ["residuals_GPa"] = new JsonArray(cl.ResidualsGpa.Select(r => JsonOutput.Number(r)).ToArray()),
                ["formula"] = "sigma_c = K/(F(a/W) sqrt(pi a)), periodic-array F, least squares through the origin (Brochard et al. 2015)",
            };
        if (c.Compliance is { } co)
            methods["compliance"] = new JsonObject
            {
                ["KIc_MPa_sqrt_m"] = co.K.Json(),
                ["G_c_J_m2"] = co.Gc.Json(),
                ["lefm_ratio"] = JsonOutput.Number(co.LefmRatio),
                ["fit"] = new JsonObject { ["c0_per_GPa"] = JsonOutput.Number(co.C0PerGpa), ["b_per_GPa"] = JsonOutput.Number(co.B), ["b_stderr_per_GPa"] = JsonOutput.Number(co.BStdErr) },
                ["formula"] = "G_c = (sigma_c^2 W L0/4) d(1/E_eff)/da with 1/E_eff = c0 + b f(a)/L0, f = -(W/pi) ln cos(pi a/W); K = sqrt(E' G_c)",
            };
        if (c.JIntegral is { } j)
            methods["j_integral"] = new JsonObject
            {
                ["KIc_MPa_sqrt_m"] = j.Json(),
                ["G_c_J_m2"] = JsonOutput.Number(j.GcJPerM2),
                ["path_spread"] = JsonOutput.Number(c.JSpread),
                ["formula"] = "domain J (Li, Shih & Needleman 1985) of Hardy fields at the onset of tip advance; K = sqrt(E' J)",
            };
        if (c.KField is { } kf)
            methods["k_field"] = new JsonObject
            {
                ["KIc_MPa_sqrt_m"] = kf.Json(),
                ["G_c_J_m2"] = JsonOutput.Number(kf.GcJPerM2),
                ["formula"] = "K-controlled boundary loading: outer layer held at the LEFM K_I displacement (E, nu of the glass), FIRE relaxation per step at 0 K; K_Ic at lasting tip advance (R-curve in kfield/rK/kfield.csv)",
            };
        if (c.WorkOfFracture is { } wf)
            methods["work_of_fracture"] = new JsonObject
            {
                ["KIc_MPa_sqrt_m"] = wf.Json(),
                ["G_c_J_m2"] = JsonOutput.Number(wf.GcJPerM2),
                ["note"] = "L0 * integral sigma d(epsilon): every bit of work done on the box; depends on L0 and the protocol, not a material G_c (SCIENCE.md 10). K = sqrt(E W_f), plane stress",
            };
        var (route, why) = ToughnessAnalysis.Recommend(c);
        var agreement = ToughnessAnalysis.Agreement(c);
        var points = new JsonArray();
        foreach (var g in c.Pulls.GroupBy(p => p.Pull.Fraction))
        {
            var sig = Campaigns.CampaignAggregate.Describe(g.Select(p => p.Point.SigmaCGpa).ToList());
            var eff = Campaigns.CampaignAggregate.Describe(g.Select(p => p.Point.EffectiveModulusGpa).ToList());
            points.Add(new JsonObject
            {
                ["crack_length_fraction"] = g.Key,
                ["a_A"] = g.Average(p => p.Point.HalfLengthA),
                ["W_A"] = g.Average(p => p.Point.PeriodA),
                ["sigma_c_GPa"] = new JsonObject { ["mean"] = JsonOutput.Number(sig.Mean), ["sd"] = JsonOutput.Number(sig.Sd) },
                ["E_eff_GPa"] = new JsonObject { ["mean"] = JsonOutput.Number(eff.Mean), ["sd"] = JsonOutput.Number(eff.Sd) },
                ["n"] = g.Count(),
                ["separated"] = g.Count(p => p.Separated),
                ["J_c_J_m2"] = JsonOutput.Number(g.Where(p => p.J is not null).Select(p => p.J!.JcJPerM2).DefaultIfEmpty(double.NaN).Average()),
            });
        }
        return new JsonObject
        {
            ["youngs_modulus_GPa"] = JsonOutput.Number(c.YoungsGpa),
            ["poisson_ratio"] = JsonOutput.Number(c.Poisson),
            ["effective_modulus_GPa"] = JsonOutput.Number(c.EffectiveModulusGpa),
            ["plane_state"] = c.PlaneState,
            ["size"] = new JsonArray(c.Cell.Size.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["strain_rate_per_s"] = c.Cell.RatePerS,
            ["box_width_A"] = JsonOutput.Number(c.WidthA),
            ["box_length_A"] = JsonOutput.Number(c.LengthA),
            ["methods"] = methods,
            ["points"] = points,
            ["flags"] = new JsonArray(c.Flags.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
            ["agreement"] = new JsonObject
            {
                ["max_relative_difference_lefm_routes"] = JsonOutput.Number(agreement),
                ["goal"] = ToughnessAnalysis.AgreementGoal,
                ["met"] = agreement is { } a ? a <= ToughnessAnalysis.AgreementGoal : null,
            },
            ["recommended"] = new JsonObject
            {
                ["route"] = route,
                ["KIc_MPa_sqrt_m"] = route is null ? null : ToughnessAnalysis.Routes(c).First(r => r.Name == route).K!.Json(),
                ["why"] = why,
            },
        };
    }

    public static string Markdown(ToughnessStudy s, IReadOnlyList<CellResult> cells)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Toughness study").AppendLine();
        sb.AppendLine($"Study: `{s.Source}`; force field `{s.Base.ForceField}`; protocol {s.Base.Settings.Tension.Protocol}, {s.Base.Settings.Tension.TemperatureK.ToString(Ci)} K; " +
                      $"2a/W = {string.Join(", ", s.CrackLengthFractions.Select(f => f.ToString("0.###", Ci)))}; seeds {string.Join(", ", s.Seeds)}.").AppendLine();
        foreach (var c in cells)
        {
            sb.AppendLine($"## {c.Cell.Label}").AppendLine();
            sb.AppendLine(string.Create(Ci, $"E = {c.YoungsGpa:0.0} GPa, ν = {c.Poisson:0.000} (uncracked pulls); E′ = {c.EffectiveModulusGpa:0.0} GPa ({c.PlaneState}); W = {c.WidthA:0.0} Å, L0 = {c.LengthA:0.0} Å; {c.Pulls.Count} pre-cracked pulls, {c.Separated} separated.")).AppendLine();
            sb.AppendLine("| route | K_Ic (MPa·m^0.5) | stderr | 95 % CI | n | G_c (J/m²) |").AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var (name, k) in ToughnessAnalysis.Routes(c))
            {
                if (k is null) { sb.AppendLine($"| {name} | {(Asked(s, name) ? "not available (see the flags)" : "not run (not in study.methods)")} | | | | |"); continue; }
                var (lo, hi) = k.Ci95;
                sb.AppendLine($"| {name} | {F(k.Value, "0.000")} | {F(k.StdErr, "0.000")} | {F(lo, "0.000")} to {F(hi, "0.000")} | {k.N} | {F(k.GcJPerM2 ?? double.NaN, "0.00")} |");
            }
            sb.AppendLine();
            var (route, why) = ToughnessAnalysis.Recommend(c);
            sb.AppendLine($"**Recommended**: {route ?? "none"} — {why}.").AppendLine();
            if (ToughnessAnalysis.Agreement(c) is { } ag) sb.AppendLine($"LEFM routes agree within {ag:P0} (goal {ToughnessAnalysis.AgreementGoal:P0}).").AppendLine();
            sb.AppendLine("| 2a/W | a (Å) | σ_c (GPa) | E_eff (GPa) | separated | J_c (J/m²) |").AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var p in c.Pulls.OrderBy(p => p.Point.HalfLengthA))
                sb.AppendLine($"| {F(p.Pull.Fraction ?? double.NaN, "0.000")} (r{p.Pull.Seed}) | {F(p.Point.HalfLengthA, "0.00")} | {F(p.Point.SigmaCGpa, "0.00")} | {F(p.Point.EffectiveModulusGpa, "0.0")} | {(p.Separated ? "yes" : "no")} | {F(p.J?.JcJPerM2 ?? double.NaN, "0.00")} |");
            sb.AppendLine();
            if (c.Flags.Count > 0) { sb.AppendLine("Flags:").AppendLine(); foreach (var f in c.Flags) sb.AppendLine($"- {f}"); sb.AppendLine(); }
        }
        if (cells[0].Pulls.Count > 0) sb.AppendLine("![strength vs crack length](strength_vs_crack_length.png)").AppendLine();
        if (cells[0].Pulls.Any(p => p.J is not null)) sb.AppendLine("![J vs domain](j_vs_domain.png)").AppendLine();
        if (s.Uses(ToughnessMethod.KField)) sb.AppendLine("![R-curve](kfield_r_curve.png)").AppendLine();
        if (s.Sizes.Count > 1 || s.StrainRatesPerS.Count > 1) sb.Append(ConvergenceTable(cells));
        if (s.Sizes.Count > 1) sb.AppendLine("![size](convergence_size.png)").AppendLine();
        if (s.StrainRatesPerS.Count > 1) sb.AppendLine("![rate](convergence_rate.png)").AppendLine();
        sb.AppendLine("References for silica glass: measured 0.75-0.80 MPa·m^0.5 (SEPB, chevron notch); J-integral MD 0.76 ± 0.16 (Rimsza, Jones & Criscenti 2018). " +
                      "The work of fracture depends on the box length and the protocol; it is listed for comparison with earlier numbers, not as G_c.");
        return sb.ToString();
    }

    /// <summary>The size and rate fits of every route (<see cref="ToughnessConvergence"/>) as a Markdown table.</summary>
    private static string ConvergenceTable(IReadOnlyList<CellResult> cells)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## Convergence").AppendLine();
        sb.AppendLine("| route | trend | at | points | extrapolated K_Ic (MPa·m^0.5) | stderr | from the points' errors | χ²/ν | reach (data spans) |").AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var route in cells.SelectMany(ToughnessAnalysis.Routes).Select(r => r.Name).Distinct())
        {
            foreach (var (bySize, at, fit) in ToughnessConvergence.Lines(cells, route))
            {
                string trend = bySize ? "W → ∞" : $"rate → {ToughnessConvergence.QuasiStaticRatePerS.ToString(Ci)} 1/s";
                sb.AppendLine($"| {route} | {trend} | {at} | {fit.X.Length} | {F(fit.Extrapolated, "0.000")} | {F(fit.StdErr, "0.000")} | {F(fit.StdErrFromPoints, "0.000")} | {F(fit.ChiSquaredPerDof, "0.00")} | {F(fit.Reach, "0.0")} |");
            }
        }
        sb.AppendLine().AppendLine("Lines weighted by 1/stderr² of each point where every point has one; the stderr is the points' errors propagated, scaled by √(χ²/ν) when that exceeds 1 (Birge ratio). With two points a line has no error. " +
                      "The reach is how far the line is carried past the points, in units of their span: above 1 the value is a trend carried beyond the data, not a measurement (a log-linear rate law carried nine decades to 1 1/s is one).").AppendLine();
        return sb.ToString();
    }

    /// <summary>(K, advance) of every K-field loading's kfield.csv in the study, labelled by its folder.</summary>
    private static List<(string, IReadOnlyList<(double, double)>)> RCurves(ToughnessStudy s, string outDir)
    {
        var list = new List<(string, IReadOnlyList<(double, double)>)>();
        if (!s.Uses(ToughnessMethod.KField)) return list;
        foreach (var u in ToughnessPlan.Uncracked(s, outDir))
        {
            string f = Path.Combine(ToughnessPlan.KFieldDir(u, outDir), KFieldRun.Table);
            if (!File.Exists(f)) continue;
            var pts = File.ReadLines(f).Skip(1).Select(l => l.Split(','))
                .Select(c => (double.Parse(c[0], Ci), c[2].Length > 0 ? double.Parse(c[2], Ci) : double.NaN)).ToList();
            list.Add((Path.GetRelativePath(outDir, Path.GetDirectoryName(f)!), pts));
        }
        return list;
    }

    /// <summary>
    /// results.csv for <c>fracturelab compare --sim</c>: one row per cell with the study's label, E, ν, K_Ic of the recommended
    /// route (<c>KIc_MPa_sqrt_m</c>, its standard error as <c>_sd</c>) and every route's K_Ic by name.
    /// </summary>
    private static void ResultsCsv(TextWriter w, ToughnessStudy s, IReadOnlyList<CellResult> cells)
    {
        string Cell(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", Ci) : "";
        var routes = ToughnessAnalysis.Routes(cells[0]).Select(r => r.Name).ToList();
        w.WriteLine(string.Join(',', new[] { "glass", "x", "size", "strain_rate_per_s", "E_GPa", "poisson", "KIc_MPa_sqrt_m", "KIc_MPa_sqrt_m_sd", "KIc_route" }
            .Concat(routes.SelectMany(r => new[] { $"KIc_{r}_MPa_sqrt_m", $"KIc_{r}_stderr" }))));
        foreach (var c in cells)
        {
            var (route, _) = ToughnessAnalysis.Recommend(c);
            var rec = route is null ? null : ToughnessAnalysis.Routes(c).First(r => r.Name == route).K;
            var cellsOut = new List<string> { s.Label, Cell(s.X), string.Join('x', c.Cell.Size), Cell(c.Cell.RatePerS), Cell(c.YoungsGpa), Cell(c.Poisson), Cell(rec?.Value), Cell(rec?.StdErr), route ?? "" };
            foreach (var (_, k) in ToughnessAnalysis.Routes(c)) cellsOut.AddRange([Cell(k?.Value), Cell(k?.StdErr)]);
            w.WriteLine(string.Join(',', cellsOut));
        }
    }

    private static bool Asked(ToughnessStudy s, string route) => route switch
    {
        "crack_length" => s.Uses(ToughnessMethod.CrackLength), "compliance" => s.Uses(ToughnessMethod.Compliance), "j_integral" => s.Uses(ToughnessMethod.JIntegral),
        "k_field" => s.Uses(ToughnessMethod.KField), _ => s.Uses(ToughnessMethod.WorkOfFracture),
    };

    private static string F(double v, string f) => double.IsFinite(v) ? v.ToString(f, Ci) : "n/a";
}

using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Fracture.Analysis;
using FractureLab.Fracture.Protocols;
using FractureLab.Fracture.Runs;
using MathNet.Numerics.Statistics;

namespace FractureLab.Fracture.Toughness;

/// <summary>A finished pre-cracked pull as the routes see it.</summary>
public sealed record PullResult(StudyPull Pull, CrackPoint Point, bool Separated, double? WorkOfFractureJPerM2, double? KWorkOfFractureMPaSqrtM, JOnsetResult? J);

/// <summary>J at onset of one pull, read from its j_onset.json.</summary>
public sealed record JOnsetResult(double JcJPerM2, double Spread, bool AdvanceSeen, double[] OuterA, double[] JRight, double[] JLeft, double? ProcessZoneRatio = null);

/// <summary>Every route of one cell (size × rate): E and ν, the pulls, and each route's estimate with its checks.</summary>
public sealed record CellResult(
    StudyCell Cell, double YoungsGpa, double Poisson, double EffectiveModulusGpa, string PlaneState, double WidthA, double LengthA,
    IReadOnlyList<PullResult> Pulls, CrackLengthFit? CrackLength, ComplianceFit? Compliance, RouteEstimate? JIntegral, double? JSpread,
    RouteEstimate? WorkOfFracture, int Separated, List<string> Flags, RouteEstimate? KField = null);

/// <summary>
/// Gathers a study's finished pulls into the routes of SCIENCE.md §10 per cell (crack-length fit, compliance, J integral at
/// onset, work of fracture), checks them (LEFM scaling, J's path independence, separation, agreement between the LEFM
/// routes within 15 %), and recommends one.
/// </summary>
public static class ToughnessAnalysis
{
    public const double AgreementGoal = 0.15;
    public const double MaxJSpread = 0.15;

    public static List<CellResult> Analyze(ToughnessStudy s, string outDir) =>
        ToughnessPlan.Cells(s).Select(c => AnalyzeCell(s, c, outDir)).Where(c => c is not null).Select(c => c!).ToList();

    private static CellResult? AnalyzeCell(ToughnessStudy s, StudyCell cell, string outDir)
    {
        var flags = new List<string>();
        var unc = ToughnessPlan.Uncracked(s, outDir).Where(u => u.Cell == cell).Select(u => Path.Combine(u.Dir, ToughnessRunner.UncrackedSummary))
            .Where(File.Exists).Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList();
        if (unc.Count == 0) return null;
        double e = unc.Select(j => Num(j, "youngs_modulus_GPa")).OfType<double>().Mean();
        double nu = unc.Select(j => Num(j, "poisson_ratio")).OfType<double>().Mean();
        var protocol = s.Base.Settings.Tension.Protocol;
        // Lateral lengths fixed (B, C): the thickness cannot contract, plane strain; free (A): plane stress.
        var state = protocol == TensileProtocol.A ? Toughness.PlaneState.Stress : Toughness.PlaneState.Strain;
        double ePrime = KField.EffectiveModulus(e, nu, state);
        var pulls = new List<PullResult>();
        foreach (var p in ToughnessPlan.Cracked(s, outDir).Where(p => p.Cell == cell && RunDirectory.Finished(p.Dir)))
        {
            var j = JsonNode.Parse(File.ReadAllText(Path.Combine(p.Dir, "summary.json")))!;
            double a = Num(j, "crack_half_length_A")!.Value, w = Num(j, "period_A")!.Value;
            var curve = CurveSources.FromCsv(Path.Combine(p.Dir, "stress_strain.csv"), "strain", "stress_GPa", s.Base.Settings.Tension.Axis, lengthA: 1.0);
            double eEff = ComplianceRoute.EffectiveModulus(curve.Strain, curve.StressGpa);
            var point = new CrackPoint(a, w, Num(j, "strength_GPa")!.Value, eEff, Num(j, "initial_length_A")!.Value, p.Seed);
            bool sep = j["separated"]!.GetValue<bool>();
            double? wof = sep ? Num(j, "fracture_energy_J_m2") : null;
            pulls.Add(new PullResult(p, point, sep, wof, wof is { } g ? FractureUnits.KFromEnergy(e, g) : null, ReadJ(p.Dir)));
        }
        var points = pulls.Select(p => p.Point).ToList();
        CrackLengthFit? cl = s.Uses(ToughnessMethod.CrackLength) && points.Count > 0 ? CrackLengthRoute.Fit(points) : null;
        if (cl is not null && !cl.ScalesAsLefm) flags.Add("crack-length: " + cl.Check);
        ComplianceFit? co = s.Uses(ToughnessMethod.Compliance) && points.Count > 0 ? ComplianceRoute.Fit(points, ePrime) : null;
        if (s.Uses(ToughnessMethod.Compliance) && co is null) flags.Add("compliance: needs at least two crack lengths");
        if (co is not null && (co.LefmRatio < 0.5 || co.LefmRatio > 2))
            flags.Add(string.Create(CultureInfo.InvariantCulture, $"compliance: 1/E_eff grows {co.LefmRatio:0.00}x as fast with a as LEFM cracks would (b E'/4); far from 1, the slope is not an elastic crack's"));
        RouteEstimate? jr = null;
        double? jSpread = null;
        if (s.Uses(ToughnessMethod.JIntegral))
        {
            var js = pulls.Where(p => p.J is { JcJPerM2: > 0 }).ToList();
            if (js.Count == 0) flags.Add("j-integral: no pull gave J at onset (no crack found in the dumps)");
            else
            {
                var k = js.Select(p => FractureUnits.KFromEnergy(ePrime, p.J!.JcJPerM2)).ToList();
                jr = RouteEstimate.MeanOf(k) with { GcJPerM2 = js.Average(p => p.J!.JcJPerM2) };
                jSpread = js.Select(p => p.J!.Spread).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
                if (jSpread > MaxJSpread) flags.Add(string.Create(CultureInfo.InvariantCulture, $"j-integral: path dependence {jSpread:P0} between domains (limit {MaxJSpread:P0}): the atomistic fields are noisy or the zone is not small"));
                if (js.Any(p => !p.J!.AdvanceSeen)) flags.Add("j-integral: in some pulls no lasting tip advance was seen; J taken at the peak-stress frame there");
            }
        }
        // LEFM validity (SCIENCE.md §10): the process zone at onset small against a and the ligament, for every route.
        var zones = pulls.Where(p => p.J?.ProcessZoneRatio is not null).ToList();
        var large = zones.Where(p => p.J!.ProcessZoneRatio > ProcessZone.MaxRatio).ToList();
        if (large.Count > 0)
            flags.Add(string.Create(CultureInfo.InvariantCulture, $"validity: the process zone at onset is {large.Min(p => p.J!.ProcessZoneRatio):0.00}-{large.Max(p => p.J!.ProcessZoneRatio):0.00} of min(a, W/2 - a) in {large.Count} of {zones.Count} pulls (LEFM wants below {ProcessZone.MaxRatio}): every route's K_Ic rests on a zone that is not small; a larger box is the remedy"));
        int separated = pulls.Count(p => p.Separated);
        RouteEstimate? wr = null;
        if (s.Uses(ToughnessMethod.WorkOfFracture))
        {
            var k = pulls.Where(p => p.KWorkOfFractureMPaSqrtM is not null).Select(p => p.KWorkOfFractureMPaSqrtM!.Value).ToList();
            wr = k.Count > 0 ? RouteEstimate.MeanOf(k) with { GcJPerM2 = pulls.Where(p => p.WorkOfFractureJPerM2 is not null).Average(p => p.WorkOfFractureJPerM2!.Value) } : null;
            if (separated < pulls.Count) flags.Add($"work-of-fracture: {pulls.Count - separated} of {pulls.Count} pulls did not separate by the maximum strain (left out)");
        }
        RouteEstimate? kf = null;
        if (s.Uses(ToughnessMethod.KField))
        {
            var runs = ToughnessPlan.Uncracked(s, outDir).Where(u => u.Cell == cell).Select(u => Path.Combine(ToughnessPlan.KFieldDir(u, outDir), KFieldRun.Result))
                .Where(File.Exists).Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList();
            var k = runs.Select(j => Num(j, "KIc_MPa_sqrt_m")).OfType<double>().ToList();
            if (k.Count > 0) kf = RouteEstimate.MeanOf(k) with { GcJPerM2 = k.Average(v => KField.EnergyReleaseRateJPerM2(v, ePrime)) };
            if (k.Count < runs.Count) flags.Add($"k-field: {runs.Count - k.Count} of {runs.Count} loadings did not reach crack advance by k_max (K_Ic above it)");
            if (runs.Count == 0) flags.Add("k-field: no finished K-field loading");
            foreach (var r in runs.Select(j => Num(j, "J_over_K2_Eprime_below_onset")).OfType<double>().Where(v => Math.Abs(v - 1) > 0.2))
                flags.Add(string.Create(CultureInfo.InvariantCulture, $"k-field: J from the atoms is {r:0.00} of K^2/E' below the onset: the applied field and the glass' response differ (E, nu, or the slab is too small)"));
        }
        var u0 = unc[0];
        return new CellResult(cell, e, nu, ePrime, state == Toughness.PlaneState.Strain ? "plane strain" : "plane stress",
            Num(u0, "width_A") ?? double.NaN, points.Count > 0 ? points.Average(p => p.InitialLengthA) : Num(u0, "initial_length_A") ?? double.NaN, pulls, cl, co, jr, jSpread, wr, separated, flags, kf);
    }

    /// <summary>The routes of a cell by name, with their estimates (null when not taken or not available).</summary>
    public static IEnumerable<(string Name, RouteEstimate? K)> Routes(CellResult c) =>
    [
        ("crack_length", c.CrackLength?.K), ("compliance", c.Compliance?.K), ("j_integral", c.JIntegral), ("k_field", c.KField), ("work_of_fracture", c.WorkOfFracture),
    ];

    /// <summary>
    /// The recommended route and why: the crack-length fit when the strengths scale as LEFM (the route of Brochard et al.,
    /// resting on σ_c only), else the compliance route when its LEFM ratio is within 2×, else J when path independent;
    /// never the work of fracture, which depends on L0 and the protocol.
    /// </summary>
    public static (string? Route, string Why) Recommend(CellResult c)
    {
        if (c.CrackLength is { ScalesAsLefm: true } cl && cl.K.N >= 3) return ("crack_length", "the strengths scale as LEFM says over the crack lengths (" + cl.Check + ")");
        if (c.Compliance is { } co && co.LefmRatio is >= 0.5 and <= 2 && double.IsFinite(co.K.Value))
            return ("compliance", string.Create(CultureInfo.InvariantCulture, $"the compliance grows with a as LEFM cracks' would (ratio {co.LefmRatio:0.00}); the crack-length fit is flagged or has too few points"));
        if (c.JIntegral is { } j && double.IsFinite(j.Value) && c.JSpread is <= MaxJSpread)
            return ("j_integral", "J is path independent within 15 % while the LEFM fits are flagged");
        if (c.KField is { } kf && double.IsFinite(kf.Value) && !c.Flags.Any(f => f.StartsWith("k-field: J from the atoms", StringComparison.Ordinal)))
            return ("k_field", "the K-field loading reached crack advance and its J matches K^2/E' within 20 % below the onset, while the pull routes are flagged or absent");
        return (null, "no route passes its checks: see the flags (more crack lengths, replicas or a larger box)");
    }

    /// <summary>The largest relative difference between the LEFM routes' K_Ic (crack length, compliance, J, K field).</summary>
    public static double? Agreement(CellResult c)
    {
        var v = new[] { c.CrackLength?.K.Value, c.Compliance?.K.Value, c.JIntegral?.Value, c.KField?.Value }.OfType<double>().Where(double.IsFinite).ToList();
        return v.Count < 2 ? null : v.Max() / v.Min() - 1;
    }

    private static JOnsetResult? ReadJ(string dir)
    {
        string f = Path.Combine(dir, ToughnessRunner.JOnsetFile);
        if (!File.Exists(f)) return null;
        var j = JsonNode.Parse(File.ReadAllText(f))!;
        if (j["found"]?.GetValue<bool>() != true || Num(j, "Jc_J_m2") is not { } jc) return null;
        double[] A(string k) => j[k]!.AsArray().Select(x => x is null ? double.NaN : x.GetValue<double>()).ToArray();
        return new JOnsetResult(jc, Num(j, "spread") ?? double.NaN, j["advance_seen"]!.GetValue<bool>(), A("domains_outer_A"), A("J_right_J_m2"), A("J_left_J_m2"),
            j["process_zone"] is { } pz ? Num(pz, "ratio_to_min_a_ligament") : null);
    }

    private static double? Num(JsonNode n, string key) => n[key] is JsonValue v && v.TryGetValue(out double d) && double.IsFinite(d) ? d : null;
}

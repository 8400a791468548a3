using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Output;
using FractureLab.Experiments.Plots;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;
using OxyPlot;
using OxyPlot.Series;

namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>
/// The Arrhenius fit of diffusion analyses at several temperatures written as a folder (<c>fracturelab conductivity</c>,
/// campaigns' conductivity.csv): activation energy, prefactor, D and the Nernst-Einstein conductivity extrapolated to a
/// temperature; arrhenius.csv, summary.json and arrhenius.png.
/// </summary>
public static class ArrheniusReport
{
    /// <summary>The Arrhenius fit of every diffusion summary.json below the folders, written into <paramref name="outDir"/>; returns its summary.</summary>
    public static (JsonObject Summary, string Text) Write(IReadOnlyList<string> folders, double at300, string outDir, string? chargeSpec = null)
    {
        var points = new List<(string File, double T, double D, int Ions, double V, ConductivityCharge Q)>();
        foreach (string dir in folders)
        {
            if (!Directory.Exists(dir)) throw new InputException($"'{dir}' is not a folder");
            foreach (string f in Directory.EnumerateFiles(dir, "summary.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(f));
                var r = doc.RootElement;
                if (!r.TryGetProperty("D_cm2_per_s", out var d)) continue; // not a diffusion summary
                if (!r.TryGetProperty("temperature_K", out var t) || t.ValueKind != JsonValueKind.Number)
                    throw new InputException($"{f}: no temperature_K (rerun diffusion with --temperature)");
                var q = SummaryCharge(f, r, chargeSpec);
                points.Add((f, t.GetDouble(), d.GetDouble(), r.GetProperty("ions").GetInt32(), r.GetProperty("volume_A3").GetDouble(), q));
            }
        }
        if (points.Count < 2) throw new InputException($"conductivity: found {points.Count} diffusion summaries; the Arrhenius fit needs at least two temperatures");
        var fit = ArrheniusFit.Fit(points.Select(x => x.T).ToList(), points.Select(x => x.D).ToList());
        double d300 = fit.DAt(at300);
        var output = new LabOutput(outDir);
        var charge = points[0].Q;
        if (points.FirstOrDefault(x => x.Q.ChargeE != charge.ChargeE) is { File: not null } other)
            throw new InputException($"conductivity: {other.File} used z = {other.Q.ChargeE} e, {points[0].File} z = {charge.ChargeE} e; give --charge to use one");
        double sigma = NernstEinstein.ConductivitySPerCm(points[0].Ions, points.Average(x => x.V), charge.ChargeE, d300, at300);
        output.Text("arrhenius.csv", w => TableWriter.Write(w, ["summary", "temperature_K", "inverse_T_per_K", "D_cm2_per_s", "ln_D"],
            points.Select(x => (IReadOnlyList<object?>)[x.File, x.T, 1 / x.T, x.D, Math.Log(x.D)])));
        var summary = new JsonObject
        {
            ["points"] = points.Count,
            ["activation_energy_eV"] = fit.ActivationEv,
            ["activation_energy_se_eV"] = double.IsFinite(fit.ActivationSeEv) ? fit.ActivationSeEv : null,
            ["prefactor_D0_cm2_per_s"] = fit.PrefactorCm2PerS,
            ["ln_D0_se"] = double.IsFinite(fit.LnPrefactorSe) ? fit.LnPrefactorSe : null,
            ["extrapolated_to_K"] = at300,
            ["D_extrapolated_cm2_per_s"] = d300,
            ["conductivity_extrapolated_S_per_cm"] = sigma,
            ["conductivity_convention"] = "Nernst-Einstein with the tracer D at the mean ion density of the runs",
            ["conductivity_charge_e"] = charge.ChargeE,
            ["conductivity_charge_source"] = charge.Source,
        };
        output.Json("summary.json", summary);
        var model = PlotExport.NewModel("Arrhenius", "1000 / T (1/K)", "ln D (D in cm²/s)");
        var pts = new ScatterSeries { Title = "runs", MarkerType = MarkerType.Circle, MarkerSize = 5 };
        foreach (var x in points) pts.Points.Add(new ScatterPoint(1000 / x.T, Math.Log(x.D)));
        var line = new LineSeries { Title = string.Create(CultureInfo.InvariantCulture, $"Ea = {fit.ActivationEv:0.###} eV"), Color = OxyColors.Black, LineStyle = LineStyle.Dash };
        foreach (double T in new[] { points.Max(x => x.T), at300 }) line.Points.Add(new DataPoint(1000 / T, Math.Log(fit.DAt(T))));
        model.Series.Add(pts);
        model.Series.Add(line);
        output.Png("arrhenius.png", PlotExport.Png(model));
        string text = string.Create(CultureInfo.InvariantCulture,
            $"Ea = {fit.ActivationEv:0.###} ± {fit.ActivationSeEv:0.###} eV, D0 = {fit.PrefactorCm2PerS:0.###e0} cm²/s from {points.Count} temperatures; D({at300:0} K) = {d300:0.###e0} cm²/s, " +
            $"sigma = {sigma:0.###e0} S/cm with z = {charge.ChargeE:G4} e ({charge.Source})\nresults in {output.Folder}");
        return (summary, text);
    }

    /// <summary>
    /// The charge of one diffusion summary: <paramref name="spec"/> when given, else the charge the summary used, else (a summary
    /// written before the charge was recorded) the formal charge of its species.
    /// </summary>
    private static ConductivityCharge SummaryCharge(string file, JsonElement r, string? spec)
    {
        string species = r.TryGetProperty("species", out var sp) && sp.ValueKind == JsonValueKind.String ? sp.GetString()! : throw new InputException($"{file}: no species");
        double? dumpQ = r.TryGetProperty("dump_charge_e", out var dq) && dq.ValueKind == JsonValueKind.Number ? dq.GetDouble() : null;
        if (spec is null && r.TryGetProperty("conductivity_charge_e", out var qe) && qe.ValueKind == JsonValueKind.Number)
            return new ConductivityCharge(qe.GetDouble(), r.TryGetProperty("conductivity_charge_source", out var src) ? src.GetString() ?? "the diffusion summary" : "the diffusion summary");
        return ConductivityCharge.Resolve(spec, species, dumpQ);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.BondSwitch.Output;
using FractureLab.BondSwitch.Plots;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Experiments.Plots;
using FractureLab.Mechanics;
using FractureLab.Mechanics.IO;

namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>What to analyse: the dumps of one run and the options of <c>fracturelab diffusion</c>.</summary>
public sealed record DiffusionRequest(string[] Files, string Species, string[]? Elements = null, double TimestepFs = 1.0, double? FrameIntervalPs = null,
    double SkipPs = 0, double? TemperatureK = null, string? Charge = null, string? Regions = null, double HopThresholdA = 1.5,
    double VanHoveMaxA = 8.0, IReadOnlyList<double>? VanHoveLagsPs = null);

/// <summary>
/// The diffusion analysis of one run written as a folder (<c>fracturelab diffusion</c>, campaigns' ion-dynamics axis):
/// tracer and charge MSD (FFT, all origins), D from the diffusive regime found automatically, Haven ratio,
/// Nernst-Einstein conductivity with the charge stated, α₂(t), self van Hove function, hops, optionally per region;
/// summary.json, msd.csv, alpha2.csv, vanhove.csv and diffusion.png.
/// </summary>
public static class DiffusionReport
{
    /// <summary>Runs the analysis and writes summary.json, the CSV curves and diffusion.png into <paramref name="outDir"/>; returns the summary.</summary>
    public static (JsonObject Summary, string Text) Write(DiffusionRequest q, string outDir)
    {
        var frames = q.Files.SelectMany(f => SnapshotReader.Read(f, q.Elements)).ToList();
        var t = IonTrajectory.From(frames, q.Species, q.TimestepFs, q.FrameIntervalPs, q.SkipPs);
        var charge = ConductivityCharge.Resolve(q.Charge, t.Species, t.ChargeE);
        var (temp, tempSource) = q.TemperatureK is { } given ? (given, "given") : ThermoTemperature(q.Files[0], q.SkipPs);
        var settings = new DiffusionSettings(HopThresholdA: q.HopThresholdA, VanHoveMaxA: q.VanHoveMaxA, VanHoveLagsPs: q.VanHoveLagsPs);
        if (!(settings.HopThresholdA > 0)) throw new InputException($"--hop-threshold must be positive, got {settings.HopThresholdA}");
        var all = DiffusionAnalysis.Run(t, settings, "all");
        var output = new LabOutput(outDir);
        var summary = Summary(all, t, temp, tempSource, charge);
        summary["frames"] = t.Frames;
        summary["frame_interval_ps"] = t.FrameIntervalPs;
        summary["skipped_ps"] = q.SkipPs;
        summary["volume_A3"] = t.MeanVolumeA3;
        summary["hop_threshold_A"] = settings.HopThresholdA;
        summary["hop_window_ps"] = settings.HopWindowPs;
        summary["files"] = new JsonArray([.. q.Files.Select(f => (JsonNode)f)]);
        if (q.Regions is { } spec)
        {
            var regionJson = new JsonObject();
            foreach (var (label, atoms) in DiffusionAnalysis.Regions(t, spec))
            {
                if (atoms.Length == 0) { regionJson[label] = "no ions start in this slab"; continue; }
                var r = DiffusionAnalysis.Run(t.Select(atoms), settings, label);
                regionJson[label] = Summary(r, t, temp, tempSource, charge, ionsForDensity: atoms.Length);
                output.Text($"msd_{LabOutput.SafeName(label)}.csv", w => MsdCsv(w, r));
            }
            summary["regions"] = regionJson;
        }
        output.Text("msd.csv", w => MsdCsv(w, all));
        output.Text("alpha2.csv", w => TableWriter.Write(w, ["t_ps", "alpha2"], all.AlphaLags.Select((l, k) => (IReadOnlyList<object?>)[all.TimesPs[l], all.Alpha2[k]])));
        output.Text("vanhove.csv", w => TableWriter.Write(w, ["r_A", .. all.VanHove.Select(v => string.Create(CultureInfo.InvariantCulture, $"P_{v.TimePs:0.###}ps_per_A"))],
            all.VanHove[0].RA.Select((r, k) => (IReadOnlyList<object?>)[r, .. all.VanHove.Select(v => (object?)v.Density[k])])));
        output.Json("summary.json", summary);
        output.Png("diffusion.png", PlotExport.PngGrid([DiffusionPlots.Msd(all), DiffusionPlots.Alpha2(all), DiffusionPlots.VanHove(all)], 3));
        var ci = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine(string.Create(ci, $"{t.Species}: {t.Atoms} ions, {t.Frames} frames every {t.FrameIntervalPs:G4} ps; D = {all.Tracer.DCm2PerS:0.###e0} cm²/s " +
            $"(fit {all.Tracer.FromPs:0.##}-{all.Tracer.ToPs:0.##} ps, log-log slope {all.Tracer.LogLogSlope:0.00}{(all.Tracer.Diffusive ? "" : ", NOT diffusive")}), Haven ratio {all.HavenRatio:0.00}"));
        if (summary["conductivity_S_per_cm"] is { } sigma) text.AppendLine(string.Create(ci, $"Nernst-Einstein conductivity at {temp:0} K ({tempSource}): {sigma.GetValue<double>():0.###e0} S/cm with z = {charge.ChargeE:G4} e ({charge.Source})"));
        text.Append($"results in {output.Folder}");
        return (summary, text.ToString());
    }

    private static JsonObject Summary(DiffusionResult r, IonTrajectory t, double? temperatureK, string tempSource, ConductivityCharge charge, int? ionsForDensity = null)
    {
        var o = new JsonObject
        {
            ["species"] = t.Species,
            ["ions"] = r.Ions,
            ["D_cm2_per_s"] = r.Tracer.DCm2PerS,
            ["D_A2_per_ps"] = r.Tracer.DA2PerPs,
            ["fit_window_ps"] = new JsonArray(r.Tracer.FromPs, r.Tracer.ToPs),
            ["loglog_slope_in_window"] = r.Tracer.LogLogSlope,
            ["diffusive"] = r.Tracer.Diffusive,
            ["fit_R2"] = r.Tracer.RSquared,
            ["D_sigma_cm2_per_s"] = r.Charge.DCm2PerS,
            ["haven_ratio"] = double.IsFinite(r.HavenRatio) ? r.HavenRatio : null,
            ["alpha2_peak"] = r.Alpha2Peak,
            ["alpha2_peak_time_ps"] = r.Alpha2PeakTimePs,
            ["hops"] = r.Hops.Hops,
            ["hop_rate_per_ion_per_ps"] = r.Hops.RatePerAtomPerPs,
            ["mean_hop_length_A"] = r.Hops.MeanLengthA,
            ["fraction_of_ions_hopping"] = r.Hops.FractionHopping,
            ["temperature_K"] = temperatureK,
            ["temperature_source"] = tempSource,
            ["conductivity_charge_e"] = charge.ChargeE,
            ["conductivity_charge_source"] = charge.Source,
            ["dump_charge_e"] = t.ChargeE,
        };
        double q = charge.ChargeE;
        if (temperatureK is { } T && r.Tracer.DCm2PerS > 0)
        {
            int n = ionsForDensity ?? r.Ions;
            o["conductivity_S_per_cm"] = NernstEinstein.ConductivitySPerCm(n, t.MeanVolumeA3, q, r.Tracer.DCm2PerS, T);
            o["conductivity_convention"] = "Nernst-Einstein with the tracer D (divide by the Haven ratio for the charge-diffusion value)";
            if (r.Charge.DCm2PerS > 0) o["conductivity_from_D_sigma_S_per_cm"] = NernstEinstein.ConductivitySPerCm(n, t.MeanVolumeA3, q, r.Charge.DCm2PerS, T);
        }
        else o["conductivity_S_per_cm"] = null;
        return o;
    }

    /// <summary>Mean temperature of thermo.csv (written by fracturelab md) next to the dump, after the skipped time.</summary>
    private static (double?, string) ThermoTemperature(string dump, double skipPs)
    {
        string thermo = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dump)) ?? ".", "thermo.csv");
        if (!File.Exists(thermo)) return (null, "unknown: give --temperature for the conductivity");
        var table = FractureLab.Experiments.Tables.CsvTable.Read(thermo);
        if (!table.Has("temperature_K") || !table.Has("time_ps")) throw new InputException($"{thermo}: needs columns time_ps and temperature_K");
        var values = table.Rows.Select(r => (t: table.Number(r, "time_ps") ?? double.NaN, T: table.Number(r, "temperature_K") ?? double.NaN))
            .Where(v => v.t >= skipPs && double.IsFinite(v.T)).Select(v => v.T).ToList();
        return values.Count == 0 ? (null, $"unknown: {thermo} has no rows after {skipPs} ps") : (values.Average(), $"mean of {thermo}");
    }

    private static void MsdCsv(TextWriter w, DiffusionResult r) =>
        TableWriter.Write(w, ["t_ps", "msd_A2", "msd_charge_per_ion_A2"], r.TimesPs.Select((t, k) => (IReadOnlyList<object?>)[t, r.MsdA2[k], r.CollectiveMsdA2[k]]));
}

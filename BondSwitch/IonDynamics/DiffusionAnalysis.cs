using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>
/// Settings of a diffusion analysis: fit tolerance on the log-log slope, hop threshold (Å) and window (ps), van Hove range
/// and bin (Å) and its lags (ps; null: the shortest, the middle and the longest of the log-spaced lags).
/// </summary>
public sealed record DiffusionSettings(double SlopeTolerance = 0.15, double HopThresholdA = 1.5, double HopWindowPs = 0.5, double VanHoveMaxA = 8.0, double VanHoveBinA = 0.05,
    IReadOnlyList<double>? VanHoveLagsPs = null);

/// <summary>Everything the diffusion command reports for one species (and one region, when regions are asked for).</summary>
public sealed record DiffusionResult(
    string Label,
    int Ions,
    double[] TimesPs,
    double[] MsdA2,
    double[] CollectiveMsdA2,
    DiffusionCoefficient Tracer,
    DiffusionCoefficient Charge,
    int[] AlphaLags,
    double[] Alpha2,
    double Alpha2PeakTimePs,
    double Alpha2Peak,
    (double TimePs, double[] RA, double[] Density)[] VanHove,
    (double RatePerAtomPerPs, double MeanLengthA, double FractionHopping, int Hops) Hops)
{
    /// <summary>Haven ratio H = D_tracer / D_σ (NaN when the charge MSD gives no positive slope).</summary>
    public double HavenRatio => Charge.DA2PerPs > 0 ? Tracer.DA2PerPs / Charge.DA2PerPs : double.NaN;
}

public static class DiffusionAnalysis
{
    public static DiffusionResult Run(IonTrajectory t, DiffusionSettings settings, string label)
    {
        if (t.Atoms == 0) throw new InputException($"diffusion: no {t.Species} atoms in {label}");
        var msd = MeanSquaredDisplacement.Tracer(t);
        var coll = MeanSquaredDisplacement.Collective(t);
        var tracer = DiffusionFit.Fit(t.TimesPs, msd, settings.SlopeTolerance);
        var charge = DiffusionFit.Fit(t.TimesPs, coll, settings.SlopeTolerance);
        var lags = DisplacementStatistics.LogLags(t.Frames);
        int stride = Math.Max(1, t.Frames / 200); // ~200 origins per lag are plenty
        var alpha = lags.Select(l => DisplacementStatistics.NonGaussian(t, l, stride)).ToArray();
        int peak = Enumerable.Range(0, alpha.Length).MaxBy(k => alpha[k]);
        if (!(settings.VanHoveMaxA > 0 && double.IsFinite(settings.VanHoveMaxA))) throw new InputException($"--vanhove-rmax must be positive, got {settings.VanHoveMaxA} Å");
        var vhLags = settings.VanHoveLagsPs is { } asked
            ? asked.Select(ps => ps > 0 && ps <= t.TimesPs[^1] + 1e-9 ? Math.Max(1, (int)Math.Round(ps / t.FrameIntervalPs))
                : throw new InputException($"--vanhove-lags-ps: {ps} ps is outside the trajectory (0, {t.TimesPs[^1]:G4}] ps")).Distinct().ToArray()
            : new[] { lags[0], lags[lags.Length / 2], lags[^1] }.Distinct().ToArray();
        var vanHove = vhLags.Select(l =>
        {
            var (r, d) = DisplacementStatistics.VanHove(t, l, settings.VanHoveMaxA, settings.VanHoveBinA, stride);
            return (t.TimesPs[l], r, d);
        }).ToArray();
        int window = Math.Max(1, (int)Math.Round(settings.HopWindowPs / t.FrameIntervalPs));
        var hops = DisplacementStatistics.Hops(t, settings.HopThresholdA, window);
        return new DiffusionResult(label, t.Atoms, t.TimesPs, msd, coll, tracer, charge, lags, alpha, t.TimesPs[lags[peak]], alpha[peak], vanHove, hops);
    }

    /// <summary>
    /// Regions as slabs along an axis in fractional coordinates of the first frame, e.g. "z:0-0.5,0.5-1": each ion
    /// belongs to the slab it starts in (glass, crystal, interface).
    /// </summary>
    public static List<(string Label, int[] Atoms)> Regions(IonTrajectory t, string spec)
    {
        var parts = spec.Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length != 1 || !"xyz".Contains(parts[0][0]))
            throw new InputException($"--regions '{spec}': expected AXIS:LO-HI,... in fractions of the box, e.g. z:0-0.5,0.5-1");
        int axis = "xyz".IndexOf(parts[0][0]);
        var result = new List<(string, int[])>();
        foreach (var slab in parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var b = slab.Split('-', StringSplitOptions.TrimEntries);
            if (b.Length != 2 || !double.TryParse(b[0], System.Globalization.CultureInfo.InvariantCulture, out double lo) || !double.TryParse(b[1], System.Globalization.CultureInfo.InvariantCulture, out double hi) || !(lo >= 0 && hi <= 1 && hi > lo))
                throw new InputException($"--regions '{spec}': slab '{slab}' must be LO-HI with 0 ≤ LO < HI ≤ 1");
            var atoms = Enumerable.Range(0, t.Atoms).Where(a => t.FirstFractional[3 * a + axis] >= lo && (t.FirstFractional[3 * a + axis] < hi || hi == 1)).ToArray();
            result.Add(($"{"xyz"[axis]}{slab}", atoms));
        }
        return result;
    }
}

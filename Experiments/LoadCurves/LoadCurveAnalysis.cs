using MathNet.Numerics;

namespace FractureLab.Experiments.LoadCurves;

/// <summary>How the final fracture of a flexure test ran.</summary>
public enum FractureMode
{
    /// <summary>The load fell from P_max to below the end-of-test level within a small fraction of the loading displacement.</summary>
    Unstable,
    /// <summary>The load fell gradually over a displacement span: stable crack growth.</summary>
    Stable,
    /// <summary>The record ends before the load falls to the end-of-test level.</summary>
    NotRecorded,
}

/// <summary>A change of slope on the rising part of the curve: the re-opening of a closed pop-in precrack.</summary>
/// <param name="LoadN">Load at the knee, N.</param>
/// <param name="DisplacementMm">Displacement at the knee, mm.</param>
/// <param name="StiffnessBeforeNPerMm">Slope below the knee, N/mm.</param>
/// <param name="StiffnessAfterNPerMm">Slope above the knee, N/mm.</param>
public sealed record Knee(double LoadN, double DisplacementMm, double StiffnessBeforeNPerMm, double StiffnessAfterNPerMm);

/// <summary>Thresholds of <see cref="LoadCurveAnalysis"/>, with their defaults.</summary>
/// <param name="EndOfTestDrop">Fractional drop from P_max that marks final fracture (0.4: below 60 % of P_max, as testing software's default break detection).</param>
/// <param name="UnstableDisplacementFraction">A drop completed within this fraction of the loading displacement is unstable.</param>
/// <param name="KneeStiffnessDrop">Relative loss of slope that makes a knee (0.15).</param>
/// <param name="KneeFitGain">The two-line fit must leave at most this fraction of the one-line residual (0.5).</param>
public sealed record CurveAnalysisOptions(
    double EndOfTestDrop = 0.4,
    double UnstableDisplacementFraction = 0.02,
    double KneeStiffnessDrop = 0.15,
    double KneeFitGain = 0.5);

/// <summary>What a load-displacement curve says: P_max (N) and where, the knee if any, and how it broke.</summary>
public sealed record CurveAnalysis(
    double PmaxN,
    int PmaxIndex,
    double DisplacementAtPmaxMm,
    Knee? Knee,
    FractureMode Fracture,
    double? DropDisplacementMm);

/// <summary>
/// P_max, re-opening knee and fracture mode of an SEPB load-displacement record (SCIENCE.md §5).
/// P_max is the largest load before the final drop: in the modified SEPB (To et al., Acta Mater. 146, 1
/// (2018)) the closed pop-in precrack re-opens early in the loading, which shows as a knee (a loss of
/// stiffness, sometimes with a small dip) below P_max; it is reported, never taken as P_max or as crack growth.
/// </summary>
public static class LoadCurveAnalysis
{
    public static CurveAnalysis Analyze(LoadDisplacementCurve curve, CurveAnalysisOptions? options = null)
    {
        options ??= new CurveAnalysisOptions();
        var p = curve.LoadN;
        var x = curve.DisplacementMm;
        int n = p.Length;
        if (n < 3) throw new LabDataException($"{curve.Source}: fewer than 3 points");
        double globalMax = p.Max();
        if (!(globalMax > 0)) throw new LabDataException($"{curve.Source}: no positive load in column '{curve.LoadColumn}'");

        // The final drop: the first point below (1 - EndOfTestDrop) of the running maximum, once that maximum
        // has reached half the record's largest load (small early dips are pop-in knees, not fracture).
        // P_max is the largest load before it, so a load rise after fracture (fixture contact) is never P_max.
        double keep = 1.0 - options.EndOfTestDrop;
        double running = p[0];
        int m = 0, e = -1;
        for (int i = 1; i < n; i++)
        {
            if (p[i] > running) { running = p[i]; m = i; }
            else if (running >= 0.5 * globalMax && p[i] <= keep * running) { e = i; break; }
        }
        double pmax = running;

        // The loading starts where the load first exceeds 5 % of P_max (before that: seating and preload).
        int start = 0;
        while (start < m && p[start] < 0.05 * pmax) start++;

        FractureMode mode;
        double? drop = null;
        if (e < 0) mode = FractureMode.NotRecorded;
        else
        {
            drop = x[e] - x[m];
            double loadingSpan = Math.Abs(x[m] - x[start]);
            mode = e == m + 1 || Math.Abs(drop.Value) <= options.UnstableDisplacementFraction * loadingSpan
                ? FractureMode.Unstable : FractureMode.Stable;
        }
        return new CurveAnalysis(pmax, m, x[m], FindKnee(p, x, start, m, pmax, options), mode, drop);
    }

    /// <summary>
    /// Two-segment least-squares fit of load vs displacement between 5 % and 90 % of P_max (lines fitted with
    /// MathNet's Fit.Line); the break is a knee when the upper slope is lower by at least
    /// <see cref="CurveAnalysisOptions.KneeStiffnessDrop"/> and the two lines fit markedly better than one.
    /// Long records are thinned to at most 400 points for the search.
    /// </summary>
    private static Knee? FindKnee(double[] p, double[] x, int start, int m, double pmax, CurveAnalysisOptions o)
    {
        int stop = m;
        while (stop > start && p[stop] > 0.9 * pmax) stop--;
        int count = stop - start + 1;
        if (count < 12) return null;
        int stride = Math.Max(1, count / 400);
        var xs = new List<double>();
        var ps = new List<double>();
        for (int i = start; i <= stop; i += stride) { xs.Add(x[i]); ps.Add(p[i]); }
        int k = xs.Count;
        if (k < 12) return null;

        double single = Residual(xs, ps, 0, k);
        double best = double.PositiveInfinity;
        int bestBreak = -1;
        for (int b = 5; b <= k - 6; b++)
        {
            double r = Residual(xs, ps, 0, b + 1) + Residual(xs, ps, b, k - b);
            if (r < best) { best = r; bestBreak = b; }
        }
        if (bestBreak < 0 || !(best <= o.KneeFitGain * single)) return null;
        var (_, s1) = Fit.Line(xs.GetRange(0, bestBreak + 1).ToArray(), ps.GetRange(0, bestBreak + 1).ToArray());
        var (_, s2) = Fit.Line(xs.GetRange(bestBreak, k - bestBreak).ToArray(), ps.GetRange(bestBreak, k - bestBreak).ToArray());
        if (!(s1 > 0) || s2 > (1.0 - o.KneeStiffnessDrop) * s1) return null;
        return new Knee(ps[bestBreak], xs[bestBreak], s1, s2);
    }

    private static double Residual(List<double> xs, List<double> ps, int from, int count)
    {
        var xa = xs.GetRange(from, count).ToArray();
        var pa = ps.GetRange(from, count).ToArray();
        var (a, b) = Fit.Line(xa, pa);
        double r = 0;
        for (int i = 0; i < xa.Length; i++) { double d = pa[i] - (a + b * xa[i]); r += d * d; }
        return r;
    }
}

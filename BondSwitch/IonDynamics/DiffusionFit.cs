using MathNet.Numerics;
using MathNet.Numerics.LinearRegression;

namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>
/// A diffusion coefficient from an MSD curve: D = slope/6 of MSD = 6Dt + b over the fit window (ps), with the log-log
/// slope there (1 in the diffusive regime), R², and whether the window is diffusive.
/// 1 Å²/ps = 1e-4 cm²/s.
/// </summary>
public sealed record DiffusionCoefficient(double DA2PerPs, double FromPs, double ToPs, double LogLogSlope, double RSquared, bool Diffusive)
{
    public double DCm2PerS => DA2PerPs * 1e-4;
}

/// <summary>
/// Finds the diffusive regime automatically: the log-log slope d ln MSD / d ln t is taken over windows spanning a
/// factor of 2 in time (lags m to 2m); the fit window is the longest run of such windows whose slope lies within
/// 1 ± <c>tolerance</c>, all within the first half of the trajectory (beyond it too few independent origins remain:
/// measured on Gaussian walkers, the MSD at 3/4 of the run is 5 % off); the latest such run wins a tie. Without one,
/// the fit covers the second quarter of the trajectory and is flagged not diffusive.
/// </summary>
public static class DiffusionFit
{
    public static DiffusionCoefficient Fit(IReadOnlyList<double> timesPs, IReadOnlyList<double> msdA2, double tolerance = 0.15)
    {
        int n = timesPs.Count;
        int half = Math.Max(3, n / 2);
        int last = Math.Max(2, half / 2);
        var slope = new double[last];
        for (int m = 1; m < last; m++)
        {
            int m2 = Math.Min(half, 2 * m);
            slope[m] = msdA2[m] > 0 && msdA2[m2] > 0 && m2 > m
                ? Math.Log(msdA2[m2] / msdA2[m]) / Math.Log(timesPs[m2] / timesPs[m]) : double.NaN;
        }
        int bestFrom = -1, bestTo = -1;
        for (int m = 1; m < last; m++)
        {
            if (!(Math.Abs(slope[m] - 1) <= tolerance)) continue;
            int end = m;
            while (end + 1 < last && Math.Abs(slope[end + 1] - 1) <= tolerance) end++;
            if (end - m >= bestTo - bestFrom) { bestFrom = m; bestTo = end; }
            m = end;
        }
        bool diffusive = bestFrom > 0 && bestTo - bestFrom >= 3;
        int from = diffusive ? bestFrom : Math.Max(1, n / 4), to = diffusive ? Math.Min(half, 2 * bestTo) : Math.Max(from + 2, half);
        var t = Enumerable.Range(from, to - from + 1).Select(k => timesPs[k]).ToArray();
        var y = Enumerable.Range(from, to - from + 1).Select(k => msdA2[k]).ToArray();
        var (b, a) = SimpleRegression.Fit(t, y);
        double r2 = GoodnessOfFit.RSquared(t.Select(x => b + a * x), y);
        double logSlope = Math.Log(y[^1] / y[0]) / Math.Log(t[^1] / t[0]);
        return new DiffusionCoefficient(a / 6, t[0], t[^1], logSlope, r2, diffusive);
    }
}

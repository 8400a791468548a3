using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace FractureLab.Experiments.Statistics;

/// <summary>
/// n, mean, sample standard deviation (n − 1 in the denominator) and the two-sided 95 % confidence
/// interval of the mean, mean ± t(0.975, n − 1)·sd/√n (Student's t from MathNet). With n &lt; 2 the spread
/// and interval are NaN.
/// </summary>
public sealed record SampleSummary(int N, double Mean, double Sd, double Ci95HalfWidth)
{
    public double Ci95Low => Mean - Ci95HalfWidth;
    public double Ci95High => Mean + Ci95HalfWidth;

    public static SampleSummary Of(IReadOnlyCollection<double> values)
    {
        int n = values.Count;
        if (n == 0) return new SampleSummary(0, double.NaN, double.NaN, double.NaN);
        double mean = values.Mean();
        if (n < 2) return new SampleSummary(1, mean, double.NaN, double.NaN);
        double sd = values.StandardDeviation();
        double t = StudentT.InvCDF(0.0, 1.0, n - 1, 0.975);
        return new SampleSummary(n, mean, sd, t * sd / Math.Sqrt(n));
    }
}

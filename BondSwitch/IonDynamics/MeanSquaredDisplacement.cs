using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>
/// Mean squared displacement averaged over all time origins, by the FFT algorithm (Kneller et al., nMoldyn, Comput.
/// Phys. Commun. 91, 191 (1995); O(F log F) per coordinate): for a series x_0 … x_{F−1},
/// MSD(m) = S1(m) − 2 S2(m), S2(m) = (1/(F−m)) Σ_k x_k x_{k+m} (autocorrelation by zero-padded FFT, MathNet),
/// S1(m) = (1/(F−m)) Σ_{k=0}^{F−m−1} (x_k² + x_{k+m}²) by the running sums of the paper.
/// </summary>
public static class MeanSquaredDisplacement
{
    /// <summary>Tracer MSD (Å²) per lag m = 0 … F−1, averaged over atoms and origins.</summary>
    public static double[] Tracer(IonTrajectory t)
    {
        int f = t.Frames;
        var total = new double[f];
        var series = new double[f];
        for (int c = 0; c < 3 * t.Atoms; c++)
        {
            for (int k = 0; k < f; k++) series[k] = t.Positions[k][c];
            var msd = OfSeries(series);
            for (int m = 0; m < f; m++) total[m] += msd[m];
        }
        for (int m = 0; m < f; m++) total[m] /= t.Atoms;
        return total;
    }

    /// <summary>
    /// Charge (centre-of-mass) MSD per ion (Å²): ⟨|Σ_i Δr_i(t)|²⟩ / N, whose slope / 6 is the charge diffusion
    /// coefficient D_σ (Haven ratio H = D_tracer / D_σ).
    /// </summary>
    public static double[] Collective(IonTrajectory t)
    {
        int f = t.Frames;
        var total = new double[f];
        var series = new double[f];
        for (int ax = 0; ax < 3; ax++)
        {
            for (int k = 0; k < f; k++)
            {
                double sum = 0;
                for (int a = 0; a < t.Atoms; a++) sum += t.Positions[k][3 * a + ax];
                series[k] = sum;
            }
            var msd = OfSeries(series);
            for (int m = 0; m < f; m++) total[m] += msd[m];
        }
        for (int m = 0; m < f; m++) total[m] /= t.Atoms;
        return total;
    }

    /// <summary>MSD of one coordinate series (same units squared), all origins.</summary>
    public static double[] OfSeries(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        // S2: autocorrelation, zero-padded to a power of two ≥ 2n (no wrap-around).
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * n));
        var buffer = new Complex[size];
        for (int k = 0; k < n; k++) buffer[k] = x[k];
        Fourier.Forward(buffer, FourierOptions.NoScaling);
        for (int k = 0; k < size; k++) buffer[k] = new Complex(buffer[k].Magnitude * buffer[k].Magnitude, 0);
        Fourier.Inverse(buffer, FourierOptions.NoScaling);
        var msd = new double[n];
        // S1 by the recursion of Kneller et al.: q = 2 Σ x², then peel off x_{m−1}² and x_{n−m}².
        double q = 0;
        for (int k = 0; k < n; k++) q += 2 * x[k] * x[k];
        for (int m = 0; m < n; m++)
        {
            if (m > 0) q -= x[m - 1] * x[m - 1] + x[n - m] * x[n - m];
            double s2 = buffer[m].Real / size / (n - m);
            msd[m] = q / (n - m) - 2 * s2;
        }
        return msd;
    }
}

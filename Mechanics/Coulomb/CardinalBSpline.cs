using FractureLab.Mechanics.Numerics;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// Cardinal B-splines M_n of the smooth particle-mesh Ewald method (Essmann et al., J. Chem. Phys. 103, 8577
/// (1995), eqs. 4.1-4.4): M_2(u) = 1 − |u − 1| on [0, 2], M_n(u) = [u M_{n−1}(u) + (n − u) M_{n−1}(u − 1)]/(n − 1),
/// M_n'(u) = M_{n−1}(u) − M_{n−1}(u − 1). For a fractional grid coordinate with fractional part w, the n weights
/// M_n(w + j), j = 0 … n−1, belong to the grid points k0 − j (k0 = the integer part).
/// </summary>
public static class CardinalBSpline
{
    /// <summary>
    /// Fills weights[j] = M_n(w + j) and slopes[j] = M_n'(w + j) for j = 0 … n−1 (n ≥ 2). Generic over where the values
    /// live, so the host and the device kernels run this one definition.
    /// </summary>
    public static void Fill<T>(double w, int n, T weights, T slopes) where T : struct, IRealArray
    {
        for (int j = 0; j < n; j++) weights[j] = 0.0;
        weights[0] = 1.0; // order 1: M_1(w) = 1 on [0, 1)
        for (int k = 2; k <= n; k++)
        {
            if (k == n)
            {
                // M_n' from the order n−1 values still in place.
                slopes[0] = weights[0];
                for (int j = 1; j < n; j++) slopes[j] = weights[j] - weights[j - 1];
            }
            double inv = 1.0 / (k - 1);
            for (int j = k - 1; j >= 0; j--)
            {
                double left = j > 0 ? weights[j - 1] : 0.0;
                weights[j] = inv * ((w + j) * weights[j] + (k - w - j) * left);
            }
        }
    }

    /// <summary>M_n(u) at one point (for the b-factors and tests).</summary>
    public static double Value(int n, double u)
    {
        if (n == 1) return u >= 0 && u < 1 ? 1 : 0; // M_1 = 1 on [0, 1)
        if (u <= 0 || u >= n) return 0;
        return (u * Value(n - 1, u) + (n - u) * Value(n - 1, u - 1)) / (n - 1);
    }

    /// <summary>
    /// |b(m)|² of one axis (Essmann eq. 4.4): 1/|Σ_{k=0}^{n−2} M_n(k+1) e^{2πimk/K}|². For odd n the sum vanishes at
    /// m = K/2; there the mean of the neighbouring values is used, as is customary.
    /// </summary>
    public static double[] BFactorSquared(int n, int gridPoints)
    {
        var result = new double[gridPoints];
        for (int m = 0; m < gridPoints; m++)
        {
            double re = 0, im = 0;
            for (int k = 0; k <= n - 2; k++)
            {
                double phase = 2 * Math.PI * m * k / gridPoints;
                double mk = Value(n, k + 1);
                re += mk * Math.Cos(phase);
                im += mk * Math.Sin(phase);
            }
            double d = re * re + im * im;
            result[m] = d > 1e-10 ? 1.0 / d : double.NaN;
        }
        for (int m = 0; m < gridPoints; m++)
            if (double.IsNaN(result[m]))
                result[m] = 0.5 * (result[(m - 1 + gridPoints) % gridPoints] + result[(m + 1) % gridPoints]);
        return result;
    }
}

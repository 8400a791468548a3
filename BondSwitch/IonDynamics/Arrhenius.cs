using MathNet.Numerics.LinearRegression;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>
/// D(T) = D0 exp(−Ea/(k_B T)) fitted as ln D = ln D0 − (Ea/k_B)(1/T) by least squares (MathNet), with the standard
/// errors of slope and intercept from the residuals (s² = SSR/(n−2); none with two points). Ea in eV, D in cm²/s.
/// </summary>
public sealed record ArrheniusFit(double ActivationEv, double ActivationSeEv, double PrefactorCm2PerS, double LnPrefactorSe, int Points)
{
    public const double BoltzmannEvPerK = 8.617333262e-5;

    public double DAt(double temperatureK) => PrefactorCm2PerS * Math.Exp(-ActivationEv / (BoltzmannEvPerK * temperatureK));

    public static ArrheniusFit Fit(IReadOnlyList<double> temperaturesK, IReadOnlyList<double> dCm2PerS)
    {
        int n = temperaturesK.Count;
        if (n < 2) throw new InputException($"Arrhenius fit needs at least two temperatures, got {n}");
        if (temperaturesK.Distinct().Count() < 2) throw new InputException("Arrhenius fit needs at least two different temperatures");
        for (int i = 0; i < n; i++)
            if (!(temperaturesK[i] > 0) || !(dCm2PerS[i] > 0)) throw new InputException($"Arrhenius fit: T = {temperaturesK[i]} K, D = {dCm2PerS[i]} cm²/s; both must be positive");
        var x = temperaturesK.Select(t => 1.0 / t).ToArray();
        var y = dCm2PerS.Select(d => Math.Log(d)).ToArray();
        var (b, a) = SimpleRegression.Fit(x, y);
        double se = double.NaN, seB = double.NaN;
        if (n > 2)
        {
            double xm = x.Average(), sxx = x.Sum(v => (v - xm) * (v - xm));
            double ssr = Enumerable.Range(0, n).Sum(i => Math.Pow(y[i] - (b + a * x[i]), 2));
            double s2 = ssr / (n - 2);
            se = Math.Sqrt(s2 / sxx);
            seB = Math.Sqrt(s2 * (1.0 / n + xm * xm / sxx));
        }
        return new ArrheniusFit(-a * BoltzmannEvPerK, se * BoltzmannEvPerK, Math.Exp(b), seB, n);
    }
}

/// <summary>
/// Nernst-Einstein conductivity σ = n q² D/(k_B T) (S/cm) with n the number density of the ions, q = z e, D the
/// tracer (or, divided by the Haven ratio, the charge) diffusion coefficient.
/// </summary>
public static class NernstEinstein
{
    public const double ElementaryChargeC = 1.602176634e-19;
    public const double BoltzmannJPerK = 1.380649e-23;

    public static double ConductivitySPerCm(int ions, double volumeA3, double chargeE, double dCm2PerS, double temperatureK)
    {
        double nPerM3 = ions / (volumeA3 * 1e-30);
        double q = chargeE * ElementaryChargeC;
        double dM2PerS = dCm2PerS * 1e-4;
        return nPerM3 * q * q * dM2PerS / (BoltzmannJPerK * temperatureK) / 100.0; // S/m → S/cm
    }
}

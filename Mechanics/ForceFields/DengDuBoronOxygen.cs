namespace FractureLab.Mechanics.ForceFields;

/// <summary>
/// Composition-dependent Buckingham A (eV) of the B-O pair of Deng &amp; Du, J. Am. Ceram. Soc. 102, 2482
/// (2019), as written in SCIENCE.md §7: R = [M2O]/[B2O3], K = [SiO2]/[B2O3], A1 = 11900, A2 = 12525,
/// T1 = 4350, T2 = 85, R_max = K/16 + 1/2, T3 = (A1 + T2 K² − A2)/R_max + T1;
/// R ≤ R_max: A = A1 + T1 [R_max − (R_max − N4)²/R_max] + T2 K²;  R &gt; R_max: A = A2 + T3 N4 R_max/R.
/// N4 is the four-fold boron fraction from the Dell-Bray model (Dell et al., J. Non-Cryst. Solids 58, 1
/// (1983)), implemented here for R ≤ R_d1 = 1/2 + K/4 (N4 = R below R_max, R_max above); beyond
/// that, or with P2O5 (outside the model), N4 must be given.
/// </summary>
public static class DengDuBoronOxygen
{
    public const double A1 = 11900, A2 = 12525, T1 = 4350, T2 = 85;

    /// <summary>Molar ratios R and K from atom counts: M2O = (Li+Na+K)/2, B2O3 = B/2, SiO2 = Si.</summary>
    public static (double R, double K) Ratios(Composition c)
    {
        double b2o3 = c.Count("B") / 2.0;
        if (b2o3 <= 0) throw new InputException("Deng-Du B-O A(R,K): the system has no boron");
        double m2o = (c.Count("Li") + c.Count("Na") + c.Count("K")) / 2.0;
        return (m2o / b2o3, c.Count("Si") / b2o3);
    }

    /// <summary>Dell-Bray N4 where the model applies (R ≤ 1/2 + K/4), else null.</summary>
    public static double? DellBrayN4(double r, double k)
    {
        double rMax = k / 16.0 + 0.5;
        double rD1 = 0.5 + k / 4.0;
        if (r <= rMax) return r;
        if (r <= rD1) return rMax;
        return null;
    }

    public static double A(double r, double k, double n4)
    {
        double rMax = k / 16.0 + 0.5;
        if (r > rMax)
        {
            double t3 = (A1 + T2 * k * k - A2) / rMax + T1;
            return A2 + t3 * n4 * rMax / r;
        }
        return A1 + T1 * (rMax - (rMax - n4) * (rMax - n4) / rMax) + T2 * k * k;
    }
}

namespace FractureLab.Mechanics.Potentials;

/// <summary>
/// Solves the core B/rⁿ + D r² so that U, U′ and U″ are continuous with the Buckingham term
/// A e^(−r/ρ) − C/r⁶ at r0. With X = B r0⁻ⁿ and u0, u1, u2 = U, U′, U″ of the Buckingham term at r0:
///   u0 = X + D r0²,  u1 r0 = −n X + 2 D r0²,  u2 r0² = n(n+1) X + 2 D r0²,
/// hence n = (u2 r0² − u1 r0)/(2 u0 − u1 r0), X = (2 u0 − u1 r0)/(n + 2), D = (u0 − X)/r0², B = X r0ⁿ.
/// Reproduces the published Du/Teter O-O core (B 46.462, n 3.430, D −0.32605 at r0 1.906; Deng &amp; Du 2019).
/// </summary>
public static class CoreBuckinghamSolver
{
    public static CoreBuckinghamParameters Solve(double a, double rho, double c, double r0)
    {
        if (!(r0 > 0)) throw new InputException($"core-corrected Buckingham: r0 must be positive, got {r0}");
        double e = a * Math.Exp(-r0 / rho);
        double u0 = e - c / Math.Pow(r0, 6);
        double u1 = -e / rho + 6.0 * c / Math.Pow(r0, 7);
        double u2 = e / (rho * rho) - 42.0 * c / Math.Pow(r0, 8);
        double denom = 2.0 * u0 - u1 * r0;
        double n = (u2 * r0 * r0 - u1 * r0) / denom;
        double x = denom / (n + 2.0);
        double d = (u0 - x) / (r0 * r0);
        double b = x * Math.Pow(r0, n);
        if (!(n > 0) || !(b > 0) || double.IsNaN(d))
            throw new InputException(
                $"core-corrected Buckingham: no repulsive core B/r^n + D r^2 matches U, U', U'' at r0 = {r0} Å (n = {n:G6}, B = {b:G6}); choose another r0");
        var p = new CoreBuckinghamParameters(a, rho, c, b, n, d, r0);
        CheckRepulsiveCore(p);
        return p;
    }

    /// <summary>The core must push atoms apart everywhere below r0 (U′ &lt; 0), else MD can collapse.</summary>
    private static void CheckRepulsiveCore(CoreBuckinghamParameters p)
    {
        for (int k = 1; k <= 200; k++)
        {
            double r = p.R0 * k / 200.0;
            var t = CoreBuckingham.Evaluate(r * r, p);
            if (!(t.ForceOverR > 0))
                throw new InputException(
                    $"core-corrected Buckingham: the solved core is not repulsive at r = {r:F3} Å below r0 = {p.R0} Å (n = {p.N:G6}, D = {p.D:G6})");
        }
    }
}

namespace FractureLab.Mechanics.Potentials;

/// <summary>
/// Pedone (PMMCS) parameters: well depth D0 (eV), α (Å⁻¹), equilibrium distance r0 (Å), repulsion C0 (eV·Å¹²).
/// </summary>
public readonly record struct MorsePedoneParameters(double D0, double Alpha, double R0, double C0);

/// <summary>
/// Morse plus r⁻¹² repulsion of Pedone et al., J. Phys. Chem. B 110, 11780 (2006):
/// U(r) = D0 [e^(−2α(r−r0)) − 2 e^(−α(r−r0))] + C0/r¹².
/// </summary>
public readonly struct MorsePedone : IPairPotential<MorsePedoneParameters>
{
    public static PairTerm Evaluate(double r2, in MorsePedoneParameters p)
    {
        double r = Math.Sqrt(r2);
        double e1 = Numerics.Exponential.Exp(-p.Alpha * (r - p.R0));
        double r2inv = 1.0 / r2;
        double r6inv = r2inv * r2inv * r2inv;
        double r12inv = r6inv * r6inv;
        double energy = p.D0 * (e1 * e1 - 2.0 * e1) + p.C0 * r12inv;
        // −dU/dr = 2αD0 (e^(−2α(r−r0)) − e^(−α(r−r0))) + 12 C0/r¹³
        double force = 2.0 * p.Alpha * p.D0 * (e1 * e1 - e1) + 12.0 * p.C0 * r12inv / r;
        return new PairTerm(energy, force / r);
    }

    public static PairStyleDefinition Definition { get; } = new("morse-pedone", PairStyle.MorsePedone, ["D0", "alpha", "r0", "C0"],
        "morse-pedone: D0[(1 - e^(-alpha(r - r0)))^2 - 1] + C0/r^12 (eV, 1/Å, Å, eV Å^12)",
        p => new ShortRangePair { Style = PairStyle.MorsePedone, Morse = new(p.Number("D0"), p.Number("alpha"), p.Number("r0"), p.Number("C0")) },
        new ShortRangePair { Style = PairStyle.MorsePedone, Morse = new(0.340554, 2.0067, 2.1, 1.0) });
}

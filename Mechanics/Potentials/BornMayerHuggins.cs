namespace FractureLab.Mechanics.Potentials;

/// <summary>Born-Mayer-Huggins parameters: A (eV), ρ (Å), σ (Å), C (eV·Å⁶), D (eV·Å⁸).</summary>
public readonly record struct BornMayerHugginsParameters(double A, double Rho, double Sigma, double C, double D);

/// <summary>
/// Born-Mayer-Huggins (Tosi-Fumi) potential U(r) = A e^((σ−r)/ρ) − C/r⁶ + D/r⁸ (Huggins &amp; Mayer, J. Chem. Phys. 1, 643
/// (1933); Tosi &amp; Fumi, J. Phys. Chem. Solids 25, 45 (1964)), the form and parameter order of LAMMPS's pair born.
/// </summary>
public readonly struct BornMayerHuggins : IPairPotential<BornMayerHugginsParameters>
{
    public static PairTerm Evaluate(double r2, in BornMayerHugginsParameters p)
    {
        double r = Math.Sqrt(r2);
        double rexp = p.A * Numerics.Exponential.Exp((p.Sigma - r) / p.Rho);
        double r2inv = 1.0 / r2;
        double r6inv = r2inv * r2inv * r2inv;
        double r8inv = r6inv * r2inv;
        double energy = rexp - p.C * r6inv + p.D * r8inv;
        // F r = −r dU/dr = (r/ρ) A e^((σ−r)/ρ) − 6C/r⁶ + 8D/r⁸
        double forceTimesR = r / p.Rho * rexp - 6.0 * p.C * r6inv + 8.0 * p.D * r8inv;
        return new PairTerm(energy, forceTimesR * r2inv);
    }

    public static PairStyleDefinition Definition { get; } = new("born", PairStyle.Born, ["A", "rho", "sigma", "C", "D"],
        "born: A e^((sigma - r)/rho) - C/r^6 + D/r^8 (eV, Å, Å, eV Å^6, eV Å^8; LAMMPS pair born)",
        p => new ShortRangePair { Style = PairStyle.Born, Born = new(p.Number("A"), p.Positive("rho"), p.Number("sigma"), p.Number("C"), p.Optional("D", 0)) },
        new ShortRangePair { Style = PairStyle.Born, Born = new(0.2637, 0.317, 2.34, 1.048, 0.499) });
}

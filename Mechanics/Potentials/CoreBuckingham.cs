namespace FractureLab.Mechanics.Potentials;

/// <summary>
/// Du/Teter core-corrected Buckingham: A (eV), ρ (Å), C (eV·Å⁶) outside r0 (Å); inside r0 the core
/// B/rⁿ + D r² (B in eV·Åⁿ, n dimensionless, D in eV/Å²). R0 = 0 means plain Buckingham.
/// </summary>
public readonly record struct CoreBuckinghamParameters(double A, double Rho, double C, double B, double N, double D, double R0);

/// <summary>
/// Core-corrected Buckingham of the Du/Teter force fields (Deng &amp; Du, J. Am. Ceram. Soc. 102, 2482
/// (2019)): U = A e^(−r/ρ) − C/r⁶ for r ≥ r0 and U = B/rⁿ + D r² for r &lt; r0, which removes the
/// unphysical attraction of the Buckingham term at short range. B, n, D make U, U′, U″ continuous
/// at r0 (<see cref="CoreBuckinghamSolver"/>).
/// </summary>
public readonly struct CoreBuckingham : IPairPotential<CoreBuckinghamParameters>
{
    public static PairTerm Evaluate(double r2, in CoreBuckinghamParameters p)
    {
        double r = Math.Sqrt(r2);
        if (r >= p.R0)
            return Buckingham.Evaluate(r2, new BuckinghamParameters(p.A, p.Rho, p.C));
        double core = p.B * Math.Pow(r, -p.N);
        double energy = core + p.D * r2;
        // −dU/dr = n B r^(−n−1) − 2 D r  →  F/r = n B r^(−n−2) − 2D
        double forceOverR = p.N * core / r2 - 2.0 * p.D;
        return new PairTerm(energy, forceOverR);
    }

    /// <summary>Read by the loader (its A may be "deng-du", from the composition; B, n, D solved when absent).</summary>
    public static PairStyleDefinition Definition { get; } = new("core-buckingham", PairStyle.CoreBuckingham, ["A", "rho", "C", "r0", "B", "n", "D"],
        "core-buckingham: Buckingham beyond r0, B/r^n + D r^2 inside it (eV Å^n, eV/Å^2); A may be \"deng-du\" (B-O from the composition)",
        null,
        new ShortRangePair { Style = PairStyle.CoreBuckingham, Core = new(2029.2204, 0.343640, 192.580, 46.462, 3.430, -0.32605, 1.906) });
}

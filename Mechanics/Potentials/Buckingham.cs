using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Numerics;

namespace FractureLab.Mechanics.Potentials;

/// <summary>
/// Buckingham parameters: A (eV), ρ (Å), C (eV·Å⁶) and an optional repulsive wall D (eV·Å²⁴), 0 for none.
/// </summary>
public readonly record struct BuckinghamParameters(double A, double Rho, double C, double D = 0.0);

/// <summary>
/// Buckingham potential U(r) = A e^(−r/ρ) − C/r⁶ + D/r²⁴ (Buckingham, Proc. R. Soc. A 168, 264 (1938);
/// the D/r²⁴ wall against the short-range collapse of BKS at high temperature as used with BKS/CHIK,
/// SCIENCE.md §7). Matches LAMMPS pair buck for D = 0.
/// </summary>
public readonly struct Buckingham : IPairPotential<BuckinghamParameters>
{
    public static PairTerm Evaluate(double r2, in BuckinghamParameters p)
    {
        double r = Math.Sqrt(r2);
        return Evaluate(r2, r, 1.0 / r, p);
    }

    /// <summary>The same, given r (Å) and 1/r (1/Å), which a kernel computes once per pair for all its terms.</summary>
    public static PairTerm Evaluate(double r2, double r, double rinv, in BuckinghamParameters p)
    {
        double r2inv = rinv * rinv;
        double r6inv = r2inv * r2inv * r2inv;
        double rexp = p.A * Numerics.Exponential.Exp(-r / p.Rho);
        double energy = rexp - p.C * r6inv;
        // −dU/dr · r = (A/ρ) r e^(−r/ρ) − 6C/r⁶ (+ 24 D/r²⁴)
        double forceTimesR = rexp * r / p.Rho - 6.0 * p.C * r6inv;
        if (p.D != 0.0)
        {
            double r24inv = r6inv * r6inv * r6inv * r6inv;
            energy += p.D * r24inv;
            forceTimesR += 24.0 * p.D * r24inv;
        }
        return new PairTerm(energy, forceTimesR * r2inv);
    }

    /// <summary>
    /// Vector body of <see cref="Evaluate(double, double, double, in BuckinghamParameters)"/>: a vector of pairs (r², r, 1/r) with per-lane parameters
    /// (A, 1/ρ, C, D); the same formula and the same <see cref="Numerics.Exponential"/> e^x, but it multiplies by 1/ρ where the
    /// scalar body divides by ρ, so the two agree to a few ulp, not bit for bit (VectorBodyTests: within 1e-13 relative). Returns U and F/r.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TV Energy, TV ForceOverR) Evaluate<TV>(
        TV r2, TV r, TV rinv, TV a, TV inverseRho, TV c, TV d) where TV : struct, ILanes<TV>
    {
        var r2inv = rinv * rinv;
        var r6inv = r2inv * r2inv * r2inv;
        var rexp = a * Numerics.Exponential.Exp(-r * inverseRho);
        var r24inv = r6inv * r6inv * r6inv * r6inv;
        var energy = rexp - c * r6inv + d * r24inv;
        var forceTimesR = rexp * r * inverseRho - TV.Create(6.0) * c * r6inv + TV.Create(24.0) * d * r24inv;
        return (energy, forceTimesR * r2inv);
    }

    public static PairStyleDefinition Definition { get; } = new("buckingham", PairStyle.Buckingham, ["A", "rho", "C", "D"],
        "buckingham: A e^(-r/rho) - C/r^6 + D/r^24 (eV, Å, eV Å^6, eV Å^24)",
        p => new ShortRangePair { Style = PairStyle.Buckingham, Buckingham = new(p.Number("A"), p.Positive("rho"), p.Number("C"), p.Optional("D", 0)) },
        new ShortRangePair { Style = PairStyle.Buckingham, Buckingham = new(18003.7572, 0.205205, 133.5381, 29) });
}

namespace FractureLab.Mechanics.Potentials;

/// <summary>Lennard-Jones parameters: ε (eV) and σ (Å).</summary>
public readonly record struct LennardJonesParameters(double Epsilon, double Sigma);

/// <summary>Lennard-Jones 12-6: U(r) = 4ε[(σ/r)¹² − (σ/r)⁶] (as LAMMPS lj/cut).</summary>
public readonly struct LennardJones : IPairPotential<LennardJonesParameters>
{
    public static PairTerm Evaluate(double r2, in LennardJonesParameters p)
    {
        double s2 = p.Sigma * p.Sigma / r2;
        double s6 = s2 * s2 * s2;
        double energy = 4.0 * p.Epsilon * (s6 * s6 - s6);
        double forceOverR = 24.0 * p.Epsilon * (2.0 * s6 * s6 - s6) / r2;
        return new PairTerm(energy, forceOverR);
    }

    public static PairStyleDefinition Definition { get; } = new("lennard-jones", PairStyle.LennardJones, ["epsilon", "sigma"],
        "lennard-jones: 4 epsilon[(sigma/r)^12 - (sigma/r)^6] (eV, Å)",
        p => new ShortRangePair { Style = PairStyle.LennardJones, LennardJones = new(p.Number("epsilon"), p.Positive("sigma")) },
        new ShortRangePair { Style = PairStyle.LennardJones, LennardJones = new(0.0104, 3.4) });
}

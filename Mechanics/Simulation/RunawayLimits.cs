using FractureLab.Mechanics.Atoms;

namespace FractureLab.Mechanics.Simulation;

/// <summary>
/// Limits beyond which an MD run is stopped as a runaway, as OpenMM and GROMACS stop on exploding energies and
/// LAMMPS on lost atoms: a non-finite energy, a temperature beyond <see cref="TemperatureFactor"/> × the target or
/// the target + <see cref="TemperatureMarginK"/> (whichever is higher, so a run at 0 K still gets a margin), a jump of
/// the potential energy per atom and step above <see cref="EnergyJumpEvPerAtomPerStep"/>, an atom that moves more
/// than <see cref="StepDisplacementA"/> in one step (default: the neighbor-list skin, beyond which pairs are missed),
/// and atoms lost (a non-finite coordinate, or one more than a box length outside the box).
/// </summary>
public sealed record RunawayLimits
{
    /// <summary>
    /// The stock limits: 10 × the target temperature or target + 5 000 K, 10 eV per atom per step (a random packing relaxing
    /// changes by 2 eV per atom in its first step; a blow-up by thousands), one skin per step.
    /// </summary>
    public static RunawayLimits Default { get; } = new();

    /// <summary>No checks at all (only for tests of what an unchecked run does, and for users who ask for it).</summary>
    public static RunawayLimits Off { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;
    /// <summary>Target temperature (K) the limit scales with; null: the temperature of the run's first record.</summary>
    public double? TargetTemperatureK { get; init; }
    public double TemperatureFactor { get; init; } = 10.0;
    /// <summary>Margin (K) over the target that is always allowed.</summary>
    public double TemperatureMarginK { get; init; } = 5000.0;
    /// <summary>Largest change of the potential energy per atom per step (eV) between two checks, divided by the steps between them.</summary>
    public double EnergyJumpEvPerAtomPerStep { get; init; } = 10.0;
    /// <summary>Largest displacement of one atom in one step (Å), estimated as |v|·dt; null: the neighbor-list skin.</summary>
    public double? StepDisplacementA { get; init; }

    /// <summary>The temperature (K) above which a run with reference temperature <paramref name="referenceK"/> is a runaway.</summary>
    public double TemperatureLimitK(double referenceK) => Math.Max(TemperatureFactor * referenceK, referenceK + TemperatureMarginK);

    /// <summary>Throws <see cref="InputException"/> naming the limit that is not positive and finite.</summary>
    public void Check()
    {
        if (!(TemperatureFactor >= 1 && double.IsFinite(TemperatureFactor))) throw new InputException($"runaway temperature factor {TemperatureFactor} must be at least 1");
        if (!(TemperatureMarginK > 0 && double.IsFinite(TemperatureMarginK))) throw new InputException($"runaway temperature margin {TemperatureMarginK} K must be positive");
        if (!(EnergyJumpEvPerAtomPerStep > 0 && double.IsFinite(EnergyJumpEvPerAtomPerStep))) throw new InputException($"runaway energy jump {EnergyJumpEvPerAtomPerStep} eV/atom/step must be positive");
        if (StepDisplacementA is { } d && !(d > 0 && double.IsFinite(d))) throw new InputException($"runaway step displacement {d} Å must be positive");
        if (TargetTemperatureK is { } t && !(t >= 0 && double.IsFinite(t))) throw new InputException($"runaway target temperature {t} K must be zero or positive");
    }

    /// <summary>The first atom lost from <paramref name="s"/> (index and why), or null: a non-finite coordinate, or one beyond a box length outside the box.</summary>
    public static (int Atom, string Why)? LostAtom(AtomSystem s)
    {
        var b = s.Box;
        double[][] coords = [s.X, s.Y, s.Z];
        for (int a = 0; a < 3; a++)
        {
            double lo = b.Lo[a] - b.Length(a), hi = b.Hi[a] + b.Length(a);
            var c = coords[a];
            for (int i = 0; i < c.Length; i++)
            {
                double v = c[i];
                if (!double.IsFinite(v)) return (i, $"its {"xyz"[a]} coordinate is {v}");
                if (v < lo || v > hi) return (i, $"its {"xyz"[a]} = {v:G6} Å is more than a box length outside [{b.Lo[a]:G6}, {b.Hi[a]:G6}] Å");
            }
        }
        return null;
    }

    /// <summary>Largest speed squared (Å²/ps²) of any atom, and that atom's index (−1 for an empty system).</summary>
    public static (double V2, int Atom) FastestAtom(AtomSystem s)
    {
        double max = 0; int at = -1;
        for (int i = 0; i < s.Count; i++)
        {
            double v2 = s.Vx[i] * s.Vx[i] + s.Vy[i] * s.Vy[i] + s.Vz[i] * s.Vz[i];
            if (v2 > max || double.IsNaN(v2)) { max = v2; at = i; if (double.IsNaN(v2)) break; }
        }
        return (max, at);
    }
}

/// <summary>
/// An MD run stopped as a runaway: the step, the quantity, its value and limit, and the last good checkpoint, in
/// one line. Bad input in the brief's sense (an exploding simulation), so the command line exits with code 1.
/// </summary>
public sealed class RunawayException(string message, long step, string quantity) : InputException(message)
{
    public long Step { get; } = step;
    /// <summary>What ran away: "energy", "temperature", "energy jump", "displacement" or "lost atom".</summary>
    public string Quantity { get; } = quantity;
}

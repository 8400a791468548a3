using System.Globalization;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Elements;

namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>
/// The ion charge z (e) in the Nernst-Einstein conductivity σ = n(ze)²D/(k_B T) and where it came from. The default is
/// the formal charge (Li⁺: 1), as the thesis (Eq. 3.5-3.8) and the electrochemistry literature count it; the partial
/// charge of a force field (0.6 e for Li in the shipped partial-charge fields) is what the ion carries in the model's
/// Coulomb sum, not the charge a current transports, and gives σ (z_partial/z_formal)² too low.
/// </summary>
public sealed record ConductivityCharge(double ChargeE, string Source)
{
    /// <summary>What <c>--charge</c> takes: formal (default), dump (the dump's q column, the force field's charge), or a number (e).</summary>
    public const string Help = "ion charge in the Nernst-Einstein conductivity: formal (the oxidation state, default), dump (the dump's q column: the force field's partial charge) or a number (e)";

    /// <summary>Resolves <paramref name="spec"/> for <paramref name="species"/>; <paramref name="dumpChargeE"/> is the dump's q of the species, if it has one.</summary>
    public static ConductivityCharge Resolve(string? spec, string species, double? dumpChargeE)
    {
        string s = (spec ?? "formal").Trim();
        if (s == "formal")
            return FormalCharges.Of(species) is { } z
                ? new ConductivityCharge(z, $"formal charge of {species} ({z:+0;-0}), as thesis Eq. 3.5-3.8")
                : throw new InputException($"--charge formal: {species} has no single common oxidation state in the table; give --charge as a number");
        if (s is "dump" or "forcefield")
            return dumpChargeE is { } q
                ? new ConductivityCharge(q, "the dump's q column (the force field's partial charge, not the formal charge)")
                : throw new InputException($"--charge {s}: the dump has no q column for {species}; give --charge formal or a number");
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double given) && double.IsFinite(given) && given != 0)
            return new ConductivityCharge(given, "given (--charge)");
        throw new InputException($"--charge '{s}': expected formal, dump or a non-zero number (e)");
    }
}

namespace FractureLab.Mechanics.Elements;

/// <summary>
/// Formal charges (oxidation states, e) of the ions whose common state is unambiguous in oxide, sulfide and halide
/// glasses: the charge z of σ = n(ze)²D/(k_B T) (thesis Eq. 3.5-3.8; Greenwood &amp; Earnshaw, Chemistry of the Elements,
/// 2nd ed., 1997, for the states). Elements with several common states (Fe, Cu, Ti, V, Mn, ...) are left out on
/// purpose: their charge must be given.
/// </summary>
public static class FormalCharges
{
    private static readonly Dictionary<string, int> States = new(StringComparer.Ordinal)
    {
        ["H"] = 1, ["Li"] = 1, ["Na"] = 1, ["K"] = 1, ["Rb"] = 1, ["Cs"] = 1, ["Ag"] = 1,
        ["Be"] = 2, ["Mg"] = 2, ["Ca"] = 2, ["Sr"] = 2, ["Ba"] = 2, ["Zn"] = 2, ["Cd"] = 2,
        ["B"] = 3, ["Al"] = 3, ["Ga"] = 3, ["Y"] = 3, ["La"] = 3, ["Sc"] = 3,
        ["Si"] = 4, ["Ge"] = 4, ["Zr"] = 4, ["Hf"] = 4,
        ["P"] = 5, ["Nb"] = 5, ["Ta"] = 5,
        ["O"] = -2, ["S"] = -2, ["Se"] = -2, ["F"] = -1, ["Cl"] = -1, ["Br"] = -1, ["I"] = -1, ["N"] = -3,
    };

    /// <summary>The formal charge (e) of <paramref name="element"/>, or null where it has no single common oxidation state here.</summary>
    public static int? Of(string element) => States.TryGetValue(element, out int z) ? z : null;
}

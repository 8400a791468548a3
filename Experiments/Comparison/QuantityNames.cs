namespace FractureLab.Experiments.Comparison;

/// <summary>Which side of a comparison a column belongs to, from its suffix: <c>_sim</c>, <c>_exp</c> or neither.</summary>
public enum Side { None, Simulation, Experiment }

/// <summary>A column read as a quantity: its canonical name, side, and whether it holds an uncertainty of that quantity.</summary>
public sealed record QuantityColumn(string Column, string Quantity, Side Side, bool IsError);

/// <summary>
/// Column names of result files mapped to one name per physical quantity, so that a simulation campaign's
/// <c>youngs_modulus_GPa</c> meets an experiment's <c>E_GPa_exp</c>. Uncertainty columns end in <c>_sd</c>,
/// <c>_err</c>, <c>_std</c> or <c>_ci95</c>, before or after the side suffix.
/// </summary>
public static class QuantityNames
{
    private static readonly (string Canonical, string Label, string[] Names)[] Known =
    [
        ("KIc_MPa_sqrt_m", "K_Ic (MPa·m^0.5)", ["KIc_MPa_sqrt_m", "K_Ic_MPa_sqrt_m", "KIc_MPa_m05", "fracture_toughness_MPa_sqrt_m"]),
        ("E_GPa", "E (GPa)", ["E_GPa", "youngs_modulus_GPa", "young_modulus_GPa"]),
        ("density_g_cm3", "density (g/cm^3)", ["density_gcm3", "density_g_cm3", "density_g_per_cm3"]),
        ("poisson_ratio", "Poisson's ratio", ["poisson", "poisson_ratio", "nu"]),
        ("strength_GPa", "strength (GPa)", ["strength_GPa", "sigma_max_GPa", "tensile_strength_GPa"]),
        ("fracture_energy_J_m2", "G_c (J/m^2)", ["fracture_energy_J_m2", "G_c_J_m2", "Gc_J_m2"]),
        ("Hv_GPa", "Vickers hardness (GPa)", ["Hv_GPa", "hardness_GPa"]),
        ("Tg_C", "T_g (C)", ["Tg_C"]),
        ("CR_N", "crack resistance (N)", ["CR_N", "crack_resistance_N"]),
    ];

    private static readonly string[] ErrorSuffixes = ["_sd", "_err", "_std", "_ci95"];

    /// <summary>The label for plots and tables: a known quantity's name with units, else the column name.</summary>
    public static string Label(string quantity) =>
        Known.FirstOrDefault(k => k.Canonical == quantity).Label ?? quantity;

    /// <summary>Whether the name (after side and error suffixes are removed) is one of the known quantities.</summary>
    public static bool IsKnownQuantity(string column) => Known.Any(k => k.Canonical == Parse(column).Quantity);

    public static QuantityColumn Parse(string column)
    {
        string name = column.Trim();
        var side = StripSide(ref name);
        bool error = StripError(ref name);
        if (side == Side.None) side = StripSide(ref name);
        foreach (var k in Known)
            if (k.Names.Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase))) { name = k.Canonical; break; }
        return new QuantityColumn(column, name, side, error);
    }

    private static Side StripSide(ref string name)
    {
        if (name.EndsWith("_sim", StringComparison.OrdinalIgnoreCase)) { name = name[..^4]; return Side.Simulation; }
        if (name.EndsWith("_exp", StringComparison.OrdinalIgnoreCase)) { name = name[..^4]; return Side.Experiment; }
        return Side.None;
    }

    private static bool StripError(ref string name)
    {
        foreach (var s in ErrorSuffixes)
            if (name.EndsWith(s, StringComparison.OrdinalIgnoreCase)) { name = name[..^s.Length]; return true; }
        return false;
    }
}

namespace FractureLab.Mechanics.Elements;

/// <summary>
/// Standard atomic weights (amu) of the elements that glass force fields use, from the IUPAC 2013
/// table as LAMMPS users write them in Masses sections.
/// </summary>
public static class ElementTable
{
    private static readonly Dictionary<string, double> Masses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["H"] = 1.008, ["He"] = 4.002602, ["Li"] = 6.94, ["Be"] = 9.0121831, ["B"] = 10.81, ["C"] = 12.011,
        ["N"] = 14.007, ["O"] = 15.999, ["F"] = 18.998403163, ["Ne"] = 20.1797, ["Na"] = 22.98976928,
        ["Mg"] = 24.305, ["Al"] = 26.9815385, ["Si"] = 28.0855, ["P"] = 30.973761998, ["S"] = 32.06,
        ["Cl"] = 35.45, ["Ar"] = 39.948, ["K"] = 39.0983, ["Ca"] = 40.078, ["Ti"] = 47.867, ["Fe"] = 55.845,
        ["Zn"] = 65.38, ["Ge"] = 72.630, ["Se"] = 78.971, ["Br"] = 79.904, ["Sr"] = 87.62, ["Y"] = 88.90584,
        ["Zr"] = 91.224, ["Nb"] = 92.90637, ["Sn"] = 118.710, ["I"] = 126.90447, ["Ba"] = 137.327,
        ["La"] = 138.90547, ["Ta"] = 180.94788, ["Pb"] = 207.2,
    };

    /// <summary>The atomic weight (amu) of <paramref name="symbol"/>.</summary>
    public static bool TryGetMass(string symbol, out double massAmu) => Masses.TryGetValue(symbol, out massAmu);

    /// <summary>Suffix of the shell particle of a polarizable ion in the core-shell model: "O_s" is the shell of an O core.</summary>
    public const string ShellSuffix = "_s";

    /// <summary>The canonical spelling ("SI" → "Si", "o_s" → "O_s" for a shell) if known, else null.</summary>
    public static string? Canonical(string symbol)
    {
        if (symbol.EndsWith(ShellSuffix, StringComparison.OrdinalIgnoreCase) && symbol.Length > ShellSuffix.Length)
            return Canonical(symbol[..^ShellSuffix.Length]) is string core ? core + ShellSuffix : null;
        return Masses.Keys.FirstOrDefault(k => string.Equals(k, symbol, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether a species name is a shell ("O_s").</summary>
    public static bool IsShell(string species) => species.EndsWith(ShellSuffix, StringComparison.Ordinal) && species.Length > ShellSuffix.Length;

    /// <summary>The core species of a shell species ("O_s" → "O").</summary>
    public static string CoreOf(string shell) => IsShell(shell) ? shell[..^ShellSuffix.Length] : throw new ArgumentException($"'{shell}' is not a shell species", nameof(shell));

    /// <summary>The element whose mass is within <paramref name="toleranceAmu"/> of <paramref name="massAmu"/>, if exactly one.</summary>
    public static string? GuessFromMass(double massAmu, double toleranceAmu = 0.05)
    {
        var hits = Masses.Where(kv => Math.Abs(kv.Value - massAmu) <= toleranceAmu).Select(kv => kv.Key).ToList();
        return hits.Count == 1 ? hits[0] : null;
    }
}

namespace FractureLab.Experiments.LoadCurves;

/// <summary>
/// Units of force and length found in testing-machine exports, as factors to newtons and millimetres.
/// 1 lbf = 4.4482216152605 N and 1 in = 25.4 mm exactly (NIST SP 811, appendix B).
/// </summary>
public static class MeasurementUnits
{
    private static readonly Dictionary<string, double> ForceToNewton = new(StringComparer.Ordinal)
    {
        ["N"] = 1.0, ["n"] = 1.0, ["newton"] = 1.0, ["newtons"] = 1.0,
        ["kN"] = 1e3, ["kn"] = 1e3, ["KN"] = 1e3,
        ["mN"] = 1e-3,
        ["lbf"] = 4.4482216152605, ["lb"] = 4.4482216152605, ["lbs"] = 4.4482216152605,
        ["kgf"] = 9.80665,
    };

    private static readonly Dictionary<string, double> LengthToMillimetre = new(StringComparer.Ordinal)
    {
        ["mm"] = 1.0, ["millimetre"] = 1.0, ["millimeter"] = 1.0,
        ["µm"] = 1e-3, ["μm"] = 1e-3, ["um"] = 1e-3, ["micron"] = 1e-3, ["microns"] = 1e-3,
        ["m"] = 1e3, ["cm"] = 10.0,
        ["in"] = 25.4, ["inch"] = 25.4, ["inches"] = 25.4,
    };

    private static readonly Dictionary<string, double> TimeToSecond = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s"] = 1.0, ["sec"] = 1.0, ["secs"] = 1.0, ["second"] = 1.0, ["seconds"] = 1.0,
        ["ms"] = 1e-3, ["min"] = 60.0,
    };

    public static bool TryForce(string unit, out double toNewton) => ForceToNewton.TryGetValue(Clean(unit), out toNewton);
    public static bool TryLength(string unit, out double toMillimetre) => LengthToMillimetre.TryGetValue(Clean(unit), out toMillimetre);
    public static bool TryTime(string unit, out double toSecond) => TimeToSecond.TryGetValue(Clean(unit), out toSecond);

    /// <summary>Strips the brackets and quotes that exports put around a unit: "(kN)", "[mm]".</summary>
    public static string Clean(string unit) => unit.Trim().Trim('(', ')', '[', ']', '"', '\'').Trim();

    /// <summary>
    /// The unit written in a column name: inside brackets ("Load (kN)", "Extension [mm]") or after the last
    /// underscore or space ("Force_kN", "Load N"); null when the name carries none.
    /// </summary>
    public static string? FromHeader(string header)
    {
        string h = header.Trim();
        int open = h.LastIndexOfAny(['(', '[']);
        if (open >= 0)
        {
            int close = h.IndexOfAny([')', ']'], open);
            if (close > open) return h[(open + 1)..close].Trim();
        }
        int sep = h.LastIndexOfAny(['_', ' ']);
        return sep > 0 && sep < h.Length - 1 ? h[(sep + 1)..] : null;
    }
}

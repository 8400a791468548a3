using System.Globalization;
using System.Text.RegularExpressions;
using FractureLab.Mechanics.Elements;

namespace FractureLab.Mechanics.Builders;

/// <summary>
/// A glass composition as components (oxides, sulfides, or single elements) with molar amounts, e.g.
/// "Li2O = 38, B2O3 = 31, P2O5 = 31" (mol%) or "Si = 192, O = 384" (element counts). <see cref="Round"/>
/// turns it into whole formula units for a target atom count, so charge neutrality of each component
/// carries over to the glass (SCIENCE.md §1).
/// </summary>
public sealed partial class GlassComposition
{
    public IReadOnlyList<(string Formula, double Amount, IReadOnlyList<(string Element, int Count)> Atoms)> Components { get; }

    private GlassComposition(IReadOnlyList<(string, double, IReadOnlyList<(string, int)>)> components) => Components = components;

    [GeneratedRegex("([A-Z][a-z]?)([0-9]*)")]
    private static partial Regex ElementToken();

    /// <summary>Parses "Formula = amount" pairs separated by commas; errors name the offending part.</summary>
    public static GlassComposition Parse(string text)
    {
        var list = new List<(string, double, IReadOnlyList<(string, int)>)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) || !(amount > 0))
                throw new InputException($"composition '{text}': '{part}' is not 'Formula = positive amount'");
            list.Add((kv[0], amount, ParseFormula(kv[0])));
        }
        if (list.Count == 0) throw new InputException($"composition '{text}' is empty");
        return new GlassComposition(list);
    }

    public static IReadOnlyList<(string Element, int Count)> ParseFormula(string formula)
    {
        var atoms = new List<(string, int)>();
        int consumed = 0;
        foreach (Match m in ElementToken().Matches(formula))
        {
            if (m.Index != consumed) break;
            string el = ElementTable.Canonical(m.Groups[1].Value) ?? throw new InputException($"formula '{formula}': unknown element '{m.Groups[1].Value}'");
            int n = m.Groups[2].Value.Length > 0 ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
            atoms.Add((el, n));
            consumed += m.Length;
        }
        if (consumed != formula.Length || atoms.Count == 0) throw new InputException($"formula '{formula}' is not a chemical formula such as SiO2 or Li2O");
        return atoms;
    }

    /// <summary>
    /// Whole formula units n_k = round(x_k·F) with F chosen so Σ n_k·atoms_k is closest to <paramref name="targetAtoms"/>;
    /// returns element counts in first-appearance order and the formula units used.
    /// </summary>
    public (IReadOnlyList<(string Element, int Count)> Elements, IReadOnlyList<(string Formula, int Units)> Units) Round(int targetAtoms)
    {
        if (targetAtoms < 1) throw new InputException($"target atom count {targetAtoms} must be positive");
        double total = Components.Sum(c => c.Amount);
        double atomsPerUnit = Components.Sum(c => c.Amount / total * c.Atoms.Sum(a => a.Count));
        double f = targetAtoms / atomsPerUnit;
        var units = Components.Select(c => (c.Formula, Math.Max(1, (int)Math.Round(c.Amount / total * f)))).ToList();
        var counts = new List<(string, int)>();
        foreach (var (c, (_, u)) in Components.Zip(units))
            foreach (var (el, n) in c.Atoms)
            {
                int i = counts.FindIndex(e => e.Item1 == el);
                if (i < 0) counts.Add((el, n * u)); else counts[i] = (el, counts[i].Item2 + n * u);
            }
        return (counts, units);
    }
}

using FractureLab.Mechanics.Elements;

namespace FractureLab.Mechanics.Crystals;

/// <summary>Charges (e) of a crystal's elements without a force field: the oxidation states its CIF type symbols give (Ti4+), else the formal ones.</summary>
public static class CrystalCharges
{
    public static Dictionary<string, double> Formal(CifFile cif)
    {
        var q = new Dictionary<string, double>();
        foreach (var g in cif.Sites.GroupBy(s => s.Element))
        {
            var states = g.Select(s => s.OxidationState).Where(z => z is not null).Distinct().ToList();
            if (states.Count > 1)
                throw new InputException($"{cif.Source}: {g.Key} has several oxidation states ({string.Join(", ", states)}); give --forcefield for the charges");
            q[g.Key] = states.Count == 1 ? states[0]!.Value
                : FormalCharges.Of(g.Key) ?? throw new InputException($"{cif.Source}: no oxidation state for {g.Key} (type symbol without charge, and none is formal for it); give --forcefield");
        }
        return q;
    }
}

namespace FractureLab.Mechanics.ForceFields;

/// <summary>Atom counts per element of the system a force field is resolved for.</summary>
public sealed record Composition(IReadOnlyDictionary<string, int> Counts)
{
    public int Count(string element) =>
        Counts.FirstOrDefault(kv => string.Equals(kv.Key, element, StringComparison.OrdinalIgnoreCase)).Value;

    public static Composition FromAtoms(Atoms.AtomSystem system)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < system.Count; i++)
        {
            string el = system.TypeElements[system.Type[i]];
            counts[el] = counts.GetValueOrDefault(el) + 1;
        }
        return new Composition(counts);
    }
}

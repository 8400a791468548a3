using FractureLab.Mechanics.Elements;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Atoms;

/// <summary>One atom to place: element, position (Å) and charge (e).</summary>
public readonly record struct PlacedAtom(string Element, double X, double Y, double Z, double ChargeE);

/// <summary>
/// An <see cref="AtomSystem"/> from a list of placed atoms: one type per element (in <paramref name="typeOrder"/> first,
/// then in order of appearance), masses from the element table, ids 1..N in list order, positions wrapped into the box.
/// </summary>
public static class AtomListBuilder
{
    public static AtomSystem Build(Box box, IReadOnlyList<PlacedAtom> atoms, IEnumerable<string>? typeOrder = null)
    {
        var elements = (typeOrder ?? []).Concat(atoms.Select(a => a.Element)).Distinct().ToArray();
        var masses = elements.Select(e => ElementTable.TryGetMass(e, out double m) ? m : throw new InputException($"no mass for element {e}")).ToArray();
        var s = new AtomSystem(atoms.Count, elements, masses, box.Clone());
        for (int i = 0; i < atoms.Count; i++)
        {
            var a = atoms[i];
            s.Type[i] = Array.IndexOf(elements, a.Element);
            s.X[i] = a.X; s.Y[i] = a.Y; s.Z[i] = a.Z;
            s.Charge[i] = a.ChargeE;
        }
        s.WrapIntoBox();
        Array.Clear(s.ImageX); Array.Clear(s.ImageY); Array.Clear(s.ImageZ);
        return s;
    }

    /// <summary>The atoms of a system as placed atoms (element, position, charge), in index order.</summary>
    public static List<PlacedAtom> Atoms(AtomSystem s) =>
        [.. Enumerable.Range(0, s.Count).Select(i => new PlacedAtom(s.TypeElements[s.Type[i]], s.X[i], s.Y[i], s.Z[i], s.Charge[i]))];
}

using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;

namespace FractureLab.BondSwitch.Snapshots;

/// <summary>
/// One configuration to analyse: the atoms (positions in Å, ids, elements per type, the box) and where it came from
/// (<see cref="Name"/>: the file name, with "@step" for a frame of a dump with several frames).
/// </summary>
public sealed class Snapshot
{
    private Dictionary<int, int>? _indexOfId;

    public Snapshot(string name, long? step, AtomSystem system)
    {
        Name = name;
        Step = step;
        System = system;
    }

    public string Name { get; }

    /// <summary>Per-atom computed columns of a dump frame (LAMMPS's c_*, f_*, v_*: c_pe, c_stress[1], ...), in atom order; empty for a data file.</summary>
    public IReadOnlyDictionary<string, double[]> Computed { get; init; } = new Dictionary<string, double[]>();

    /// <summary>Timestep of a dump frame; null for a data file.</summary>
    public long? Step { get; }
    public AtomSystem System { get; }

    /// <summary>Element symbol of atom <paramref name="i"/>.</summary>
    public string Element(int i) => System.TypeElements[System.Type[i]];

    /// <summary>Indices of the atoms of one element (none if the element is absent).</summary>
    public int[] IndicesOf(string element) =>
        Enumerable.Range(0, System.Count).Where(i => string.Equals(Element(i), element, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>Whether the snapshot holds at least one atom of the element.</summary>
    public bool Has(string element) => System.TypeElements.Any(e => string.Equals(e, element, StringComparison.OrdinalIgnoreCase));

    /// <summary>Index of the atom with LAMMPS id <paramref name="id"/>; atoms are matched by id, never by order.</summary>
    public bool TryIndexOf(int id, out int index)
    {
        if (_indexOfId is null)
        {
            var map = new Dictionary<int, int>(System.Count);
            for (int i = 0; i < System.Count; i++)
                if (!map.TryAdd(System.Id[i], i)) throw new InputException($"{Name}: atom id {System.Id[i]} appears twice");
            _indexOfId = map;
        }
        return _indexOfId.TryGetValue(id, out index);
    }

    /// <summary>
    /// Engineering strain of this box against a reference box along <paramref name="axis"/> (0, 1, 2), or along the
    /// axis whose length changed most when <paramref name="axis"/> is null: L/L0 − 1.
    /// </summary>
    public (int Axis, double Strain) StrainAgainst(Snapshot reference, int? axis = null)
    {
        var b = System.Box;
        var b0 = reference.System.Box;
        int a = axis ?? Enumerable.Range(0, 3).MaxBy(k => Math.Abs(b.Length(k) / b0.Length(k) - 1));
        return (a, b.Length(a) / b0.Length(a) - 1);
    }
}

using FractureLab.BondSwitch.Geometry;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Switching;

/// <summary>
/// Bond switching of one centre species (B, Al, Ti, Si, P) against one neighbour species (O, S), SCIENCE.md §4:
/// the neighbour sets of the reference (by atom id) compared with each current snapshot, the atoms matched by id
/// so the order of atoms in the files does not matter; separations are taken to the nearest periodic image in each
/// snapshot's own box, so a strained box and atoms across a boundary are handled. Other species inside the
/// cut-off are ignored.
/// </summary>
public sealed class BondSwitchAnalysis
{
    private readonly Dictionary<int, HashSet<int>> _reference = new();
    private readonly Snapshot _ref;

    public string Center { get; }
    public string Neighbor { get; }
    public SwitchCutoffs Cutoffs { get; }

    public BondSwitchAnalysis(Snapshot reference, string center, string neighbor, SwitchCutoffs cutoffs)
    {
        if (!(cutoffs.ReferenceAngstrom > 0) || !(cutoffs.FormAngstrom > 0) || cutoffs.KeepAngstrom < cutoffs.FormAngstrom)
            throw new InputException($"bond-switch cut-offs must be positive with keep ≥ form: {cutoffs.Describe()}");
        _ref = reference;
        Center = center;
        Neighbor = neighbor;
        Cutoffs = cutoffs;
        if (!reference.Has(center)) throw new InputException($"{reference.Name}: the reference has no {center} atoms");
        if (!reference.Has(neighbor)) throw new InputException($"{reference.Name}: the reference has no {neighbor} atoms");
        foreach (var (id, set) in NeighborIds(reference, cutoffs.ReferenceAngstrom))
            _reference[id] = set.Where(p => p.R < cutoffs.ReferenceAngstrom).Select(p => p.Id).ToHashSet();
    }

    /// <summary>Number of reference neighbours of the centre atom with this id.</summary>
    public int ReferenceCount(int centerId) => _reference[centerId].Count;

    public BondSwitchTally Classify(Snapshot current, int? strainAxis = null)
    {
        var classes = Enumerable.Repeat(-1, current.System.Count).ToArray();
        var coordination = Enumerable.Repeat(-1, current.System.Count).ToArray();
        int[] tally = new int[4];
        var now = NeighborIds(current, Math.Max(Cutoffs.KeepAngstrom, Cutoffs.FormAngstrom));
        foreach (int id in _reference.Keys)
            if (!now.ContainsKey(id)) throw new InputException($"{current.Name}: the {Center} atom with id {id} of the reference is not a {Center} atom here (atoms are matched by id)");
        foreach (int id in now.Keys)
            if (!_reference.ContainsKey(id)) throw new InputException($"{current.Name}: the {Center} atom with id {id} is not a {Center} atom of the reference (atoms are matched by id)");
        foreach (var (id, candidates) in now)
        {
            var before = _reference[id];
            var after = candidates
                .Where(p => before.Contains(p.Id) ? p.R < Cutoffs.KeepAngstrom : p.R < Cutoffs.FormAngstrom)
                .Select(p => p.Id).ToHashSet();
            var c = after.Count < before.Count ? SwitchClass.Decreased
                : after.Count > before.Count ? SwitchClass.Increased
                : after.SetEquals(before) ? SwitchClass.Unchanged : SwitchClass.Swapped;
            tally[(int)c]++;
            current.TryIndexOf(id, out int index);
            classes[index] = (int)c;
            coordination[index] = after.Count;
        }
        var (_, strain) = current.StrainAgainst(_ref, strainAxis);
        return new BondSwitchTally(current.Name, strain, now.Count, tally[0], tally[1], tally[2], tally[3], classes) { CoordinationPerAtom = coordination };
    }

    /// <summary>For every centre atom (by id): the ids of neighbour-species atoms within the cut-off, and their distances (Å).</summary>
    private Dictionary<int, List<(int Id, double R)>> NeighborIds(Snapshot snap, double cutoff)
    {
        var centers = snap.IndicesOf(Center);
        var isCenter = new bool[snap.System.Count];
        foreach (int i in centers) isCenter[i] = true;
        var lists = PairSearch.NeighborsOf(snap.System, cutoff, i => isCenter[i]);
        var result = new Dictionary<int, List<(int, double)>>(centers.Length);
        foreach (int i in centers)
        {
            result[snap.System.Id[i]] = lists[i]
                .Where(p => string.Equals(snap.Element(p.J), Neighbor, StringComparison.OrdinalIgnoreCase))
                .Select(p => (snap.System.Id[p.J], Math.Sqrt(p.Dx * p.Dx + p.Dy * p.Dy + p.Dz * p.Dz)))
                .ToList();
        }
        return result;
    }
}

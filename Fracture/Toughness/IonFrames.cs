using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// Core-shell ions as one particle each for the continuum analyses of a pull (Hardy fields, J integral, crack tips,
/// process zone): the shell's displacement from its core is the ion's polarization, not a deformation of the solid, so
/// each ion is its core's position and the sum of its core's and shell's per-atom stress·volume (the ion's share of the
/// virial: LAMMPS's compute stress/atom and ours give every particle its half of each pair term, so the sum over an ion's
/// two particles is the ion's). The pairs are those the force field binds (<see cref="CoreShellTerm.Bind"/>) in the
/// reference structure, matched in every frame by atom id.
/// </summary>
public sealed class IonFrames
{
    /// <summary>The reference structure without its shells (cores and rigid ions, in the reference's order).</summary>
    public AtomSystem Ions { get; }

    /// <summary>Shells of the reference: each shell's id and its core's id.</summary>
    private readonly Dictionary<int, int> coreOfShell;

    private IonFrames(AtomSystem ions, Dictionary<int, int> coreOfShell) => (Ions, this.coreOfShell) = (ions, coreOfShell);

    /// <summary>The ions of <paramref name="reference"/> under <paramref name="ff"/>, or null for rigid ions (a rigid force field, or a structure without its shells).</summary>
    public static IonFrames? Of(AtomSystem reference, ForceField ff)
    {
        if (!reference.TypeElements.Any(e => ff.Shells.Any(d => d.Shell == e))) return null;
        var pairs = CoreShellTerm.Bind(ff, reference)!;
        var coreOf = new Dictionary<int, int>(pairs.Shell.Length);
        for (int p = 0; p < pairs.Shell.Length; p++) coreOf[reference.Id[pairs.Shell[p]]] = reference.Id[pairs.Core[p]];
        var keep = Enumerable.Range(0, reference.Count).Where(i => !coreOf.ContainsKey(reference.Id[i])).ToArray();
        return new IonFrames(reference.Subset(keep), coreOf);
    }

    /// <summary>Whether a dump column is extensive per particle (summed over an ion's core and shell): the stress·volume and energy columns.</summary>
    public static bool IsSummed(string column) => column.StartsWith("c_stress", StringComparison.Ordinal) || column is "c_pe" or "pe";

    /// <summary>The frame with each shell folded into its core: rows of the shells dropped, their summed columns added to their cores' rows.</summary>
    public DumpFrame Merge(DumpFrame f, string source)
    {
        var ids = f.Column("id", source);
        var row = new Dictionary<int, int>(f.Atoms);
        for (int i = 0; i < f.Atoms; i++) row[(int)ids[i]] = i;
        var kept = new List<int>(f.Atoms - coreOfShell.Count);
        for (int i = 0; i < f.Atoms; i++) if (!coreOfShell.ContainsKey((int)ids[i])) kept.Add(i);
        if (kept.Count + coreOfShell.Count != f.Atoms)
            throw new InputException($"{source}: the frame at step {f.Step} has {f.Atoms} particles; the reference has {Ions.Count} ions and {coreOfShell.Count} shells");
        var newRow = new int[f.Atoms];
        for (int k = 0; k < kept.Count; k++) newRow[kept[k]] = k;
        var columns = new Dictionary<string, double[]>(f.Columns.Count);
        foreach (var (name, values) in f.Columns)
        {
            var merged = new double[kept.Count];
            for (int k = 0; k < kept.Count; k++) merged[k] = values[kept[k]];
            if (IsSummed(name))
                foreach (var (shell, core) in coreOfShell)
                {
                    if (!row.TryGetValue(shell, out int s) || !row.TryGetValue(core, out int c))
                        throw new InputException($"{source}: the frame at step {f.Step} lacks core {core} or shell {shell} of an ion of the reference");
                    merged[newRow[c]] += values[s];
                }
            columns[name] = merged;
        }
        return f with { Atoms = kept.Count, Columns = columns, Elements = f.Elements is null ? null : [.. kept.Select(i => f.Elements[i])] };
    }
}

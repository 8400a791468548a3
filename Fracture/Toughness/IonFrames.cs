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
        return new IonFrames(IonSystem(reference, pairs.ShellOfEachCore()), coreOf);
    }

    /// <summary>
    /// The ions of <paramref name="s"/> (<paramref name="shellOf"/>: each core's shell, else −1): the particles of
    /// <see cref="Kept"/>, each core's type carrying the whole ion's mass (core + shell) so densities are the ions'.
    /// </summary>
    public static AtomSystem IonSystem(AtomSystem s, int[] shellOf)
    {
        var ions = s.Subset(Kept(shellOf));
        var done = new HashSet<int>();
        for (int i = 0; i < shellOf.Length; i++)
            if (shellOf[i] >= 0 && done.Add(s.Type[i])) ions.TypeMasses[s.Type[i]] += s.TypeMasses[s.Type[shellOf[i]]];
        return ions;
    }

    /// <summary>Whether a dump column is extensive per particle (summed over an ion's core and shell): the stress·volume and energy columns.</summary>
    public static bool IsSummed(string column) => column.StartsWith("c_stress", StringComparison.Ordinal) || column is "c_pe" or "pe";

    /// <summary>The frame with each shell folded into its core: rows of the shells dropped, their summed columns added to their cores' rows.</summary>
    public DumpFrame Merge(DumpFrame f, string source)
    {
        var ids = f.Column("id", source);
        var row = new Dictionary<int, int>(f.Atoms);
        for (int i = 0; i < f.Atoms; i++) row[(int)ids[i]] = i;
        if (f.Atoms != Ions.Count + coreOfShell.Count)
            throw new InputException($"{source}: the frame at step {f.Step} has {f.Atoms} particles; the reference has {Ions.Count} ions and {coreOfShell.Count} shells");
        var shellOf = new int[f.Atoms];
        Array.Fill(shellOf, -1);
        foreach (var (shell, core) in coreOfShell)
        {
            if (!row.TryGetValue(shell, out int s) || !row.TryGetValue(core, out int c))
                throw new InputException($"{source}: the frame at step {f.Step} lacks core {core} or shell {shell} of an ion of the reference");
            shellOf[c] = s;
        }
        var keep = Kept(shellOf);
        var columns = new Dictionary<string, double[]>(f.Columns.Count);
        foreach (var (name, values) in f.Columns) columns[name] = Fold(values, shellOf, keep, IsSummed(name));
        return f with { Atoms = keep.Length, Columns = columns, Elements = f.Elements is null ? null : [.. keep.Select(i => f.Elements[i])] };
    }

    /// <summary>The particles that stand for ions, in order: every one that is not a shell (<paramref name="shellOf"/>: each core's shell, else −1).</summary>
    public static int[] Kept(int[] shellOf)
    {
        var isShell = new bool[shellOf.Length];
        foreach (int h in shellOf) if (h >= 0) isShell[h] = true;
        return [.. Enumerable.Range(0, shellOf.Length).Where(i => !isShell[i])];
    }

    /// <summary>
    /// A per-particle column on the ions (<paramref name="keep"/>, from <see cref="Kept"/>): the kept rows, each core's with its
    /// shell's value added when <paramref name="sum"/> (extensive quantities), else its own (positions, ids).
    /// </summary>
    public static double[] Fold(double[] values, int[] shellOf, int[] keep, bool sum)
    {
        var r = new double[keep.Length];
        for (int k = 0; k < keep.Length; k++)
        {
            int i = keep[k];
            r[k] = values[i] + (sum && shellOf[i] >= 0 ? values[shellOf[i]] : 0);
        }
        return r;
    }
}

using FractureLab.Mechanics.IO;

namespace FractureLab.Mechanics.ForceFields;

/// <summary>
/// The force-field file (schema "fracturelab.forcefield/1") described once: <see cref="ForceFieldLoader"/> refuses every key
/// not listed here (with a did-you-mean), and <c>fracturelab schema forcefield</c> prints this table.
/// </summary>
public static class ForceFieldSchema
{
    public static readonly IReadOnlyList<SchemaKey> Keys =
    [
        new("schema", "string", true, null, $"\"{ForceFieldLoader.Schema}\""),
        new("name", "string", true, null, "the force field's name, written into plan.json and the reports"),
        new("citation", "string", true, null, "where its parameters come from"),
        new("unlisted_pairs", "string", false, "\"coulomb-only\"", "element pairs without a [[pairs]] entry: \"coulomb-only\" or \"error\""),
        new("charges.<El>", "number", true, null, "charge of each element, e"),
        new("short_range.cutoff", "number", true, null, "cut-off of the short-range terms, Å"),
        new("short_range.shift_energy", "bool", false, "false", "shift each short-range energy to zero at its cut-off (forces unchanged)"),
        new("coulomb.method", "string", false, "\"none\"", "none, dsf, wolf, ewald or pppm (a missing [coulomb] means none)"),
        new("coulomb.alpha", "number", false, "(dsf, wolf: required; ewald, pppm: from the accuracy)", "damping / splitting parameter, 1/Å"),
        new("coulomb.cutoff", "number", false, "(required unless method = none)", "real-space cut-off, Å"),
        new("coulomb.accuracy", "number", false, "1e-6", "ewald and pppm: relative rms force accuracy as LAMMPS's kspace accuracy"),
        new("coulomb.order", "integer", false, "0 (automatic)", "pppm: B-spline order 3-10"),
        new("coulomb.grid", "3 integers", false, "(automatic)", "pppm: mesh points per axis"),
        new("coulomb.erfc", "string", false, "(LAMMPS's: abramowitz-stegun for dsf, exact otherwise)", "\"exact\" or \"abramowitz-stegun\""),
        new("shells[].core", "string", false, null, "core-shell model: the polarizable ion's core species, e.g. \"O\" (its charge in [charges])"),
        new("shells[].shell", "string", false, null, "its shell species, named core + \"_s\" (\"O_s\"; its charge in [charges], short-range pairs act on it)"),
        new("shells[].k", "number", false, null, "core-shell spring constant, eV/Å²"),
        new("shells[].energy", "string", false, null, "the convention of k: \"half_k_r2\" (E = ½kr², GULP) or \"k_r2\" (E = kr², thesis Eq. 2.11, LAMMPS bond harmonic)"),
        new("shells[].shell_mass_amu", "number", false, null, "shell mass, amu (taken from the ion's; 0.1-0.2 usual)"),
        new("shells[].max_separation_A", "number", false, "0.5", "largest core-shell distance at which a shell is paired with its core, Å"),
        new("shells[].exclusion", "string", false, "\"bare\"", "how the ion's own core-shell Coulomb pair is removed: \"bare\" (k q q/r, LAMMPS CORESHELL) or \"pair\" (the whole DSF/Wolf pair term)"),
        new("pairs[].elements", "2 strings", true, null, "the element pair, e.g. [\"Si\", \"O\"]"),
        new("pairs[].style", "string", true, null, string.Join(", ", ForceFieldLoader.StyleKeys.Keys)),
        new("pairs[].cutoff", "number", false, "short_range.cutoff", "this pair's cut-off, Å"),
        // one row per registered style (Potentials/PairStyles): its parameters and formula
        .. Potentials.PairStyles.All.Select(d => new SchemaKey($"pairs[].{string.Join(", ", d.Keys)}", "numbers", true, d.Name == "buckingham" || d.Name == "born" ? "D = 0" : null, d.Formula)),
    ];

    /// <summary>The force-field file type.</summary>
    public static InputSchema Schema => new("forcefield", $"Force-field file, schema \"{ForceFieldLoader.Schema}\" (TOML).", Keys);

    /// <summary>The table as Markdown (for the README or the terminal).</summary>
    public static string Markdown() => Schema.Markdown();
}

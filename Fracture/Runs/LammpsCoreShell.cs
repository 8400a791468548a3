using System.Globalization;
using System.Text;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.Coulomb;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Runs;

/// <summary>
/// The adiabatic shells of a force field in a LAMMPS 2022 deck, as the CORESHELL package runs them (LAMMPS manual, "Howto
/// coreshell", and examples/coreshell): atom_style full with one harmonic bond per core-shell pair, special_bonds coul 0.0
/// so the pair's own Coulomb interaction goes (the CORESHELL styles subtract the bare q_c·q_s/r of a special pair: our
/// <see cref="CoreShellExclusion.Bare"/>), the Coulomb sum in its /cs style (born/coul/dsf/cs with zero Born terms,
/// coul/wolf/cs, coul/long/cs), and the temperature of the ions' centres of mass (compute temp/cs) for thermo, every
/// thermostat and barostat, the velocity draw and the kinetic part of the stress.
/// </summary>
public static class LammpsCoreShell
{
    /// <summary>The temperature compute of the ions (cores with their shells) in the decks.</summary>
    public const string TemperatureId = "CSequ";

    /// <summary>One bond per core-shell pair of <paramref name="s"/>; its type is 1 + the index of the pair's shell definition.</summary>
    public static IReadOnlyList<DataBond> Bonds(ForceField ff, AtomSystem s)
    {
        var pairs = CoreShellTerm.Bind(ff, s) ?? throw new ArgumentException($"force field {ff.Name} has no shells", nameof(ff));
        var typeOf = Enumerable.Range(0, ff.Shells.Count).ToDictionary(d => ff.Shells[d].Core, d => d + 1);
        return [.. Enumerable.Range(0, pairs.Core.Length).Select(p => new DataBond(typeOf[s.TypeElements[s.Type[pairs.Core[p]]]], pairs.Core[p], pairs.Shell[p]))];
    }

    /// <summary>The Coulomb sub-style for the pair_style line: the /cs form of the method.</summary>
    public static string CoulombStyle(ForceField ff, CoulombSettings c)
    {
        foreach (var d in ff.Shells)
            if (d.Exclusion != CoreShellExclusion.Bare)
                throw new InputException($"force field {ff.Name}: shells of {d.Core} use exclusion = \"{d.Exclusion.ToString().ToLowerInvariant()}\"; LAMMPS's CORESHELL styles remove the bare q_c q_s/r only (exclusion = \"bare\"), so the deck would run another model");
        var ci = CultureInfo.InvariantCulture;
        return c.Method switch
        {
            // no coul/dsf/cs in LAMMPS 2022: born/coul/dsf/cs with every Born coefficient zero (pair_coeff * * 0 1 0 0 0)
            CoulombMethod.Dsf => string.Create(ci, $"born/coul/dsf/cs {c.Alpha:R} {c.Cutoff:R} {c.Cutoff:R}"),
            CoulombMethod.Wolf => string.Create(ci, $"coul/wolf/cs {c.Alpha:R} {c.Cutoff:R}"),
            _ => string.Create(ci, $"coul/long/cs {c.Cutoff:R}"),
        };
    }

    /// <summary>The pair_coeff line of the Coulomb sub-style.</summary>
    public static string CoulombCoefficients(string style) =>
        style.StartsWith("born/", StringComparison.Ordinal) ? $"pair_coeff * * {style.Split(' ')[0]} 0.0 1.0 0.0 0.0 0.0" : $"pair_coeff * * {style.Split(' ')[0]}";

    /// <summary>
    /// Bonds, exclusions, groups and the ions' temperature, after the pair commands (the deck's pull sets
    /// thermo_modify temp again after its thermo_style, which resets it). LAMMPS's bond_style harmonic is
    /// E = K·(r − r0)², so K = k/2 for our E = ½·k·r² (<see cref="CoreShellTerm.K"/>).
    /// </summary>
    public static string Commands(ForceField ff, string[] typeElements)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("bond_style harmonic\n");
        for (int d = 0; d < ff.Shells.Count; d++)
            sb.AppendLine(string.Create(ci, $"bond_coeff {d + 1} {ff.Shells[d].SpringEvPerA2 / 2:R} 0.0   # {ff.Shells[d].Core}-{ff.Shells[d].Shell}: K = k/2 (E = K r^2)"));
        sb.AppendLine("special_bonds coul 0.0 0.0 0.0 lj 0.0 0.0 0.0");
        string Types(Func<string, bool> pick) => string.Join(' ', Enumerable.Range(0, typeElements.Length).Where(t => pick(typeElements[t])).Select(t => t + 1));
        sb.AppendLine($"group cores type {Types(e => ff.Shells.Any(d => d.Core == e))}");
        sb.AppendLine($"group shells type {Types(e => ff.Shells.Any(d => d.Shell == e))}");
        sb.AppendLine("comm_modify vel yes");
        sb.AppendLine($"compute {TemperatureId} all temp/cs cores shells");
        sb.AppendLine($"thermo_modify temp {TemperatureId}");
        return sb.ToString();
    }
}

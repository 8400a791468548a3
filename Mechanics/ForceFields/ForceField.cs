using FractureLab.Mechanics.Coulomb;

namespace FractureLab.Mechanics.ForceFields;

/// <summary>
/// A force field as published: charges (e) per element, short-range pair terms, default short-range
/// cut-off (Å), whether energies are shifted to zero at the cut-off, and the Coulomb method. Pairs not
/// listed are Coulomb-only when <see cref="UnlistedPairsCoulombOnly"/>, else they are an error.
/// <see cref="Assumptions"/> records the choices made while resolving it (solved cores, A(R,K), …).
/// </summary>
public sealed record ForceField(
    string Name,
    string Citation,
    string Source,
    IReadOnlyDictionary<string, double> Charges,
    IReadOnlyList<PairDefinition> Pairs,
    double ShortRangeCutoff,
    bool ShiftEnergy,
    bool UnlistedPairsCoulombOnly,
    CoulombSettings Coulomb,
    IReadOnlyList<string> Assumptions)
{
    /// <summary>The polarizable ions of an adiabatic core-shell model (none for a rigid-ion force field).</summary>
    public IReadOnlyList<ShellDefinition> Shells { get; init; } = [];

    public PairDefinition? FindPair(string a, string b) => Pairs.FirstOrDefault(p => p.Matches(a, b));

    /// <summary>
    /// Charges (e) of the ions of a structure without shells: <see cref="Charges"/>, a polarizable ion carrying its core's
    /// and its shell's together (the charge it keeps once the shells are added), the shell species left out.
    /// </summary>
    public IReadOnlyDictionary<string, double> IonCharges()
    {
        var ions = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (element, q) in Charges)
        {
            if (Shells.Any(d => string.Equals(d.Shell, element, StringComparison.OrdinalIgnoreCase))) continue;
            var shell = Shells.FirstOrDefault(d => string.Equals(d.Core, element, StringComparison.OrdinalIgnoreCase));
            ions[element] = shell is not null && TryGetCharge(shell.Shell, out double qs) ? q + qs : q;
        }
        return ions;
    }

    public bool TryGetCharge(string element, out double charge)
    {
        foreach (var kv in Charges)
            if (string.Equals(kv.Key, element, StringComparison.OrdinalIgnoreCase)) { charge = kv.Value; return true; }
        charge = 0;
        return false;
    }
}

/// <summary>
/// A polarizable ion of the adiabatic shell model (Mitchell &amp; Fincham, J. Phys.: Condens. Matter 5, 1031 (1993); LAMMPS
/// Howto coreshell): a core species and its shell species (named core + "_s", e.g. O and O_s), bound by the spring
/// E = ½·k·r² (<see cref="SpringEvPerA2"/> is this k; the file states which convention its number uses: GULP's ½kr² or
/// k·r² as the thesis' Eq. 2.11 and LAMMPS's bond harmonic write it), the shell's mass (amu) taken from the ion's, and
/// the largest core-shell separation (Å) at which a shell is still paired with its core when a system is bound.
/// </summary>
public sealed record ShellDefinition(string Core, string Shell, double SpringEvPerA2, double ShellMassAmu, double MaxSeparationA, string Convention,
    CoreShellExclusion Exclusion = CoreShellExclusion.Bare);

/// <summary>
/// How an ion's own core-shell Coulomb pair is removed. The sources differ for damped sums: LAMMPS's CORESHELL styles
/// subtract the bare k·q_c·q_s/r (with DSF the damped, shifted remainder −k·q_c·q_s·(erf(αr)/r + shifts) stays, as Ewald's
/// exclusion leaves nothing); removing the DSF/Wolf pair term whole is the other reading of "no Coulomb between an ion's
/// core and shell" (SCIENCE.md §12). Forces differ by O(α³r) only; energies by ≈ k·q_c·q_s·2α/√π per ion.
/// </summary>
public enum CoreShellExclusion { Bare, Pair }

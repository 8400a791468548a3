namespace FractureLab.BondSwitch.Switching;

/// <summary>
/// How the neighbour set N_i of a centre atom changed from the reference (SCIENCE.md §4). The numeric values are
/// the per-atom dump column <c>bond_switch</c> (−1 for atoms that are not centres), so OVITO can colour by them.
/// </summary>
public enum SwitchClass
{
    /// <summary>N_i(ε) = N_i(0).</summary>
    Unchanged = 0,
    /// <summary>|N_i(ε)| &lt; |N_i(0)| (e.g. ⁴B → ³B).</summary>
    Decreased = 1,
    /// <summary>|N_i(ε)| &gt; |N_i(0)| (e.g. ³B → ⁴B).</summary>
    Increased = 2,
    /// <summary>Same count, different neighbour identities.</summary>
    Swapped = 3,
}

/// <summary>
/// Cut-offs (Å) of the classification. A reference bond is a neighbour closer than <see cref="ReferenceAngstrom"/>
/// in the reference. In a current snapshot a reference bond still counts while shorter than
/// <see cref="KeepAngstrom"/>, and a new bond counts once shorter than <see cref="FormAngstrom"/>: with
/// Keep &gt; r_c &gt; Form (the two-cut-off hysteresis), rattling across r_c is not counted as switching.
/// </summary>
public sealed record SwitchCutoffs(double ReferenceAngstrom, double KeepAngstrom, double FormAngstrom)
{
    /// <summary>One cut-off for everything (SCIENCE.md §4 as written).</summary>
    public static SwitchCutoffs Single(double rc) => new(rc, rc, rc);

    /// <summary>Keep bonds up to r_c + h, form new ones below r_c − h.</summary>
    public static SwitchCutoffs Hysteresis(double rc, double halfWidthAngstrom) => new(rc, rc + halfWidthAngstrom, rc - halfWidthAngstrom);

    public string Describe() => KeepAngstrom == FormAngstrom
        ? $"single cut-off r_c = {ReferenceAngstrom:0.###} Å"
        : $"hysteresis: reference bonds r < {ReferenceAngstrom:0.###} Å, kept while r < {KeepAngstrom:0.###} Å, new bonds once r < {FormAngstrom:0.###} Å";
}

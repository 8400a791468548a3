namespace FractureLab.Mechanics.Backends;

/// <summary>
/// Energies (eV) and the virial tensor W = Σ r_ij ⊗ f_ij (eV; order xx, yy, zz, xy, xz, yz) of one
/// force evaluation. Pressure from it: P = (kinetic tensor + W)/V.
/// </summary>
public sealed class ForceResult
{
    public double ShortRangeEnergy { get; set; }
    public double CoulombPairEnergy { get; set; }
    public double CoulombSelfEnergy { get; set; }
    public double KSpaceEnergy { get; set; }
    /// <summary>Energy (eV) of the core-shell springs (adiabatic shell model; 0 for rigid ions).</summary>
    public double CoreShellSpringEnergy { get; set; }
    public double[] Virial { get; } = new double[6];

    /// <summary>
    /// True when the back end already added the k-space part (energy, virial and forces: the Gpu back end runs mesh
    /// Ewald on the device), so <see cref="ForceComputer"/> does not add it again.
    /// </summary>
    public bool KSpaceIncluded { get; set; }

    /// <summary>Per-atom virial (eV; 6 per atom, same order) when requested, else null.</summary>
    public double[]? PerAtomVirial { get; set; }

    /// <summary>
    /// Per-atom potential energy (eV) when per-atom terms were requested from a back end that computes them (Reference and
    /// Simd; the Gpu back end gives the virial only), else null: as LAMMPS compute pe/atom, each pair's short-range and
    /// real-space Coulomb energy split half and half between its atoms, plus the atom's own Coulomb self energy; the
    /// k-space (reciprocal) energy is not in it, so Σ = <see cref="PotentialEnergy"/> − <see cref="KSpaceEnergy"/>.
    /// </summary>
    public double[]? PerAtomEnergy { get; set; }

    /// <summary>
    /// Whether the energies and the virial were asked for (<see cref="ForceComputer.Compute"/>'s <c>totals</c>): a step that
    /// records nothing asks for the forces only, as LAMMPS's eflag/vflag are off on steps without thermo output.
    /// </summary>
    public bool TotalsRequested { get; set; } = true;

    /// <summary>
    /// False when the back end skipped the pair energies and virial because they were not requested (the Simd back end):
    /// the forces are complete, the energies and <see cref="Virial"/> are not, and <see cref="PotentialEnergy"/> throws.
    /// </summary>
    public bool HasTotals { get; set; } = true;

    /// <summary>Everything LAMMPS counts in pe: pair terms, self terms, k-space and the core-shell bonds (LAMMPS's ebond).</summary>
    public double PotentialEnergy => HasTotals
        ? ShortRangeEnergy + CoulombPairEnergy + CoulombSelfEnergy + KSpaceEnergy + CoreShellSpringEnergy
        : throw new InvalidOperationException("the energies of this force evaluation were not computed (forces only); compute with totals");

    public void Clear()
    {
        ShortRangeEnergy = CoulombPairEnergy = CoulombSelfEnergy = KSpaceEnergy = CoreShellSpringEnergy = 0;
        Array.Clear(Virial);
        PerAtomVirial = null;
        PerAtomEnergy = null;
        KSpaceIncluded = false;
        TotalsRequested = HasTotals = true;
    }
}

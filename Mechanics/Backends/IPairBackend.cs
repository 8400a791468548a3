using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Neighbors;

namespace FractureLab.Mechanics.Backends;

/// <summary>
/// Executes the pair loop (short range + real-space Coulomb) of a compiled force field over a half
/// neighbor list: overwrites forces, fills energies and the virial. Self terms and k-space are the
/// caller's (<see cref="ForceComputer"/>), shared by all back ends.
/// </summary>
public interface IPairBackend
{
    string Name { get; }

    /// <summary>
    /// False for a back end that keeps its own neighbor list (the Gpu back end): the host list then only decides when
    /// to rebuild and wraps the atoms, and stores no pairs.
    /// </summary>
    bool UsesHostNeighborList => true;

    /// <summary>Host threads the run may use: the pair loop's, and those of the host reciprocal part (<see cref="ForceComputer"/>). One per core unless set.</summary>
    int Threads => Environment.ProcessorCount;

    void ComputePairs(AtomSystem s, NeighborList list, CompiledForceField ff, ForceResult result, bool perAtomVirial);
}

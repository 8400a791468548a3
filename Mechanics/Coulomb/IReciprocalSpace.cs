using FractureLab.Mechanics.Atoms;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>The long-range (reciprocal-space) part of an Ewald-split Coulomb sum: plain Ewald or mesh Ewald.</summary>
public interface IReciprocalSpace
{
    /// <summary>Splitting parameter α (Å⁻¹) shared with the real-space term.</summary>
    double Alpha { get; }

    /// <summary>Adds forces (eV/Å) to s.F*, adds the virial (eV; xx yy zz xy xz yz) and returns the energy (eV, neutralizing background included).</summary>
    double Compute(AtomSystem s, Span<double> virial);

    /// <summary>
    /// As <see cref="Compute(AtomSystem, Span{double})"/>; with <paramref name="withTotals"/> false the method may skip the
    /// energy and the virial (a forces-only MD step) and then returns NaN and adds nothing to <paramref name="virial"/>.
    /// </summary>
    double Compute(AtomSystem s, Span<double> virial, bool withTotals) => Compute(s, virial);

    /// <summary>As <see cref="Compute(AtomSystem, Span{double}, bool)"/>, its parallel loops (if any) on <paramref name="team"/>.</summary>
    double Compute(AtomSystem s, Span<double> virial, bool withTotals, Numerics.WorkerTeam team) => Compute(s, virial, withTotals);

    /// <summary>One line for plans and logs: method, α, grid or k-vectors.</summary>
    string Describe();
}

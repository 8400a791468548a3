using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Numerics;
using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>Ewald real-space constants: splitting α (Å⁻¹), real-space cut-off (Å), erfc flavor.</summary>
public readonly record struct EwaldRealSpaceParameters(double Alpha, double Cutoff, double CutoffSquared, ErfcFlavor Erfc);

/// <summary>
/// Real-space part of the Ewald sum (Ewald, Ann. Phys. 369, 253 (1921); as LAMMPS coul/long):
/// U = k q_i q_j erfc(αr)/r, F = k q_i q_j [erfc(αr)/r² + (2α/√π) e^(−α²r²)/r], zero beyond the cut-off.
/// </summary>
public static class EwaldRealSpace
{
    public static Potentials.PairTerm Evaluate(double r2, in EwaldRealSpaceParameters p, double qiqj)
    {
        if (r2 >= p.CutoffSquared) return default;
        double r = Math.Sqrt(r2);
        return Evaluate(r2, r, 1.0 / r, p, qiqj);
    }

    /// <summary>The same inside the cut-off, given r (Å) and 1/r (1/Å) computed once per pair.</summary>
    public static Potentials.PairTerm Evaluate(double r2, double r, double rinv, in EwaldRealSpaceParameters p, double qiqj)
    {
        double prefactor = MetalUnits.CoulombConstant * qiqj * rinv;
        double erfcd = Numerics.Exponential.Exp(-p.Alpha * p.Alpha * r2);
        double erfcc = Coulomb.Erfc.Evaluate(p.Erfc, p.Alpha * r, erfcd);
        double forceTimesR = prefactor * (erfcc + Coulomb.Erfc.TwoOverSqrtPi * p.Alpha * r * erfcd);
        return new(prefactor * erfcc, forceTimesR * rinv * rinv);
    }

    /// <summary>Self energy −k α/√π q² (eV).</summary>
    public static double SelfEnergy(in EwaldRealSpaceParameters p, double q) =>
        -p.Alpha / Math.Sqrt(Math.PI) * q * q * MetalUnits.CoulombConstant;
}

/// <summary>Vector body of <see cref="EwaldRealSpace.Evaluate"/> (same arithmetic lane by lane); lanes beyond the cut-off give zero.</summary>
public static class EwaldRealSpaceVector
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TV Energy, TV ForceOverR) Evaluate<TV>(
        TV r2, TV r, TV rinv, in EwaldRealSpaceParameters p, TV qiqj) where TV : struct, ILanes<TV>
    {
        var mask = TV.LessThan(r2, TV.Create(p.CutoffSquared));
        var alpha = TV.Create(p.Alpha);
        var prefactor = TV.Create(MetalUnits.CoulombConstant) * qiqj * rinv;
        var erfcd = Numerics.Exponential.Exp(-alpha * alpha * r2);
        var erfcc = Coulomb.Erfc.Evaluate(p.Erfc, alpha * r, erfcd);
        var forceTimesR = prefactor * (erfcc + TV.Create(Coulomb.Erfc.TwoOverSqrtPi * p.Alpha) * r * erfcd);
        return (TV.ConditionalSelect(mask, prefactor * erfcc, TV.Zero), TV.ConditionalSelect(mask, forceTimesR * rinv * rinv, TV.Zero));
    }
}

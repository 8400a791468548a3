using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Numerics;
using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// Precomputed DSF constants: α (Å⁻¹), cut-off r_c (Å), f_shift = −(erfc(αr_c)/r_c² + (2α/√π) e^(−α²r_c²)/r_c) (Å⁻²),
/// e_shift = erfc(αr_c)/r_c − f_shift·r_c (Å⁻¹), and the erfc flavor for the pair term.
/// </summary>
public readonly record struct DampedShiftedForceParameters(double Alpha, double Cutoff, double CutoffSquared, double FShift, double EShift, ErfcFlavor Erfc)
{
    /// <summary>As LAMMPS pair_coul_dsf.cpp init_style: the shifts use the exact erfc at r_c.</summary>
    public static DampedShiftedForceParameters Create(double alpha, double cutoff, ErfcFlavor erfc)
    {
        double erfcc = Coulomb.Erfc.Exact(alpha * cutoff);
        double erfcd = Math.Exp(-alpha * alpha * cutoff * cutoff);
        double fShift = -(erfcc / (cutoff * cutoff) + Coulomb.Erfc.TwoOverSqrtPi * alpha * erfcd / cutoff);
        double eShift = erfcc / cutoff - fShift * cutoff;
        return new(alpha, cutoff, cutoff * cutoff, fShift, eShift, erfc);
    }
}

/// <summary>
/// Damped shifted force Coulomb (Fennell &amp; Gezelter, J. Chem. Phys. 124, 234104 (2006)) exactly as
/// LAMMPS coul/dsf: for r &lt; r_c
///   U = k q_i q_j [erfc(αr)/r − e_shift − f_shift·r],
///   F = k q_i q_j [erfc(αr)/r² + (2α/√π) e^(−α²r²)/r + f_shift],
/// and per atom the self energy −(e_shift/2 + α/√π) k q_i².
/// </summary>
public static class DampedShiftedForce
{
    /// <summary>Energy (eV) and F/r (eV/Å²) for charges product qiqj (e²); zero beyond the cut-off.</summary>
    public static Potentials.PairTerm Evaluate(double r2, in DampedShiftedForceParameters p, double qiqj)
    {
        if (r2 >= p.CutoffSquared) return default;
        double r = Math.Sqrt(r2);
        return Evaluate(r2, r, 1.0 / r, p, qiqj);
    }

    /// <summary>
    /// The same inside the cut-off, given r (Å) and 1/r (1/Å) computed once per pair. One division (1/r) instead of
    /// LAMMPS's three: F/r = prefactor·(erfc/r + 2α/√π e^(−α²r²) + r f_shift)/r.
    /// </summary>
    public static Potentials.PairTerm Evaluate(double r2, double r, double rinv, in DampedShiftedForceParameters p, double qiqj)
    {
        double prefactor = MetalUnits.CoulombConstant * qiqj * rinv;
        double erfcd = Numerics.Exponential.Exp(-p.Alpha * p.Alpha * r2);
        double erfcc = Coulomb.Erfc.Evaluate(p.Erfc, p.Alpha * r, erfcd);
        double forceOverR = prefactor * (erfcc * rinv + Coulomb.Erfc.TwoOverSqrtPi * p.Alpha * erfcd + r * p.FShift) * rinv;
        double energy = prefactor * (erfcc - r * p.EShift - r2 * p.FShift);
        return new(energy, forceOverR);
    }

    /// <summary>Self energy (eV) of one atom of charge q (e).</summary>
    public static double SelfEnergy(in DampedShiftedForceParameters p, double q) =>
        -(p.EShift / 2.0 + p.Alpha / Math.Sqrt(Math.PI)) * q * q * MetalUnits.CoulombConstant;
}

/// <summary>Vector body of <see cref="DampedShiftedForce.Evaluate"/> (same arithmetic lane by lane); lanes beyond the cut-off give zero.</summary>
public static class DampedShiftedForceVector
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TV Energy, TV ForceOverR) Evaluate<TV>(
        TV r2, TV r, TV rinv, in DampedShiftedForceParameters p, TV qiqj) where TV : struct, ILanes<TV>
    {
        var mask = TV.LessThan(r2, TV.Create(p.CutoffSquared));
        var alpha = TV.Create(p.Alpha);
        var prefactor = TV.Create(MetalUnits.CoulombConstant) * qiqj * rinv;
        var erfcd = Numerics.Exponential.Exp(-alpha * alpha * r2);
        var erfcc = Coulomb.Erfc.Evaluate(p.Erfc, alpha * r, erfcd);
        var fShift = TV.Create(p.FShift);
        var forceOverR = prefactor * (erfcc * rinv + TV.Create(Coulomb.Erfc.TwoOverSqrtPi * p.Alpha) * erfcd + r * fShift) * rinv;
        var energy = prefactor * (erfcc - r * TV.Create(p.EShift) - r2 * fShift);
        return (TV.ConditionalSelect(mask, energy, TV.Zero),
                TV.ConditionalSelect(mask, forceOverR, TV.Zero));
    }
}

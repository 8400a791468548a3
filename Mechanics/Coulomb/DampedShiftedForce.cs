using System.Runtime.Intrinsics;
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
        double prefactor = MetalUnits.CoulombConstant * qiqj / r;
        double erfcd = Math.Exp(-p.Alpha * p.Alpha * r2);
        double erfcc = Coulomb.Erfc.Evaluate(p.Erfc, p.Alpha * r, erfcd);
        double forceTimesR = prefactor * (erfcc / r + Coulomb.Erfc.TwoOverSqrtPi * p.Alpha * erfcd + r * p.FShift) * r;
        double energy = prefactor * (erfcc - r * p.EShift - r2 * p.FShift);
        return new(energy, forceTimesR / r2);
    }

    /// <summary>Self energy (eV) of one atom of charge q (e).</summary>
    public static double SelfEnergy(in DampedShiftedForceParameters p, double q) =>
        -(p.EShift / 2.0 + p.Alpha / Math.Sqrt(Math.PI)) * q * q * MetalUnits.CoulombConstant;
}

/// <summary>Vector body of <see cref="DampedShiftedForce.Evaluate"/> (same arithmetic lane by lane); lanes beyond the cut-off give zero.</summary>
public static class DampedShiftedForceVector
{
    public static (Vector256<double> Energy, Vector256<double> ForceOverR) Evaluate(
        Vector256<double> r2, in DampedShiftedForceParameters p, Vector256<double> qiqj)
    {
        var mask = Vector256.LessThan(r2, Vector256.Create(p.CutoffSquared));
        var r = Vector256.Sqrt(r2);
        var alpha = Vector256.Create(p.Alpha);
        var prefactor = Vector256.Create(MetalUnits.CoulombConstant) * qiqj / r;
        var erfcd = Vector256.Exp(-alpha * alpha * r2);
        var erfcc = Coulomb.Erfc.Evaluate(p.Erfc, alpha * r, erfcd);
        var fShift = Vector256.Create(p.FShift);
        var forceTimesR = prefactor * (erfcc / r + Vector256.Create(Coulomb.Erfc.TwoOverSqrtPi * p.Alpha) * erfcd + r * fShift) * r;
        var energy = prefactor * (erfcc - r * Vector256.Create(p.EShift) - r2 * fShift);
        return (Vector256.ConditionalSelect(mask, energy, default),
                Vector256.ConditionalSelect(mask, forceTimesR / r2, default));
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FractureLab.Mechanics.Numerics;
using FractureLab.Mechanics.Units;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>
/// Precomputed Wolf constants as LAMMPS born/coul/wolf: α (Å⁻¹), r_c (Å), e_shift = erfc(αr_c)/r_c (Å⁻¹),
/// f_shift = −(e_shift + (2α/√π) e^(−α²r_c²))/r_c (Å⁻²).
/// </summary>
public readonly record struct WolfParameters(double Alpha, double Cutoff, double CutoffSquared, double EShift, double FShift, ErfcFlavor Erfc)
{
    public static WolfParameters Create(double alpha, double cutoff, ErfcFlavor erfc)
    {
        double eShift = Coulomb.Erfc.Exact(alpha * cutoff) / cutoff;
        double fShift = -(eShift + Coulomb.Erfc.TwoOverSqrtPi * alpha * Math.Exp(-alpha * alpha * cutoff * cutoff)) / cutoff;
        return new(alpha, cutoff, cutoff * cutoff, eShift, fShift, erfc);
    }
}

/// <summary>
/// Wolf summation (Wolf et al., J. Chem. Phys. 110, 8254 (1999)) exactly as LAMMPS 20220106 coul/wolf
/// and born/coul/wolf (src/pair_born_coul_wolf.cpp): for r &lt; r_c
///   U = k q_i q_j [erfc(αr)/r − e_shift]                                  (energy-shifted only),
///   F = k q_i q_j [erfc(αr)/r² + (2α/√π) e^(−α²r²)/r + f_shift]           (force-shifted, as DSF),
/// so energy and force are not exactly consistent (SCIENCE.md §8); self energy −(e_shift/2 + α/√π) k q_i².
/// </summary>
public static class WolfSummation
{
    public static Potentials.PairTerm Evaluate(double r2, in WolfParameters p, double qiqj)
    {
        if (r2 >= p.CutoffSquared) return default;
        double r = Math.Sqrt(r2);
        return Evaluate(r2, r, 1.0 / r, p, qiqj);
    }

    /// <summary>The same inside the cut-off, given r (Å) and 1/r (1/Å) computed once per pair (1/r replaces LAMMPS's divisions).</summary>
    public static Potentials.PairTerm Evaluate(double r2, double r, double rinv, in WolfParameters p, double qiqj)
    {
        double prefactor = MetalUnits.CoulombConstant * qiqj * rinv;
        double erfcd = Numerics.Exponential.Exp(-p.Alpha * p.Alpha * r2);
        double erfcc = Coulomb.Erfc.Evaluate(p.Erfc, p.Alpha * r, erfcd);
        double energy = (erfcc - p.EShift * r) * prefactor;
        double dvdrr = erfcc * rinv * rinv + Coulomb.Erfc.TwoOverSqrtPi * p.Alpha * erfcd * rinv + p.FShift;
        return new(energy, dvdrr * prefactor);
    }

    public static double SelfEnergy(in WolfParameters p, double q) =>
        -(p.EShift / 2.0 + p.Alpha / Math.Sqrt(Math.PI)) * q * q * MetalUnits.CoulombConstant;
}

/// <summary>Vector body of <see cref="WolfSummation.Evaluate"/> (same arithmetic lane by lane); lanes beyond the cut-off give zero.</summary>
public static class WolfSummationVector
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TV Energy, TV ForceOverR) Evaluate<TV>(
        TV r2, TV r, TV rinv, in WolfParameters p, TV qiqj) where TV : struct, ILanes<TV>
    {
        var mask = TV.LessThan(r2, TV.Create(p.CutoffSquared));
        var alpha = TV.Create(p.Alpha);
        var prefactor = TV.Create(MetalUnits.CoulombConstant) * qiqj * rinv;
        var erfcd = Numerics.Exponential.Exp(-alpha * alpha * r2);
        var erfcc = Coulomb.Erfc.Evaluate(p.Erfc, alpha * r, erfcd);
        var energy = (erfcc - TV.Create(p.EShift) * r) * prefactor;
        var dvdrr = erfcc * rinv * rinv + TV.Create(Coulomb.Erfc.TwoOverSqrtPi * p.Alpha) * erfcd * rinv + TV.Create(p.FShift);
        return (TV.ConditionalSelect(mask, energy, TV.Zero), TV.ConditionalSelect(mask, dvdrr * prefactor, TV.Zero));
    }
}

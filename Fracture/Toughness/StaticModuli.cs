using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Integrators;
using FractureLab.Mechanics.Minimizers;

namespace FractureLab.Fracture.Toughness;

/// <summary>Isotropic elastic constants at 0 K (GPa): Lamé λ and μ, and E, ν from them.</summary>
/// <param name="LongitudinalGpa">Δσ_aa/Δε along the strained axis (C_aa,aa).</param>
/// <param name="LateralGpa">Δσ/Δε of the two other axes (C_bb,aa, C_cc,aa), in axis order after the strained one.</param>
public sealed record StaticModuli(double LambdaGpa, double MuGpa, double LongitudinalGpa = double.NaN, double[]? LateralGpa = null)
{
    public double YoungsGpa => MuGpa * (3 * LambdaGpa + 2 * MuGpa) / (LambdaGpa + MuGpa);
    public double Poisson => LambdaGpa / (2 * (LambdaGpa + MuGpa));

    /// <summary>
    /// λ and μ of a periodic glass at 0 K from uniaxial strains ±<paramref name="strain"/> along <paramref name="axis"/> (the other
    /// lengths fixed, positions FIRE-minimized at each): M = λ + 2μ = Δσ_aa/Δε, λ = mean lateral Δσ/Δε (isotropy assumed;
    /// the two lateral values are returned in <paramref name="lateralSpread"/> as their relative difference). The moduli of the
    /// state the K-field loading relaxes in (0 K), which the 300 K pulls' E and ν are not.
    /// </summary>
    public static StaticModuli Measure(AtomSystem glass, ForceComputerFactory forces, int axis, out double lateralSpread, double strain = 0.005, double forceTolerance = 1e-3)
    {
        double[] Stress(double e)
        {
            var s = glass.Clone();
            Array.Clear(s.Vx); Array.Clear(s.Vy); Array.Clear(s.Vz);
            if (e != 0) BoxScaling.ScaleAxis(s, axis, 1 + e);
            var f = forces(s);
            Fire.Minimize(s, f, forceTolerance, 20000);
            var p = Mechanics.Backends.ForceComputer.PressureGpa(s, f.Compute(s), withKinetic: false);
            return [-p[0], -p[1], -p[2]];
        }
        var plus = Stress(strain);
        var minus = Stress(-strain);
        int a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
        double m = (plus[axis] - minus[axis]) / (2 * strain);
        double l1 = (plus[a1] - minus[a1]) / (2 * strain), l2 = (plus[a2] - minus[a2]) / (2 * strain);
        double lambda = 0.5 * (l1 + l2);
        lateralSpread = Math.Abs(l1 - l2) / Math.Abs(lambda);
        return new StaticModuli(lambda, 0.5 * (m - lambda), m, [l1, l2]);
    }
}

namespace FractureLab.Fracture.Toughness;

/// <summary>Plane strain (κ = 3 − 4ν) or plane stress (κ = (3 − ν)/(1 + ν)) for the isotropic K field.</summary>
public enum PlaneState { Strain, Stress }

/// <summary>
/// The isotropic mode-I LEFM near-tip field (SCIENCE.md §10; Williams 1957, Anderson, Fracture Mechanics, 3rd ed.
/// (2005), Table 2.1): tip at the origin, the crack along −x, polar r, θ in the x-z plane (z the opening direction).
/// Units: K in GPa·√Å (1 MPa·m^0.5 = 100 GPa·√Å), E and stresses in GPa, r and displacements in Å.
/// </summary>
public static class KField
{
    /// <summary>GPa·√Å per MPa·m^0.5: 1e6 Pa·m^0.5 = 1e-3 GPa · 1e5 √Å.</summary>
    public const double GpaSqrtAPerMPaSqrtM = 100.0;

    public static double Kappa(double poisson, PlaneState state) =>
        state == PlaneState.Strain ? 3 - 4 * poisson : (3 - poisson) / (1 + poisson);

    /// <summary>E′ = E/(1 − ν²) in plane strain, E in plane stress (GPa).</summary>
    public static double EffectiveModulus(double youngsGpa, double poisson, PlaneState state) =>
        state == PlaneState.Strain ? youngsGpa / (1 - poisson * poisson) : youngsGpa;

    /// <summary>u_x, u_z (Å) at (r, θ): (K/2μ)·√(r/2π)·cos(θ/2)·(κ − cos θ) and (K/2μ)·√(r/2π)·sin(θ/2)·(κ − cos θ), μ = E/(2(1+ν)).</summary>
    public static (double Ux, double Uz) Displacement(double kGpaSqrtA, double youngsGpa, double poisson, PlaneState state, double r, double theta)
    {
        double mu = youngsGpa / (2 * (1 + poisson));
        double kappa = Kappa(poisson, state);
        double f = kGpaSqrtA / (2 * mu) * Math.Sqrt(r / (2 * Math.PI)) * (kappa - Math.Cos(theta));
        return (f * Math.Cos(theta / 2), f * Math.Sin(theta / 2));
    }

    /// <summary>σ_xx, σ_zz, σ_xz (GPa) at (r, θ): K/√(2πr)·cos(θ/2)·[1 ∓ sin(θ/2) sin(3θ/2)] and K/√(2πr)·sin(θ/2) cos(θ/2) cos(3θ/2).</summary>
    public static (double Sxx, double Szz, double Sxz) Stress(double kGpaSqrtA, double r, double theta)
    {
        double a = kGpaSqrtA / Math.Sqrt(2 * Math.PI * r);
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2), s3 = Math.Sin(1.5 * theta), c3 = Math.Cos(1.5 * theta);
        return (a * c * (1 - s * s3), a * c * (1 + s * s3), a * s * c * c3);
    }

    /// <summary>The energy release rate of a K field, G = K²/E′, in J/m² (K in MPa·m^0.5, E′ in GPa).</summary>
    public static double EnergyReleaseRateJPerM2(double kMPaSqrtM, double effectiveModulusGpa) =>
        kMPaSqrtM * kMPaSqrtM / effectiveModulusGpa / (Analysis.FractureUnits.MPaSqrtMPerSqrtGpaJPerM2 * Analysis.FractureUnits.MPaSqrtMPerSqrtGpaJPerM2);
}

using FractureLab.Fracture.Toughness;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Tests.Fracture.Toughness;

/// <summary>The J domain integral, the K field and the Hardy fields on fields whose answers are known analytically.</summary>
public class JIntegralTests
{
    private const double E = 70.0, Nu = 0.2;

    /// <summary>The exact K_I field (stress and displacement) sampled on a grid around a tip at (tipX, 0), crack along −x (or +x when mirrored).</summary>
    private static PlaneFields ExactField(double kMPa, PlaneState state, double h, double half, double tipX = 0, bool mirrored = false)
    {
        int n = (int)Math.Round(2 * half / h);
        var f = new PlaneFields(n, n, tipX - half + 0.5 * h, -half + 0.5 * h, h, h, periodic: false);
        double k = kMPa * KField.GpaSqrtAPerMPaSqrtM;
        for (int kz = 0; kz < n; kz++)
        for (int ix = 0; ix < n; ix++)
        {
            double x = (f.X(ix) - tipX) * (mirrored ? -1 : 1), z = f.Z(kz);
            double r = Math.Sqrt(x * x + z * z), th = Math.Atan2(z, x);
            var (sxx, szz, sxz) = KField.Stress(k, r, th);
            var (ux, uz) = KField.Displacement(k, E, Nu, state, r, th);
            int idx = f.Index(ix, kz);
            f.Sxx[idx] = sxx; f.Szz[idx] = szz; f.Sxz[idx] = mirrored ? -sxz : sxz;
            f.Ux[idx] = mirrored ? -ux : ux; f.Uz[idx] = uz;
            f.Density[idx] = 1;
        }
        return f;
    }

    [Theory]
    [InlineData(PlaneState.Strain)]
    [InlineData(PlaneState.Stress)]
    public void DomainIntegral_OfTheExactKField_IsKSquaredOverEPrime_InEveryDomain(PlaneState state)
    {
        const double kMPa = 0.8;
        var f = ExactField(kMPa, state, h: 0.2, half: 32);
        double expected = KField.EnergyReleaseRateJPerM2(kMPa, KField.EffectiveModulus(E, Nu, state));
        foreach (var outer in new[] { 8.0, 16.0, 30.0 })
        {
            double j = JIntegral.Domain(f, 0, 0, +1, outer / 2, outer);
            Assert.True(Math.Abs(j / expected - 1) < 0.01, $"{state}: J = {j} J/m2 over the {outer} A domain, K^2/E' = {expected}");
        }
        // The expected value itself, by hand: (0.8 MPa m^0.5)^2 / (70/(1-0.04) GPa) = 0.64e12/72.917e9 = 8.777 J/m2 in plane strain.
        if (state == PlaneState.Strain) Assert.Equal(0.64e12 / (70e9 / 0.96), expected, 6);
    }

    [Fact]
    public void LeftTip_OfAMirroredField_GivesTheSameJ_WithDirectionMinusOne()
    {
        var f = ExactField(0.6, PlaneState.Strain, h: 0.2, half: 20, tipX: 5, mirrored: true);
        double expected = KField.EnergyReleaseRateJPerM2(0.6, KField.EffectiveModulus(E, Nu, PlaneState.Strain));
        double j = JIntegral.Domain(f, 5, 0, -1, 6, 12);
        Assert.True(Math.Abs(j / expected - 1) < 0.01, $"J = {j}, expected {expected}");
        // The wrong direction integrates the field as if the tip advanced into the crack: far from K^2/E'.
        Assert.True(Math.Abs(JIntegral.Domain(f, 5, 0, +1, 6, 12) / expected - 1) > 0.5);
    }

    [Fact]
    public void KFieldDisplacements_MatchTheFormula_AtHandPoints()
    {
        // θ = 0 ahead of the tip: u_x = (K/2μ)√(r/2π)(κ − 1), u_z = 0. K = 1 MPa m^0.5 = 100 GPa √Å, μ = 70/2.4 GPa, κ = 2.2, r = 8 Å.
        double mu = 70 / 2.4;
        var (ux, uz) = KField.Displacement(100, 70, 0.2, PlaneState.Strain, 8, 0);
        Assert.Equal(100 / (2 * mu) * Math.Sqrt(8 / (2 * Math.PI)) * 1.2, ux, 12);
        Assert.Equal(0, uz, 12);
        // θ = π (upper crack face): u_x = 0, u_z = (K/2μ)√(r/2π)(κ + 1): the opening is 2 u_z.
        (ux, uz) = KField.Displacement(100, 70, 0.2, PlaneState.Strain, 8, Math.PI);
        Assert.Equal(0, ux, 10);
        Assert.Equal(100 / (2 * mu) * Math.Sqrt(8 / (2 * Math.PI)) * 3.2, uz, 12);
        // Plane stress κ = (3 − ν)/(1 + ν) = 2.8/1.2.
        Assert.Equal(2.8 / 1.2, KField.Kappa(0.2, PlaneState.Stress), 14);
        // Ahead of the tip σ_xx = σ_zz = K/√(2πr), σ_xz = 0.
        var (sxx, szz, sxz) = KField.Stress(100, 8, 0);
        Assert.Equal(100 / Math.Sqrt(2 * Math.PI * 8), sxx, 12);
        Assert.Equal(sxx, szz, 12);
        Assert.Equal(0, sxz, 12);
    }

    [Fact]
    public void HardyFields_OfAHomogeneouslyStrainedCrystal_GiveTheStrainAndTheStress()
    {
        // Simple cubic lattice, 2 Å spacing, 20 × 6 × 30 cells; displacement u = (εxx x, 0, εzz z) about the box centre and a uniform
        // per-atom stress·volume S (bar·Å³): the coarse-grained gradient is ε and the stress S/V_atom wherever the kernel is whole.
        var box = new Box([0, 0, 0], [40, 12, 60]);
        var s = new AtomSystem(20 * 6 * 30, ["Si"], [28.0855], box);
        int n = 0;
        for (int i = 0; i < 20; i++) for (int j = 0; j < 6; j++) for (int k = 0; k < 30; k++, n++)
        { s.X[n] = 2 * i + 1; s.Y[n] = 2 * j + 1; s.Z[n] = 2 * k + 1; s.Id[n] = n + 1; }
        var u = new double[3 * s.Count];
        for (int a = 0; a < s.Count; a++) { u[3 * a] = 0.01 * (s.X[a] - 20); u[3 * a + 2] = 0.02 * (s.Z[a] - 30); }
        var stress = Enumerable.Range(0, 6).Select(c => Enumerable.Repeat(c switch { 0 => 8e4, 2 => 1.6e5, 4 => 4e4, _ => 0.0 }, s.Count).ToArray()).ToArray();
        var f = HardyFields.Compute(s, u, stress, 0, 2, kernelWidthA: 2.0, spacingA: 0.5);
        int centre = f.Index(f.Nx / 2, f.Nz / 2);
        double vAtom = 8.0;
        Assert.Equal(8e4 * 1e-4 / vAtom, f.Sxx[centre], 3);   // 1 GPa
        Assert.Equal(1.6e5 * 1e-4 / vAtom, f.Szz[centre], 3); // 2 GPa
        Assert.Equal(4e4 * 1e-4 / vAtom, f.Sxz[centre], 3);   // 0.5 GPa
        double duxdx = (f.Ux[f.Index(f.Nx / 2 + 4, f.Nz / 2)] - f.Ux[f.Index(f.Nx / 2 - 4, f.Nz / 2)]) / (8 * f.Hx);
        double duzdz = (f.Uz[f.Index(f.Nx / 2, f.Nz / 2 + 4)] - f.Uz[f.Index(f.Nx / 2, f.Nz / 2 - 4)]) / (8 * f.Hz);
        Assert.Equal(0.01, duxdx, 4);
        Assert.Equal(0.02, duzdz, 4);
        Assert.Equal(28.0855 / vAtom, f.Density[centre], 2);
        Assert.False(f.IsVoid(centre));
    }

    [Fact]
    public void CrackTips_OfAConstructedSlit_AreItsEnds()
    {
        // Simple cubic lattice with a slit |x − 20| < 8, |z − 30| < 4 removed (a 10 Å gap between the atom rows): tips at x ≈ 12 and 28 (the kernel blurs the edge by ~1 Å).
        var box = new Box([0, 0, 0], [40, 12, 60]);
        var pts = new List<(double X, double Y, double Z)>();
        for (int i = 0; i < 20; i++) for (int j = 0; j < 6; j++) for (int k = 0; k < 30; k++)
        {
            double x = 2 * i + 1, z = 2 * k + 1;
            if (Math.Abs(x - 20) < 8 && Math.Abs(z - 30) < 4) continue;
            pts.Add((x, 2 * j + 1, z));
        }
        var s = new AtomSystem(pts.Count, ["Si"], [28.0855], box);
        for (int a = 0; a < pts.Count; a++) { (s.X[a], s.Y[a], s.Z[a]) = pts[a]; s.Id[a] = a + 1; }
        var zero = Enumerable.Range(0, 6).Select(_ => new double[s.Count]).ToArray();
        var f = HardyFields.Compute(s, new double[3 * s.Count], zero, 0, 2);
        var tips = CrackTips.Find(f, 20, 30);
        Assert.NotNull(tips);
        Assert.False(tips!.Separated);
        Assert.InRange(tips.LeftX, 11.0, 13.5);
        Assert.InRange(tips.RightX, 26.5, 29.0);
        Assert.Equal(20.0, 0.5 * (tips.LeftX + tips.RightX), 6);
        // No void at the centre of an uncracked lattice: no crack.
        Assert.Null(CrackTips.Find(HardyFields.Compute(s, new double[3 * s.Count], zero, 0, 2), 20, 10));
    }
}

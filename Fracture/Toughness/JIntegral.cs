namespace FractureLab.Fracture.Toughness;

/// <summary>J of one domain: the square's inner and outer half-sizes (Å) and J (J/m²).</summary>
public sealed record JDomainValue(double InnerA, double OuterA, double JJPerM2);

/// <summary>
/// The J integral in its domain (equivalent-area) form, Li, Shih &amp; Needleman, Eng. Fract. Mech. 21, 405 (1985)
/// (SCIENCE.md §10): J = ∫_A (σ_ij ∂u_i/∂x_k e_k − w e_j) ∂q/∂x_j dA per unit thickness, e the direction the tip
/// advances in (+x or −x), w = ½ σ_ij ε_ij, q = 1 inside the inner square around the tip and falling linearly to 0 at the
/// outer square (a pyramid; ∂q/∂x_j is nonzero only in the ring between them, so the singular tip region never enters).
/// In-plane components (x, z) only: plane problem, fields averaged over the thickness.
/// </summary>
public static class JIntegral
{
    /// <summary>J/m² per GPa·Å.</summary>
    private const double JPerM2PerGpaA = Analysis.FractureUnits.JPerM2PerAngstromGpa;

    /// <summary>J (J/m²) over the square ring between half-sizes <paramref name="innerA"/> and <paramref name="outerA"/> around the tip (Å).</summary>
    public static double Domain(PlaneFields f, double tipX, double tipZ, int direction, double innerA, double outerA)
    {
        if (direction is not (1 or -1)) throw new ArgumentException("direction must be +1 or -1", nameof(direction));
        if (!(outerA > innerA && innerA >= 0)) throw new ArgumentException($"domain half-sizes {innerA} and {outerA} Å: need 0 <= inner < outer");
        double d = direction, width = outerA - innerA, sum = 0;
        int ri = (int)Math.Ceiling(outerA / f.Hx) + 1, rk = (int)Math.Ceiling(outerA / f.Hz) + 1;
        int ci = (int)Math.Round((tipX - f.X0) / f.Hx), ck = (int)Math.Round((tipZ - f.Z0) / f.Hz);
        for (int dk = -rk; dk <= rk; dk++)
        for (int di = -ri; di <= ri; di++)
        {
            int gi = ci + di, gk = ck + dk;
            if (!f.Periodic && (gi < 0 || gi >= f.Nx || gk < 0 || gk >= f.Nz)) continue;
            double dx = f.X0 + gi * f.Hx - tipX, dz = f.Z0 + gk * f.Hz - tipZ;
            double m = Math.Max(Math.Abs(dx), Math.Abs(dz));
            if (m <= innerA || m >= outerA) continue;
            // ∂q/∂x_j of the pyramid q = (outer − max(|dx|,|dz|))/(outer − inner).
            double qx = Math.Abs(dx) >= Math.Abs(dz) ? -Math.Sign(dx) / width : 0;
            double qz = Math.Abs(dz) > Math.Abs(dx) ? -Math.Sign(dz) / width : 0;
            int i = f.WrapX(gi), k = f.WrapZ(gk), n = f.Index(i, k);
            if (f.IsVoid(n)) continue;
            double uxx = Derivative(f, f.Ux, i, k, alongX: true), uzx = Derivative(f, f.Uz, i, k, alongX: true);
            double uxz = Derivative(f, f.Ux, i, k, alongX: false), uzz = Derivative(f, f.Uz, i, k, alongX: false);
            double sxx = f.Sxx[n], szz = f.Szz[n], sxz = f.Sxz[n];
            double w = 0.5 * (sxx * uxx + szz * uzz + sxz * (uxz + uzx));
            // σ_ij u_i,k e_k for j = x, z, with e = (d, 0).
            double tx = d * (sxx * uxx + sxz * uzx) - w * d;
            double tz = d * (sxz * uxx + szz * uzx);
            sum += tx * qx + tz * qz;
        }
        return sum * f.Hx * f.Hz * JPerM2PerGpaA;
    }

    /// <summary>J over several domains (outer half-sizes, each with inner = outer/2), for the path-independence check.</summary>
    public static List<JDomainValue> Domains(PlaneFields f, double tipX, double tipZ, int direction, IEnumerable<double> outerA) =>
        outerA.Select(o => new JDomainValue(o / 2, o, Domain(f, tipX, tipZ, direction, o / 2, o))).ToList();

    /// <summary>
    /// ∂v/∂x or ∂v/∂z at a grid point: central differences where both neighbours are material and the field is smooth;
    /// across a jump (a crack face: one one-sided difference more than four times the other) or next to void, the
    /// one-sided difference on the material, smooth side.
    /// </summary>
    private static double Derivative(PlaneFields f, double[] v, int i, int k, bool alongX)
    {
        double h = alongX ? f.Hx : f.Hz;
        int nm = alongX ? f.Index(f.WrapX(i - 1), k) : f.Index(i, f.WrapZ(k - 1));
        int np = alongX ? f.Index(f.WrapX(i + 1), k) : f.Index(i, f.WrapZ(k + 1));
        int n = f.Index(i, k);
        bool edgeMinus = !f.Periodic && (alongX ? i == 0 : k == 0), edgePlus = !f.Periodic && (alongX ? i == f.Nx - 1 : k == f.Nz - 1);
        bool hasMinus = !edgeMinus && !f.IsVoid(nm), hasPlus = !edgePlus && !f.IsVoid(np);
        double dm = hasMinus ? (v[n] - v[nm]) / h : double.NaN, dp = hasPlus ? (v[np] - v[n]) / h : double.NaN;
        if (hasMinus && hasPlus)
        {
            if (Math.Abs(dp) > 4 * Math.Abs(dm) && Math.Abs(dp - dm) > 1e-12) return dm;
            if (Math.Abs(dm) > 4 * Math.Abs(dp) && Math.Abs(dp - dm) > 1e-12) return dp;
            return 0.5 * (dm + dp);
        }
        return hasMinus ? dm : hasPlus ? dp : 0;
    }
}

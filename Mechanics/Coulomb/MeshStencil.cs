using FractureLab.Mechanics.Numerics;

namespace FractureLab.Mechanics.Coulomb;

/// <summary>Grid, spline order and box of one mesh evaluation, with pref = k_e/(2πV) and π²/α².</summary>
public struct MeshFrame
{
    public int K0, K1, K2, Order;
    public double LoX, LoY, LoZ, Lx, Ly, Lz, Pref, Pi2OverAlpha2;
}

/// <summary>What one wave vector m contributes to smooth PME: the influence g(m), the energy and the virial (eV).</summary>
public struct MeshPointTerms
{
    /// <summary>g(m) = (k_e/2πV) exp(−π²m²/α²)/m² B(m) (eV/e²).</summary>
    public double G;
    /// <summary>E_m = g(m) |F(Q)(m)|² (eV).</summary>
    public double Energy;
    /// <summary>E_m [δ_ab − 2(1/m² + π²/α²) m_a m_b] (eV), order xx, yy, zz, xy, xz, yz.</summary>
    public double Xx, Yy, Zz, Xy, Xz, Yz;
}

/// <summary>−∂/∂u of an atom's interpolated potential per unit charge, along the three grid axes (before the K/L scaling).</summary>
public struct MeshGradient
{
    public double X, Y, Z;
}

/// <summary>
/// The per-atom and per-wave-vector pieces of smooth particle-mesh Ewald (Essmann et al., J. Chem. Phys. 103, 8577
/// (1995)), written once and run by the host (<see cref="MeshEwald"/>) and by the device kernels
/// (<see cref="Gpu.MeshKernels"/>): B-spline weights of an atom, its charge spread on the grid (eq. 4.6), the
/// interpolated gradient that gives its force (eq. 4.9), and the energy and virial of one wave vector (eqs. 4.7, 2.8).
/// Grids are row-major K0×K1×K2 (last index fastest). Weight a of axis x or y belongs to grid point g − a; the z weights
/// are stored reversed, weight c belonging to g − (n − 1) + c, so the z run reads increasing indices.
/// </summary>
public static class MeshStencil
{
    /// <summary>
    /// Fractional grid coordinate u = K (x − lo)/L wrapped into [0, K): fills the n weights and slopes of the atom on
    /// this axis and returns the integer part.
    /// </summary>
    public static int Weights<T>(double x, double lo, double length, int k, int order, T weights, T slopes, bool reversed) where T : struct, IRealArray
    {
        double u = (x - lo) / length * k;
        u -= k * Math.Floor(u / k);
        int iu = (int)u;
        if (iu >= k) iu = k - 1;
        CardinalBSpline.Fill(u - iu, order, weights, slopes);
        if (reversed)
            for (int j = 0; j < order / 2; j++)
            {
                int m = order - 1 - j;
                double w = weights[j]; weights[j] = weights[m]; weights[m] = w;
                double d = slopes[j]; slopes[j] = slopes[m]; slopes[m] = d;
            }
        return iu;
    }

    /// <summary>Adds q Π_a M_n(u_a − k_a) to the n³ grid points of one atom (Essmann eq. 4.6).</summary>
    public static void Spread<TRow, TGrid>(double q, int gx, int gy, int gz, int order, int k0, int k1, int k2, TRow wx, TRow wy, TRow wz, TGrid grid)
        where TRow : struct, IRealArray where TGrid : struct, IChargeGrid
    {
        int z0 = gz - (order - 1);
        for (int a = 0; a < order; a++)
        {
            int ga = Wrap(gx - a, k0);
            double qa = q * wx[a];
            for (int b = 0; b < order; b++)
            {
                int gb = Wrap(gy - b, k1);
                double qab = qa * wy[b];
                int row = (ga * k1 + gb) * k2;
                for (int c = 0; c < order; c++) grid.Add(row + Wrap(z0 + c, k2), qab * wz[c]);
            }
        }
    }

    /// <summary>
    /// Σ_k ∇_u[Π_a M_n(u_a − k_a)] θ(k) over one atom's n³ grid points, θ = the convolved potential grid (Essmann eq. 4.9):
    /// the force on the atom is −q (K_a/L_a) times each component.
    /// </summary>
    public static MeshGradient Gradient<TRow, TGrid>(int gx, int gy, int gz, int order, int k0, int k1, int k2,
        TRow wx, TRow dx, TRow wy, TRow dy, TRow wz, TRow dz, TGrid theta) where TRow : struct, IRealArray where TGrid : struct, IRealArray
    {
        double fx = 0, fy = 0, fz = 0;
        int z0 = gz - (order - 1);
        for (int a = 0; a < order; a++)
        {
            int ga = Wrap(gx - a, k0);
            double wa = wx[a], da = dx[a];
            for (int b = 0; b < order; b++)
            {
                int gb = Wrap(gy - b, k1);
                double wb = wy[b], db = dy[b];
                int row = (ga * k1 + gb) * k2;
                double tw = 0, td = 0;   // Σ_c θ w_c and Σ_c θ w'_c along the z run
                for (int c = 0; c < order; c++)
                {
                    double t = theta[row + Wrap(z0 + c, k2)];
                    tw += wz[c] * t;
                    td += dz[c] * t;
                }
                fx += da * wb * tw;
                fy += wa * db * tw;
                fz += wa * wb * td;
            }
        }
        return new MeshGradient { X = fx, Y = fy, Z = fz };
    }

    /// <summary>Component m_a (1/Å) of the wave vector of FFT index <paramref name="index"/> on an axis of K points and length L (Å).</summary>
    public static double WaveNumber(int index, int k, double length) => (index <= k / 2 ? index : index - k) / length;

    /// <summary>
    /// The terms of wave vector m ≠ 0 with B-factor product <paramref name="bProduct"/> = B1 B2 B3 (Essmann eq. 4.8) and
    /// transformed charge F(Q)(m) = re + i·im: g(m) = pref exp(−π²m²/α²)/m² B(m) with pref = k_e/(2πV) (eq. 4.7),
    /// E_m = g |F(Q)|², and the virial E_m [δ_ab − 2(1/m² + π²/α²) m_a m_b] (eq. 2.8 on the mesh).
    /// </summary>
    public static MeshPointTerms PointTerms(double mx, double my, double mz, double bProduct, double pref, double pi2OverAlpha2, double re, double im)
    {
        var (g, f) = Influence(mx, my, mz, bProduct, pref, pi2OverAlpha2);
        return PointTerms(mx, my, mz, g, f, re, im);
    }

    /// <summary>
    /// The parts of <see cref="PointTerms(double,double,double,double,double,double,double,double)"/> that depend only on
    /// the box, not on the charges: g(m) (eV/e²) and the virial factor 2(1/m² + π²/α²) (Å²), which the host keeps while
    /// the box does not change (as LAMMPS keeps its Green's function and virial coefficients).
    /// </summary>
    public static (double G, double VirialFactor) Influence(double mx, double my, double mz, double bProduct, double pref, double pi2OverAlpha2)
    {
        double m2 = mx * mx + my * my + mz * mz;
        return (pref * Math.Exp(-pi2OverAlpha2 * m2) / m2 * bProduct, 2.0 * (1.0 / m2 + pi2OverAlpha2));
    }

    /// <summary>E_m = g |F(Q)|² and the virial from g(m) and the virial factor f of <see cref="Influence"/>.</summary>
    public static MeshPointTerms PointTerms(double mx, double my, double mz, double g, double f, double re, double im)
    {
        double e = g * (re * re + im * im);
        return new MeshPointTerms
        {
            G = g, Energy = e,
            Xx = e * (1 - f * mx * mx), Yy = e * (1 - f * my * my), Zz = e * (1 - f * mz * mz),
            Xy = -e * f * mx * my, Xz = -e * f * mx * mz, Yz = -e * f * my * mz,
        };
    }

    private static int Wrap(int g, int k) => g < 0 ? g + k : g;
}

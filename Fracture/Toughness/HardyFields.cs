using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Units;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// Coarse-grained (Hardy / Irving-Kirkwood) fields of an atomistic configuration on a grid in the x-z plane, averaged over
/// the thickness y (Hardy, J. Chem. Phys. 76, 622 (1982); Jones &amp; Zimmerman, J. Mech. Phys. Solids 58, 1318 (2010)):
/// with a normalized Gaussian kernel ψ of width ℓ in the plane (truncated at 4ℓ, divided by the thickness),
/// ρ(g) = Σ m_i ψ, σ(g) = Σ S_i ψ (S_i the per-atom stress·volume of LAMMPS compute stress/atom, kinetic part included)
/// and u(g) = Σ m_i u_i ψ / ρ (mass-weighted). Points where ρ is below <see cref="VoidFraction"/> of the mean density
/// (of the box, or <c>meanDensity</c> for a slab in vacuum) are void: no stress there. The grid covers the box in x and z,
/// wrapping when periodic.
/// </summary>
public static class HardyFields
{
    /// <summary>Points below this fraction of the box's mean mass density are void (the crack).</summary>
    public const double VoidFraction = 0.3;

    /// <summary>
    /// The fields of one configuration: <paramref name="current"/> (positions and box now), <paramref name="displacementA"/>
    /// (u per atom, Å, 3 per atom, relative to the reference), <paramref name="stressBarA3"/> (six columns xx yy zz xy xz yz per
    /// atom in bar·Å³, LAMMPS compute stress/atom), crack axis <paramref name="xAxis"/> and loading axis <paramref name="zAxis"/>.
    /// </summary>
    public static PlaneFields Compute(AtomSystem current, double[] displacementA, double[][] stressBarA3, int xAxis, int zAxis,
        double kernelWidthA = 2.0, double spacingA = 0.5, bool periodic = true, double? meanDensity = null)
    {
        int yAxis = 3 - xAxis - zAxis;
        var box = current.Box;
        double lx = box.Length(xAxis), lz = box.Length(zAxis), ly = box.Length(yAxis);
        int nx = Math.Max(4, (int)Math.Round(lx / spacingA)), nz = Math.Max(4, (int)Math.Round(lz / spacingA));
        double hx = lx / nx, hz = lz / nz;
        var f = new PlaneFields(nx, nz, box.Lo[xAxis] + 0.5 * hx, box.Lo[zAxis] + 0.5 * hz, hx, hz, periodic);
        var mu = new double[2][] { new double[nx * nz], new double[nx * nz] };
        // Components of the six-column stress: xx, zz, xz in the (xAxis, zAxis) plane.
        int sxx = xAxis, szz = zAxis, sxz = OffDiagonal(xAxis, zAxis);
        // The Gaussian truncated at 4ℓ keeps 1 − e^(−8) of its weight: renormalized so that ψ integrates to 1/thickness.
        double norm = 1.0 / (2 * Math.PI * kernelWidthA * kernelWidthA * ly * (1 - Math.Exp(-8))), inv2l2 = 1.0 / (2 * kernelWidthA * kernelWidthA);
        double cut = 4 * kernelWidthA;
        int ri = (int)Math.Ceiling(cut / hx), rk = (int)Math.Ceiling(cut / hz);
        var px = current.Positions(xAxis); var pz = current.Positions(zAxis);
        const double gpaPerBar = 1e-4;
        for (int a = 0; a < current.Count; a++)
        {
            double m = current.Mass(a);
            int ci = (int)Math.Floor((px[a] - f.X0) / hx), ck = (int)Math.Floor((pz[a] - f.Z0) / hz);
            for (int dk = -rk; dk <= rk + 1; dk++)
            for (int di = -ri; di <= ri + 1; di++)
            {
                int gi = ci + di, gk = ck + dk;
                double dx = f.X0 + gi * hx - px[a], dz = f.Z0 + gk * hz - pz[a];
                double r2 = dx * dx + dz * dz;
                if (r2 > cut * cut) continue;
                double psi = norm * Math.Exp(-r2 * inv2l2);
                if (!periodic && (gi < 0 || gi >= nx || gk < 0 || gk >= nz)) continue;
                int n = f.Index(f.WrapX(gi), f.WrapZ(gk));
                f.Density[n] += m * psi;
                f.Sxx[n] += stressBarA3[sxx][a] * psi * gpaPerBar;
                f.Szz[n] += stressBarA3[szz][a] * psi * gpaPerBar;
                f.Sxz[n] += stressBarA3[sxz][a] * psi * gpaPerBar;
                mu[0][n] += m * psi * displacementA[3 * a + xAxis];
                mu[1][n] += m * psi * displacementA[3 * a + zAxis];
            }
        }
        double mean = meanDensity ?? current.TotalMass() / box.Volume;
        f.VoidDensity = VoidFraction * mean;
        for (int n = 0; n < nx * nz; n++)
        {
            if (f.IsVoid(n)) { f.Sxx[n] = f.Szz[n] = f.Sxz[n] = 0; continue; }
            f.Ux[n] = mu[0][n] / f.Density[n];
            f.Uz[n] = mu[1][n] / f.Density[n];
        }
        return f;
    }

    /// <summary>The index (3, 4 or 5: xy, xz, yz) of the off-diagonal component of two axes in the six-column order.</summary>
    public static int OffDiagonal(int a, int b) => (Math.Min(a, b), Math.Max(a, b)) switch { (0, 1) => 3, (0, 2) => 4, _ => 5 };

    /// <summary>
    /// Displacements (Å, 3 per atom) of <paramref name="current"/> from <paramref name="reference"/>, atoms matched by id:
    /// unwrapped positions (image flags times the box lengths of each) subtracted. Atoms missing from the reference are an error.
    /// </summary>
    public static double[] Displacements(AtomSystem reference, AtomSystem current)
    {
        var index = new Dictionary<int, int>(reference.Count);
        for (int i = 0; i < reference.Count; i++) index[reference.Id[i]] = i;
        var u = new double[3 * current.Count];
        for (int i = 0; i < current.Count; i++)
        {
            if (!index.TryGetValue(current.Id[i], out int j)) throw new Mechanics.InputException($"atom id {current.Id[i]} of the configuration is not in the reference structure");
            for (int a = 0; a < 3; a++)
                u[3 * i + a] = current.Positions(a)[i] + current.Images(a)[i] * current.Box.Length(a)
                             - (reference.Positions(a)[j] + reference.Images(a)[j] * reference.Box.Length(a));
        }
        return u;
    }
}

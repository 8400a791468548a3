using FractureLab.BondSwitch.Geometry;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;
using MathNet.Numerics.LinearAlgebra;

namespace FractureLab.BondSwitch.Strain;

/// <summary>
/// Per-atom strain of a current snapshot against the reference, for each atom of the current snapshot (NaN where
/// the local deformation gradient is undefined: fewer than three non-coplanar neighbours).
/// <see cref="VonMisesShear"/> is the von Mises shear strain (dimensionless), <see cref="VolumetricStrain"/> the
/// mean of the Green-Lagrange diagonal, <see cref="D2Min"/> the non-affine squared displacement (Å²).
/// </summary>
public sealed record AtomicStrainResult(double[] VonMisesShear, double[] VolumetricStrain, double[] D2Min)
{
    public int Invalid => VonMisesShear.Count(double.IsNaN);
}

/// <summary>
/// Atomic strain as OVITO computes it (Shimizu, Ogata and Li, Mater. Trans. 48, 2923 (2007); Falk and Langer,
/// PRE 57, 7192 (1998)): the neighbours j of atom i within the cut-off in the reference, with separations d⁰_j,
/// and their separations d_j now (matched by id, nearest image in the current box). V = Σ d⁰ d⁰ᵀ, W = Σ d d⁰ᵀ,
/// the deformation gradient F = W V⁻¹ (least squares), the Green-Lagrange strain E = ½(FᵀF − I), the von Mises
/// shear strain η = √(E_xy² + E_xz² + E_yz² + ((E_xx−E_yy)² + (E_xx−E_zz)² + (E_yy−E_zz)²)/6), and
/// D²min = Σ_j |d_j − F d⁰_j|². The cut-off is typically the first minimum of the whole glass's g(r).
/// </summary>
public static class AtomicStrain
{
    public static AtomicStrainResult Compute(Snapshot reference, Snapshot current, double cutoffAngstrom)
    {
        if (!(cutoffAngstrom > 0)) throw new InputException($"atomic strain cut-off must be positive, not {cutoffAngstrom}");
        var r0 = reference.System;
        var now = current.System;
        var lists = PairSearch.NeighborsOf(r0, cutoffAngstrom);
        int n = now.Count;
        var shear = new double[n];
        var vol = new double[n];
        var d2 = new double[n];
        Array.Fill(shear, double.NaN); Array.Fill(vol, double.NaN); Array.Fill(d2, double.NaN);
        var M = Matrix<double>.Build;
        for (int i = 0; i < r0.Count; i++)
        {
            if (!current.TryIndexOf(r0.Id[i], out int ci)) throw new InputException($"{current.Name}: atom id {r0.Id[i]} of the reference is missing (atoms are matched by id)");
            var nb = lists[i];
            if (nb.Count < 3) continue;
            var d0 = M.Dense(3, nb.Count);
            var d = M.Dense(3, nb.Count);
            for (int k = 0; k < nb.Count; k++)
            {
                var (j, dx, dy, dz) = nb[k];
                if (!current.TryIndexOf(r0.Id[j], out int cj)) throw new InputException($"{current.Name}: atom id {r0.Id[j]} of the reference is missing (atoms are matched by id)");
                d0[0, k] = dx; d0[1, k] = dy; d0[2, k] = dz;
                for (int a = 0; a < 3; a++) d[a, k] = now.Box.NearestImage(a, now.Positions(a)[cj] - now.Positions(a)[ci]);
            }
            var v = d0 * d0.Transpose();
            if (Math.Abs(v.Determinant()) < 1e-9 * Math.Pow(v.Trace() / 3, 3)) continue;
            var f = d * d0.Transpose() * v.Inverse();
            var e = 0.5 * (f.Transpose() * f - M.DenseIdentity(3));
            shear[ci] = Math.Sqrt(e[0, 1] * e[0, 1] + e[0, 2] * e[0, 2] + e[1, 2] * e[1, 2]
                + (Sq(e[0, 0] - e[1, 1]) + Sq(e[0, 0] - e[2, 2]) + Sq(e[1, 1] - e[2, 2])) / 6.0);
            vol[ci] = e.Trace() / 3.0;
            var residual = d - f * d0;
            d2[ci] = residual.PointwisePower(2).Enumerate().Sum();
        }
        return new AtomicStrainResult(shear, vol, d2);
    }

    private static double Sq(double x) => x * x;
}

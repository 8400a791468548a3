using FractureLab.Mechanics.Atoms;
using MathNet.Numerics.LinearAlgebra;

namespace FractureLab.Mechanics.Crystals;

/// <summary>
/// How far each grain turned while the glass-ceramic relaxed: the rotation that best maps the grain's atoms as placed onto
/// where they are now, about their centroids (Kabsch, Acta Cryst. A32, 922 (1976): H = Σ p₀ p₁ᵀ, H = U S Vᵀ,
/// Q = V diag(1, 1, d) Uᵀ with d = sign det(V Uᵀ)); separations by minimum image from the grain centre. The grains'
/// orientations for the crystal-order test are then Q·R.
/// </summary>
public static class GrainRotation
{
    public static List<double[,]> Track(AtomSystem placed, AtomSystem now, int[] grain, IReadOnlyList<double[]> centres, IReadOnlyList<double[,]> rotations)
    {
        var result = new List<double[,]>();
        for (int g = 0; g < centres.Count; g++)
        {
            var atoms = Enumerable.Range(0, placed.Count).Where(i => grain[i] == g + 1).ToList();
            var r = rotations[g];
            if (atoms.Count < 3) { result.Add(r); continue; }
            var c = centres[g];
            double[] Rel(AtomSystem s, int i) => [s.Box.NearestImage(0, s.X[i] - c[0]), s.Box.NearestImage(1, s.Y[i] - c[1]), s.Box.NearestImage(2, s.Z[i] - c[2])];
            var p0 = atoms.Select(i => Rel(placed, i)).ToList();
            var p1 = atoms.Select(i => Rel(now, i)).ToList();
            var m0 = Enumerable.Range(0, 3).Select(a => p0.Average(v => v[a])).ToArray();
            var m1 = Enumerable.Range(0, 3).Select(a => p1.Average(v => v[a])).ToArray();
            var h = Matrix<double>.Build.Dense(3, 3);
            for (int k = 0; k < atoms.Count; k++)
                for (int a = 0; a < 3; a++)
                    for (int b = 0; b < 3; b++) h[a, b] += (p0[k][a] - m0[a]) * (p1[k][b] - m1[b]);
            var svd = h.Svd();
            var v = svd.VT.Transpose();
            var u = svd.U;
            double d = Math.Sign((v * u.Transpose()).Determinant());
            var q = v * Matrix<double>.Build.DenseOfDiagonalArray([1, 1, d == 0 ? 1 : d]) * u.Transpose();
            var turned = new double[3, 3];
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++)
                    for (int k = 0; k < 3; k++) turned[a, b] += q[a, k] * r[k, b];
            result.Add(turned);
        }
        return result;
    }

    /// <summary>The angle (degrees) of the rotation that takes <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static double AngleDeg(double[,] from, double[,] to)
    {
        // trace of to·fromᵀ = 1 + 2 cos θ
        double trace = 0;
        for (int a = 0; a < 3; a++) for (int k = 0; k < 3; k++) trace += to[a, k] * from[a, k];
        return Math.Acos(Math.Clamp((trace - 1) / 2, -1, 1)) * 180 / Math.PI;
    }
}

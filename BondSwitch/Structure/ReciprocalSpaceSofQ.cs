using System.Numerics;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Structure;

/// <summary>
/// S(q) of a periodic orthogonal box computed exactly at its reciprocal-lattice vectors q = 2π(n₁/L_x, n₂/L_y, n₃/L_z):
/// per element the amplitude A_a(q) = Σ_{j∈a} e^{iq·r_j}, then F(q) = (1/N) |Σ_a x_a(q) A_a(q)|² − Σ_a c_a x_a², S(q) =
/// 1 + F(q)/(Σ c_a x_a)², averaged over the vectors in each |q| bin (Allen &amp; Tildesley, Computer Simulation of Liquids,
/// 2nd ed., §8.2). Unlike the transform of g(r) it has no truncation at half the box, so it keeps the first sharp
/// diffraction peak and the small-q limit of a small box; its cost grows as N q³V, so it is used below a crossover q.
/// The phases e^{i2πn x/L} come from one complex exponential per atom and axis by recurrence.
/// </summary>
public static class ReciprocalSpaceSofQ
{
    /// <summary>Mean |q| (Å⁻¹), mean S and the number of vectors of every non-empty bin of width <paramref name="binInvA"/> up to <paramref name="qMaxInvA"/>.</summary>
    public static (double[] Q, double[] S, int[] Vectors) Compute(IReadOnlyList<Snapshot> snaps, Radiation radiation, double qMaxInvA, double binInvA)
    {
        var first = snaps[0];
        var elements = first.System.TypeElements.Where(first.Has).Distinct().ToArray();
        int bins = (int)Math.Ceiling(qMaxInvA / binInvA);
        var sum = new double[bins];
        var count = new int[bins];
        var qSum = new double[bins];
        foreach (var snap in snaps)
        {
            var s = snap.System;
            if (!s.Box.Periodic.All(p => p)) throw new InputException($"{snap.Name}: the reciprocal-space S(q) needs a box periodic on every axis");
            int n = s.Count;
            var c = elements.Select(e => (double)snap.IndicesOf(e).Length / n).ToArray();
            var typeOf = Enumerable.Range(0, n).Select(i => Array.IndexOf(elements, snap.Element(i))).ToArray();
            double[] l = [s.Box.Length(0), s.Box.Length(1), s.Box.Length(2)];
            int[] nmax = [.. l.Select(x => (int)Math.Floor(qMaxInvA * x / (2 * Math.PI)))];
            // phase[axis][j, m] = e^{i 2π m x_j / L}, m = −nmax..nmax
            double[][] coord = [s.X, s.Y, s.Z];
            var phase = new Complex[3][,];
            for (int a = 0; a < 3; a++)
            {
                int w = 2 * nmax[a] + 1;
                phase[a] = new Complex[n, w];
                for (int j = 0; j < n; j++)
                {
                    var step = Complex.FromPolarCoordinates(1, 2 * Math.PI * (coord[a][j] - s.Box.Lo[a]) / l[a]);
                    var z = Complex.One;
                    phase[a][j, nmax[a]] = z;
                    for (int m = 1; m <= nmax[a]; m++) { z *= step; phase[a][j, nmax[a] + m] = z; phase[a][j, nmax[a] - m] = Complex.Conjugate(z); }
                }
            }
            var pxy = new Complex[n];
            var amp = new Complex[elements.Length];
            double q2max = qMaxInvA * qMaxInvA;
            // half of reciprocal space (q and −q give the same |A|²): n₁ > 0, or n₁ = 0 and n₂ > 0, or n₁ = n₂ = 0 and n₃ > 0
            for (int n1 = 0; n1 <= nmax[0]; n1++)
            {
                double qx = 2 * Math.PI * n1 / l[0];
                for (int n2 = n1 == 0 ? 0 : -nmax[1]; n2 <= nmax[1]; n2++)
                {
                    double qy = 2 * Math.PI * n2 / l[1];
                    if (qx * qx + qy * qy > q2max) continue;
                    for (int j = 0; j < n; j++) pxy[j] = phase[0][j, nmax[0] + n1] * phase[1][j, nmax[1] + n2];
                    for (int n3 = n1 == 0 && n2 == 0 ? 1 : -nmax[2]; n3 <= nmax[2]; n3++)
                    {
                        double qz = 2 * Math.PI * n3 / l[2], q = Math.Sqrt(qx * qx + qy * qy + qz * qz);
                        int bin = (int)(q / binInvA);
                        if (q > qMaxInvA || bin >= bins) continue;
                        Array.Clear(amp);
                        int col = nmax[2] + n3;
                        for (int j = 0; j < n; j++) amp[typeOf[j]] += pxy[j] * phase[2][j, col];
                        Complex total = Complex.Zero;
                        double meanX = 0, meanX2 = 0;
                        for (int t = 0; t < elements.Length; t++)
                        {
                            double x = radiation == Radiation.Neutron ? ScatteringFactors.NeutronLengthFm(elements[t]) : ScatteringFactors.XrayFormFactor(elements[t], q);
                            total += x * amp[t];
                            meanX += c[t] * x;
                            meanX2 += c[t] * x * x;
                        }
                        sum[bin] += 1 + (total.Magnitude * total.Magnitude / n - meanX2) / (meanX * meanX);
                        count[bin]++;
                        qSum[bin] += q;
                    }
                }
            }
        }
        var used = Enumerable.Range(0, bins).Where(b => count[b] > 0).ToArray();
        return (used.Select(b => qSum[b] / count[b]).ToArray(), used.Select(b => sum[b] / count[b]).ToArray(), used.Select(b => count[b]).ToArray());
    }
}

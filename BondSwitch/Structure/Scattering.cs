using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Structure;

public enum Radiation { Neutron, Xray }

/// <summary>
/// Total structure factor S(q) on <see cref="QInvA"/> and the real-space functions on <see cref="RA"/>: for neutrons
/// D(r) directly from the partial g(r) (<see cref="D"/>, barn Å⁻²), T(r) and the D(r) back-transformed from S(q) over
/// the q range (<see cref="DFromQ"/>, what an experiment with that Q_max sees); for X-rays only the back transform
/// (normalised, Å⁻²). <see cref="Units"/> says which. Below <see cref="DirectBelowInvA"/> S(q) is the box's reciprocal-lattice sum.
/// </summary>
public sealed record ScatteringResult(Radiation Radiation, double[] QInvA, double[] S, double[] RA, double[]? D, double[]? T, double[] DFromQ,
    string Units, bool Lorch, double RMaxA, double DensityPerA3, IReadOnlyDictionary<string, double> Concentrations, double DirectBelowInvA);

/// <summary>
/// S(q) of a glass from its partial g(r) in the Faber-Ziman formalism (Faber &amp; Ziman, Phil. Mag. 11, 153 (1965)):
/// S_ab(q) = 1 + 4πρ ∫₀^R r² [g_ab(r) − 1] sin(qr)/(qr) M(r) dr, R half the shortest box length and M the optional Lorch
/// window sin(πr/R)/(πr/R) against truncation ripples; S(q) = 1 + Σ_ab c_a c_b x_a x_b [S_ab(q) − 1]/(Σ c_a x_a)², x the
/// neutron scattering length b or the X-ray form factor f(q). Real space as Keen, J. Appl. Cryst. 34, 172 (2001):
/// G(r) = Σ c_a c_b b_a b_b [g_ab(r) − 1], D(r) = 4πρ r G(r), T(r) = D(r) + 4πρ r (Σ c_a b_a)², and
/// D(r) = (2/π) ∫ q F(q) M(q) sin(qr) dq with F(q) = Σ c_a c_b b_a b_b [S_ab(q) − 1] and M(q) the Lorch function
/// sin(πq/Q)/(πq/Q) (Lorch, J. Phys. C 2, 229 (1969)). 1 barn = 100 fm².
/// </summary>
public static class Scattering
{
    /// <summary>Bin width (Å⁻¹) of the reciprocal-lattice S(q): a 0.02 Å⁻¹ bin of a 2 000-atom box holds a few dozen vectors at the first peak, too few to average.</summary>
    public const double DirectBinInvA = 0.05;

    /// <param name="directBelowInvA">below this q, S(q) comes from the box's reciprocal lattice (<see cref="ReciprocalSpaceSofQ"/>), exact for the periodic box; above it from g(r); 0: g(r) everywhere</param>
    public static ScatteringResult Compute(IReadOnlyList<Snapshot> snaps, Radiation radiation, double qMaxInvA = 20, double dqInvA = 0.02, bool lorch = false,
        double? rMaxA = null, double binA = 0.01, double directBelowInvA = 0)
    {
        if (!(qMaxInvA > 0 && dqInvA > 0 && dqInvA < qMaxInvA)) throw new InputException($"scattering: need 0 < dq < q_max, got dq {dqInvA}, q_max {qMaxInvA} Å⁻¹");
        if (!(directBelowInvA >= 0)) throw new InputException($"scattering: the reciprocal-space crossover must be ≥ 0, got {directBelowInvA} Å⁻¹");
        var first = snaps[0];
        var s0 = first.System;
        var elements = s0.TypeElements.Where(first.Has).Distinct().ToArray();
        var c = elements.ToDictionary(e => e, e => (double)first.IndicesOf(e).Length / s0.Count);
        double rho = snaps.Average(x => x.System.Count / x.System.Box.Volume);
        double half = Enumerable.Range(0, 3).Where(a => s0.Box.Periodic[a]).Select(a => 0.5 * s0.Box.Length(a)).DefaultIfEmpty(double.NaN).Min();
        double rMax = rMaxA ?? half;
        if (!(rMax > 0)) throw new InputException("scattering: the box has no periodic axis; give the r range of g(r)");
        var pairs = (from i in Enumerable.Range(0, elements.Length) from j in Enumerable.Range(i, elements.Length - i) select (A: elements[i], B: elements[j])).ToList();
        var g = pairs.Select(p => RadialDistribution.Mean(snaps.Select(x => RadialDistribution.Partial(x, p.A, p.B, rMax, binA)).ToList())).ToList();
        double[] r = g[0].RAngstrom;
        double qc = Math.Min(directBelowInvA, qMaxInvA);
        var direct = qc > 0 ? ReciprocalSpaceSofQ.Compute(snaps, radiation, qc, Math.Max(dqInvA, DirectBinInvA)) : (Q: [], S: [], Vectors: []);
        int nq = (int)Math.Floor(qMaxInvA / dqInvA + 1e-9);
        var qT = Enumerable.Range(1, nq).Select(k => k * dqInvA).Where(q => q >= qc).ToArray();
        var window = r.Select(x => lorch ? Sinc(Math.PI * x / rMax) : 1.0).ToArray();
        // partial S_ab(q) − 1 by the midpoint rule on the g(r) bins
        var sab = g.Select(curve => qT.Select(qk =>
        {
            double sum = 0;
            for (int k = 0; k < r.Length; k++) sum += r[k] * r[k] * (curve.G[k] - 1) * Sinc(qk * r[k]) * window[k];
            return 4 * Math.PI * rho * sum * binA;
        }).ToArray()).ToList();

        double X(string e, double qk) => radiation == Radiation.Neutron ? ScatteringFactors.NeutronLengthFm(e) : ScatteringFactors.XrayFormFactor(e, qk);
        double Weight(int p, double qk) => (pairs[p].A == pairs[p].B ? 1 : 2) * c[pairs[p].A] * c[pairs[p].B] * X(pairs[p].A, qk) * X(pairs[p].B, qk);
        double Mean2(double qk) { double m = elements.Sum(e => c[e] * X(e, qk)); return m * m; }
        var sT = qT.Select((qk, k) => 1 + Enumerable.Range(0, pairs.Count).Sum(p => Weight(p, qk) * sab[p][k]) / Mean2(qk)).ToArray();
        double[] q = [.. direct.Q, .. qT];
        double[] s = [.. direct.S, .. sT];
        // neutron: F(q) = ⟨b⟩²[S(q) − 1] in barn; X-ray: S(q) − 1
        var f = q.Select((qk, k) => radiation == Radiation.Neutron ? Mean2(qk) * (s[k] - 1) / 100.0 : s[k] - 1).ToArray();
        var dFromQ = BackTransform(q, f, r, qMaxInvA, lorch);
        double[]? d = null, t = null;
        if (radiation == Radiation.Neutron)
        {
            double meanB = elements.Sum(e => c[e] * ScatteringFactors.NeutronLengthFm(e));
            d = r.Select((rk, k) => 4 * Math.PI * rho * rk * Enumerable.Range(0, pairs.Count).Sum(p => Weight(p, 0) * (g[p].G[k] - 1)) / 100.0).ToArray();
            t = r.Select((rk, k) => d[k] + 4 * Math.PI * rho * rk * meanB * meanB / 100.0).ToArray();
        }
        return new ScatteringResult(radiation, q, s, r, d, t, dFromQ, radiation == Radiation.Neutron ? "barn/A^2 (Keen 2001)" : "normalised (S(q) - 1 back-transformed), 1/A^2",
            lorch, rMax, rho, c, qc);
    }

    /// <summary>
    /// Wright's R_χ = √(Σ [y_exp − y_sim]² / Σ y_exp²) over the experimental points inside the simulated range, the
    /// simulation interpolated linearly (Wright, J. Non-Cryst. Solids 159, 264 (1993)). 0 for identical curves.
    /// </summary>
    public static double RChi(IReadOnlyList<double> xExp, IReadOnlyList<double> yExp, IReadOnlyList<double> xSim, IReadOnlyList<double> ySim)
    {
        if (xSim.Count < 2) throw new InputException("R_chi: the simulated curve needs at least two points");
        var interp = MathNet.Numerics.Interpolation.LinearSpline.Interpolate(xSim, ySim);
        double num = 0, den = 0;
        int used = 0;
        for (int k = 0; k < xExp.Count; k++)
        {
            if (xExp[k] < xSim[0] || xExp[k] > xSim[^1]) continue;
            double diff = yExp[k] - interp.Interpolate(xExp[k]);
            num += diff * diff;
            den += yExp[k] * yExp[k];
            used++;
        }
        if (used == 0 || den == 0) throw new InputException("R_chi: no experimental point lies inside the simulated range (or all are zero)");
        return Math.Sqrt(num / den);
    }

    /// <summary>
    /// D(r) = (2/π) ∫ q F(q) M(q) sin(qr) dq on the points given (trapezoid on an uneven grid, from q = 0 where the
    /// integrand vanishes), M the Lorch function sin(πq/Q)/(πq/Q) when <paramref name="lorch"/>: applied the same way to a
    /// simulated and a measured F(q), it gives both the broadening of one Q_max, as a real-space R_χ needs.
    /// </summary>
    public static double[] BackTransform(IReadOnlyList<double> q, IReadOnlyList<double> f, IReadOnlyList<double> r, double qMaxInvA, bool lorch) =>
        r.Select(rk =>
        {
            double sum = 0, prevQ = 0, prevY = 0;
            for (int k = 0; k < q.Count; k++)
            {
                if (q[k] > qMaxInvA) break;
                double m = lorch ? Sinc(Math.PI * q[k] / qMaxInvA) : 1.0;
                double y = q[k] * f[k] * m * Math.Sin(q[k] * rk);
                sum += 0.5 * (y + prevY) * (q[k] - prevQ);
                prevQ = q[k]; prevY = y;
            }
            return 2 / Math.PI * sum;
        }).ToArray();

    /// <summary>F(q) of a total S(q): ⟨b⟩²[S − 1] in barn for neutrons, S − 1 for X-rays (the normalisation of <see cref="ScatteringResult.DFromQ"/>).</summary>
    public static double[] FOfQ(ScatteringResult r, IReadOnlyList<double> q, IReadOnlyList<double> s) => q.Select((qk, k) =>
    {
        if (r.Radiation == Radiation.Xray) return s[k] - 1;
        double meanB = r.Concentrations.Sum(kv => kv.Value * ScatteringFactors.NeutronLengthFm(kv.Key));
        return meanB * meanB * (s[k] - 1) / 100.0;
    }).ToArray();

    private static double Sinc(double x) => Math.Abs(x) < 1e-8 ? 1 - x * x / 6 : Math.Sin(x) / x;
}

using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Structure;

/// <summary>One slab of a profile: its centre (Å), atoms, mass density (g/cm³), atoms per element, order parameter F and the atoms per group.</summary>
public sealed record SlabRow(double CenterA, int Atoms, double DensityGPerCm3, IReadOnlyDictionary<string, int> ByElement, double? Order, IReadOnlyDictionary<string, int> ByGroup);

/// <summary>
/// Profiles across a box along one axis, for interfaces in glass-ceramics (thesis Paper V): slabs of equal width, in each
/// the mass density, the concentration of every element and an order parameter F(Z) from the 2D Fourier transform of the
/// slab's atoms: F(Z) = max_k |Σ_j exp(i k·r_j)|² / N_Z², the largest in-plane planar structure factor S(k)/N_Z
/// (S(k) = |Σ_j e^{ik·r_j}|²/N, the kinematic structure factor of the point set; Warren, X-ray Diffraction (1969) ch. 2)
/// over wave vectors in the plane of the slab with k_min ≤ |k| ≤ k_max, on a grid fine enough (δk = π / max(L_a, L_b)) to
/// catch the Bragg peaks of a grain in any orientation. F → 1 for a crystal slab whose section is periodic, F ~ ln(n_k)/N_Z
/// for a glass. The form of the thesis' Eq. 5.1 was not at hand: this definition is ours, stated in the output.
/// </summary>
public static class SlabProfile
{
    public const string OrderDefinition = "F(Z) = max over in-plane k (k_min <= |k| <= k_max) of |sum_j exp(i k.r_j)|^2 / N_Z^2 over the atoms of the slab";

    public static List<SlabRow> Compute(Snapshot snap, int axis, double widthA, bool order = true, Func<int, string?>? groupOfId = null,
        double kMinPerA = 1.0, double kMaxPerA = 4.0)
    {
        var s = snap.System;
        if (axis is < 0 or > 2) throw new InputException($"profile axis {axis}: expected x, y or z");
        double length = s.Box.Length(axis), lo = s.Box.Lo[axis];
        if (!(widthA > 0) || widthA > length) throw new InputException($"slab width {widthA} Å: must be positive and at most the box's {length:F2} Å along {"xyz"[axis]}");
        if (!(kMinPerA > 0 && kMaxPerA > kMinPerA)) throw new InputException($"k range {kMinPerA}-{kMaxPerA} 1/Å: need 0 < k_min < k_max");
        int n = Math.Max(1, (int)Math.Round(length / widthA));
        double w = length / n;
        var members = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        var pos = s.Positions(axis);
        for (int i = 0; i < s.Count; i++)
        {
            double f = (pos[i] - lo) / length;
            f -= Math.Floor(f);
            members[Math.Min(n - 1, (int)(f * n))].Add(i);
        }
        int a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
        double volumeCm3 = w * s.Box.Length(a1) * s.Box.Length(a2) * 1e-24;
        var ks = order ? WaveVectors(s.Box.Length(a1), s.Box.Length(a2), kMinPerA, kMaxPerA) : [];
        var rows = new SlabRow[n];
        System.Threading.Tasks.Parallel.For(0, n, b =>
        {
            var m = members[b];
            double mass = m.Sum(s.Mass);
            var byElement = m.GroupBy(i => s.TypeElements[s.Type[i]]).ToDictionary(g => g.Key, g => g.Count());
            var byGroup = groupOfId is null ? new Dictionary<string, int>()
                : m.GroupBy(i => groupOfId(s.Id[i]) ?? "unlisted").ToDictionary(g => g.Key, g => g.Count());
            double? f = order && m.Count > 0 ? MaxPlanarOrder(s.Positions(a1), s.Positions(a2), m, ks) : null;
            rows[b] = new SlabRow(lo + (b + 0.5) * w, m.Count, mass / Mechanics.Units.MetalUnits.Avogadro / volumeCm3, byElement, f, byGroup);
        });
        return [.. rows];
    }

    /// <summary>In-plane wave vectors (1/Å) on a square grid of spacing π/max(L1, L2), k_min ≤ |k| ≤ k_max, half plane (S(−k) = S(k)).</summary>
    private static List<(double K1, double K2)> WaveVectors(double l1, double l2, double kMin, double kMax)
    {
        double dk = Math.PI / Math.Max(l1, l2);
        int m = (int)Math.Ceiling(kMax / dk);
        var ks = new List<(double, double)>();
        for (int i = 0; i <= m; i++)
            for (int j = -m; j <= m; j++)
            {
                if (i == 0 && j <= 0) continue;
                double k1 = i * dk, k2 = j * dk, k = Math.Sqrt(k1 * k1 + k2 * k2);
                if (k >= kMin && k <= kMax) ks.Add((k1, k2));
            }
        return ks;
    }

    private static double MaxPlanarOrder(double[] x1, double[] x2, List<int> atoms, List<(double K1, double K2)> ks)
    {
        double best = 0;
        foreach (var (k1, k2) in ks)
        {
            double re = 0, im = 0;
            foreach (int i in atoms)
            {
                var (sin, cos) = Math.SinCos(k1 * x1[i] + k2 * x2[i]);
                re += cos; im += sin;
            }
            best = Math.Max(best, re * re + im * im);
        }
        return best / ((double)atoms.Count * atoms.Count);
    }
}

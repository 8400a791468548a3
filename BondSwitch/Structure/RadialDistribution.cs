using FractureLab.BondSwitch.Geometry;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Structure;

/// <summary>
/// A partial radial distribution function g_AB(r) on bins of width <see cref="BinWidthAngstrom"/> (bin centres in
/// <see cref="RAngstrom"/>) and the running coordination number n_AB(r): the mean number of B atoms within r of an
/// A atom (at the bin's upper edge).
/// </summary>
public sealed record RdfCurve(string A, string B, double BinWidthAngstrom, double[] RAngstrom, double[] G, double[] RunningCn)
{
    public string Label => $"{A}-{B}";
}

/// <summary>
/// Partial g(r) normalised as LAMMPS compute rdf does: g_AB(r) = n_AB(r) / (N_A ρ_B V_shell(r)) with
/// ρ_B = N_B/V, and ρ_B = (N_B − 1)/V when A = B (an atom is not its own neighbour); V_shell is the exact volume
/// of the spherical shell of the bin. n_AB(r) counts B atoms around each A atom, so the running coordination
/// number is Σ n_AB / N_A. Meant for periodic boxes (free surfaces lower g near them).
/// </summary>
public static class RadialDistribution
{
    public static RdfCurve Partial(Snapshot snap, string a, string b, double rMaxAngstrom = 8.0, double binAngstrom = 0.02)
    {
        var s = snap.System;
        var isA = new bool[s.Count];
        var isB = new bool[s.Count];
        for (int i = 0; i < s.Count; i++) { isA[i] = Is(snap.Element(i), a); isB[i] = Is(snap.Element(i), b); }
        return OfSets(snap, a, isA, b, isB, rMaxAngstrom, binAngstrom);
    }

    /// <summary>
    /// g(r) of the atoms flagged in <paramref name="isB"/> around those flagged in <paramref name="isA"/> (labelled
    /// <paramref name="a"/> and <paramref name="b"/>), e.g. Li around the S atoms of PS4 units; the sets may overlap, and an
    /// atom is never its own neighbour (ρ_B counts the B atoms other than the centre on average).
    /// </summary>
    public static RdfCurve OfSets(Snapshot snap, string a, bool[] isA, string b, bool[] isB, double rMaxAngstrom = 8.0, double binAngstrom = 0.02)
    {
        if (!(rMaxAngstrom > 0)) throw new InputException($"rdf: r_max must be positive, not {rMaxAngstrom}");
        if (!(binAngstrom > 0) || binAngstrom > rMaxAngstrom) throw new InputException($"rdf: bin width must be in (0, r_max], not {binAngstrom}");
        var s = snap.System;
        int na = isA.Count(x => x), nb = isB.Count(x => x), both = isA.Where((x, i) => x && isB[i]).Count();
        if (na == 0) throw new InputException($"{snap.Name}: no {a} atoms for the {a}-{b} g(r)");
        if (nb == 0) throw new InputException($"{snap.Name}: no {b} atoms for the {a}-{b} g(r)");
        int bins = (int)Math.Round(rMaxAngstrom / binAngstrom);
        var count = new double[bins];
        PairSearch.ForEachPair(s, bins * binAngstrom, (i, j, dx, dy, dz) =>
        {
            if (i == j) return;
            // An unordered pair gives one B around an A for each direction in which it is (A, B).
            int n = (isA[i] && isB[j] ? 1 : 0) + (isA[j] && isB[i] ? 1 : 0);
            if (n == 0) return;
            int k = (int)(Math.Sqrt(dx * dx + dy * dy + dz * dz) / binAngstrom);
            if (k < bins) count[k] += n;
        });
        // B atoms other than the centre: N_B − 1 for the centres that are also B (N_B − 1 when A = B, as LAMMPS)
        double rhoB = (nb - (double)both / na) / s.Box.Volume;
        var r = new double[bins];
        var g = new double[bins];
        var cn = new double[bins];
        double cumulative = 0;
        for (int k = 0; k < bins; k++)
        {
            double r1 = k * binAngstrom, r2 = r1 + binAngstrom;
            double shell = 4.0 / 3.0 * Math.PI * (r2 * r2 * r2 - r1 * r1 * r1);
            r[k] = r1 + 0.5 * binAngstrom;
            g[k] = rhoB > 0 ? count[k] / (na * rhoB * shell) : 0;
            cumulative += count[k];
            cn[k] = cumulative / na;
        }
        return new RdfCurve(a, b, binAngstrom, r, g, cn);
    }

    /// <summary>
    /// The first minimum of g(r) after its first peak (Å): the usual bond cut-off (SCIENCE.md §4). g is smoothed over
    /// ±0.05 Å; the first peak is the highest value; the minimum is the first point after it that no point within the
    /// next 0.3 Å undercuts, taken at the middle of a flat stretch (a crystal's empty gap between shells).
    /// </summary>
    public static double FirstMinimum(RdfCurve c)
    {
        int n = c.G.Length;
        int half = Math.Max(1, (int)Math.Round(0.05 / c.BinWidthAngstrom));
        var gs = new double[n];
        for (int k = 0; k < n; k++)
        {
            int lo = Math.Max(0, k - half), hi = Math.Min(n - 1, k + half);
            double sum = 0;
            for (int m = lo; m <= hi; m++) sum += c.G[m];
            gs[k] = sum / (hi - lo + 1);
        }
        int peak = 0;
        for (int k = 1; k < n; k++) if (gs[k] > gs[peak]) peak = k;
        if (gs[peak] <= 0) throw new InputException($"g(r) of {c.Label} is zero everywhere below {n * c.BinWidthAngstrom:0.##} Å: no cut-off can be found");
        int look = Math.Max(2, (int)Math.Round(0.3 / c.BinWidthAngstrom));
        for (int k = peak + 1; k < n - 1; k++)
        {
            bool lowest = true;
            for (int m = k + 1; m <= Math.Min(n - 1, k + look); m++) if (gs[m] < gs[k]) { lowest = false; break; }
            if (!lowest || gs[k] >= gs[peak]) continue;
            int end = k;
            while (end + 1 < n && gs[end + 1] == gs[k]) end++;
            return c.RAngstrom[(k + end) / 2] + ((k + end) % 2 == 1 ? 0.5 * c.BinWidthAngstrom : 0);
        }
        throw new InputException($"g(r) of {c.Label} has no minimum after its first peak at {c.RAngstrom[peak]:0.00} Å below {n * c.BinWidthAngstrom:0.##} Å; give the cut-off");
    }

    /// <summary>The mean of curves on the same bins (g and running coordination averaged bin by bin), e.g. over the frames of a trajectory.</summary>
    public static RdfCurve Mean(IReadOnlyList<RdfCurve> curves) => curves[0] with
    {
        G = Enumerable.Range(0, curves[0].G.Length).Select(k => curves.Average(x => x.G[k])).ToArray(),
        RunningCn = Enumerable.Range(0, curves[0].G.Length).Select(k => curves.Average(x => x.RunningCn[k])).ToArray(),
    };

    private static bool Is(string element, string wanted) => string.Equals(element, wanted, StringComparison.OrdinalIgnoreCase);
}

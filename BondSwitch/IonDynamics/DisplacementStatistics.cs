namespace FractureLab.BondSwitch.IonDynamics;

/// <summary>One hop: the atom (index into the trajectory), its id, the peak frame (index into the trajectory's frames) and the jump (Å).</summary>
public sealed record HopEvent(int Atom, int Id, int Frame, double JumpA);

/// <summary>
/// Statistics of single-ion displacements over a lag, averaged over atoms and time origins (origins every
/// <c>originStride</c> frames): the non-Gaussian parameter α₂(t) = 3⟨Δr⁴⟩/(5⟨Δr²⟩²) − 1 (Rahman 1964; 0 for Gaussian
/// motion), the self van Hove function as the radial probability 4πr² G_s(r, t) (integrates to 1), and hops.
/// </summary>
public static class DisplacementStatistics
{
    /// <summary>Lags (frames) spaced evenly in log time from 1 to half the trajectory.</summary>
    public static int[] LogLags(int frames, int perDecade = 10)
    {
        int max = Math.Max(1, frames / 2);
        var lags = new SortedSet<int>();
        for (double l = 0; ; l += 1.0 / perDecade)
        {
            int m = (int)Math.Round(Math.Pow(10, l));
            if (m > max) break;
            lags.Add(m);
        }
        return [.. lags];
    }

    public static double NonGaussian(IonTrajectory t, int lag, int originStride = 1)
    {
        double r2 = 0, r4 = 0;
        long count = ForEachSquaredDisplacement(t, lag, originStride, d2 => { r2 += d2; r4 += d2 * d2; });
        r2 /= count; r4 /= count;
        return 3 * r4 / (5 * r2 * r2) - 1;
    }

    /// <summary>4πr² G_s(r, t): probability density (1/Å) of a displacement r over the lag, on bins of width <paramref name="binA"/>.</summary>
    public static (double[] RA, double[] Density) VanHove(IonTrajectory t, int lag, double rMaxA, double binA, int originStride = 1)
    {
        int bins = (int)Math.Ceiling(rMaxA / binA);
        var h = new double[bins];
        long count = ForEachSquaredDisplacement(t, lag, originStride, d2 =>
        {
            int k = (int)(Math.Sqrt(d2) / binA);
            if (k < bins) h[k]++;
        });
        return (Enumerable.Range(0, bins).Select(k => (k + 0.5) * binA).ToArray(), h.Select(v => v / (count * binA)).ToArray());
    }

    /// <summary>Calls <paramref name="visit"/> with |Δr|² (Å²) of every ion over the lag from every origin; returns how many.</summary>
    private static long ForEachSquaredDisplacement(IonTrajectory t, int lag, int originStride, Action<double> visit)
    {
        long count = 0;
        for (int o = 0; o + lag < t.Frames; o += originStride)
        {
            var a = t.Positions[o];
            var b = t.Positions[o + lag];
            for (int i = 0; i < t.Atoms; i++)
            {
                double dx = b[3 * i] - a[3 * i], dy = b[3 * i + 1] - a[3 * i + 1], dz = b[3 * i + 2] - a[3 * i + 2];
                visit(dx * dx + dy * dy + dz * dz);
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// Hops: the mean position over a window of <paramref name="windowFrames"/> before frame k is compared with the
    /// mean over the window after; a jump beyond <paramref name="thresholdA"/> (Å) that is the largest within a window
    /// either side is one hop (so thermal rattling, averaged out, is not counted). Returns the hops per atom per ps,
    /// the mean hop length (Å) and the fraction of atoms that hopped at least once.
    /// </summary>
    public static (double RatePerAtomPerPs, double MeanLengthA, double FractionHopping, int Hops) Hops(IonTrajectory t, double thresholdA, int windowFrames)
    {
        var (perAtom, lengths) = HopsPerAtom(t, thresholdA, windowFrames);
        int hops = perAtom.Sum();
        double length = lengths.Sum();
        double span = t.TimesPs[^1] - t.TimesPs[0];
        return (hops / (t.Atoms * span), hops > 0 ? length / hops : 0, perAtom.Count(h => h > 0) / (double)t.Atoms, hops);
    }

    /// <summary>Hops of every atom: the count and the summed jump length (Å) per atom (see <see cref="HopEvents"/>).</summary>
    public static (int[] Hops, double[] LengthA) HopsPerAtom(IonTrajectory t, double thresholdA, int windowFrames)
    {
        var count = new int[t.Atoms];
        var length = new double[t.Atoms];
        foreach (var h in HopEvents(t, thresholdA, windowFrames)) { count[h.Atom]++; length[h.Atom] += h.JumpA; }
        return (count, length);
    }

    /// <summary>
    /// Every hop: a jump of the position averaged over <paramref name="windowFrames"/> frames before and after a frame
    /// beyond <paramref name="thresholdA"/>, counted once at its peak frame (the atom index into the trajectory, the frame, the jump in Å).
    /// </summary>
    public static List<HopEvent> HopEvents(IonTrajectory t, double thresholdA, int windowFrames)
    {
        int w = Math.Max(1, windowFrames);
        var events = new List<HopEvent>();
        for (int i = 0; i < t.Atoms; i++)
        {
            var jump = new double[t.Frames];
            for (int k = w; k + w <= t.Frames; k++)
            {
                double bx = 0, by = 0, bz = 0, ax = 0, ay = 0, az = 0;
                for (int j = k - w; j < k; j++) { bx += t.Positions[j][3 * i]; by += t.Positions[j][3 * i + 1]; bz += t.Positions[j][3 * i + 2]; }
                for (int j = k; j < k + w; j++) { ax += t.Positions[j][3 * i]; ay += t.Positions[j][3 * i + 1]; az += t.Positions[j][3 * i + 2]; }
                double dx = (ax - bx) / w, dy = (ay - by) / w, dz = (az - bz) / w;
                jump[k] = Math.Sqrt(dx * dx + dy * dy + dz * dz);
            }
            for (int k = w; k + w <= t.Frames; k++)
            {
                if (jump[k] <= thresholdA) continue;
                bool peak = true;
                for (int j = Math.Max(w, k - w); j <= Math.Min(t.Frames - w, k + w); j++)
                    if (j != k && (jump[j] > jump[k] || (jump[j] == jump[k] && j < k))) { peak = false; break; }
                if (peak) events.Add(new HopEvent(i, t.Ids[i], k, jump[k]));
            }
        }
        return events;
    }

    /// <summary>
    /// Cumulative non-affine displacement of every atom (Å): Σ over consecutive intervals of <paramref name="intervalFrames"/>
    /// frames of |Δr_i − ⟨Δr⟩|, ⟨Δr⟩ the mean displacement of the tracked atoms in that interval (their drift), the dynamic
    /// label of the thesis' Paper III Li softness (D_cum over short intervals).
    /// </summary>
    public static double[] CumulativeNonAffineDisplacement(IonTrajectory t, int intervalFrames)
    {
        int w = Math.Max(1, intervalFrames);
        var d = new double[t.Atoms];
        for (int k = 0; k + w < t.Frames; k += w)
        {
            double mx = 0, my = 0, mz = 0;
            for (int i = 0; i < t.Atoms; i++)
            {
                mx += t.Positions[k + w][3 * i] - t.Positions[k][3 * i];
                my += t.Positions[k + w][3 * i + 1] - t.Positions[k][3 * i + 1];
                mz += t.Positions[k + w][3 * i + 2] - t.Positions[k][3 * i + 2];
            }
            mx /= t.Atoms; my /= t.Atoms; mz /= t.Atoms;
            for (int i = 0; i < t.Atoms; i++)
            {
                double dx = t.Positions[k + w][3 * i] - t.Positions[k][3 * i] - mx;
                double dy = t.Positions[k + w][3 * i + 1] - t.Positions[k][3 * i + 1] - my;
                double dz = t.Positions[k + w][3 * i + 2] - t.Positions[k][3 * i + 2] - mz;
                d[i] += Math.Sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return d;
    }
}

using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.BondSwitch.Snapshots;

/// <summary>
/// Time-averaged positions over consecutive frames (SCIENCE.md §4: against thermal rattling across the cut-off).
/// Averages are taken in fractional coordinates, each atom unwrapped to the periodic image nearest its position in
/// the first frame, so a box that deforms between the frames and atoms that cross a boundary are both handled;
/// the box bounds are averaged too. Atoms are matched by id.
/// </summary>
public static class TimeAverage
{
    public static AtomSystem Of(IReadOnlyList<AtomSystem> frames, string source)
    {
        var first = frames[0];
        int n = first.Count;
        var lo = new double[3];
        var hi = new double[3];
        foreach (var f in frames)
            for (int a = 0; a < 3; a++) { lo[a] += f.Box.Lo[a] / frames.Count; hi[a] += f.Box.Hi[a] / frames.Count; }
        var avg = first.Clone();
        var box = new Box(lo, hi, first.Box.Periodic);
        avg.Box.CopyFrom(box);
        var index = new Dictionary<int, int>(n);
        for (int i = 0; i < n; i++) index[first.Id[i]] = i;
        var sum = new double[3 * n];
        var s0 = new double[3 * n];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < 3; a++) s0[3 * i + a] = Fraction(first, i, a);
        foreach (var f in frames)
        {
            if (f.Count != n) throw new InputException($"{source}: frames to average have {n} and {f.Count} atoms");
            for (int k = 0; k < n; k++)
            {
                if (!index.TryGetValue(f.Id[k], out int i)) throw new InputException($"{source}: atom id {f.Id[k]} is not in the first frame of the average");
                for (int a = 0; a < 3; a++)
                {
                    double d = Fraction(f, k, a) - s0[3 * i + a];
                    if (f.Box.Periodic[a]) d -= Math.Round(d);
                    sum[3 * i + a] += d;
                }
            }
        }
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < 3; a++)
            {
                double s = s0[3 * i + a] + sum[3 * i + a] / frames.Count;
                avg.Positions(a)[i] = box.Lo[a] + s * box.Length(a);
                avg.Images(a)[i] = 0;
            }
        }
        avg.WrapIntoBox();
        return avg;
    }

    private static double Fraction(AtomSystem s, int i, int a) => (s.Positions(a)[i] - s.Box.Lo[a]) / s.Box.Length(a);
}

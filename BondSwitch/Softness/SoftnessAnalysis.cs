using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Switching;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Softness;

/// <summary>Mean softness of the centre atoms in one snapshot, of all of them and of those that have switched by then.</summary>
public sealed record SoftnessPoint(string Snapshot, double Strain, double MeanSoftness, double MeanSoftnessSwitched, double MeanSoftnessUnchanged);

/// <summary>
/// The softness study of one centre species (SCIENCE.md §4): the label of each centre atom is whether it ever switches
/// (any class but unchanged in any current snapshot); the features are its radial structure functions in the
/// reference; the classifier is cross-validated, then trained on all atoms; softness is reported per atom in the
/// reference and as a mean per snapshot (features of that snapshot).
/// </summary>
public sealed record SoftnessResult(
    RadialFeatures Features,
    CrossValidationResult Validation,
    LogisticModel Model,
    int[] CenterIds,
    bool[] Switches,
    double[] ReferenceSoftness,
    IReadOnlyList<SoftnessPoint> VsStrain)
{
    /// <summary>Histogram of the reference softness: bin centres and probability density.</summary>
    public (double[] S, double[] Density) Histogram(int bins = 40) => SoftnessHistogram.Of(ReferenceSoftness, bins);
}

public static class SoftnessHistogram
{
    /// <summary>Bin centres and probability density of <paramref name="values"/> over their range (MathNet's histogram).</summary>
    public static (double[] S, double[] Density) Of(double[] values, int bins = 40)
    {
        double lo = values.Min(), hi = values.Max();
        if (hi <= lo) hi = lo + 1;
        var h = new MathNet.Numerics.Statistics.Histogram(values, bins, lo, hi + 1e-12 * Math.Max(1, Math.Abs(hi)));
        double width = (hi - lo) / bins;
        var s = Enumerable.Range(0, bins).Select(k => 0.5 * (h[k].LowerBound + h[k].UpperBound)).ToArray();
        var d = Enumerable.Range(0, bins).Select(k => h[k].Count / (values.Length * width)).ToArray();
        return (s, d);
    }
}

public static class SoftnessAnalysis
{
    public static SoftnessResult Run(BondSwitchAnalysis switching, Snapshot reference, IReadOnlyList<Snapshot> currents, RadialFeatures features, int folds = 5, double l2 = 1e-2, int seed = 1)
    {
        if (currents.Count == 0) throw new InputException("softness: give at least one current snapshot (the labels come from switching)");
        var centers = reference.IndicesOf(switching.Center);
        var ids = centers.Select(i => reference.System.Id[i]).ToArray();
        var tallies = currents.Select(c => (Snap: c, Tally: switching.Classify(c))).ToList();
        var switches = new bool[ids.Length];
        for (int k = 0; k < ids.Length; k++)
            foreach (var (snap, tally) in tallies)
            {
                snap.TryIndexOf(ids[k], out int i);
                if (tally.ClassPerAtom[i] != (int)SwitchClass.Unchanged) { switches[k] = true; break; }
            }
        var x = features.Compute(reference, centers);
        var validation = CrossValidation.Run(x, switches, folds, l2, seed);
        var model = LogisticModel.Train(x, switches, l2);
        var referenceSoftness = x.Select(model.Softness).ToArray();
        var points = new List<SoftnessPoint>();
        foreach (var (snap, tally) in tallies)
        {
            var idx = ids.Select(id => { snap.TryIndexOf(id, out int i); return i; }).ToArray();
            var s = features.Compute(snap, idx).Select(model.Softness).ToArray();
            var switched = idx.Select(i => tally.ClassPerAtom[i] != (int)SwitchClass.Unchanged).ToArray();
            points.Add(new SoftnessPoint(snap.Name, tally.Strain ?? 0, s.Average(),
                MeanWhere(s, switched, true), MeanWhere(s, switched, false)));
        }
        return new SoftnessResult(features, validation, model, ids, switches, referenceSoftness, points);
    }

    private static double MeanWhere(double[] s, bool[] flag, bool want)
    {
        var v = s.Where((_, k) => flag[k] == want).ToArray();
        return v.Length > 0 ? v.Average() : double.NaN;
    }
}

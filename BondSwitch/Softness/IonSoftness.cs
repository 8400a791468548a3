using FractureLab.BondSwitch.IonDynamics;
using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Structure;
using FractureLab.Mechanics;

namespace FractureLab.BondSwitch.Softness;

/// <summary>How mobile ions are labelled soft or hard from their dynamics.</summary>
/// <param name="Mode">"dcum": cumulative non-affine displacement over intervals of <paramref name="IntervalPs"/>; "hops": the number of hops</param>
/// <param name="SoftAbove">soft when the measure is at or above this (Å for dcum, hops for hops); null: the upper quartile (dcum) or 1 hop</param>
/// <param name="HardBelow">hard when the measure is at or below this; null: the lower quartile (dcum) or 0 hops. Ions between are left out of training</param>
public sealed record DynamicLabels(string Mode = "dcum", double IntervalPs = 1.0, double? SoftAbove = null, double? HardBelow = null, double HopThresholdA = 1.5, double HopWindowPs = 0.5)
{
    public string Describe(double soft, double hard) => Mode == "hops"
        ? FormattableString.Invariant($"hops (jump of the {HopWindowPs} ps window-averaged position beyond {HopThresholdA} Å) over the run: soft ≥ {soft:G4}, hard ≤ {hard:G4}, others left out of training")
        : FormattableString.Invariant($"D_cum = Σ |Δr − ⟨Δr⟩| over consecutive {IntervalPs} ps intervals of the run: soft ≥ {soft:G4} Å, hard ≤ {hard:G4} Å, others left out of training");
}

/// <summary>Softness of every mobile ion of the reference frame, its labels, and its correlations.</summary>
public sealed record IonSoftnessResult(int[] Ids, double[] Measure, int[] Label, double[] Softness, CrossValidationResult Validation, LogisticModel Model,
    string LabelDefinition, IReadOnlyDictionary<string, double[]> Properties, IReadOnlyDictionary<string, double> Pearson);

/// <summary>
/// Softness of mobile ions from their dynamics (the thesis' Paper III for Li in thiophosphates; Schoenholz et al., Nat.
/// Phys. 12, 469 (2016) for the method): labels from D_cum or hops over the run, radial structure functions of the
/// reference frame (the first kept) from the chosen species only (the thesis: Li-only), the same class-balanced,
/// cross-validated logistic regression as the bond-switching softness, and Pearson correlations (MathNet) of the
/// softness with the per-atom properties given (per-atom energy, Voronoi volume, the fraction of each anion unit
/// among an ion's ligand neighbours).
/// </summary>
public static class IonSoftness
{
    public static IonSoftnessResult Run(IReadOnlyList<Snapshot> frames, IonTrajectory t, RadialFeatures features, DynamicLabels labels,
        IReadOnlyDictionary<string, double[]> properties, int folds = 5, double l2 = 1e-2, int seed = 1)
    {
        var reference = frames[t.FirstFrame];
        double measureSpan = t.TimesPs[^1];
        double[] measure;
        if (labels.Mode == "hops")
        {
            int window = Math.Max(1, (int)Math.Round(labels.HopWindowPs / t.FrameIntervalPs));
            measure = DisplacementStatistics.HopsPerAtom(t, labels.HopThresholdA, window).Hops.Select(h => (double)h).ToArray();
        }
        else if (labels.Mode == "dcum")
        {
            if (!(labels.IntervalPs > 0 && labels.IntervalPs < measureSpan)) throw new InputException($"ion softness: the D_cum interval {labels.IntervalPs} ps must lie inside the run (0, {measureSpan:G4}) ps");
            measure = DisplacementStatistics.CumulativeNonAffineDisplacement(t, (int)Math.Round(labels.IntervalPs / t.FrameIntervalPs));
        }
        else throw new InputException($"ion softness: labels '{labels.Mode}': expected dcum or hops");
        var sorted = measure.Order().ToArray();
        double soft = labels.SoftAbove ?? (labels.Mode == "hops" ? 1 : MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, 0.75));
        double hard = labels.HardBelow ?? (labels.Mode == "hops" ? 0 : MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, 0.25));
        if (!(hard < soft)) throw new InputException($"ion softness: the hard threshold {hard:G4} must lie below the soft one {soft:G4}");
        var label = measure.Select(m => m >= soft ? 1 : m <= hard ? 0 : -1).ToArray();
        var train = Enumerable.Range(0, label.Length).Where(k => label[k] >= 0).ToArray();
        if (train.Count(k => label[k] == 1) < folds || train.Count(k => label[k] == 0) < folds)
            throw new InputException($"ion softness: {train.Count(k => label[k] == 1)} soft and {train.Count(k => label[k] == 0)} hard ions; each class needs at least {folds} (the folds) — a longer run or other thresholds");
        var atoms = t.Ids.Select(id => reference.TryIndexOf(id, out int i) ? i : throw new InputException($"{reference.Name}: {t.Species} id {id} missing")).ToArray();
        var x = features.Compute(reference, atoms);
        var xt = train.Select(k => x[k]).ToList();
        var yt = train.Select(k => label[k] == 1).ToList();
        var validation = CrossValidation.Run(xt, yt, folds, l2, seed);
        var model = LogisticModel.Train(xt, yt, l2);
        var softness = x.Select(model.Softness).ToArray();
        var pearson = new Dictionary<string, double>();
        foreach (var (name, values) in properties)
        {
            if (values.Length != softness.Length) throw new ArgumentException($"property {name} has {values.Length} values for {softness.Length} ions");
            var pairs = Enumerable.Range(0, softness.Length).Where(k => double.IsFinite(values[k])).ToArray();
            if (pairs.Length > 2) pearson[name] = MathNet.Numerics.Statistics.Correlation.Pearson(pairs.Select(k => softness[k]), pairs.Select(k => values[k]));
        }
        pearson["label_measure"] = MathNet.Numerics.Statistics.Correlation.Pearson(softness, measure);
        return new IonSoftnessResult(t.Ids, measure, label, softness, validation, model, labels.Describe(soft, hard), properties, pearson);
    }

    /// <summary>
    /// Per-ion properties of the reference frame to correlate with softness: pe_eV (the dump's c_pe, when present),
    /// voronoi_volume_A3 (when asked) and the shares of each anion-unit kind around the ion (<see cref="UnitEnvironment"/>,
    /// the units found with <paramref name="unitCutoffA"/> or the first minimum of their g(r)); and a line describing the units.
    /// </summary>
    public static (Dictionary<string, double[]> Properties, string UnitNote) ReferenceProperties(Snapshot reference, IReadOnlyList<int> ids, bool voronoi,
        (string Former, string Ligand)? units, double? unitCutoffA, double environmentCutoffA)
    {
        var ions = ids.Select(id => { reference.TryIndexOf(id, out int i); return i; }).ToArray();
        var properties = new Dictionary<string, double[]>();
        if (reference.Computed.TryGetValue("c_pe", out var pe)) properties["pe_eV"] = ions.Select(i => pe[i]).ToArray();
        if (voronoi) { var cells = Voronoi.Compute(reference); properties["voronoi_volume_A3"] = ions.Select(i => cells.VolumesA3[i]).ToArray(); }
        if (units is not { } pair) return (properties, "");
        double rc = unitCutoffA ?? RadialDistribution.FirstMinimum(RadialDistribution.Partial(reference, pair.Former, pair.Ligand));
        var speciation = AnionSpeciationAnalysis.Compute(reference, pair.Former, pair.Ligand, rc);
        foreach (var (k, share) in UnitEnvironment(reference, speciation, ions, environmentCutoffA)) properties[k] = share;
        return (properties, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{pair.Former}-{pair.Ligand} units within {rc:0.###} Å: {string.Join(", ", speciation.Counts.Select(kv => $"{kv.Key} {kv.Value}"))}"));
    }

    /// <summary>
    /// For each ion (indices into the snapshot), the fraction of its ligand neighbours within <paramref name="cutoffA"/> that
    /// belong to each unit kind of <paramref name="units"/> ("PS4" → fraction), NaN for an ion with no ligand neighbour.
    /// </summary>
    public static Dictionary<string, double[]> UnitEnvironment(Snapshot snap, AnionSpeciation units, IReadOnlyList<int> ions, double cutoffA)
    {
        var names = units.Counts.Keys.ToList();
        var result = names.ToDictionary(n => $"fraction_{units.Ligand}_of_{n}", _ => new double[ions.Count]);
        var position = new Dictionary<int, int>();
        for (int k = 0; k < ions.Count; k++) position[ions[k]] = k;
        var counts = ions.Select(_ => new Dictionary<string, int>()).ToArray();
        Geometry.PairSearch.ForEachPair(snap.System, cutoffA, (i, j, dx, dy, dz) =>
        {
            if (i == j) return;
            foreach (var (ion, other) in new[] { (i, j), (j, i) })
            {
                if (!position.TryGetValue(ion, out int k) || units.UnitOfAtom[other] < 0 || !string.Equals(snap.Element(other), units.Ligand, StringComparison.OrdinalIgnoreCase)) continue;
                string n = units.Units[units.UnitOfAtom[other]].Name;
                counts[k][n] = counts[k].GetValueOrDefault(n) + 1;
            }
        });
        for (int k = 0; k < ions.Count; k++)
        {
            int total = counts[k].Values.Sum();
            foreach (string n in names) result[$"fraction_{units.Ligand}_of_{n}"][k] = total > 0 ? counts[k].GetValueOrDefault(n) / (double)total : double.NaN;
        }
        return result;
    }
}

using FractureLab.BondSwitch.Snapshots;
using FractureLab.BondSwitch.Structure;

namespace FractureLab.BondSwitch.Switching;

/// <summary>The bond-switching curve of one centre species in a run: the analysis (with its cut-off) and one tally per snapshot.</summary>
public sealed record NetworkFormerCurve(BondSwitchAnalysis Analysis, double ReferenceMeanCoordination, IReadOnlyList<BondSwitchTally> Tallies)
{
    public string Label => $"{Analysis.Center}-{Analysis.Neighbor}";
}

/// <summary>
/// Bond switching of every network former present (B, Al, Ti, Si, P by default; SCIENCE.md §4) against the anion
/// (O, else S) over a run's snapshots, each with the cut-off at the first minimum of its reference partial g(r).
/// </summary>
public static class NetworkFormerSwitching
{
    public static readonly string[] DefaultCenters = ["B", "Al", "Ti", "Si", "P"];
    public static readonly string[] Anions = ["O", "S"];

    public static List<NetworkFormerCurve> Analyze(Snapshot reference, IReadOnlyList<Snapshot> currents, int? strainAxis, IReadOnlyList<string>? centers = null)
    {
        string? anion = Anions.FirstOrDefault(reference.Has);
        if (anion is null) return [];
        var result = new List<NetworkFormerCurve>();
        foreach (string center in (centers ?? DefaultCenters).Where(reference.Has))
        {
            double rc = RadialDistribution.FirstMinimum(RadialDistribution.Partial(reference, center, anion, 4.0, 0.02));
            var analysis = new BondSwitchAnalysis(reference, center, anion, SwitchCutoffs.Single(rc));
            double meanCn = Coordination.Compute(reference, center, anion, rc).Mean;
            result.Add(new NetworkFormerCurve(analysis, meanCn, currents.Select(c => analysis.Classify(c, strainAxis)).ToList()));
        }
        return result;
    }
}

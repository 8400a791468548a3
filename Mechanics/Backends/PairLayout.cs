namespace FractureLab.Mechanics.Backends;

/// <summary>
/// How the Simd pair loop walks the pairs. Rows: the half atom list, each row's entries gathered, compacted to those
/// inside the cut-off and their reactions scattered (<see cref="SimdBackend"/>). Clusters: the cluster-pair list of
/// Páll &amp; Hess (2013), a vector of neighbour atoms per cluster pair with no gather or scatter, lanes beyond the cut-off
/// computed and masked (<see cref="ClusterPairKernel"/>). Both give the same forces to rounding.
/// </summary>
public enum PairLayout
{
    Rows,
    Clusters,
}

public static class PairLayouts
{
    public static PairLayout Parse(string text) => text.ToLowerInvariant() switch
    {
        "rows" => PairLayout.Rows,
        "clusters" => PairLayout.Clusters,
        _ => throw new InputException($"--pair-layout '{text}': expected auto, rows or clusters"),
    };

    /// <summary>
    /// The layout of <c>--pair-layout auto</c>: the one that ran faster in <c>PairLayoutBenchmarks</c> (README, "Cluster pairs
    /// against rows"): rows, at both widths and in both precisions, on the machines measured so far.
    /// </summary>
    public static PairLayout Fastest => PairLayout.Rows;
}

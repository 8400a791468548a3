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

    /// <summary>
    /// <paramref name="layout"/> if the Simd back end runs it in <paramref name="precision"/>, else a message: the cluster
    /// layout is double only (in float32 lanes its energy on the Pedone CaO-SiO2 test glass was 1.3e-6 off Reference,
    /// above the mixed bound of 1e-6 that rows meet with 3.6e-7).
    /// </summary>
    public static PairLayout Supported(PairLayout layout, PairPrecision precision) => layout == PairLayout.Clusters && precision == PairPrecision.Mixed
        ? throw new InputException("--pair-layout clusters runs in double precision only: in float32 lanes it missed the mixed-precision energy bound (1e-6 relative to Reference) on the Pedone CaO-SiO2 test glass, 1.3e-6, where rows give 3.6e-7; use --pair-layout rows (the default) with --precision mixed")
        : layout;
}

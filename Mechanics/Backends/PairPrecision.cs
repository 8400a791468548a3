namespace FractureLab.Mechanics.Backends;

/// <summary>
/// Arithmetic of the pair kernels. Double: separations, pair terms and sums in double. Mixed, on the Simd back end:
/// separations computed in double and rounded to float32, the pair terms (√, 1/r, e^x, erfc, Buckingham, Coulomb) in
/// float32 in twice as many lanes, forces on neighbours, row sums and every total accumulated in double (see
/// <see cref="SimdBackend"/>); on the Gpu back end: float32 copies of the positions in the pair kernel (half the memory
/// traffic of the neighbor gathers), separations, pair terms and sums in double (error set by float32 rounding of
/// absolute positions, about 6e-8 × |x|). Both measured against Reference in the tests.
/// </summary>
public enum PairPrecision
{
    Double,
    Mixed,
}

public static class PairPrecisions
{
    public static PairPrecision Parse(string text) => text.ToLowerInvariant() switch
    {
        "double" => PairPrecision.Double,
        "mixed" => PairPrecision.Mixed,
        _ => throw new InputException($"--precision '{text}': expected double or mixed"),
    };
}

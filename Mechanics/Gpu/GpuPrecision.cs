namespace FractureLab.Mechanics.Gpu;

/// <summary>
/// Precision of the Gpu back end. Double: positions, pair terms and sums in double. Mixed: the pair kernel reads
/// float32 copies of the positions (half the memory traffic of the neighbor gathers), converted each force call from
/// the double positions the integrator keeps; separations, pair terms and every accumulation stay double. The force
/// error is set by float32 rounding of absolute positions (about 6e-8 × |x|): measured parity in GpuBackendTests.
/// </summary>
public enum GpuPrecision
{
    Double,
    Mixed,
}

public static class GpuPrecisions
{
    public static GpuPrecision Parse(string text) => text.ToLowerInvariant() switch
    {
        "double" => GpuPrecision.Double,
        "mixed" => GpuPrecision.Mixed,
        _ => throw new InputException($"--precision '{text}': expected double or mixed"),
    };
}

using ILGPU;

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

/// <summary>Where the pair kernel reads positions (Å) from: one kernel body, specialised per precision.</summary>
public interface IPositions
{
    double X(int i);
    double Y(int i);
    double Z(int i);
}

public readonly struct DoublePositions(ArrayView<double> x, ArrayView<double> y, ArrayView<double> z) : IPositions
{
    private readonly ArrayView<double> _x = x, _y = y, _z = z;
    public double X(int i) => _x[i];
    public double Y(int i) => _y[i];
    public double Z(int i) => _z[i];
}

public readonly struct SinglePositions(ArrayView<float> x, ArrayView<float> y, ArrayView<float> z) : IPositions
{
    private readonly ArrayView<float> _x = x, _y = y, _z = z;
    public double X(int i) => _x[i];
    public double Y(int i) => _y[i];
    public double Z(int i) => _z[i];
}

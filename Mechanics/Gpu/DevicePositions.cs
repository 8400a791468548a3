using ILGPU;

namespace FractureLab.Mechanics.Gpu;

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

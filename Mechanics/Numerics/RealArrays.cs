namespace FractureLab.Mechanics.Numerics;

/// <summary>
/// A run of doubles that one scalar definition reads and writes the same way on the host (an array from an offset) and
/// in a device kernel (an ILGPU view from an offset): the B-spline weights and the mesh stencils of mesh Ewald are
/// written once against it (<see cref="Coulomb.CardinalBSpline"/>, <see cref="Coulomb.MeshStencil"/>).
/// </summary>
public interface IRealArray
{
    double this[int i] { get; set; }
}

/// <summary>A grid that charges are added to: directly on the host, atomically on a device.</summary>
public interface IChargeGrid
{
    void Add(int i, double value);
}

/// <summary>A host array from an offset.</summary>
public readonly struct HostArray(double[] array, int offset = 0) : IRealArray, IChargeGrid
{
    public double this[int i]
    {
        get => array[offset + i];
        set => array[offset + i] = value;
    }

    public void Add(int i, double value) => array[offset + i] += value;
}

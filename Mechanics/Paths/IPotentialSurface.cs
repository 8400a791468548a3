namespace FractureLab.Mechanics.Paths;

/// <summary>
/// An energy surface over a flat coordinate vector (Å for atoms): the energy (eV) and its gradient at a point, and the
/// displacement between two points (for periodic boxes the minimum image, so a path may cross the box boundary).
/// </summary>
public interface IPotentialSurface
{
    int Dimension { get; }

    /// <summary>Energy at <paramref name="x"/>; writes −∂E/∂x (the force) into <paramref name="force"/>.</summary>
    double Evaluate(double[] x, double[] force);

    /// <summary><paramref name="difference"/> = <paramref name="a"/> − <paramref name="b"/>, as the surface measures it.</summary>
    void Difference(double[] a, double[] b, double[] difference);
}

using FractureLab.Mechanics.Atoms;

namespace FractureLab.Mechanics.Integrators;

/// <summary>Affine remap of box and positions along one axis about the box centre (LAMMPS Domain::x2lamda/lamda2x with remap x).</summary>
public static class BoxScaling
{
    public static void ScaleAxis(AtomSystem s, int axis, double factor)
    {
        var b = s.Box;
        double mid = 0.5 * (b.Lo[axis] + b.Hi[axis]);
        var x = s.Positions(axis);
        for (int i = 0; i < s.Count; i++) x[i] = mid + (x[i] - mid) * factor;
        b.SetLength(axis, b.Length(axis) * factor);
    }
}

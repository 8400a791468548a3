namespace FractureLab.Mechanics.Geometry;

/// <summary>
/// Orthorhombic simulation box in Å with per-axis periodicity (LAMMPS "p" or "f"/"s" boundaries).
/// Mutable because box deformation and barostats change its bounds during a run.
/// </summary>
public sealed class Box
{
    /// <summary>Lower bounds (Å) per axis x, y, z.</summary>
    public double[] Lo { get; }
    /// <summary>Upper bounds (Å) per axis x, y, z.</summary>
    public double[] Hi { get; }
    /// <summary>Whether each axis is periodic.</summary>
    public bool[] Periodic { get; }

    public Box(double[] lo, double[] hi, bool[]? periodic = null)
    {
        if (lo.Length != 3 || hi.Length != 3) throw new ArgumentException("box bounds need three axes");
        Lo = (double[])lo.Clone();
        Hi = (double[])hi.Clone();
        Periodic = periodic is null ? [true, true, true] : (bool[])periodic.Clone();
        for (int a = 0; a < 3; a++)
            if (!(Hi[a] > Lo[a])) throw new InputException($"box: axis {"xyz"[a]} has hi {Hi[a]} not above lo {Lo[a]}");
    }

    public static Box Cube(double lengthAngstrom) => new([0, 0, 0], [lengthAngstrom, lengthAngstrom, lengthAngstrom]);

    public Box Clone() => new(Lo, Hi, Periodic);

    /// <summary>Edge length (Å) along <paramref name="axis"/>.</summary>
    public double Length(int axis) => Hi[axis] - Lo[axis];

    /// <summary>Volume in Å³.</summary>
    public double Volume => Length(0) * Length(1) * Length(2);

    /// <summary>A separation component (Å) along <paramref name="axis"/> mapped to its nearest periodic image (unchanged on a non-periodic axis).</summary>
    public double NearestImage(int axis, double d)
    {
        if (!Periodic[axis]) return d;
        double len = Length(axis);
        return d - len * Math.Round(d / len);
    }

    /// <summary>Squared distance (Å²) between two points, each separation component mapped to its nearest image.</summary>
    public double Distance2(double ax, double ay, double az, double bx, double by, double bz)
    {
        double dx = NearestImage(0, ax - bx), dy = NearestImage(1, ay - by), dz = NearestImage(2, az - bz);
        return dx * dx + dy * dy + dz * dz;
    }

    /// <summary>Distance (Å) between two points, minimum image.</summary>
    public double Distance(double[] a, double[] b) => Math.Sqrt(Distance2(a[0], a[1], a[2], b[0], b[1], b[2]));

    /// <summary>Sets the length of one axis (Å), keeping its centre fixed (as LAMMPS fix deform does).</summary>
    public void SetLength(int axis, double lengthAngstrom)
    {
        double mid = 0.5 * (Lo[axis] + Hi[axis]);
        Lo[axis] = mid - 0.5 * lengthAngstrom;
        Hi[axis] = mid + 0.5 * lengthAngstrom;
    }

    /// <summary>Copies bounds and periodicity from another box.</summary>
    public void CopyFrom(Box other)
    {
        for (int a = 0; a < 3; a++) { Lo[a] = other.Lo[a]; Hi[a] = other.Hi[a]; Periodic[a] = other.Periodic[a]; }
    }
}

using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Atoms;

/// <summary>
/// Particles as a struct of arrays: positions (Å), velocities (Å/ps), forces (eV/Å), zero-based type
/// index, charge (e), LAMMPS atom id and image flags; plus the per-type element names and masses (amu)
/// and the box. Arrays are sized exactly to <see cref="Count"/>.
/// </summary>
public sealed class AtomSystem
{
    public int Count { get; }
    public double[] X { get; }
    public double[] Y { get; }
    public double[] Z { get; }
    public double[] Vx { get; }
    public double[] Vy { get; }
    public double[] Vz { get; }
    public double[] Fx { get; }
    public double[] Fy { get; }
    public double[] Fz { get; }
    /// <summary>Zero-based type index into <see cref="TypeElements"/>.</summary>
    public int[] Type { get; }
    /// <summary>Charge in e.</summary>
    public double[] Charge { get; }
    /// <summary>LAMMPS atom id (1-based, unique).</summary>
    public int[] Id { get; }
    public int[] ImageX { get; }
    public int[] ImageY { get; }
    public int[] ImageZ { get; }
    /// <summary>Element symbol per type.</summary>
    public string[] TypeElements { get; }
    /// <summary>Mass (amu) per type.</summary>
    public double[] TypeMasses { get; }
    public Box Box { get; }

    public AtomSystem(int count, string[] typeElements, double[] typeMasses, Box box)
    {
        if (typeElements.Length != typeMasses.Length) throw new ArgumentException("one mass per type");
        Count = count;
        X = new double[count]; Y = new double[count]; Z = new double[count];
        Vx = new double[count]; Vy = new double[count]; Vz = new double[count];
        Fx = new double[count]; Fy = new double[count]; Fz = new double[count];
        Type = new int[count]; Charge = new double[count]; Id = new int[count];
        ImageX = new int[count]; ImageY = new int[count]; ImageZ = new int[count];
        TypeElements = typeElements;
        TypeMasses = typeMasses;
        Box = box;
        for (int i = 0; i < count; i++) Id[i] = i + 1;
    }

    public int TypeCount => TypeElements.Length;

    /// <summary>Mass (amu) of atom <paramref name="i"/>.</summary>
    public double Mass(int i) => TypeMasses[Type[i]];

    /// <summary>Deep copy (box included).</summary>
    public AtomSystem Clone()
    {
        var c = new AtomSystem(Count, (string[])TypeElements.Clone(), (double[])TypeMasses.Clone(), Box.Clone());
        Array.Copy(X, c.X, Count); Array.Copy(Y, c.Y, Count); Array.Copy(Z, c.Z, Count);
        Array.Copy(Vx, c.Vx, Count); Array.Copy(Vy, c.Vy, Count); Array.Copy(Vz, c.Vz, Count);
        Array.Copy(Fx, c.Fx, Count); Array.Copy(Fy, c.Fy, Count); Array.Copy(Fz, c.Fz, Count);
        Array.Copy(Type, c.Type, Count); Array.Copy(Charge, c.Charge, Count); Array.Copy(Id, c.Id, Count);
        Array.Copy(ImageX, c.ImageX, Count); Array.Copy(ImageY, c.ImageY, Count); Array.Copy(ImageZ, c.ImageZ, Count);
        return c;
    }

    /// <summary>A copy holding only the atoms <paramref name="keep"/> (in that order), ids kept, box cloned.</summary>
    public AtomSystem Subset(IReadOnlyList<int> keep)
    {
        var c = new AtomSystem(keep.Count, (string[])TypeElements.Clone(), (double[])TypeMasses.Clone(), Box.Clone());
        for (int k = 0; k < keep.Count; k++)
        {
            int i = keep[k];
            c.X[k] = X[i]; c.Y[k] = Y[i]; c.Z[k] = Z[i];
            c.Vx[k] = Vx[i]; c.Vy[k] = Vy[i]; c.Vz[k] = Vz[i];
            c.Fx[k] = Fx[i]; c.Fy[k] = Fy[i]; c.Fz[k] = Fz[i];
            c.Type[k] = Type[i]; c.Charge[k] = Charge[i]; c.Id[k] = Id[i];
            c.ImageX[k] = ImageX[i]; c.ImageY[k] = ImageY[i]; c.ImageZ[k] = ImageZ[i];
        }
        return c;
    }

    /// <summary>Position component of atom i along axis a (0 = x).</summary>
    public double[] Positions(int axis) => axis switch { 0 => X, 1 => Y, _ => Z };
    public double[] Velocities(int axis) => axis switch { 0 => Vx, 1 => Vy, _ => Vz };
    public double[] Forces(int axis) => axis switch { 0 => Fx, 1 => Fy, _ => Fz };
    public int[] Images(int axis) => axis switch { 0 => ImageX, 1 => ImageY, _ => ImageZ };

    /// <summary>
    /// Maps atoms back into the box along periodic axes and counts the crossings in the image
    /// flags (LAMMPS Domain::remap), so unwrapped = x + image·L stays unchanged.
    /// </summary>
    public void WrapIntoBox()
    {
        for (int a = 0; a < 3; a++)
        {
            if (!Box.Periodic[a]) continue;
            double lo = Box.Lo[a], len = Box.Length(a);
            var x = Positions(a); var img = Images(a);
            for (int i = 0; i < Count; i++)
            {
                double s = Math.Floor((x[i] - lo) / len);
                if (s != 0)
                {
                    x[i] -= s * len;
                    img[i] += (int)s;
                    if (x[i] >= lo + len) x[i] = lo; // rounding at the upper edge
                }
            }
        }
    }

    /// <summary>Kinetic energy in eV: ½ Σ m v² · mvv2e.</summary>
    public double KineticEnergy()
    {
        double sum = 0;
        for (int i = 0; i < Count; i++)
            sum += Mass(i) * (Vx[i] * Vx[i] + Vy[i] * Vy[i] + Vz[i] * Vz[i]);
        return 0.5 * sum * Units.MetalUnits.MvvToEv;
    }

    /// <summary>Kinetic tensor Σ m v_a v_b in eV (xx, yy, zz, xy, xz, yz).</summary>
    public double[] KineticTensor()
    {
        var t = new double[6];
        for (int i = 0; i < Count; i++)
        {
            double m = Mass(i) * Units.MetalUnits.MvvToEv;
            t[0] += m * Vx[i] * Vx[i]; t[1] += m * Vy[i] * Vy[i]; t[2] += m * Vz[i] * Vz[i];
            t[3] += m * Vx[i] * Vy[i]; t[4] += m * Vx[i] * Vz[i]; t[5] += m * Vy[i] * Vz[i];
        }
        return t;
    }

    /// <summary>Total mass (amu).</summary>
    public double TotalMass()
    {
        double m = 0;
        for (int i = 0; i < Count; i++) m += Mass(i);
        return m;
    }

    /// <summary>Mass density in g/cm³: Σm [amu] / N_A / V [Å³] · 1e24 Å³/cm³.</summary>
    public double DensityGPerCm3() =>
        TotalMass() / Units.MetalUnits.Avogadro / Box.Volume * Units.MetalUnits.CubicAngstromsPerCubicCentimetre;

    /// <summary>
    /// Per-atom stress as LAMMPS <c>compute stress/atom</c> (no volume division): −(m v_a v_b + W_ab) in bar·Å³, six
    /// columns xx yy zz xy xz yz, from the per-atom virial W (eV, 6 per atom) of a force evaluation.
    /// </summary>
    public double[][] PerAtomStressBarA3(double[] perAtomVirialEv)
    {
        if (perAtomVirialEv.Length != 6 * Count) throw new ArgumentException($"per-atom virial has {perAtomVirialEv.Length} values, expected {6 * Count}");
        var cols = new double[6][];
        for (int k = 0; k < 6; k++) cols[k] = new double[Count];
        ReadOnlySpan<int> a = [0, 1, 2, 0, 0, 1], b = [0, 1, 2, 1, 2, 2];
        for (int i = 0; i < Count; i++)
        {
            double m = Mass(i) * Units.MetalUnits.MvvToEv;
            for (int k = 0; k < 6; k++)
                cols[k][i] = -(m * Velocities(a[k])[i] * Velocities(b[k])[i] + perAtomVirialEv[6 * i + k]) * Units.MetalUnits.EvPerCubicAngstromToBar;
        }
        return cols;
    }
}

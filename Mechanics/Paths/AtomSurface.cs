using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Backends;

namespace FractureLab.Mechanics.Paths;

/// <summary>
/// The potential-energy surface of a system (box fixed) over its coordinates [x₀, y₀, z₀, x₁, ...] (Å): energies and
/// forces from one <see cref="ForceComputer"/> on a working copy, displacements by the minimum image on periodic axes.
/// </summary>
public sealed class AtomSurface(AtomSystem template, ForceComputer forces) : IPotentialSurface
{
    private readonly AtomSystem _work = template.Clone();
    public int Dimension => 3 * template.Count;
    public AtomSystem Template => template;

    public double Evaluate(double[] x, double[] force)
    {
        Load(x, _work);
        var r = forces.Compute(_work);
        for (int i = 0; i < _work.Count; i++) { force[3 * i] = _work.Fx[i]; force[3 * i + 1] = _work.Fy[i]; force[3 * i + 2] = _work.Fz[i]; }
        return r.PotentialEnergy;
    }

    public void Difference(double[] a, double[] b, double[] d)
    {
        var box = template.Box;
        for (int k = 0; k < a.Length; k++)
        {
            int axis = k % 3;
            double v = a[k] - b[k];
            if (box.Periodic[axis]) { double l = box.Length(axis); v -= l * Math.Round(v / l); }
            d[k] = v;
        }
    }

    /// <summary>The coordinates of <paramref name="s"/> as a vector.</summary>
    public static double[] Coordinates(AtomSystem s)
    {
        var x = new double[3 * s.Count];
        for (int i = 0; i < s.Count; i++) { x[3 * i] = s.X[i]; x[3 * i + 1] = s.Y[i]; x[3 * i + 2] = s.Z[i]; }
        return x;
    }

    /// <summary>Writes the vector into the positions of <paramref name="s"/>.</summary>
    public static void Load(double[] x, AtomSystem s)
    {
        for (int i = 0; i < s.Count; i++) { s.X[i] = x[3 * i]; s.Y[i] = x[3 * i + 1]; s.Z[i] = x[3 * i + 2]; }
    }

    /// <summary>
    /// The coordinates of <paramref name="final"/> in the atom order of <paramref name="initial"/> (atoms matched by id), after
    /// checking that both hold the same atoms (ids, types) in the same box.
    /// </summary>
    public static double[] Matched(AtomSystem initial, AtomSystem final, string initialName, string finalName)
    {
        if (initial.Count != final.Count) throw new InputException($"neb: {initialName} has {initial.Count} atoms, {finalName} {final.Count}");
        for (int a = 0; a < 3; a++)
            if (Math.Abs(initial.Box.Length(a) - final.Box.Length(a)) > 1e-6 * initial.Box.Length(a))
                throw new InputException($"neb: the boxes differ along {"xyz"[a]} ({initial.Box.Length(a)} Å in {initialName}, {final.Box.Length(a)} Å in {finalName}); NEB keeps the box fixed");
        var index = new Dictionary<int, int>();
        for (int i = 0; i < final.Count; i++) index[final.Id[i]] = i;
        var x = new double[3 * initial.Count];
        for (int i = 0; i < initial.Count; i++)
        {
            if (!index.TryGetValue(initial.Id[i], out int j)) throw new InputException($"neb: atom id {initial.Id[i]} of {initialName} is not in {finalName}");
            if (initial.TypeElements[initial.Type[i]] != final.TypeElements[final.Type[j]])
                throw new InputException($"neb: atom id {initial.Id[i]} is {initial.TypeElements[initial.Type[i]]} in {initialName} but {final.TypeElements[final.Type[j]]} in {finalName}");
            x[3 * i] = final.X[j]; x[3 * i + 1] = final.Y[j]; x[3 * i + 2] = final.Z[j];
        }
        return x;
    }
}

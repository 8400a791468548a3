using FractureLab.BondSwitch.Snapshots;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Elements;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Tests.BondSwitch;

/// <summary>Hand-built configurations for the structure and bond-switching tests: atoms listed as (id, element, x, y, z).</summary>
public static class Configurations
{
    public sealed record Atom(int Id, string Element, double X, double Y, double Z);

    public static Snapshot Make(string name, double[] boxHi, IEnumerable<Atom> atoms)
    {
        var list = atoms.ToList();
        var elements = list.Select(a => a.Element).Distinct().ToArray();
        var masses = elements.Select(e => ElementTable.TryGetMass(e, out double m) ? m : 1.0).ToArray();
        var s = new AtomSystem(list.Count, elements, masses, new Box([0, 0, 0], boxHi));
        for (int i = 0; i < list.Count; i++)
        {
            s.Id[i] = list[i].Id;
            s.Type[i] = Array.IndexOf(elements, list[i].Element);
            s.X[i] = list[i].X; s.Y[i] = list[i].Y; s.Z[i] = list[i].Z;
        }
        return new Snapshot(name, null, s);
    }

    /// <summary>Rock salt (NaCl) with lattice constant a (Å), n×n×n conventional cells, periodic.</summary>
    public static Snapshot RockSalt(double a, int n)
    {
        var atoms = new List<Atom>();
        int id = 1;
        double[][] basis = [[0, 0, 0], [0.5, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0.5]];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++)
                    foreach (var b in basis)
                    {
                        atoms.Add(new Atom(id++, "Na", (i + b[0]) * a, (j + b[1]) * a, (k + b[2]) * a));
                        atoms.Add(new Atom(id++, "Cl", (i + b[0] + 0.5) * a % (n * a), (j + b[1]) * a, (k + b[2]) * a));
                    }
        return Make("rocksalt", [n * a, n * a, n * a], atoms);
    }

    /// <summary>Simple cubic lattice of one element, spacing a (Å), n per side, periodic.</summary>
    public static Snapshot SimpleCubic(double a, int n)
    {
        var atoms = new List<Atom>();
        int id = 1;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) atoms.Add(new Atom(id++, "Si", i * a, j * a, k * a));
        return Make("sc", [n * a, n * a, n * a], atoms);
    }

    /// <summary>Atoms scattered at random with a minimum separation (Å), as a stand-in for a glass.</summary>
    public static Snapshot RandomDense(int count, double side, double minSeparation, int seed)
    {
        var rng = new Random(seed);
        var pts = new List<(double X, double Y, double Z)>();
        while (pts.Count < count)
        {
            var p = (rng.NextDouble() * side, rng.NextDouble() * side, rng.NextDouble() * side);
            bool ok = pts.All(q =>
            {
                double dx = Wrap(p.Item1 - q.X, side), dy = Wrap(p.Item2 - q.Y, side), dz = Wrap(p.Item3 - q.Z, side);
                return dx * dx + dy * dy + dz * dz > minSeparation * minSeparation;
            });
            if (ok) pts.Add(p);
        }
        return Make("random", [side, side, side], pts.Select((p, i) => new Atom(i + 1, i % 3 == 0 ? "Si" : "O", p.X, p.Y, p.Z)));
    }

    /// <summary>A copy with every position and the box scaled by (1 + e_a) about the origin (an affine strain).</summary>
    public static Snapshot Scaled(Snapshot s, double ex, double ey, double ez, string name = "scaled")
    {
        var c = s.System.Clone();
        double[] f = [1 + ex, 1 + ey, 1 + ez];
        for (int a = 0; a < 3; a++)
        {
            var x = c.Positions(a);
            for (int i = 0; i < c.Count; i++) x[i] *= f[a];
            c.Box.Hi[a] = s.System.Box.Hi[a] * f[a];
            c.Box.Lo[a] = s.System.Box.Lo[a] * f[a];
        }
        return new Snapshot(name, null, c);
    }

    private static double Wrap(double d, double len) => d - len * Math.Round(d / len);
}

namespace FractureLab.BondSwitch.Structure;

/// <summary>
/// A convex polyhedron around the origin as a list of faces (vertex loops), cut down plane by plane: the Voronoi cell of
/// an atom is what is left of a starting box after every half-space n·x ≤ d of its neighbours (Voro++'s method, Rycroft,
/// Chaos 19, 041111 (2009), in its simplest form: faces clipped by Sutherland-Hodgman, the cut closed by a new face).
/// Lengths in Å, relative to the atom.
/// </summary>
public sealed class VoronoiCell
{
    /// <summary>Points this close to a cutting plane count as on it (Å).</summary>
    private const double Eps = 1e-10;

    private List<List<Vec>> _faces;

    public readonly record struct Vec(double X, double Y, double Z)
    {
        public static Vec operator -(Vec a, Vec b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
        public static Vec operator +(Vec a, Vec b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
        public static Vec operator *(double s, Vec a) => new(s * a.X, s * a.Y, s * a.Z);
        public double Dot(Vec b) => X * b.X + Y * b.Y + Z * b.Z;
        public Vec Cross(Vec b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
        public double Norm => Math.Sqrt(Dot(this));
    }

    /// <summary>The box [lo, hi] (per axis, relative to the atom; lo &lt; 0 &lt; hi).</summary>
    public VoronoiCell(Vec lo, Vec hi)
    {
        Vec P(int i) => new((i & 1) == 0 ? lo.X : hi.X, (i & 2) == 0 ? lo.Y : hi.Y, (i & 4) == 0 ? lo.Z : hi.Z);
        // the six faces, each loop counter-clockwise seen from outside
        int[][] loops = [[0, 2, 6, 4], [1, 5, 7, 3], [0, 4, 5, 1], [2, 3, 7, 6], [0, 1, 3, 2], [4, 6, 7, 5]];
        _faces = loops.Select(l => l.Select(P).ToList()).ToList();
    }

    public int FaceCount => _faces.Count;

    /// <summary>Largest distance (Å) of a vertex from the atom: planes farther than twice this cannot cut the cell.</summary>
    public double MaxRadius => _faces.SelectMany(f => f).Max(v => v.Norm);

    /// <summary>Keeps the part with n·x ≤ d (n need not be a unit vector); returns whether anything was cut away.</summary>
    public bool Clip(Vec n, double d)
    {
        double scale = n.Norm;
        bool any = false;
        foreach (var f in _faces) foreach (var v in f) if (n.Dot(v) - d > Eps * scale) { any = true; break; }
        if (!any) return false;
        var kept = new List<List<Vec>>();
        var cap = new List<Vec>();
        foreach (var f in _faces)
        {
            var outLoop = new List<Vec>(f.Count + 2);
            for (int k = 0; k < f.Count; k++)
            {
                Vec a = f[k], b = f[(k + 1) % f.Count];
                double sa = n.Dot(a) - d, sb = n.Dot(b) - d;
                bool ina = sa <= Eps * scale, inb = sb <= Eps * scale;
                if (ina) { outLoop.Add(a); if (sa >= -Eps * scale) cap.Add(a); }
                if (ina != inb && Math.Abs(sa) > Eps * scale && Math.Abs(sb) > Eps * scale)
                {
                    var p = a + (sa / (sa - sb)) * (b - a);
                    outLoop.Add(p);
                    cap.Add(p);
                }
            }
            if (outLoop.Count >= 3) kept.Add(outLoop);
        }
        var capLoop = OrderedLoop(cap, n);
        if (capLoop.Count >= 3) kept.Add(capLoop);
        _faces = kept;
        return true;
    }

    /// <summary>Volume (Å³): tetrahedra from the atom (inside the cell) to the fan triangles of each face.</summary>
    public double Volume()
    {
        double v = 0;
        foreach (var f in _faces)
            for (int k = 1; k + 1 < f.Count; k++) v += Math.Abs(f[0].Dot(f[k].Cross(f[k + 1])));
        return v / 6.0;
    }

    /// <summary>Faces with an area above <paramref name="minAreaA2"/> (Å²), as voro++'s face count with a threshold.</summary>
    public int Faces(double minAreaA2 = 0)
    {
        int count = 0;
        foreach (var f in _faces)
        {
            var sum = new Vec(0, 0, 0);
            for (int k = 1; k + 1 < f.Count; k++) sum += (f[k] - f[0]).Cross(f[k + 1] - f[0]);
            if (0.5 * sum.Norm > minAreaA2) count++;
        }
        return count;
    }

    /// <summary>The distinct points of a cut, ordered counter-clockwise around the plane normal (seen from outside).</summary>
    private static List<Vec> OrderedLoop(List<Vec> points, Vec n)
    {
        var distinct = new List<Vec>();
        foreach (var p in points) if (!distinct.Any(q => (q - p).Norm < 1e-9)) distinct.Add(p);
        if (distinct.Count < 3) return distinct;
        var c = (1.0 / distinct.Count) * distinct.Aggregate(new Vec(0, 0, 0), (s, p) => s + p);
        var u = distinct[0] - c;
        if (u.Norm < 1e-12) u = distinct[1] - c;
        var w = n.Cross(u);
        return distinct.OrderBy(p => Math.Atan2((p - c).Dot(w), (p - c).Dot(u))).ToList();
    }
}

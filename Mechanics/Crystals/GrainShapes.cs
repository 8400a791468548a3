using System.Globalization;
using FractureLab.Mechanics.Geometry;

namespace FractureLab.Mechanics.Crystals;

/// <summary>How grains are shaped: spheres of equal radius, or Voronoi cells of random seeds shrunk about their seeds.</summary>
public enum GrainShape { Sphere, Voronoi }

/// <summary>
/// The regions of <c>n</c> grains that fill a volume fraction φ of a periodic box. Spheres: radius
/// R = (3φV / 4πn)^⅓, seeds drawn at random at least 2R + gap apart (minimum image), so the fraction is exact while they
/// do not overlap. Voronoi: the Voronoi cell V_i of each seed (periodic) shrunk about its seed by λ = φ^⅓; a point p is in
/// grain i when s_i + (p − s_i)/λ lies in V_i, so each grain is λ³ of its cell and the fraction is exactly φ for any
/// seeds (the polyhedral grains of a partly crystallized glass). Orientations: uniform random rotations (Shoemake,
/// Graphics Gems III, 124 (1992)) or all aligned with the box. φ = 0 gives no grains.
/// </summary>
public sealed class GrainShapes
{
    private readonly Box box;
    private readonly double lambda;

    public GrainShape Shape { get; }
    public double VolumeFraction { get; }
    /// <summary>Grain centres (Å).</summary>
    public IReadOnlyList<double[]> Seeds { get; }
    /// <summary>Rotation per grain (row-major 3×3): crystal frame → box frame.</summary>
    public IReadOnlyList<double[,]> Rotations { get; }
    /// <summary>Sphere radius (Å); for Voronoi grains the largest seed-to-boundary reach is bounded by the box, see <see cref="ReachA"/>.</summary>
    public double RadiusA { get; }

    public GrainShapes(Box box, int count, double volumeFraction, GrainShape shape, bool randomOrientations, int seed, double gapA = 2.0)
    {
        if (count < 1) throw new InputException($"grains: {count}; at least one");
        if (!(volumeFraction >= 0 && volumeFraction < 1)) throw new InputException($"volume fraction {volumeFraction}: must lie in [0, 1) (0: no grains, the glass relaxed as a glass-ceramic is)");
        this.box = box;
        Shape = shape;
        VolumeFraction = volumeFraction;
        lambda = Math.Cbrt(volumeFraction);
        var rng = new Random(seed);
        double minSide = Math.Min(box.Length(0), Math.Min(box.Length(1), box.Length(2)));
        RadiusA = Math.Cbrt(3 * volumeFraction * box.Volume / (4 * Math.PI * count));
        var seeds = new List<double[]>();
        double minApart = shape == GrainShape.Sphere ? 2 * RadiusA + gapA : 0;
        if (shape == GrainShape.Sphere && 2 * RadiusA + gapA > minSide)
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{count} spherical grain(s) of {volumeFraction:P0} need a radius of {RadiusA:F1} Å, too large for the box's {minSide:F1} Å side; use more grains, a larger box or shape = voronoi"));
        // fraction 0: no grains (the control of a series, built and relaxed the same way)
        for (int g = 0, tries = 0; g < (volumeFraction > 0 ? count : 0); tries++)
        {
            if (tries > 100_000)
                throw new InputException(string.Create(CultureInfo.InvariantCulture,
                    $"could not place {count} non-overlapping spheres of radius {RadiusA:F1} Å ({volumeFraction:P0} of the box); use shape = voronoi for high fractions"));
            double[] p = [.. Enumerable.Range(0, 3).Select(a => box.Lo[a] + rng.NextDouble() * box.Length(a))];
            if (seeds.Any(q => Distance(p, q) < minApart)) continue;
            seeds.Add(p);
            g++;
        }
        Seeds = seeds;
        Rotations = [.. seeds.Select(_ => randomOrientations ? RandomRotation(rng) : Identity())];
    }

    /// <summary>The shape of its name in input files and options ("sphere", "voronoi"), or null for any other.</summary>
    public static GrainShape? ShapeNamed(string name) => name switch { "sphere" => GrainShape.Sphere, "voronoi" => GrainShape.Voronoi, _ => null };

    /// <summary>The name of a shape, as <see cref="ShapeNamed"/> reads it.</summary>
    public static string NameOf(GrainShape shape) => shape == GrainShape.Sphere ? "sphere" : "voronoi";

    /// <summary>Random (true) or aligned (false) orientations from their name ("random", "aligned"), or null for any other.</summary>
    public static bool? RandomOrientationsNamed(string name) => name switch { "random" => true, "aligned" => false, _ => null };

    /// <summary>The name of an orientation choice, as <see cref="RandomOrientationsNamed"/> reads it.</summary>
    public static string OrientationsName(bool random) => random ? "random" : "aligned";

    /// <summary>The grain (0-based) that holds point <paramref name="p"/>, or −1 (glass).</summary>
    public int GrainOf(double[] p)
    {
        if (Shape == GrainShape.Sphere)
        {
            for (int g = 0; g < Seeds.Count; g++) if (Distance(p, Seeds[g]) < RadiusA) return g;
            return -1;
        }
        if (Seeds.Count == 0) return -1;
        int owner = Nearest(p);
        // p is in the shrunk cell when x = s + d/λ (d = p − s, minimum image) is nearer s than every periodic image of every
        // seed, s itself included: |x − s|² ≤ |x − r|², i.e. 2 (d/λ)·(r − s) ≤ |r − s|², over the 27 images nearest s
        var s = Seeds[owner];
        double[] x = [.. Enumerable.Range(0, 3).Select(a => box.NearestImage(a, p[a] - s[a]) / lambda)];
        for (int j = 0; j < Seeds.Count; j++)
        {
            double[] r0 = [.. Enumerable.Range(0, 3).Select(a => box.NearestImage(a, Seeds[j][a] - s[a]))];
            for (int nx = -1; nx <= 1; nx++)
                for (int ny = -1; ny <= 1; ny++)
                    for (int nz = -1; nz <= 1; nz++)
                    {
                        if (j == owner && nx == 0 && ny == 0 && nz == 0) continue;
                        double rx = r0[0] + nx * box.Length(0), ry = r0[1] + ny * box.Length(1), rz = r0[2] + nz * box.Length(2);
                        if (2 * (x[0] * rx + x[1] * ry + x[2] * rz) > rx * rx + ry * ry + rz * rz) return -1;
                    }
        }
        return owner;
    }

    /// <summary>Largest distance (Å) from a seed to a point of its grain: R for spheres; for Voronoi grains λ × half the box diagonal at most.</summary>
    public double ReachA => Shape == GrainShape.Sphere ? RadiusA
        : lambda * 0.5 * Math.Sqrt(box.Length(0) * box.Length(0) + box.Length(1) * box.Length(1) + box.Length(2) * box.Length(2));

    private int Nearest(double[] p)
    {
        int best = 0; double d = double.MaxValue;
        for (int g = 0; g < Seeds.Count; g++) { double e = Distance(p, Seeds[g]); if (e < d) { d = e; best = g; } }
        return best;
    }

    private double Distance(double[] p, double[] q) => box.Distance(p, q);

    private static double[,] Identity() => new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };

    /// <summary>A uniformly random rotation from a uniformly random unit quaternion (Shoemake 1992).</summary>
    public static double[,] RandomRotation(Random rng)
    {
        double u1 = rng.NextDouble(), u2 = rng.NextDouble(), u3 = rng.NextDouble();
        double w = Math.Sqrt(1 - u1) * Math.Sin(2 * Math.PI * u2), x = Math.Sqrt(1 - u1) * Math.Cos(2 * Math.PI * u2);
        double y = Math.Sqrt(u1) * Math.Sin(2 * Math.PI * u3), z = Math.Sqrt(u1) * Math.Cos(2 * Math.PI * u3);
        return new double[,]
        {
            { 1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w) },
            { 2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w) },
            { 2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y) },
        };
    }
}

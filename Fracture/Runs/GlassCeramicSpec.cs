using FractureLab.Fracture.Inputs;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Crystals;
using Tomlyn.Model;

namespace FractureLab.Fracture.Runs;

/// <summary>
/// A glass-ceramic as the run's structure (<c>[structure] build = "glass-ceramic"</c>): the run's glass (data or shipped,
/// replicated as asked) with crystalline grains cut from <see cref="Cif"/>, built by <c>build-glass-ceramic</c>'s builder
/// (<see cref="Mechanics.Builders.GlassCeramicBuild"/>) with the run's force field and seed. <see cref="GrainsPerBox"/> grains
/// are placed per unreplicated box, so a size study keeps the grain size and the crystal fraction while the box grows.
/// </summary>
public sealed record GlassCeramicSpec(string Cif, int[] CrystalSize, string? Substitute, string? Compensate, int GrainsPerBox, double Fraction,
    GrainShape Shape, bool RandomOrientations, double MinDistanceA, double InterfaceWidthA, double RelaxK, double RelaxPs)
{
    public const string Build = "glass-ceramic";

    /// <summary>The keys of [structure] that only a glass-ceramic takes (cif, substitute and compensate are shared with a crystal).</summary>
    public static readonly string[] OwnKeys = ["crystal_size", "grains", "fraction", "shape", "orientations", "min_distance_A", "interface_width_A", "relax_K", "relax_ps"];

    /// <summary>The grains in a box of <paramref name="replicate"/> copies of the glass.</summary>
    public int Grains(int[]? replicate) => GrainsPerBox * (replicate is [var a, var b, var c] ? a * b * c : 1);

    public GrainSettings Settings(int[]? replicate, int seed) =>
        new(Grains(replicate), Fraction, Shape, RandomOrientations, seed, MinDistanceA, InterfaceWidthA);

    public CrystalRecipe Crystal(string forceField, int seed) =>
        new(Cif, Size: CrystalSize, Substitute: Substitute, Compensate: Compensate, ForceField: forceField, Seed: seed);

    internal static GlassCeramicSpec Read(TomlTable st, TomlFileReader r, string path, string cif)
    {
        int grains = r.Integer(st, "structure.grains", 1);
        if (grains < 1 || grains > 1000) throw new InputException($"{path}: key 'structure.grains' is {grains}; it must lie in 1-1000");
        if (!st.ContainsKey("fraction")) throw new InputException($"{path}: [structure] build = \"glass-ceramic\" needs 'structure.fraction' (the crystal volume fraction, e.g. 0.15 for GC15)");
        double fraction = r.Number(st, "structure.fraction", 0);
        if (!(fraction >= 0 && fraction < 1)) throw new InputException($"{path}: key 'structure.fraction' is {fraction}; the crystal volume fraction must lie in [0, 1) (0: no grains, the glass relaxed as the glass-ceramics are)");
        string shapeText = r.Text(st, "structure.shape", "sphere")!, orient = r.Text(st, "structure.orientations", "random")!;
        var shape = GrainShapes.ShapeNamed(shapeText) ?? throw new InputException($"{path}: key 'structure.shape' is '{shapeText}', expected sphere or voronoi");
        bool random = GrainShapes.RandomOrientationsNamed(orient) ?? throw new InputException($"{path}: key 'structure.orientations' is '{orient}', expected random or aligned");
        double dmin = r.Positive(st, "structure.min_distance_A", 1.8), width = r.Positive(st, "structure.interface_width_A", 3.0);
        double relaxK = r.Positive(st, "structure.relax_K", 300), relaxPs = r.Number(st, "structure.relax_ps", 5);
        if (relaxPs < 0) throw new InputException($"{path}: key 'structure.relax_ps' is {relaxPs}; it must be 0 (minimization only) or positive");
        return new GlassCeramicSpec(cif, r.Counts(st, "structure.crystal_size") ?? [2, 2, 2], r.Text(st, "structure.substitute", null), r.Text(st, "structure.compensate", null),
            grains, fraction, shape, random, dmin, width, relaxK, relaxPs);
    }

    public string ToToml(Func<double, string> number) =>
        $"build = \"{Build}\"\ncif = \"{Cif.Replace("\\", "/")}\"\ncrystal_size = [{string.Join(", ", CrystalSize)}]\n"
        + (Substitute is null ? "" : $"substitute = \"{Substitute}\"\n") + (Compensate is null ? "" : $"compensate = \"{Compensate}\"\n")
        + $"grains = {GrainsPerBox}\nfraction = {number(Fraction)}\nshape = \"{GrainShapes.NameOf(Shape)}\"\norientations = \"{GrainShapes.OrientationsName(RandomOrientations)}\"\n"
        + $"min_distance_A = {number(MinDistanceA)}\ninterface_width_A = {number(InterfaceWidthA)}\nrelax_K = {number(RelaxK)}\nrelax_ps = {number(RelaxPs)}\n";
}

using System.Globalization;
using FractureLab.Fracture.Geometry;
using FractureLab.Fracture.Protocols;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics;
using Tomlyn.Model;

namespace FractureLab.Fracture.Toughness;

/// <summary>The routes to K_Ic a study can take (SCIENCE.md §10).</summary>
public enum ToughnessMethod { CrackLength, Compliance, JIntegral, WorkOfFracture }

/// <summary>
/// A toughness study of one glass (<c>fracturelab toughness STUDY.toml</c>): every section and key of a run file (the base
/// of every pull) plus <c>[study]</c>:
/// <code>
/// [study]  crack_length_fractions = [0.2, 0.333, 0.5]   # 2a/W of the centre cracks, cut into the same relaxed glass
///          replicas = 2                                # seeds 1..n, or seeds = [3, 7]
///          methods = ["crack-length", "compliance", "j-integral", "work-of-fracture"]   # default: all
///          sizes = [[1, 1, 1], [2, 1, 2]]               # replicate factors of the structure (default: [[1, 1, 1]])
///          strain_rates_per_s = [1e10]                  # default: the [tension] rate
///          j_kernel_A = 2.0, j_spacing_A = 0.5, j_domains = [0.45, 0.65, 0.85], tip_advance_A = 3.0, j_window_frames = 1
/// </code>
/// Unknown sections and keys are errors naming the file and the key, with the nearest known key.
/// </summary>
public sealed record ToughnessStudy(
    string Source,
    RunConfig Base,
    IReadOnlyList<double> CrackLengthFractions,
    IReadOnlyList<int> Seeds,
    IReadOnlySet<ToughnessMethod> Methods,
    IReadOnlyList<int[]> Sizes,
    IReadOnlyList<double> StrainRatesPerS,
    JOptions J)
{
    public static readonly string[] MethodNames = ["crack-length", "compliance", "j-integral", "work-of-fracture"];

    /// <summary>
    /// The embedded study (the README's main job): the shipped 1800-atom BKS silica glass (37.6 × 18.8 × 37.6 Å, bks-wall,
    /// DSF), centre cracks 2a/W = 0.2, 1/3 and 0.5 with an 8 Å opening, one replica, protocol B (lateral lengths fixed:
    /// plane strain, and the small box separates under it) at 1e10 1/s and 300 K to ε = 0.4, a dump every record (0.2 ps)
    /// for the J integral, its fields averaged over windows of 5 frames (1 ps), no minimized snapshots.
    /// </summary>
    public static ToughnessStudy Default()
    {
        var d = RunConfig.Default();
        var b = d with
        {
            Shipped = "silica1800",
            DumpEveryRecords = 1,
            Settings = d.Settings with
            {
                Tension = d.Settings.Tension with { Protocol = TensileProtocol.B, MaxStrain = 0.4 },
                SnapshotEveryStrain = 0,
            },
        };
        return new ToughnessStudy("embedded default study", b, [0.2, 1.0 / 3.0, 0.5], [1], AllMethods, [[1, 1, 1]], [b.Settings.Tension.StrainRatePerS], new JOptions(WindowFrames: 5));
    }

    private static readonly IReadOnlySet<ToughnessMethod> AllMethods = new HashSet<ToughnessMethod>(Enum.GetValues<ToughnessMethod>());

    public bool Uses(ToughnessMethod m) => Methods.Contains(m);

    public static ToughnessStudy Load(string path)
    {
        var (root, r) = RunConfig.Open(path, "study");
        r.Only(root, "", "structure", "forcefield", "crack", "tension", "run", "study");
        var b = RunConfig.FromTables(root, r, path);
        if (b.Settings.Crack.Kind != CrackKind.Centre)
            throw new InputException($"{path}: key 'crack.kind' is '{b.Settings.Crack.Kind.ToString().ToLowerInvariant()}'; a toughness study cuts centre cracks (the periodic-array LEFM of SCIENCE.md §10)");
        var st = r.Section(root, "study", "crack_length_fractions", "replicas", "seeds", "methods", "sizes", "strain_rates_per_s",
            "j_kernel_A", "j_spacing_A", "j_domains", "tip_advance_A", "j_window_frames");
        var fractions = r.Numbers(st, "study.crack_length_fractions") ?? [0.2, 1.0 / 3.0, 0.5];
        if (fractions.Count == 0) throw new InputException($"{path}: key 'study.crack_length_fractions' is empty; give at least one 2a/W");
        foreach (var f in fractions)
            if (!(f > 0 && f < 1)) throw new InputException($"{path}: key 'study.crack_length_fractions' has {f.ToString(CultureInfo.InvariantCulture)}; 2a/W must lie in (0, 1)");
        IReadOnlyList<int> seeds;
        var seedList = r.Numbers(st, "study.seeds");
        if (seedList is not null)
        {
            if (st!.ContainsKey("replicas")) throw new InputException($"{path}: give 'study.replicas' or 'study.seeds', not both");
            if (seedList.Count == 0 || seedList.Any(s => s != Math.Floor(s) || s < 1)) throw new InputException($"{path}: key 'study.seeds' must be positive integers");
            seeds = seedList.Select(s => (int)s).Distinct().ToList();
        }
        else
        {
            double n = r.Number(st, "study.replicas", 1);
            if (n != Math.Floor(n) || n < 1 || n > 1000) throw new InputException($"{path}: key 'study.replicas' is {n}; it must be an integer from 1 to 1000");
            seeds = Enumerable.Range(1, (int)n).ToList();
        }
        var methods = new HashSet<ToughnessMethod>();
        foreach (var m in r.Strings(st, "study.methods") ?? [.. MethodNames])
            methods.Add(m switch
            {
                "crack-length" => ToughnessMethod.CrackLength,
                "compliance" => ToughnessMethod.Compliance,
                "j-integral" => ToughnessMethod.JIntegral,
                "work-of-fracture" => ToughnessMethod.WorkOfFracture,
                "k-field" => throw new InputException($"{path}: key 'study.methods': \"k-field\" (K-controlled boundary loading) is not available in this version; use {string.Join(", ", MethodNames)}"),
                _ => throw new InputException($"{path}: key 'study.methods' has '{m}'{RunConfig.Suggest(m, MethodNames)}; known: {string.Join(", ", MethodNames)}"),
            });
        if (methods.Count == 0) throw new InputException($"{path}: key 'study.methods' is empty");
        var sizes = r.CountLists(st, "study.sizes") ?? [[1, 1, 1]];
        var rates = r.Numbers(st, "study.strain_rates_per_s") ?? [b.Settings.Tension.StrainRatePerS];
        foreach (var v in rates) if (!(v > 0)) throw new InputException($"{path}: key 'study.strain_rates_per_s' has {v}; rates must be positive");
        var dj = new JOptions();
        var domains = r.Numbers(st, "study.j_domains")?.ToArray();
        if (domains is not null && domains.Any(q => !(q > 0 && q < 1))) throw new InputException($"{path}: key 'study.j_domains' must be fractions in (0, 1) of the room around a tip");
        double window = r.Positive(st, "study.j_window_frames", dj.WindowFrames);
        if (window != Math.Floor(window)) throw new InputException($"{path}: key 'study.j_window_frames' is {window}; it must be a whole number of dump frames");
        var j = new JOptions(r.Positive(st, "study.j_kernel_A", dj.KernelWidthA), r.Positive(st, "study.j_spacing_A", dj.SpacingA), domains,
            r.Positive(st, "study.tip_advance_A", dj.AdvanceA), (int)window);
        // The J integral reads the per-atom stress dump: a study without dumps cannot take that route.
        if (methods.Contains(ToughnessMethod.JIntegral) && b.DumpEveryRecords <= 0)
            throw new InputException($"{path}: 'study.methods' has \"j-integral\", which reads the per-atom stress dump, but 'run.dump_every_records' is {b.DumpEveryRecords}");
        return new ToughnessStudy(path, b, fractions, seeds, methods, sizes, rates, j);
    }
}

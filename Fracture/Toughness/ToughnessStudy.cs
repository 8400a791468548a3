using System.Globalization;
using FractureLab.Fracture.Geometry;
using FractureLab.Fracture.Inputs;
using FractureLab.Fracture.Protocols;
using FractureLab.Fracture.Runs;
using FractureLab.Mechanics;
using Tomlyn.Model;

namespace FractureLab.Fracture.Toughness;

/// <summary>The routes to K_Ic a study can take (SCIENCE.md §10).</summary>
public enum ToughnessMethod { CrackLength, Compliance, JIntegral, WorkOfFracture, KField }

/// <summary>
/// A toughness study of one glass (<c>fracturelab toughness STUDY.toml</c>): every section and key of a run file (the base
/// of every pull) plus <c>[study]</c>:
/// <code>
/// [study]  crack_length_fractions = [0.2, 0.333, 0.5]   # 2a/W of the centre cracks, cut into the same relaxed glass
///          replicas = 2                                # seeds 1..n, or seeds = [3, 7]
///          methods = ["crack-length", "compliance", "j-integral", "work-of-fracture", "k-field"]   # default: all but k-field
///          sizes = [[1, 1, 1], [2, 1, 2]]               # replicate factors of the structure (default: [[1, 1, 1]])
///          strain_rates_per_s = [1e10]                  # default: the [tension] rate
///          j_kernel_A = 2.0, j_spacing_A = 0.5, j_domains = [0.45, 0.65, 0.85], tip_advance_A = 3.0, j_window_frames = 1
///          label = "38LiBP", x = 38                  # the glass' name and x in results.csv (for compare)
/// [kfield] k_start = 0.3, k_step = 0.02, k_max = 1.5 (MPa m^0.5), boundary_A = 10, opening_A = 4, advance_A = 3,
///          replicate = [2, 1, 2] (the slab from the glass replicated in-plane), force_tolerance = 1e-3, max_iterations = 3000,
///          plane = "strain" | "stress", temperature_K = 0 (FIRE at 0 K; &gt; 0: MD holds), hold_ps = 2, timestep_fs = 1, sample_every_steps = 20
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
    public static readonly string[] MethodNames = ["crack-length", "compliance", "j-integral", "work-of-fracture", "k-field"];

    /// <summary>The K-field loading's settings ([kfield]); used when <see cref="ToughnessMethod.KField"/> is among the methods.</summary>
    public KFieldStudySettings KField { get; init; } = new(new KFieldSettings(KStartMPa: 0.3), [2, 1, 2]);

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
        return new ToughnessStudy("embedded default study", b, [0.2, 1.0 / 3.0, 0.5], [1], DefaultMethods, [[1, 1, 1]], [b.Settings.Tension.StrainRatePerS], new JOptions(WindowFrames: 5))
        {
            Label = "silica",
        };
    }

    /// <summary>Every route but the K-field loading, which needs a slab several times the pulls' box and minutes per replica (ask for it by name).</summary>
    private static readonly IReadOnlySet<ToughnessMethod> DefaultMethods = new HashSet<ToughnessMethod>(Enum.GetValues<ToughnessMethod>().Where(m => m != ToughnessMethod.KField));

    public bool Uses(ToughnessMethod m) => Methods.Contains(m);

    /// <summary>The glass' name in results.csv (for <c>compare</c>: the key joined with an experiment table), and its numeric x (e.g. mol% Li2O).</summary>
    public string Label { get; init; } = "glass";
    public double? X { get; init; }

    /// <summary>Whether any route needs the pre-cracked pulls (all but the K-field loading do).</summary>
    public bool NeedsPulls => Methods.Any(m => m != ToughnessMethod.KField);

    public static ToughnessStudy Load(string path)
    {
        var (root, r) = TomlFileReader.Open(path, "study", StudyFileSchema.Schema);
        r.OnlySections(root);
        var b = RunConfig.FromTables(root, r, path);
        if (b.Settings.Crack.Kind != CrackKind.Centre)
            throw new InputException($"{path}: key 'crack.kind' is '{b.Settings.Crack.Kind.ToString().ToLowerInvariant()}'; a toughness study cuts centre cracks (the periodic-array LEFM of SCIENCE.md §10)");
        var st = r.Section(root, "study");
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
        foreach (var m in r.Strings(st, "study.methods") ?? [.. MethodNames.Where(n => n != "k-field")])
            methods.Add(m switch
            {
                "crack-length" => ToughnessMethod.CrackLength,
                "compliance" => ToughnessMethod.Compliance,
                "j-integral" => ToughnessMethod.JIntegral,
                "work-of-fracture" => ToughnessMethod.WorkOfFracture,
                "k-field" => ToughnessMethod.KField,
                _ => throw new InputException($"{path}: key 'study.methods' has '{m}'{KeySuggestions.Suggest(m, MethodNames)}; known: {string.Join(", ", MethodNames)}"),
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
        var kf = r.Section(root, "kfield");
        var dk = Default().KField;
        string plane = r.Text(kf, "kfield.plane", "strain")!;
        var ks = new KFieldSettings(
            r.Positive(kf, "kfield.k_start", dk.Settings.KStartMPa), r.Positive(kf, "kfield.k_step", dk.Settings.KStepMPa), r.Positive(kf, "kfield.k_max", dk.Settings.KMaxMPa),
            r.Positive(kf, "kfield.boundary_A", dk.Settings.BoundaryA), r.Positive(kf, "kfield.opening_A", dk.Settings.OpeningA), r.Positive(kf, "kfield.advance_A", dk.Settings.AdvanceA),
            r.Positive(kf, "kfield.force_tolerance", dk.Settings.ForceToleranceEvPerA), r.Integer(kf, "kfield.max_iterations", dk.Settings.MaxIterations, min: 1),
            plane switch { "strain" => PlaneState.Strain, "stress" => PlaneState.Stress, _ => throw new InputException($"{path}: key 'kfield.plane' is '{plane}', expected strain or stress") },
            b.Settings.Crack.CrackAxis, b.Settings.Crack.LoadingAxis, J: j,
            TemperatureK: r.Number(kf, "kfield.temperature_K", dk.Settings.TemperatureK), HoldPs: r.Positive(kf, "kfield.hold_ps", dk.Settings.HoldPs),
            TimestepFs: r.Positive(kf, "kfield.timestep_fs", dk.Settings.TimestepFs), SampleEverySteps: r.Integer(kf, "kfield.sample_every_steps", dk.Settings.SampleEverySteps, min: 1));
        try { ks.Check(); } catch (InputException e) { throw new InputException($"{path}: [kfield] {e.Message}"); }
        return new ToughnessStudy(path, b, fractions, seeds, methods, sizes, rates, j)
        {
            KField = new KFieldStudySettings(ks, r.Counts(kf, "kfield.replicate") ?? dk.Replicate),
            Label = r.Text(st, "study.label", b.DataFile is not null ? Path.GetFileNameWithoutExtension(b.DataFile) : b.Shipped)!,
            X = st is not null && st.ContainsKey("x") ? r.Number(st, "study.x", 0) : null,
        };
    }
}

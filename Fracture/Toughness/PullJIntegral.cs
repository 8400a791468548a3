using System.Globalization;
using FractureLab.Mechanics;
using FractureLab.Mechanics.Atoms;
using FractureLab.Mechanics.Geometry;
using FractureLab.Mechanics.IO;

namespace FractureLab.Fracture.Toughness;

/// <summary>
/// How J is taken from a pull: the Hardy kernel width and grid spacing (Å), the outer domain half-sizes as fractions of the
/// room around a tip (half the ligament, and half the box along the load), the tip advance (Å) that marks the onset; with
/// <paramref name="WindowFrames"/> &gt; 1, consecutive dump frames are averaged in blocks of that many (per-atom displacement
/// and stress; the middle frame places the kernels) before the fields are taken: the short time window of SCIENCE.md §10.
/// </summary>
public sealed record JOptions(double KernelWidthA = 2.0, double SpacingA = 0.5, double[]? DomainFractions = null, double AdvanceA = 3.0, int WindowFrames = 1)
{
    public double[] Fractions => DomainFractions ?? [0.45, 0.65, 0.85];
}

/// <summary>One dumped frame of a pull: strain and stress along the load, the tips, J (J/m²) per domain at each tip.</summary>
public sealed record JFrame(long Step, double Strain, double StressGpa, CrackTipPair? Tips, double[] OuterA, double[] JRight, double[] JLeft)
{
    /// <summary>The height of the crack plane (Å) in this frame's box.</summary>
    public double CrackPlaneZ { get; init; }

    public double JMean => JRight.Concat(JLeft).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();

    /// <summary>Path independence: the sample sd of J over the domains and both tips, relative to their mean.</summary>
    public double Spread
    {
        get
        {
            var v = JRight.Concat(JLeft).Where(double.IsFinite).ToList();
            return v.Count > 1 ? Campaigns.CampaignAggregate.Describe(v).Sd / Math.Abs(v.Average()) : double.NaN;
        }
    }
}

/// <summary>J of a pull at the onset of crack advance: the frame, J_c (J/m²) and how it was found.</summary>
public sealed record JOnset(JFrame Frame, double JcJPerM2, double Spread, bool AdvanceSeen, string How);

/// <summary>
/// The J integral of a pre-cracked pull from its per-atom stress dump (ours, or LAMMPS's <c>dump custom ... c_stress[1..6]</c>)
/// and the relaxed pre-cracked structure as the displacement reference (SCIENCE.md §10): per frame the Hardy fields, the tips
/// from the void, and the domain J around each tip (direction +x for the right tip, −x for the left); J at the onset of
/// crack advance is G_c.
/// </summary>
public static class PullJIntegral
{
    /// <param name="ions">with core-shell ions, their pairing in <paramref name="reference"/>: each frame's shells are folded into their cores first.</param>
    public static List<JFrame> Analyze(AtomSystem reference, string dumpPath, int crackAxis, int loadAxis, double halfLengthA, JOptions o, IonFrames? ions = null)
    {
        if (ions is not null) reference = ions.Ions;
        var typeById = TypeById(reference);
        double l0 = reference.Box.Length(loadAxis);
        double refCentreX = reference.Box.Lo[crackAxis] + 0.5 * reference.Box.Length(crackAxis);
        double refCentreZ = reference.Box.Lo[loadAxis] + 0.5 * reference.Box.Length(loadAxis);
        var frames = new List<JFrame>();
        var block = new List<(DumpFrame Frame, AtomSystem System, double[] U, double[][] Stress)>();
        int window = Math.Max(1, o.WindowFrames);
        foreach (var raw in LammpsDumpReader.Read(dumpPath))
        {
            var f = ions?.Merge(raw, dumpPath) ?? raw;
            var s = Frame(f, reference, typeById, dumpPath);
            if (!(f.Columns.ContainsKey("c_stress[1]") && f.Columns.ContainsKey("c_stress[6]")))
                throw new InputException($"{dumpPath}: frame at step {f.Step} has no per-atom stress columns c_stress[1..6] (LAMMPS: compute stress/atom, dumped as c_stress[*])");
            block.Add((f, s, HardyFields.Displacements(reference, s), Enumerable.Range(1, 6).Select(k => f.Columns[$"c_stress[{k}]"]).ToArray()));
            if (block.Count < window) continue;
            frames.Add(Evaluate(block));
            block.Clear();
        }
        return frames.Count > 0 ? frames : throw new InputException($"{dumpPath}: {block.Count} frames, fewer than the {window} of one time window");

        JFrame Evaluate(List<(DumpFrame Frame, AtomSystem System, double[] U, double[][] Stress)> b)
        {
            var mid = b[b.Count / 2];
            var s = mid.System;
            var order = b.Select(x => OrderLike(x.System, s, dumpPath)).ToList();
            var u = Average(b.Select((x, k) => Permute(x.U, order[k], 3)).ToList());
            var stress = Enumerable.Range(0, 6).Select(c => Average(b.Select((x, k) => Permute(x.Stress[c], order[k], 1)).ToList())).ToArray();
            var fields = HardyFields.Compute(s, u, stress, crackAxis, loadAxis, o.KernelWidthA, o.SpacingA);
            double strain = b.Average(x => x.System.Box.Length(loadAxis)) / l0 - 1;
            double sigma = b.Average(x => x.Stress[loadAxis].Sum() / x.System.Box.Volume) * 1e-4;
            // The crack centre moves with the box (affinely).
            double cx = s.Box.Lo[crackAxis] + (refCentreX - reference.Box.Lo[crackAxis]) / reference.Box.Length(crackAxis) * s.Box.Length(crackAxis);
            double cz = s.Box.Lo[loadAxis] + (refCentreZ - reference.Box.Lo[loadAxis]) / l0 * s.Box.Length(loadAxis);
            var tips = CrackTips.Find(fields, cx, cz);
            double w = s.Box.Length(crackAxis);
            double len = tips is { Separated: false } ? tips.LengthA : 2 * halfLengthA;
            double room = Math.Min(0.5 * (w - len), 0.5 * s.Box.Length(loadAxis));
            var outer = o.Fractions.Select(q => q * room).ToArray();
            double[] jr = new double[outer.Length], jl = new double[outer.Length];
            for (int d = 0; d < outer.Length; d++)
            {
                bool ok = tips is { Separated: false } && outer[d] > 2 * Math.Max(fields.Hx, fields.Hz);
                jr[d] = ok ? JIntegral.Domain(fields, tips!.RightX, cz, +1, outer[d] / 2, outer[d]) : double.NaN;
                jl[d] = ok ? JIntegral.Domain(fields, tips!.LeftX, cz, -1, outer[d] / 2, outer[d]) : double.NaN;
            }
            return new JFrame(mid.Frame.Step, strain, sigma, tips, outer, jr, jl) { CrackPlaneZ = cz };
        }
    }

    /// <summary>For each atom of <paramref name="target"/>, its index in <paramref name="frame"/> (matched by id); null when the order is the same.</summary>
    private static int[]? OrderLike(AtomSystem frame, AtomSystem target, string path)
    {
        if (frame.Id.AsSpan().SequenceEqual(target.Id)) return null;
        var index = new Dictionary<int, int>(frame.Count);
        for (int i = 0; i < frame.Count; i++) index[frame.Id[i]] = i;
        var order = new int[target.Count];
        for (int i = 0; i < target.Count; i++)
            order[i] = index.TryGetValue(target.Id[i], out int j) ? j : throw new InputException($"{path}: atom id {target.Id[i]} is missing from a frame of the time window");
        return order;
    }

    private static double[] Permute(double[] values, int[]? order, int stride)
    {
        if (order is null) return values;
        var r = new double[order.Length * stride];
        for (int i = 0; i < order.Length; i++) for (int c = 0; c < stride; c++) r[stride * i + c] = values[stride * order[i] + c];
        return r;
    }

    /// <summary>The element-wise mean of equally long arrays.</summary>
    private static double[] Average(IReadOnlyList<double[]> arrays)
    {
        var m = new double[arrays[0].Length];
        foreach (var a in arrays) for (int i = 0; i < m.Length; i++) m[i] += a[i];
        for (int i = 0; i < m.Length; i++) m[i] /= arrays.Count;
        return m;
    }

    /// <summary>
    /// The onset: the first frame after which a tip stays advanced by more than <see cref="JOptions.AdvanceA"/> beyond its
    /// first position (or the crack has separated); J_c is J at the frame before it. Without an advance, J at the peak stress.
    /// </summary>
    public static JOnset? Onset(IReadOnlyList<JFrame> frames, JOptions o)
    {
        var first = frames.FirstOrDefault(f => f.Tips is { Separated: false });
        if (first is null) return null;
        bool Advanced(JFrame f) => f.Tips is null || f.Tips.Separated
            || f.Tips.RightX - first.Tips!.RightX > o.AdvanceA || first.Tips!.LeftX - f.Tips.LeftX > o.AdvanceA;
        int onset = -1;
        for (int k = frames.Count - 1; k >= 0 && Advanced(frames[k]); k--) onset = k;
        if (onset > 0 && double.IsFinite(frames[onset - 1].JMean))
        {
            var f = frames[onset - 1];
            return new JOnset(f, f.JMean, f.Spread, true, string.Create(CultureInfo.InvariantCulture,
                $"last frame before a tip advanced more than {o.AdvanceA} A for good (strain {f.Strain:0.000})"));
        }
        var peak = frames.Where(f => double.IsFinite(f.JMean)).MaxBy(f => f.StressGpa);
        return peak is null ? null : new JOnset(peak, peak.JMean, peak.Spread, false,
            string.Create(CultureInfo.InvariantCulture, $"no lasting tip advance seen: J at the peak-stress frame (strain {peak.Strain:0.000})"));
    }

    /// <summary>The configuration of the dump frame at <paramref name="step"/> (types and masses from the reference), for the process zone at the onset; with <paramref name="ions"/>, its ions.</summary>
    public static AtomSystem FrameAt(AtomSystem reference, string dumpPath, long step, IonFrames? ions = null)
    {
        var f = LammpsDumpReader.Read(dumpPath).FirstOrDefault(x => x.Step == step) ?? throw new InputException($"{dumpPath}: no frame at step {step}");
        if (ions is not null) (f, reference) = (ions.Merge(f, dumpPath), ions.Ions);
        return Frame(f, reference, TypeById(reference), dumpPath);
    }

    /// <summary>The type of each reference atom by id (dump frames carry ids; types and masses come from the reference).</summary>
    private static Dictionary<int, int> TypeById(AtomSystem reference)
    {
        var d = new Dictionary<int, int>(reference.Count);
        for (int i = 0; i < reference.Count; i++) d[reference.Id[i]] = reference.Type[i];
        return d;
    }

    public static void WriteCsv(TextWriter w, IReadOnlyList<JFrame> frames)
    {
        var ci = CultureInfo.InvariantCulture;
        int nd = frames.Max(f => f.OuterA.Length);
        var head = new List<string> { "step", "strain", "stress_GPa", "tip_left_A", "tip_right_A", "separated" };
        for (int d = 0; d < nd; d++) head.AddRange([$"domain{d + 1}_outer_A", $"J_right_{d + 1}_J_m2", $"J_left_{d + 1}_J_m2"]);
        head.AddRange(["J_mean_J_m2", "J_spread"]);
        w.WriteLine(string.Join(',', head));
        string N(double v) => double.IsFinite(v) ? v.ToString("G8", ci) : "";
        foreach (var f in frames)
        {
            var cells = new List<string> { f.Step.ToString(ci), N(f.Strain), N(f.StressGpa), N(f.Tips?.LeftX ?? double.NaN), N(f.Tips?.RightX ?? double.NaN), (f.Tips?.Separated ?? false) ? "1" : "0" };
            for (int d = 0; d < nd; d++) cells.AddRange([N(f.OuterA[d]), N(f.JRight[d]), N(f.JLeft[d])]);
            cells.AddRange([N(f.JMean), N(f.Spread)]);
            w.WriteLine(string.Join(',', cells));
        }
    }

    /// <summary>An atom system of one dump frame: ids, unwrapped-consistent positions and images, types and masses from the reference (matched by id).</summary>
    private static AtomSystem Frame(DumpFrame f, AtomSystem reference, Dictionary<int, int> typeById, string path)
    {
        var s = new AtomSystem(f.Atoms, reference.TypeElements, reference.TypeMasses, new Box(f.Lo, f.Hi, f.Periodic));
        var ids = f.Column("id", path);
        bool unwrapped = f.Columns.ContainsKey("xu");
        for (int a = 0; a < 3; a++)
        {
            var src = f.Column(unwrapped ? "xyz"[a] + "u" : "xyz"[a].ToString(), path);
            var img = f.Columns.GetValueOrDefault("i" + "xyz"[a]);
            var dst = s.Positions(a); var di = s.Images(a);
            for (int i = 0; i < f.Atoms; i++) { dst[i] = src[i]; di[i] = img is null ? 0 : (int)img[i]; }
        }
        for (int i = 0; i < f.Atoms; i++)
        {
            int id = (int)ids[i];
            s.Id[i] = id;
            s.Type[i] = typeById.TryGetValue(id, out int t) ? t : throw new InputException($"{path}: atom id {id} at step {f.Step} is not in the reference structure");
        }
        return s;
    }
}
